import Foundation
import Testing
import TormemTestSupport

/// `contrib/github-actions/tormem-reports.yml` is a workflow GitHub can run, and it runs the
/// command `make reports-check` runs. Parsed with PyYAML when python3 has it (`make test-deps`
/// installs python3-yaml), else checked for the structure GitHub needs.
@Suite struct GitHubWorkflowTests {
    let path = Fixtures.packageRoot + "/contrib/github-actions/tormem-reports.yml"

    var text: String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    /// The document as JSON, through PyYAML; nil when python3 or PyYAML is missing.
    func parsed() throws -> [String: Any]? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", """
            import json, sys
            try:
                import yaml
            except ImportError:
                sys.exit(3)
            doc = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
            # PyYAML reads the key `on` as true (YAML 1.1); GitHub reads it as "on".
            if isinstance(doc, dict) and True in doc:
                doc["on"] = doc.pop(True)
            print(json.dumps(doc))
            """, path]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        do { try p.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        if p.terminationStatus == 3 || p.terminationStatus == 127 { return nil }
        #expect(p.terminationStatus == 0, "the workflow is not YAML")
        return try JSONSerialization.jsonObject(with: data) as? [String: Any]
    }

    @Test func isAWorkflowThatChecksTheReports() throws {
        #expect(!text.isEmpty)
        guard let doc = try parsed() else {
            structuralCheck()
            return
        }
        #expect(doc["name"] is String)
        #expect(doc["on"] != nil)
        let jobs = try #require(doc["jobs"] as? [String: Any])
        #expect(jobs.count == 1)
        let job = try #require(jobs.values.first as? [String: Any])
        #expect(job["runs-on"] is String)
        #expect((job["container"] as? String)?.hasPrefix("swift:6.") == true)
        let steps = try #require(job["steps"] as? [[String: Any]])
        let uses = steps.compactMap { $0["uses"] as? String }
        #expect(uses.contains { $0.hasPrefix("actions/checkout@") })
        let cache = try #require(steps.first { ($0["uses"] as? String)?.hasPrefix("actions/cache@") == true })
        let with = try #require(cache["with"] as? [String: Any])
        #expect(with["path"] as? String == ".build")
        let key = try #require(with["key"] as? String)
        #expect(key.contains("hashFiles(") && key.contains("'Package.swift'") && key.contains("'Sources/**'"))
        let runs = steps.compactMap { $0["run"] as? String }.joined(separator: "\n")
        #expect(runs.contains("libcairo2-dev") && runs.contains("fonts-dejavu-core"))
        #expect(runs.contains("swift build"))
        #expect(runs.contains("TORMEM_RELEASE_URL"))
        #expect(runs.contains("regenerate \"$TORMEM_REPORTS\" --check"))
        #expect((doc["env"] as? [String: Any])?["TORMEM_REPORTS"] as? String == "reports")
        for step in steps { #expect(step["run"] != nil || step["uses"] != nil, "\(step)") }
    }

    /// Without PyYAML: what GitHub needs of the file's shape.
    func structuralCheck() {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(!text.contains("\t"), "YAML is indented with spaces")
        for key in ["name:", "on:", "env:", "jobs:"] {
            #expect(lines.contains { $0.hasPrefix(key) }, "top-level \(key)")
        }
        #expect(lines.contains { $0.hasPrefix("    steps:") })
        #expect(text.contains("uses: actions/cache@") && text.contains("path: .build") && text.contains("hashFiles('Package.swift'"))
        #expect(text.contains("regenerate \"$TORMEM_REPORTS\" --check"))
        for line in lines where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            #expect(line.prefix { $0 == " " }.count % 2 == 0, "indented by twos: \(line)")
        }
    }

    @Test func makeRunsTheSameCheck() throws {
        let makefile = try String(contentsOfFile: Fixtures.packageRoot + "/Makefile", encoding: .utf8)
        let target = try #require(makefile.range(of: "\nreports-check:"))
        let rest = makefile[target.upperBound...]
        let body = rest[..<(rest.range(of: "\n\n")?.lowerBound ?? rest.endIndex)]
        #expect(body.contains("tormem-charts regenerate reports --check"))
        #expect(text.contains("TORMEM_REPORTS: reports"))
    }
}
