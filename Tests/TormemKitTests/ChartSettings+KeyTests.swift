import Foundation
import Testing
import TormemCore
import TormemTestSupport
@testable import TormemKit

/// Every chart option is a `ChartSettings.Key`, checked by the key: the command line and
/// tormem.json refuse the same values, each naming the option its own way.
@Suite struct ChartSettingsKeyTests {
    typealias Key = ChartSettings.Key

    struct Check: Sendable, CustomStringConvertible {
        /// What the command line gives.
        var arguments: [String]
        /// The same in tormem.json.
        var json: String
        /// What the command line's message says (`--title …`).
        var commandLine: String
        /// What tormem.json's message says after the file's name (`title …`).
        var file: String
        var description: String { commandLine }
    }

    static let title = String(repeating: "t", count: 1001), prefix = String(repeating: "p", count: 101)
    static let checks: [Check] = [
        Check(arguments: ["--title", title], json: "{\"title\": \"\(title)\"}",
              commandLine: "--title \(MessageText.quoted(title)): expected at most 1000 bytes",
              file: "title \(MessageText.quoted(title)): expected at most 1000 bytes"),
        Check(arguments: ["--prefix", prefix], json: "{\"prefix\": \"\(prefix)\"}",
              commandLine: "--prefix \(MessageText.quoted(prefix)): expected a file name prefix without '/', at most 100 bytes",
              file: "prefix \(MessageText.quoted(prefix)): expected a file name prefix without '/', at most 100 bytes"),
        Check(arguments: ["--prefix", "a/b"], json: "{\"prefix\": \"a/b\"}",
              commandLine: "--prefix \"a/b\": expected a file name prefix without '/', at most 100 bytes",
              file: "prefix \"a/b\": expected a file name prefix without '/', at most 100 bytes"),
        Check(arguments: ["--width", "20000", "--height", "20000"], json: "{\"width\": 20000, \"height\": 20000}",
              commandLine: "--width 20000 --height 20000: expected at most 50 million pixels per chart",
              file: "width 20000 height 20000: expected at most 50 million pixels per chart"),
        Check(arguments: ["--group-label", "A= "], json: "{\"group-label\": {\"A\": \" \"}}",
              commandLine: "--group-label \"A= \": expected GROUP=LABEL with both non-empty, e.g. A=\"DirCache 0\"",
              file: "group-label \"A= \": expected GROUP=LABEL with both non-empty, e.g. A=\"DirCache 0\""),
        Check(arguments: ["--group-label", " =label"], json: "{\"group-label\": {\" \": \"label\"}}",
              commandLine: "--group-label \" =label\": expected GROUP=LABEL", file: "group-label \" =label\": expected GROUP=LABEL"),
        Check(arguments: ["--control", " "], json: "{\"control\": \" \"}",
              commandLine: "--control \" \": expected a group ID, e.g. A", file: "control \" \": expected a group ID, e.g. A"),
        Check(arguments: ["--compare", ""], json: "{\"compare\": \"\"}",
              commandLine: "--compare \"\": expected a group ID, e.g. A", file: "compare \"\": expected a group ID, e.g. A"),
        Check(arguments: ["--server-alias", "old=old"], json: "{\"server-alias\": {\"old\": \"old\"}}",
              commandLine: "--server-alias \"old=old\": expected OLD=NEW, two different server names",
              file: "server-alias \"old=old\": expected OLD=NEW, two different server names"),
        Check(arguments: ["--server-alias", "old=  "], json: "{\"server-alias\": {\"old\": \"  \"}}",
              commandLine: "--server-alias \"old=  \": expected OLD=NEW", file: "server-alias \"old=  \": expected OLD=NEW"),
        Check(arguments: ["--server-alias", "b=c", "--server-alias", "a=b"], json: "{\"server-alias\": {\"b\": \"c\", \"a\": \"b\"}}",
              commandLine: "--server-alias \"a=b\": \"b\" is itself renamed; expected each server renamed once, to its last name",
              file: "server-alias \"a=b\": \"b\" is itself renamed; expected each server renamed once, to its last name"),
    ]

