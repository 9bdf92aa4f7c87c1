enum ExpressionPending {}
