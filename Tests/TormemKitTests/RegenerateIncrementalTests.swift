import Foundation
import Testing
import TormemTestSupport

/// `regenerate` draws only the folders with an output out of date (by source stamps, as `--check`
/// finds them), `--force` draws them all, and either way the folders end byte for byte as a fresh
/// full run leaves them.
struct RegenerateIncrementalTests {
    /// The charts drawn by a `regenerate` (`TORMEM_TIMING=1` notes each one drawn), by file stem.
    static func drawn(_ arguments: String, in root: String) throws -> [String: Int] {
        let r = try ReadmeCommands.runInShell("TORMEM_TIMING=1 \(executable()) regenerate \(arguments) -q", in: root)
        #expect(r.status == 0, "\(r.stderr)")
        var counts: [String: Int] = [:]
        for line in r.stderr.split(separator: "\n") where line.hasPrefix("timing: ") && !line.contains(":  ") {
            let words = line.dropFirst("timing: ".count).split(separator: " ")
            if words.count == 3, words[2] == "ms" { counts[String(words[0]), default: 0] += 1 }
        }
        return counts
    }

    /// Every file under `root`, relative path → bytes.
    static func files(_ root: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for p in try FileManager.default.subpathsOfDirectory(atPath: root) {
            var dir: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + p, isDirectory: &dir), !dir.boolValue {
                out[p] = FileManager.default.contents(atPath: root + "/" + p)
            }
        }
        return out
    }

    static func touchBeta(_ root: String) throws {
        let data = root + "/" + CompareJobTests.beta + "/data.csv"
        try write(try String(contentsOfFile: data, encoding: .utf8).replacingOccurrences(of: "1.40,1.40\n", with: "1.90,1.90\n"), to: data)
    }

    @Test func onlyTheFolderThatChangedIsDrawnAndTheResultIsAFreshRunsBytes() throws {
        let root = try CompareJobTests.root()
        defer { try? FileManager.default.removeItem(atPath: CompareJobTests.parent(root)) }
        #expect(try CompareJobTests.compare(root).status == 0)
        let first = try Self.drawn(root, in: root)
        #expect(first["chart2_final_comparison"] == 3, "\(first)")   // each report folder drawn once
        #expect(try Self.drawn(root, in: root).isEmpty)               // nothing changed: nothing drawn

        try Self.touchBeta(root)
        let second = try Self.drawn(root, in: root)
        #expect(second["chart2_final_comparison"] == 1, "\(second)")  // beta only
        #expect(second["compare_effects"] == 1, "\(second)")          // and the comparison that reads it
        #expect(try Self.drawn(root + " --force", in: root)["chart2_final_comparison"] == 3)

        // The same folders drawn afresh, with the same change: byte for byte what the incremental runs left.
        let fresh = try CompareJobTests.root("fresh")
        defer { try? FileManager.default.removeItem(atPath: CompareJobTests.parent(fresh)) }
        try Self.touchBeta(fresh)
        #expect(try CompareJobTests.compare(fresh).status == 0)
        _ = try Self.drawn(fresh + " --force", in: fresh)
        let a = try Self.files(root), b = try Self.files(fresh)
        #expect(a.keys.sorted() == b.keys.sorted())
        for k in a.keys.sorted() { #expect(a[k] == b[k], "\(k)") }
    }

    @Test func forceAndCheckTogetherAreAUsageError() throws {
        let r = try run(["regenerate", "reports", "--force", "--check"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--force draws every folder; --check writes nothing"), "\(r.stderr)")
    }
}
