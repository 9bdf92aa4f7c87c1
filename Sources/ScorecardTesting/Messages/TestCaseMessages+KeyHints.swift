// MARK: What to write when a required key is missing

extension TestCaseMessages {
    /// The hint under "缺少 key" for each key a test file must have, by where it is required
    /// (`MappingReader.required`): one place for the words, beside the layer's other messages.
    enum KeyHint {
        /// `expect:`
        static let caseExpectations = "在 expect: 下列出期望的结果，如 - {officer: 石磊, total: 76.84}"
        /// `name:`
        static let caseName = "用一句话写明这个用例检查什么，如 name: 石磊 2025-Q4 的总分与等级"
        /// `value:`
        static let expectedValue = "写上期望的数，如 value: 76.84"
        /// `amount:`
        static let fundAmount = "写上金额 amount: …，或各档的条数 breakdown: {…}"
        /// `quarter:`
        static let inlineQuarter = "写上季度，如 quarter: 2025-Q1"
        /// `records:`
        static let inlineRecords = "写上这个季度的考核记录"
        /// `cases:`
        static let testCases = "在 cases: 下列出测试用例，每个以“- name: …”开头"
    }
}
