import Testing
@testable import ScorecardReport

@Suite struct TextTableTests {
    @Test func chineseAndASCIIColumnsAlign() {
        var table = TextTable(columns: [(title: "姓名", alignment: .left), (title: "工号", alignment: .left), (title: "得分", alignment: .right)])
        table.addRow(["张三", "1001", "95.5"])
        table.addRow(["Li Si", "1002", "8"])
        table.addSeparator()
        table.addRow(["欧阳小明", "", "100"])
        #expect(
            table.render() == """
                姓名      工号  得分
                --------  ----  ----
                张三      1001  95.5
                Li Si     1002     8
                --------  ----  ----
                欧阳小明         100

                """)
    }

    @Test func missingAndExtraCells() {
        var table = TextTable(columns: [TextTable.Column("a"), TextTable.Column("b", alignment: .right)])
        table.addRow(["x"])
        table.addRow(["y", "1", "dropped"])
        #expect(table.render() == "a  b\n-  -\nx\ny  1\n")
    }
}
