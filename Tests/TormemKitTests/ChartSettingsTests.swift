import Foundation
import Testing
import TormemCore
import TormemTestSupport
@testable import TormemKit

@Suite struct ChartSettingsTests {
    func settings(_ values: [ChartSettings.Key: ChartSettings.Value]) -> ChartSettings {
        var s = ChartSettings()
        for (k, v) in values { s[k] = v }
        return s
    }

    @Test func jsonIsDeterministicAndReadsBack() throws {
        let s = settings([.theme: .text("light"), .width: .integer(1200), .groupLabel: .pairs(["B": "b", "A": "a \"q\""]),
                          .keepServers: .flag(true), .expectedMax: .number(1.5), .title: .text("-x")])
        let text = s.json.text
        #expect(text == """
            {
              "title": "-x",
              "theme": "light",
              "width": 1200,
              "group-label": {
                "A": "a \\"q\\"",
                "B": "b"
              },
              "keep-servers": true,
              "expected-max": 1.5
            }

            """)
        #expect(try ChartSettings(json: Array(text.utf8), file: "tormem.json") == s)
        #expect(s.arguments == ["--title=-x", "--theme", "light", "--width", "1200", "--group-label", "A=a \"q\"",
                                "--group-label", "B=b", "--keep-servers", "--expected-max", "1.5"])
    }

    @Test func theCommandLineWinsKeyByKey() {
        let stored = settings([.theme: .text("light"), .groupLabel: .pairs(["A": "a", "B": "b"]), .top: .integer(5)])
        let given = settings([.theme: .text("dark"), .groupLabel: .pairs(["B": "new"])])
        #expect(stored.merging(given) == settings([.theme: .text("dark"), .groupLabel: .pairs(["A": "a", "B": "new"]), .top: .integer(5)]))
    }

    @Test(arguments: [
        ("{\"theme\": \"pink\"}", "theme pink: expected dark or light"),
        ("{\"width\": 5}", "width 5: expected 200 to 20000 pixels"),
        ("{\"width\": \"wide\"}", "width: expected a whole number"),
        ("{\"colour\": \"#ffffff\"}", "unknown option \"colour\""),
        ("[1]", "expected an object of chart options"),
        ("{\"theme\": ", "column 11: expected"),
        // The query of a snapshot folder (SnapshotQuery).
        ("{\"prometheus\": \"http://a\"}", "prometheus: expected an object"),
        ("{\"prometheus\": {\"url\": \"http://u:p@a\", \"server-label\": \"instance\"}}", "without user or password"),
        ("{\"prometheus\": {\"url\": \"ftp://a\", \"server-label\": \"instance\"}}", "a url like"),
        ("{\"prometheus\": {\"url\": \"http://a\", \"server-label\": \"instance\", \"token\": \"x\"}}", "only url, match and server-label"),
        ("{\"prometheus\": {\"url\": \"http://a\"}}", "a server-label"),
    ])
    func badFilesAreInputErrorsNamingTheFile(text: String, message: String) {
        #expect {
            try ChartSettings(json: Array(text.utf8), file: "r/tormem.json")
        } throws: { error in
            guard let e = error as? TormemError else { return false }
            return e.exitCode == 3 && e.description.contains("r/tormem.json") && e.description.contains(message)
        }
    }

    @Test func requestsApplyAndReportTheirSettings() {
        var r = ChartsRequest(dataPaths: [], outputDirectory: "")
        r.apply(settings([.theme: .text("light"), .top: .integer(7), .serverAlias: .pairs(["a": "b"])]))
        #expect(r.theme == .light && r.topRelays == 7 && r.serverAliases == ["a": "b"])
        #expect(r.settings[.theme] == .text("light"))
        #expect(r.settings[.format] == .text("png"))
        #expect(r.settings[.title] == nil)
    }

    /// `report DIR --theme light` is kept in DIR/tormem.json: a bare regenerate draws the same,
    /// `--check` passes, the README's command shows it, and a later option overrides and updates it.
    @Test func reportFoldersKeepTheirOptions() throws {
        let root = try temporaryFolder() + "/reports"
        let plain = ChartsRequest(dataPaths: [], outputDirectory: "")
        let folder = try ReportJob.create(reportsDir: root, name: "guard", host: "co", date: "2025-09-18", data: realData)
        let settingsPath = folder.path + "/tormem.json"
        _ = try ReportJob.run(folder, options: plain, check: nil)
        #expect(!FileManager.default.fileExists(atPath: settingsPath))

        let result = try ReportJob.run(folder, options: plain, given: settings([.theme: .text("light"), .width: .integer(1000)]), check: nil)
        #expect(result.written.contains(settingsPath))
        #expect(String(decoding: try #require(bytes(settingsPath)), as: UTF8.self) == "{\n  \"theme\": \"light\",\n  \"width\": 1000\n}\n")
        let usage = try #require(bytes(folder.chartsPath + "/memory_usage.png"))
        #expect(try CairoImageWidth(usage) == 1000)
        let readme = String(decoding: try #require(bytes(folder.path + "/README.md")), as: UTF8.self)
        #expect(readme.contains("tormem-charts report reports/2025-09-18-co-guard --theme light --width 1000\n"))

        try ReportJob.regenerate(root: root, options: plain, check: .source)
        try ReportJob.regenerate(root: root, options: plain, check: .pixels)
        #expect(try ReportJob.run(folder, options: plain, check: nil).written.isEmpty)

        // The command line overrides and updates it; checking with another option says so.
        let override = settings([.theme: .text("dark")])
        let stale = try ReportJob.run(folder, options: plain, given: override, check: .source).stale
        #expect(stale.contains(settingsPath + ": chart options would change (--theme dark --width 1000)"))
        _ = try ReportJob.run(folder, options: plain, given: override, check: nil)
        #expect(try ChartSettings(json: try #require(bytes(settingsPath)), file: settingsPath)
                == settings([.theme: .text("dark"), .width: .integer(1000)]))
        try ReportJob.regenerate(root: root, options: plain, check: .source)
    }

    /// The width of a PNG from its header.
    func CairoImageWidth(_ png: [UInt8]) throws -> Int {
        Int(png[16]) << 24 | Int(png[17]) << 16 | Int(png[18]) << 8 | Int(png[19])
    }
}
