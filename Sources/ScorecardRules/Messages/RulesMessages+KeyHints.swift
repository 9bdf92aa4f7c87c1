// MARK: What to write when a required key is missing

extension RulesMessages {
    /// The hint under "缺少 key" for each key a rule file must have, by where it is required
    /// (`MappingReader.required`): one place for the words, beside the layer's other messages.
    enum KeyHint {
        /// `when:`
        static let caseCondition = "写出条件，如 when: violations > 0"
        /// `score:`
        static let caseScore = "写出条件成立时的得分，如 score: 0"
        /// `message:`
        static let checkMessage = "写一句话说明不符合时的问题"
        /// `require:`
        static let criterionCondition = "写出判断条件，如 require: peer_approval >= 80"
        /// `criteria:`
        static let eligibilityCriteria = "列出各项任职条件"
        /// `excellent:`
        static let excellentSelection = "写明优秀的评选办法：count（名额）、share（比例）、min_total（最低分）至少一项"
        /// `choices:`
        static let fieldChoices = "列出可选的值，如 choices: [矿, 区队]"
        /// `min:`
        static let gradeMinimum = "写上本等级的最低分（含），如 min: 90"
        /// `id:`
        static let itemID = "每个项目要有一个编号，如 id: i01"
        /// `points:`
        static let itemPoints = "写上本项分值，如 points: 5"
        /// `scoring:`
        static let itemScoring = "写 scoring: assessed（考核人打分），或写明 method: computed 和 formula"
        /// `title:`
        static let itemTitle = "写上考核标准的原文"
        /// `effective:`
        static let policyEffective = "写上生效日期，如 effective: 2021-09-27"
        /// `version:`
        static let policyVersion = "写上版本号，如 version: \"2021.1\""
        /// `fund:`
        static let rewardFund = "写上列支的经费编号，如 fund: party_building"
        /// `list:`
        static let rewardList = "写上按哪一种明细计奖，如 list: suggestions"
        /// `by:`
        static let rewardRateKey = "写上按明细中的哪个字段区分费率，如 by: level"
        /// `formula:`
        static let scoringFormula = "写出计算本项得分的公式，如 formula: 5 * reports_on_time / reports_due"
        /// `method:`
        static let scoringMethod = "写 method: assessed 或 method: computed"
        /// `total:`
        static let scoringTotal = "写上满分，如 total: 100"
    }
}