    /// The command line: a usage error (exit 2) before anything is read or written.
    @Test(arguments: checks)
    func theCommandLineRefuses(_ c: Check) throws {
        let out = try temporaryFolder() + "/out"
        let r = try run(["--data", realData, "--output-dir", out] + c.arguments)
        #expect(r.status == 2, "\(c.arguments): \(r.stderr)")
        #expect(r.stderr.contains(c.commandLine), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// tormem.json: the report job fails with an input error naming the file and the key, and
    /// writes nothing.
    @Test(arguments: checks)
    func tormemJSONRefuses(_ c: Check) throws {
        let folder = try ReportJob.create(reportsDir: try temporaryFolder() + "/reports", name: "guard", host: "co", date: "2025-09-18", data: realData)
        let path = folder.path + "/tormem.json"
        try write(c.json, to: path)
        #expect {
            try ReportJob.run(folder, options: ChartsRequest(dataPaths: [], outputDirectory: ""), check: nil)
        } throws: { error in
            guard case .input(let d) = error as? TormemError else { return false }
            return d.file == path && d.message.contains(c.file)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.chartsPath))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/README.md"))
    }

    /// A NUL byte cannot be given on a command line, but tormem.json can hold one.
    @Test func aPrefixWithANulByteIsRefusedInTormemJSON() {
        #expect {
            try ChartSettings(json: Array("{\"prefix\": \"a\\u0000b\"}".utf8), file: "r/tormem.json")
        } throws: { error in
            (error as? TormemError)?.description.hasPrefix("r/tormem.json: prefix \"a?b\": expected a file name prefix") == true
        }
    }

    /// Options each fine alone, but not with the folder's: the file's `last` and a `--since`.
    @Test func optionsThatDoNotGoWithTormemJSONsAreAUsageErrorNamingIt() throws {
        let folder = try ReportJob.create(reportsDir: try temporaryFolder() + "/reports", name: "guard", host: "co", date: "2025-09-18", data: realData)
        try write("{\"last\": \"3d\", \"width\": 20000}", to: folder.path + "/tormem.json")
        let since = try run(["report", folder.path, "--since", "2025-09-12"])
        #expect(since.status == 2, "\(since.stderr)")
        #expect(since.stderr.contains(folder.path + "/tormem.json with the options given: last \"3d\": expected either --since or --last"), "\(since.stderr)")
        let height = try run(["report", folder.path, "--height", "20000"])
        #expect(height.stderr.contains("tormem.json with the options given: width 20000 height 20000: expected at most 50 million"), "\(height.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.chartsPath))
    }

    /// A valid value of every key.
    static let samples: [Key: ChartSettings.Value] = [
        .title: .text("guard relays"), .color: .text("#112233"), .prefix: .text("p"), .theme: .text("light"),
        .format: .text("svg"), .png: .text("exact"), .width: .integer(800), .height: .integer(600), .scale: .number(1.5),
        .groupLabel: .pairs(["A": "DirCache 0", "B": "b"]), .control: .text("A"), .compare: .text("B"),
        .serverAlias: .pairs(["old": "new"]), .keepServers: .flag(true), .since: .text("2025-12-27"), .until: .text("2026-01-01"),
        .last: .text("3d"), .top: .integer(5), .metric: .text("hwm"), .outlierThreshold: .number(3), .fragmentationZone: .number(3.5),
        .expectedMax: .number(2), .fragmentationFactor: .number(3), .growthThreshold: .number(0.5),
    ]

    /// Each key goes into tormem.json and comes back the same, and into a request and back.
    @Test(arguments: Key.allCases)
    func everyKeyRoundTripsThroughTormemJSONAndTheRequest(_ key: Key) throws {
        #expect(Set(Self.samples.keys) == Set(Key.allCases))
        let value = try #require(Self.samples[key])
        var s = ChartSettings()
        s[key] = value
        #expect(s.problem == nil)
        let text = s.json.text
        #expect(text.contains("\"\(key.rawValue)\":"))
        #expect(try ChartSettings(json: Array(text.utf8), file: "tormem.json") == s)
        var request = ChartsRequest(dataPaths: [], outputDirectory: "")
        request.apply(s)
        #expect(request.settings[key] == value)
    }

    /// The draw command's options, but for those that say where to read (a file, a Prometheus server and
    /// its credentials, which are never recorded) and write and how loudly.
    static let notChartOptions: Set<String> = ["data", "output-dir", "json", "strict", "quiet", "help", "version", "no-keep-servers",
                                                  "prometheus", "match", "server-label", "timeout",
                                                  "bearer-token-file", "basic-auth-file", "tenant", "side-files"]

    /// The chart options are exactly the keys: every option the command line has that changes the
    /// charts is recorded (tormem.json, shown here by a check, which writes nothing), and no key
    /// lacks its option.
    @Test func theKeysAreTheDrawOptionsAndEachGivenOneIsRecorded() throws {
        let help = try run(["draw", "--help"])
        let options = Set(Suggestion.listedOptionNames(inHelp: help.stdout)).subtracting(Self.notChartOptions)
        #expect(options == Set(Key.allCases.map(\.rawValue)))

        // Every key given once: `since` in one run and `last` in another (they do not go together),
        // on data that has every metric.
        let folder = try ReportJob.create(reportsDir: try temporaryFolder() + "/reports", name: "unified", host: "relayhost",
                                          date: "2025-12-26", data: Fixtures.url("synthetic/unified_12relays_7days.csv"))
        var recorded: Set<String> = []
        for window in [Key.since, .last] {
            var arguments: [String] = []
            for key in Key.allCases where key != (window == .since ? .last : .since) {
                switch Self.samples[key]! {
                case .flag: arguments.append("--" + key.rawValue)
                case .pairs(let p): arguments += p.keys.sorted().flatMap { ["--" + key.rawValue, $0 + "=" + p[$0]!] }
                case let v: arguments += ["--" + key.rawValue, ChartSettings.shown(v)]
                }
            }
            let r = try run(["report", folder.path, "--check"] + arguments)
            #expect(r.status == 1, "\(r.stderr)")
            let line = try #require(r.stderr.split(separator: "\n").first { $0.contains("tormem.json: chart options would change (") })
            for word in line.split(separator: " ") where word.hasPrefix("(--") || word.hasPrefix("--") {
                recorded.insert(String(word.drop { $0 == "(" || $0 == "-" }.prefix { $0 != "=" && $0 != ")" }))
            }
        }
        #expect(recorded == Set(Key.allCases.map(\.rawValue)))
    }
}
