print("scorecard: under construction")
