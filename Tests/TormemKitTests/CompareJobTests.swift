import Foundation
import Testing
import TormemTestSupport
@testable import TormemKit

/// Issue 26 end to end through the binary: Fixtures/compare (make.py) holds three report folders of
/// one idea run three times, with the effects computed in Python from the values it wrote
/// (expected.json); `compare --json` must hold them, and the comparison folder must follow its
/// report folders through `regenerate --check`.
struct CompareJobTests {
    static let alpha = "2026-02-01-alpha-jemalloc-trial", beta = "2026-02-10-beta-jemalloc-trial", gamma = "2026-03-01-gamma-allocators"

    /// A root holding copies of the three fixture folders.
    static func root(_ name: String = #function) throws -> String {
        // Named `reports` in every test: what is written names a folder by its parent and itself.
        let root = try temporaryFolder(name) + "/reports"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for f in [alpha, beta, gamma] {
            try FileManager.default.copyItem(atPath: Fixtures.url("compare/" + f), toPath: root + "/" + f)
        }
        return root
    }

    /// The temporary folder holding a `root`'s `reports`.
    static func parent(_ root: String) -> String { (root as NSString).deletingLastPathComponent }

    static func expected() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.url("compare/expected.json")))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The full comparison: jemalloc by its label in all three (case ignored), mimalloc by --match,
    /// gamma's control given.
    static func compare(_ root: String, extra: [String] = []) throws -> RunResult {
        try run(["compare", root + "/" + alpha, root + "/" + beta, root + "/" + gamma, "--output", root + "/cmp",
                 "--control", "gamma:A", "--match", "mimalloc=alpha:B,\(beta):D,gamma:C", "-q"] + extra)
    }

    static func json(_ path: String) throws -> [String: Any] {
        let data = try #require(FileManager.default.contents(atPath: path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func number(_ v: Any?) -> Double? { (v as? NSNumber)?.doubleValue }

    @Test func effectsAgainstEachOwnControlAreThoseComputedIndependently() throws {
        let root = try Self.root()
        defer { try? FileManager.default.removeItem(atPath: Self.parent(root)) }
        let r = try Self.compare(root, extra: ["--json", root + "/c.json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try Self.json(root + "/c.json")
        let configs = try #require(doc["configurations"] as? [[String: Any]])
        #expect(configs.map { $0["name"] as? String } == ["mimalloc", "jemalloc"])
        let want = try #require(try Self.expected()["configurations"] as? [String: [[String: Any]]])
        for config in configs {
            let name = try #require(config["name"] as? String)
            let rows = try #require(config["experiments"] as? [[String: Any]])
            let expected = try #require(want[name])
            #expect(rows.count == expected.count, "\(name)")
            for (got, exp) in zip(rows, expected) {
                let what = "\(name) \(exp["folder"]!)"
                #expect(got["folder"] as? String == exp["folder"] as? String, "\(what)")
                #expect(got["group"] as? String == exp["group"] as? String, "\(what)")
                #expect(got["n"] as? Int == exp["n"] as? Int, "\(what)")
                #expect(got["window_days"] as? Int == exp["window_days"] as? Int, "\(what)")
                let mean = try #require(Self.number(got["mean_end_gb"])), wantMean = try #require(Self.number(exp["mean_end_gb"]))
                #expect(abs(mean - wantMean) < 1e-9, "\(what): \(mean) vs \(wantMean)")
                let vs = try #require(got["vs_control"] as? [String: Any], "\(what)")
                #expect(vs["at"] as? Int == exp["at"] as? Int, "\(what)")
                let p = try #require(Self.number(vs["percent"])), wantP = try #require(Self.number(exp["percent"]))
                #expect(abs(p - wantP) < 1e-9, "\(what): \(p) vs \(wantP)")
                // Two bootstraps of 10,000 resamples with other generators: within 1 percentage point.
                let lo = try #require(Self.number(vs["ci_low"])), hi = try #require(Self.number(vs["ci_high"]))
                #expect(lo < p && p < hi, "\(what)")
                #expect(abs(lo - Self.number(exp["ci_low"])!) < 1, "\(what): low \(lo) vs \(exp["ci_low"]!)")
                #expect(abs(hi - Self.number(exp["ci_high"])!) < 1, "\(what): high \(hi) vs \(exp["ci_high"]!)")
            }
        }
        // Each folder's control, as its own report chose it (gamma's given).
        let folders = try #require(doc["folders"] as? [[String: Any]])
        let wantFolders = try #require(try Self.expected()["folders"] as? [String: [String: Any]])
        for f in folders {
            let name = try #require(f["folder"] as? String)
            let control = try #require(f["control"] as? [String: Any])
            #expect(control["group"] as? String == wantFolders[name]?["control"] as? String, "\(name)")
            #expect(abs(Self.number(control["mean_end_gb"])! - Self.number(wantFolders[name]?["control_mean_end_gb"])!) < 1e-9)
            #expect(f["name"] as? String == wantFolders[name]?["name"] as? String)
        }
        for file in ["README.md", "REPORT.md", "tormem.json", "charts/compare_effects.png", "charts/compare_end_means.png"] {
            #expect(FileManager.default.fileExists(atPath: root + "/cmp/" + file), "\(file)")
        }
        let report = try String(contentsOfFile: root + "/cmp/REPORT.md", encoding: .utf8)
        #expect(report.contains("> - jemalloc: −69 % ("), "\(report)")
        #expect(report.contains("against its own control on alpha, −54 % ("))
        #expect(report.contains("lower than its own control in all 3"))
    }

    @Test func groupsAreNeverMatchedByTheirLetter() throws {
        let root = try Self.root()
        defer { try? FileManager.default.removeItem(atPath: Self.parent(root)) }
        // Without --match: jemalloc by label in all three, "mimalloc 2.1" in alpha and beta only;
        // alpha's A (jemalloc) and beta's A (tcmalloc) share a letter and nothing else.
        let r = try run(["compare", root + "/" + Self.alpha, root + "/" + Self.beta, root + "/" + Self.gamma, "--output", root + "/cmp",
                         "--control", "gamma:A", "--json", "-"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let configs = try #require(doc["configurations"] as? [[String: Any]])
        let members = configs.map { c in (c["name"] as! String, (c["experiments"] as! [[String: Any]]).map { "\($0["name"]!):\($0["group"]!)" }) }
        #expect(members.map(\.0) == ["jemalloc", "mimalloc 2.1"])
        #expect(members[0].1 == ["alpha:A", "beta:B", "gamma:B"])
        #expect(members[1].1 == ["alpha:B", "beta:D"])
        let unmatched = (doc["unmatched"] as? [[String: Any]] ?? []).map { "\($0["folder"]!):\($0["group"]!)" }
        #expect(unmatched == ["\(Self.beta):A", "\(Self.gamma):C"])
    }

    @Test func theComparisonFollowsItsFoldersThroughRegenerateCheck() throws {
        let root = try Self.root()
        defer { try? FileManager.default.removeItem(atPath: Self.parent(root)) }
        #expect(try run(["regenerate", root, "-q"]).status == 0)
        #expect(try Self.compare(root).status == 0)
        let clean = try run(["regenerate", root, "--check"])
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout.contains("\(root)/cmp: current"))

        // A source folder's data changes: its charts and the comparison's are stale.
        let data = root + "/" + Self.beta + "/data.csv"
        let text = try String(contentsOfFile: data, encoding: .utf8)
        try write(text.replacingOccurrences(of: "1.40,1.40\n", with: "1.90,1.90\n"), to: data)
        let stale = try run(["regenerate", root, "--check"])
        #expect(stale.status == 1)
        #expect(stale.stderr.contains("cmp/charts/compare_effects.png: drawn from other data, side files or options"), "\(stale.stderr)")
        #expect(stale.stderr.contains("cmp/REPORT.md: generated sections"), "\(stale.stderr)")
        // regenerate redraws the report folders, then the comparison from them.
        let redrawn = try run(["regenerate", root])
        #expect(redrawn.status == 0, "\(redrawn.stderr)")
        let order = redrawn.stdout.split(separator: "\n").map(String.init)
        #expect(order.last?.hasPrefix("\(root)/cmp: wrote") == true, "\(order)")
        #expect(try run(["regenerate", root, "--check"]).status == 0)

        // A side file (a label) and a folder's options each make it stale too.
        let info = root + "/" + Self.gamma + "/experiment.json"
        try write(try String(contentsOfFile: info, encoding: .utf8).replacingOccurrences(of: "glibc stock", with: "glibc 2.36"), to: info)
        #expect(try run(["regenerate", root, "--check"]).stderr.contains("cmp/charts/compare_end_means.png: drawn from other data"))
        #expect(try run(["regenerate", root, "-q"]).status == 0)
        #expect(try run(["report", root + "/" + Self.alpha, "--fragmentation-zone", "3.5", "-q"]).status == 0)
        #expect(try run(["regenerate", root, "--check"]).stderr.contains("cmp/charts/compare_effects.png: drawn from other data"))
    }

    @Test func aSecondRunWithTheStoredOptionsChangesNothingAndKeepsWhatAPersonWrote() throws {
        let root = try Self.root()
        defer { try? FileManager.default.removeItem(atPath: Self.parent(root)) }
        #expect(try Self.compare(root).status == 0)
        let readme = root + "/cmp/README.md"
        let edited = try String(contentsOfFile: readme, encoding: .utf8)
            .replacingOccurrences(of: "_Why these experiments are compared, and what differs between their hosts. This text is kept when the comparison is regenerated._",
                                  with: "alpha and beta are the same hardware; gamma has twice the RAM.")
        try write(edited, to: readme)
        let before = listing(root + "/cmp/charts").map { bytes(root + "/cmp/charts/" + $0) }
        // The folders and options from tormem.json alone.
        let again = try run(["compare", "--output", root + "/cmp"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("up to date"), "\(again.stdout)")
        #expect(try String(contentsOfFile: readme, encoding: .utf8) == edited)
        #expect(listing(root + "/cmp/charts").map { bytes(root + "/cmp/charts/" + $0) } == before)
        let settings = try Self.json(root + "/cmp/tormem.json")
        let comparison = try #require(settings["comparison"] as? [String: Any])
        #expect(comparison["folders"] as? [String] == ["../\(Self.alpha)", "../\(Self.beta)", "../\(Self.gamma)"])
        #expect(comparison["control"] as? [String] == ["\(Self.gamma):A"])
    }

    struct Bad: Sendable, CustomStringConvertible {
        var name: String
        var arguments: [String]
        var status: Int32
        var message: String
        var description: String { name }
    }

    static let bad: [Bad] = [
        Bad(name: "a folder that is missing", arguments: ["ROOT/\(alpha)", "ROOT/nowhere", "--control", "gamma:A"], status: 3, message: "ROOT/nowhere: no such folder"),
        Bad(name: "a folder that is not a report", arguments: ["ROOT/\(alpha)", "ROOT/empty"], status: 3, message: "ROOT/empty: no data file"),
        Bad(name: "a group that does not exist", arguments: ["ROOT/\(alpha)", "ROOT/\(beta)", "--match", "x=alpha:Z,beta:A"], status: 2,
            message: "--match x= alpha:Z: \(alpha) has no group Z; its groups: A · jemalloc, B · mimalloc 2.1, C · glibc (control)"),
        Bad(name: "a match naming one folder twice", arguments: ["ROOT/\(alpha)", "ROOT/\(beta)", "--match", "x=alpha:A,alpha:B"], status: 2,
            message: "names \(alpha) twice; expected one group per folder"),
        Bad(name: "a match naming a control", arguments: ["ROOT/\(alpha)", "ROOT/\(beta)", "--match", "x=alpha:C,beta:A"], status: 2,
            message: "alpha:C is the control of \(alpha)"),
        Bad(name: "a folder without a control", arguments: ["ROOT/\(alpha)", "ROOT/\(gamma)"], status: 3,
            message: "ROOT/\(gamma): no control group: no label says control, default, none or baseline; give --control \(gamma):GROUP"),
        Bad(name: "a folder given twice", arguments: ["ROOT/\(alpha)", "ROOT/\(alpha)/"], status: 2, message: "the same folder as ROOT/\(alpha)"),
        Bad(name: "one folder", arguments: ["ROOT/\(alpha)"], status: 2, message: "expected at least two report folders"),
        Bad(name: "a report folder as output", arguments: ["ROOT/\(alpha)", "ROOT/\(beta)", "--output", "ROOT/\(gamma)"], status: 2,
            message: "is a report folder (it holds data)"),
        Bad(name: "a bad --match", arguments: ["ROOT/\(alpha)", "ROOT/\(beta)", "--match", "jemalloc"], status: 2, message: "expected NAME=FOLDER:GROUP,FOLDER:GROUP"),
    ]

    @Test(arguments: bad)
    func badInputIsSaidAndNothingIsWritten(_ c: Bad) throws {
        let root = try Self.root("bad" + c.name)
        defer { try? FileManager.default.removeItem(atPath: Self.parent(root)) }
        try FileManager.default.createDirectory(atPath: root + "/empty", withIntermediateDirectories: true)
        let before = try FileManager.default.subpathsOfDirectory(atPath: root).sorted()
        var arguments = ["compare"] + c.arguments.map { $0.replacingOccurrences(of: "ROOT", with: root) }
        if !arguments.contains("--output") { arguments += ["--output", root + "/cmp"] }
        let r = try run(arguments)
        #expect(r.status == c.status, "\(c): \(r.stderr)")
        if c.status != 0 {
            #expect(r.stderr.contains(c.message.replacingOccurrences(of: "ROOT", with: root)), "\(c): \(r.stderr)")
            #expect(try FileManager.default.subpathsOfDirectory(atPath: root).sorted() == before, "\(c)")
        }
    }

    @Test func noConfigurationInCommonNamesEveryFoldersGroups() throws {
        let root = try Self.root()
        defer { try? FileManager.default.removeItem(atPath: Self.parent(root)) }
        try write(try String(contentsOfFile: root + "/\(Self.gamma)/experiment.json", encoding: .utf8)
            .replacingOccurrences(of: "\"jemalloc\"", with: "\"jemalloc 5.3\""), to: root + "/\(Self.gamma)/experiment.json")
        let r = try run(["compare", root + "/" + Self.alpha, root + "/" + Self.gamma, "--control", "gamma:A", "--output", root + "/cmp"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("no configuration in common"), "\(r.stderr)")
        #expect(r.stderr.contains("gamma: A · glibc stock (control), B · jemalloc 5.3, C · mimalloc 2.0.9"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root + "/cmp"))
    }

    @Test func experimentFoldersOnOneServerAreShownByTheirFolderNames() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for name in ["2026-05-01-x-first", "2026-06-01-x-second"] {
            try FileManager.default.copyItem(atPath: Fixtures.url("caveats"), toPath: root + "/" + name)
        }
        let r = try run(["compare", root + "/2026-05-01-x-first", root + "/2026-06-01-x-second", "--output", root + "/cmp", "--json", "-"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let folders = try #require(doc["folders"] as? [[String: Any]])
        // Both on one server: the folder names tell them apart.
        #expect(folders.map { $0["name"] as? String } == ["2026-05-01-x-first", "2026-06-01-x-second"])
        let configs = try #require(doc["configurations"] as? [[String: Any]])
        #expect(configs.count >= 3, "\(configs.map { $0["name"] ?? "" })")
        // The same data twice: the same effect in both.
        for c in configs {
            let rows = try #require(c["experiments"] as? [[String: Any]])
            let ps = rows.compactMap { ($0["vs_control"] as? [String: Any])?["percent"] as? Double }
            #expect(ps.count == 2 && ps[0] == ps[1], "\(c["name"] ?? "")")
        }
    }

    @Test func whatIsWrittenDoesNotDependOnHowThePathsWereSpelled() throws {
        let a = try Self.root("spelledA"), b = try Self.root("spelledB")
        defer { for r in [a, b] { try? FileManager.default.removeItem(atPath: Self.parent(r)) } }
        let options = "--control gamma:A --match mimalloc=alpha:B,\(Self.beta):D,gamma:C"
        let relative = try ReadmeCommands.runInShell("cd \(Self.gamma) && \(executable()) compare ../\(Self.alpha)/ ../\(Self.beta) . \(options) --output ../cmp -q", in: a)
        #expect(relative.status == 0, "\(relative.stderr)")
        #expect(try run(["compare", b + "/" + Self.alpha, b + "/" + Self.beta, b + "/" + Self.gamma, "--control", "gamma:A", "--match",
                         "mimalloc=alpha:B,\(Self.beta):D,gamma:C", "--output", b + "/cmp", "-q"]).status == 0)
        for file in ["README.md", "REPORT.md", "tormem.json", "charts/compare_effects.png", "charts/compare_end_means.png"] {
            #expect(bytes(a + "/cmp/" + file) != nil && bytes(a + "/cmp/" + file) == bytes(b + "/cmp/" + file), "\(file)")
        }
    }
}
