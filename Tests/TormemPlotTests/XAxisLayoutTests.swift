import Testing
@testable import TormemPlot

@Suite struct XAxisLayoutTests {
    /// Long group IDs break after `_`, `-` and `/` (kept on the line) and at spaces (dropped).
    @Test func labelsBreakAfterUnderscoresDashesAndAtSpaces() {
        #expect(XAxisLayout.pieces("G_glibc_dircache0_historical").map(\.text) == ["G_", "glibc_", "dircache0_", "historical"])
        #expect(XAxisLayout.pieces("a-b c/d").map(\.text) == ["a-", "b", "c/", "d"])
        #expect(XAxisLayout.pieces("a-b c/d").map(\.spaced) == [false, false, true, false])
        #expect(XAxisLayout.pieces("  x  y ").map(\.text) == ["x", "y"])
    }

    @Test func wrappingFillsLinesGreedily() {
        let upTo = { (n: Int) in { (line: String) in line.count <= n } }
        #expect(XAxisLayout.wordWrap("C_tcmalloc215_historical", fits: upTo(14)) == ["C_tcmalloc215_", "historical"])
        #expect(XAxisLayout.wordWrap("G_glibc_dircache0_historical", fits: upTo(10)) == ["G_glibc_", "dircache0_", "historical"])
        #expect(XAxisLayout.wordWrap("DirCache 0 + MaxMem 2GB", fits: upTo(12)) == ["DirCache 0 +", "MaxMem 2GB"])
        // A piece wider than a line: no wrapping.
        #expect(XAxisLayout.wordWrap("tcmalloc215_historical", fits: upTo(8)) == nil)
    }
}
