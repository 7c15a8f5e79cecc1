import Testing
import TormemCore
@testable import TormemKit

@Suite struct ChartArgumentsTests {
    func settings(_ fill: (inout ChartArguments) -> Void) throws(TormemError) -> ChartSettings {
        var a = ChartArguments()
        fill(&a)
        return try a.settings()
    }

    func usage(_ fill: (inout ChartArguments) -> Void) -> String? {
        do {
            _ = try settings(fill)
            return nil
        } catch {
            return error.exitCode == 2 ? error.description : "not a usage error: \(error)"
        }
    }

    @Test func valuesBecomeTheKeysSettings() throws {
        let s = try settings { a in
            a.set(.theme, ChartsRequest.ThemeName.light)
            a.set(.width, 1000)
            a.set(.scale, 1.5)
            a.set(.keepServers, false)
            a.set(.groupLabel, ["A=\"DirCache 0\"", "B=plain"])
            a.set(.serverAlias, ["old=new"])
            a.set(.title, nil as String?)
        }
        #expect(s.values == [.theme: .text("light"), .width: .integer(1000), .scale: .number(1.5), .keepServers: .flag(false),
                             .groupLabel: .pairs(["A": "DirCache 0", "B": "plain"]), .serverAlias: .pairs(["old": "new"])])
    }

    /// A bad argument of a repeatable option is named as it was given (quotes and all).
    @Test func pairsAreNamedAsGiven() throws {
        #expect(usage { $0.set(.groupLabel, ["A=\"\""]) } == "--group-label \"A=\"\"\": expected GROUP=LABEL with both non-empty, e.g. A=\"DirCache 0\"")
        #expect(usage { $0.set(.groupLabel, ["A"]) }?.hasPrefix("--group-label \"A\": expected GROUP=LABEL") == true)
        #expect(usage { $0.set(.serverAlias, ["a=b", "a=c"]) } == "--server-alias \"a=c\": \"a\" is already renamed to \"b\"")
        // The same pair twice is no conflict; a label given again is the later one.
        #expect(usage { $0.set(.serverAlias, ["a=b", "a=b"]) } == nil)
        #expect(try settings { $0.set(.groupLabel, ["A=x", "A=y"]) }[.groupLabel] == .pairs(["A": "y"]))
    }

    /// A value of the wrong kind for its key is a usage error, not a crash.
    @Test func aValueOfAnotherKindIsAUsageError() {
        #expect(usage { $0.set(.width, "wide") } == "--width: expected a whole number")
        #expect(usage { $0.set(.title, ["a=b"]) } == "--title: expected a string")
    }

    @Test func rangesAreCheckedAsInTormemJSON() {
        #expect(usage { $0.set(.width, 5) } == "--width 5: expected 200 to 20000 pixels")
        #expect(usage { $0.set(.theme, "pink") } == "--theme pink: expected dark or light or both")
        #expect(usage { $0.set(.since, "2025-09-12"); $0.set(.last, "2d") }?.contains("either --since or --last") == true)
    }
}
