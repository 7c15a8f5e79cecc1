import Testing
@testable import TormemCollect

@Suite struct TextTableTests {
    @Test func columnsAlignAndNumbersGoRight() {
        var t = TextTable(columns: [.init("NAME"), .init("N", .right)])
        t.rows = [["a", "1"], ["longer", "100"]]
        t.footer = [["TOTAL", "101"]]
        #expect(t.text == """
        NAME      N
        a         1
        longer  100
        ------  ---
        TOTAL   101

        """)
    }
}
