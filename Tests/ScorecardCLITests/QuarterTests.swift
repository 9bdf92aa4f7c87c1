import Foundation
import Testing

@Suite("--quarter")
struct QuarterTests {
    @Test(arguments: ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"])
    func everyBundledQuarterEvaluates(quarter: String) throws {
        let run = try CLI.cached(["evaluate", "--quarter", quarter])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "")
        #expect(run.stdoutLines.first?.contains("\(quarter) 季度考核结果") == true)
        #expect(run.stdoutLines.contains { $0.hasPrefix("共 20 名联系员") })
    }

    /// 沈继红 left 掘进二队中班 on 2025-06-30 and 余国梁 took over on 2025-07-01.
    @Test func theRosterChangeShowsBetweenQ2AndQ3() throws {
        let q2 = try CLI.cached(["evaluate", "--quarter", "2025-Q2"])
        let q3 = try CLI.cached(["evaluate", "--quarter", "2025-Q3"])
        #expect(q2.stdout.contains("沈继红") && !q2.stdout.contains("余国梁"))
        #expect(q3.stdout.contains("余国梁") && !q3.stdout.contains("沈继红"))
    }

    @Test(arguments: [["evaluate"], ["explain", "10533"], ["check"]])
    func aQuarterWithoutEvidenceIsAFinding(command: [String]) throws {
        let run = try CLI.run(command + ["--quarter", "2024-Q1"])
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(run.stderr.contains("2024-Q1"))
        #expect(run.stderr.contains("已有的季度：2025-Q1、2025-Q2、2025-Q3、2025-Q4"))
    }

    @Test(arguments: ["foo", "2025-Q5", "", "2025-Q4x"])
    func aMalformedQuarterIsAUsageError(quarter: String) throws {
        for command in [["evaluate"], ["explain", "10533"], ["check"]] {
            let run = try CLI.run(command + ["--quarter", quarter])
            #expect(run.status == 2, "\(command) --quarter “\(quarter)”")
            #expect(run.stdout == "")
            #expect(run.stderr.contains("“\(quarter)”不是季度"))
            #expect(run.stderr.contains("2025-Q4 这样的形式"))
            #expect(run.stderr.contains("用法：scorecard \(command[0])"))
        }
    }
}
