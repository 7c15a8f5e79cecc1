import Testing
import TormemCore
@testable import TormemKit

@Suite struct CompareSettingsTests {
    @Test func tormemJSONRoundTrips() throws {
        var chart = ChartSettings()
        chart[.theme] = .text("light")
        let s = CompareSettings(folders: ["../a", "../b"],
                                matches: [.init(name: "jemalloc", groups: [.init(folder: "a", group: "B"), .init(folder: "b", group: "A")])],
                                controls: [.init(folder: "b", group: "C")], chart: chart)
        let text = s.json.text
        #expect(text.contains("\"comparison\": {"))
        #expect(try CompareSettings(json: Array(text.utf8), file: "t.json") == s)
        #expect(s.arguments == ["--match", "jemalloc=a:B,b:A", "--control", "b:C", "--theme", "light"])
    }

    @Test func parsingMatchesAndGroupReferences() throws {
        let m = try CompareSettings.Match(parsing: "mimalloc=2025-12-25-relayhost:A,edge:A_mimalloc")
        #expect(m.name == "mimalloc")
        #expect(m.groups.map(\.description) == ["2025-12-25-relayhost:A", "edge:A_mimalloc"])
        for bad in ["mimalloc", "=a:B,b:C", "x=a:B", "x=a:B,bC", "x=a:,b:C"] {
            #expect(throws: TormemError.self, "\(bad)") { try CompareSettings.Match(parsing: bad) }
        }
        #expect(throws: TormemError.self) { try CompareSettings.GroupRef(parsing: ":B", option: "--control") }
    }

    @Test func aBadFileIsAnInputErrorNamingIt() {
        for (text, message) in [
            ("{\"theme\": \"light\"}", "expected an object with \"comparison\""),
            ("{\"comparison\": {\"folders\": [\"../a\"]}}", "comparison.folders: expected at least two report folders"),
            ("{\"comparison\": {\"folders\": [\"../a\", \"../b\"], \"groups\": 1}}", "comparison: unknown key \"groups\""),
            ("{\"comparison\": {\"folders\": [\"../a\", \"../b\"]}, \"metric\": \"hwm\"}", "unknown option \"metric\""),
            ("{\"comparison\": {\"folders\": [\"../a\", \"../b\"], \"control\": [\"b\"]}}", "comparison.control: control b: expected FOLDER:GROUP"),
        ] {
            do {
                _ = try CompareSettings(json: Array(text.utf8), file: "cmp/tormem.json")
                Issue.record("\(text): accepted")
            } catch {
                #expect(error.description.hasPrefix("cmp/tormem.json"), "\(error)")
                #expect(error.description.contains(message), "\(error)")
            }
        }
    }
}
