import Foundation
import Testing
import TormemCore
import TormemData
import TormemTestSupport
@testable import TormemKit

@Suite struct ReportJobTests {
    /// A report made from the real fixture and drawn once for the suite (drawing is most of its time).
    nonisolated(unsafe) static let drawn: Result<String, Error> = Result {
        let root = try temporaryFolder("reports-template") + "/reports"
        let folder = try ReportJob.create(reportsDir: root, name: "Guard fragmentation!", host: "co", date: "2025-09-18", data: realData)
        _ = try ReportJob.run(folder, options: ChartsRequest(dataPaths: [], outputDirectory: ""), check: nil)
        return folder.path
    }

    /// A reports folder with a copy of that report, current.
    func makeReports() throws -> (root: String, folder: ReportFolder) {
        let template = try Self.drawn.get()
        let root = try temporaryFolder("reports-\(UUID().uuidString.prefix(6))") + "/reports"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let path = root + "/" + (template as NSString).lastPathComponent
        try FileManager.default.copyItem(atPath: template, toPath: path)
        return (root, try ReportFolder(path: path))
    }

    func check(_ folder: ReportFolder) throws -> [String] {
        try ReportJob.run(folder, options: ChartsRequest(dataPaths: [], outputDirectory: ""), check: .source).stale
    }

    @Test func newFolderHasTheConventionalNameAndEverything() throws {
        let (_, folder) = try makeReports()
        #expect(folder.name == "2025-09-18-co-guard-fragmentation")
        #expect(listing(folder.path) == ["README.md", "REPORT.md", "charts", "experiment.json", "measurements.csv", "relay_config.csv"])
        #expect(listing(folder.chartsPath).count == 8)
        #expect(try check(folder).isEmpty)
    }

    /// A collection folder as operators keep it: data without a group column, `groups/` and a
    /// group whose `relays_file` sits in a subfolder. `report --new` takes them along, so the
    /// report draws the group charts and `--check` passes on the report folder alone.
    @Test func newFolderTakesTheGroupFilesAlong() throws {
        let source = try temporaryFolder()
        let text = String(decoding: try #require(bytes(Fixtures.url("synthetic/unified_12relays_7days.csv"))), as: UTF8.self)
        let noGroups = text.split(separator: "\n").map { line in
            var fields = line.split(separator: ",", omittingEmptySubsequences: false)
            fields.remove(at: 5)
            return fields.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
        try write(noGroups, to: source + "/memory.csv")
        try FileManager.default.createDirectory(atPath: source + "/groups", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: source + "/lists", withIntermediateDirectories: true)
        try write("vavaka0\nkazuzu2\nlipoli11\nliseno9\n", to: source + "/groups/group_A_mimalloc.txt")
        try write("# control\nmosezu1\nnomova7\nrinova8\nrisepo3\n", to: source + "/lists/control.txt")
        try write("not a group file\n", to: source + "/groups/notes.txt")
        try write(#"{"groups": {"A": {"name": "mimalloc"}, "B": {"name": "glibc control", "relays_file": "lists/control.txt"}}}"#,
                  to: source + "/experiment.json")
        let root = try temporaryFolder() + "/reports"
        let made = try run(["report", "--new", "alloc", "--host", "relayhost", "--date", "2026-01-15",
                            "--data", source + "/memory.csv", "--reports-dir", root, "-q"])
        #expect(made.status == 0, "\(made.stderr)")
        let folder = root + "/2026-01-15-relayhost-alloc"
        #expect(listing(folder) == ["README.md", "REPORT.md", "charts", "experiment.json", "groups", "lists", "memory.csv"])
        #expect(listing(folder + "/groups") == ["group_A_mimalloc.txt"])
        #expect(bytes(folder + "/lists/control.txt") == bytes(source + "/lists/control.txt"))
        #expect(listing(folder + "/charts").contains("chart1_memory_over_time.png"))
        // The original folder can go: the report stands on its own.
        try FileManager.default.removeItem(atPath: source)
        #expect(try run(["regenerate", root, "--check"]).status == 0)
        let summary = try run(["--data", folder + "/memory.csv", "--output-dir", try temporaryFolder()])
        #expect(summary.stdout.contains("A_mimalloc  n = 4"), "\(summary.stdout)")
        #expect(summary.stdout.contains("control  STABLE  glibc control"), "\(summary.stdout)")
    }

    /// A `relays_file` outside the data's folder cannot be copied to the same place: an input
    /// error naming experiment.json and the group, and nothing is created.
    @Test func aRelaysFileOutsideTheFolderIsRefused() throws {
        let source = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: source + "/data", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: realData, toPath: source + "/data/measurements.csv")
        try write("armanicaesar\n", to: source + "/b.txt")
        try write(#"{"groups": {"B": {"name": "control", "relays_file": "../b.txt"}}}"#, to: source + "/data/experiment.json")
        let root = try temporaryFolder() + "/reports"
        let r = try run(["report", "--new", "x", "--host", "h", "--date", "2026-01-01", "--data", source + "/data/measurements.csv",
                         "--reports-dir", root, "-q"])
        #expect(r.status == 3)
        #expect(r.stderr.contains("data/experiment.json: group \"B\" has relays_file \"../b.txt\", outside the data's folder"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root))
    }

    @Test(arguments: ["../../etc", "a/b", "..", "", "  ", "x/../../y"])
    func descriptionsCannotLeaveTheReportsFolder(name: String) throws {
        let root = try temporaryFolder() + "/reports"
        do {
            let f = try ReportJob.create(reportsDir: root, name: name, host: "h", date: "2025-01-01", data: realData)
            #expect(f.path.hasPrefix(root + "/2025-01-01-h-"))
            #expect(!f.name.contains("/") && !f.name.contains(".."))
        } catch {
            #expect(error.exitCode == 2)
        }
        #expect(ReportFolderName.part("../../etc") == "etc")
    }

    @Test func checkIsGreenWhenCurrentAndNamesStaleOutputs() throws {
        let (root, folder) = try makeReports()
        #expect(try ReportJob.folders(under: root) == [folder.path])
        #expect(try check(folder).isEmpty)

        // Missing chart.
        try FileManager.default.removeItem(atPath: folder.chartsPath + "/memory_weekly.png")
        #expect(try check(folder) == [folder.chartsPath + "/memory_weekly.png: missing"])
        _ = try ReportJob.run(folder, options: ChartsRequest(dataPaths: [], outputDirectory: ""), check: nil)
        #expect(try check(folder).isEmpty)

        // A section generated from other numbers (its record matches its body) is stale.
        let reportPath = folder.path + "/REPORT.md"
        var text = String(decoding: try staleSection(try #require(bytes(reportPath)), "key-metrics", "| STABLE |", "| GREAT |"), as: UTF8.self)
        try write(text, to: reportPath)
        #expect(try check(folder) == [reportPath + ": generated sections key-metrics would change"])

        // Prose a person wrote survives regeneration; the generated numbers come back.
        text = text.replacingOccurrences(of: "_Why memory behaves this way._", with: "glibc arenas never give memory back.")
        try write(text, to: reportPath)
        _ = try ReportJob.run(folder, options: ChartsRequest(dataPaths: [], outputDirectory: ""), check: nil)
        let after = try String(contentsOfFile: reportPath, encoding: .utf8)
        #expect(after.contains("glibc arenas never give memory back."))
        #expect(!after.contains("| GREAT |"))
        #expect(try check(folder).isEmpty)
    }

    @Test func checkIsRedAfterADataChange() throws {
        let (_, folder) = try makeReports()
        let data = folder.path + "/measurements.csv"
        var text = try String(contentsOfFile: data, encoding: .utf8)
        text = text.replacingOccurrences(of: "2025-09-18T00:00:00,co,relay,,22gz,A,", with: "2025-09-18T00:00:00,co,relay,,22gz,A,9")
        try write(text, to: data)
        let stale = try check(folder)
        #expect(stale.contains { $0.hasSuffix("memory_trajectories.png: drawn from other data, side files or options") })
        #expect(stale.contains { $0.contains("REPORT.md: generated sections") && $0.contains("key-metrics") })
        // --check wrote nothing.
        #expect(try check(folder) == stale)
    }

    @Test func commandLineExitCodes() throws {
        let (root, folder) = try makeReports()
        let ok = try run(["regenerate", root, "--check"])
        #expect(ok.status == 0, "\(ok.stderr)")
        try FileManager.default.removeItem(atPath: folder.chartsPath + "/memory_usage.png")
        let stale = try run(["regenerate", root, "--check"])
        #expect(stale.status == 1)
        #expect(stale.stderr.contains("memory_usage.png: missing"))
        #expect(!FileManager.default.fileExists(atPath: folder.chartsPath + "/memory_usage.png"))
        let fix = try run(["regenerate", root])
        #expect(fix.status == 0)
        #expect(try run(["regenerate", root, "--check"]).status == 0)
        #expect(try run(["report"]).status == 2)
        #expect(try run(["report", root + "/nope"]).status == 3)
    }

    // MARK: A failed report changes nothing

    let options = ChartsRequest(dataPaths: [], outputDirectory: "")

    /// Every file under `folder` with its bytes.
    func snapshot(_ folder: String) -> [String: [UInt8]?] {
        var out: [String: [UInt8]?] = [:]
        for name in (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String]) ?? [] { out[name] = bytes(folder + "/" + name) }
        return out
    }

    @Test func anUnwritableReadmeWritesNoChart() throws {
        let (_, folder) = try makeReports()
        try FileManager.default.removeItem(atPath: folder.path + "/README.md")
        try FileManager.default.createDirectory(atPath: folder.path + "/README.md/x", withIntermediateDirectories: true)
        let before = snapshot(folder.path)
        var light = options
        light.theme = .light  // every chart would change
        do {
            _ = try ReportJob.run(folder, options: light, check: nil)
            Issue.record("expected an output error")
        } catch {
            #expect(error.exitCode == 4)
            #expect(error.description.hasPrefix(folder.path + "/README.md: cannot write"))
        }
        #expect(snapshot(folder.path) == before)
    }

    @Test func badMarkersOrAnUnwritableReadmeCreateNoChartsFolder() throws {
        let (_, folder) = try makeReports()
        try FileManager.default.removeItem(atPath: folder.chartsPath)
        try write("# R\n<!-- tormem:begin key-metrics -->\n", to: folder.path + "/REPORT.md")
        let before = snapshot(folder.path)
        #expect(throws: TormemError.self) { try ReportJob.run(folder, options: options, check: nil) }
        #expect(snapshot(folder.path) == before)
        try FileManager.default.removeItem(atPath: folder.path + "/REPORT.md")
        try FileManager.default.createDirectory(atPath: folder.path + "/REPORT.md/x", withIntermediateDirectories: true)
        #expect(throws: TormemError.self) { try ReportJob.run(folder, options: options, check: nil) }
        #expect(!FileManager.default.fileExists(atPath: folder.chartsPath))
    }

    @Test func aFailedReportNewCreatesNothing() throws {
        let dir = try temporaryFolder()
        try write("foo,bar\n1,2\n", to: dir + "/bad.csv")
        let bad = try run(["report", "--new", "x", "--host", "h", "--date", "2025-01-01", "--data", dir + "/bad.csv",
                           "--reports-dir", dir + "/reports"])
        #expect(bad.status == 3, "\(bad.stderr)")
        let json = try run(["report", "--new", "x", "--host", "h", "--date", "2025-01-01", "--data", realData,
                            "--reports-dir", dir + "/reports", "--json", dir + "/missing/run.json"])
        #expect(json.status == 4, "\(json.stderr)")
        #expect(listing(dir) == ["bad.csv"])
        // An existing reports folder stays, empty as it was.
        try FileManager.default.createDirectory(atPath: dir + "/reports", withIntermediateDirectories: false)
        #expect(try run(["report", "--new", "x", "--host", "h", "--date", "2025-01-01", "--data", dir + "/bad.csv",
                         "--reports-dir", dir + "/reports"]).status == 3)
        #expect(listing(dir + "/reports") == [])
    }

    @Test func linksPlantedInAReportFolderAreNotWrittenThrough() throws {
        let dir = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: dir + "/elsewhere", withIntermediateDirectories: false)
        try FileManager.default.createDirectory(atPath: dir + "/reports", withIntermediateDirectories: false)
        // The folder `report --new` would create is a (dangling) link.
        try FileManager.default.createSymbolicLink(atPath: dir + "/reports/2025-01-01-h-x", withDestinationPath: dir + "/elsewhere/new")
        let new = try run(["report", "--new", "x", "--host", "h", "--date", "2025-01-01", "--data", realData, "--reports-dir", dir + "/reports"])
        #expect(new.status == 4)
        #expect(new.stderr.contains("already exists"))
        // charts/ inside a report folder is a link to another folder.
        let (_, folder) = try makeReports()
        try FileManager.default.removeItem(atPath: folder.chartsPath)
        try FileManager.default.createSymbolicLink(atPath: folder.chartsPath, withDestinationPath: dir + "/elsewhere")
        let r = try run(["report", folder.path])
        #expect(r.status == 4)
        #expect(r.stderr.contains("charts: cannot write: is a symbolic link"), "\(r.stderr)")
        #expect(listing(dir + "/elsewhere") == [])
    }

    // MARK: Paths in the Markdown

    /// A folder named like an attack: the README's command, pasted into `sh`, names exactly that
    /// folder and runs nothing else; the title is escaped like data text; the file stays current.
    @Test(arguments: ["two words", "$(touch pwned)", "`touch pwned`", "it's", "a\nb", "x\n```\ntouch pwned\n```",
                      "x\n<!-- tormem:end regenerate -->\n<!-- tormem:begin regenerate -->", "-rf", "[a](javascript:x) <b>*"])
    func hostileFolderNamesRoundTripThroughTheShell(name: String) throws {
        let root = try temporaryFolder() + "/my reports"
        let path = root + "/" + name
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: realData, toPath: path + "/measurements.csv")
        let folder = try ReportFolder(path: path)
        _ = try ReportJob.run(folder, options: options, check: nil)
        let readme = try #require(bytes(path + "/README.md"))
        let doc = try MarkedDocument(parsing: readme, file: "README.md")
        #expect(doc.sectionNames == ["title", "summary", "charts", "regenerate"])
        let body = try #require(doc.body(of: "regenerate"))
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first?.hasPrefix("```") == true && lines.last == lines.first.map { String($0.prefix { $0 == "`" }) })
        lines = Array(lines.dropFirst().dropLast())
        let command = lines.joined(separator: "\n")
        #expect(command.hasPrefix("tormem-charts report "))
        // Paste it into sh, with a function that prints its arguments standing for tormem-charts
        // (dash allows no `-` in a function name).
        let sh = Process()
        sh.executableURL = URL(fileURLWithPath: "/bin/sh")
        sh.currentDirectoryURL = URL(fileURLWithPath: root)
        sh.arguments = ["-c", "show() { printf '%s|' \"$@\"; }\nshow" + command.dropFirst("tormem-charts".count)]
        let out = Pipe()
        sh.standardOutput = out
        try sh.run()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        sh.waitUntilExit()
        let expected = "my reports/" + name
        #expect(printed == "report|" + expected + "|")
        #expect(!FileManager.default.fileExists(atPath: root + "/pwned"))
        #expect(doc.body(of: "title") == "# " + MarkdownText.escape(name))
        #expect(try check(folder).isEmpty)
    }

    // MARK: Every byte a person wrote

    @Test func latin1ProseIsKeptByteForByte() throws {
        let (_, folder) = try makeReports()
        let path = folder.path + "/REPORT.md"
        var text = try #require(bytes(path))
        // Prose in Latin-1 ("Café", "naïve") before the first marker and after the last one.
        let prose: [UInt8] = Array("Notes: Caf".utf8) + [0xE9] + Array(" na".utf8) + [0xEF] + Array("ve\n".utf8)
        text = prose + text + prose
        try Data(text).write(to: URL(fileURLWithPath: path))
        #expect(try check(folder).isEmpty)
        // A stale section makes the file be rewritten; the prose survives it.
        let stale = String(decoding: text, as: UTF8.self).contains("| STABLE |")
        #expect(stale)
        let edited = try staleSection(text, "key-metrics", "| STABLE |", "| GREAT |")
        try Data(edited).write(to: URL(fileURLWithPath: path))
        #expect(try check(folder) == [path + ": generated sections key-metrics would change"])
        _ = try ReportJob.run(folder, options: options, check: nil)
        #expect(bytes(path) == text)
    }

    @Test func crlfFilesStayCRLFAndStaleSectionsAreFound() throws {
        let (_, folder) = try makeReports()
        let path = folder.path + "/REPORT.md"
        let lf = try #require(bytes(path))
        let crlf = replace(lf, [10], [13, 10])
        try Data(crlf).write(to: URL(fileURLWithPath: path))
        #expect(try check(folder).isEmpty)  // current: CR LF alone is no change
        try Data(try staleSection(crlf, "key-metrics", "| STABLE |", "| GREAT |")).write(to: URL(fileURLWithPath: path))
        #expect(try check(folder) == [path + ": generated sections key-metrics would change"])
        _ = try ReportJob.run(folder, options: options, check: nil)
        #expect(bytes(path) == crlf)
        #expect(try check(folder).isEmpty)
    }

    /// `regenerate .` from inside reports/, `report .` from inside the folder, `regenerate reports`
    /// from its parent and other spellings give the same files.
    @Test func outputDoesNotDependOnHowThePathIsSpelled() throws {
        let (root, folder) = try makeReports()
        let reference = snapshot(folder.path)
        let parent = (root as NSString).deletingLastPathComponent
        let spellings: [(cwd: String, args: [String])] = [
            (root, ["regenerate", "."]), (folder.path, ["report", "."]), (parent, ["regenerate", "reports"]),
            (folder.path, ["report", "../" + folder.name + "/"]), (parent, ["report", "./reports/../reports/" + folder.name]),
            (root, ["regenerate", "./"]), ("/", ["report", folder.path + "//"]),
        ]
        for (cwd, args) in spellings {
            for name in ["README.md", "REPORT.md"] { try FileManager.default.removeItem(atPath: folder.path + "/" + name) }
            let p = Process()
            p.executableURL = URL(fileURLWithPath: executable())
            p.currentDirectoryURL = URL(fileURLWithPath: cwd)
            p.arguments = args + ["-q"]
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "\(args) in \(cwd)")
            #expect(snapshot(folder.path) == reference, "\(args) in \(cwd)")
        }
    }

    /// `document` as an earlier run would have written it from other numbers: the section's body
    /// changed and its record with it (what a person's edit does not do).
    func staleSection(_ document: [UInt8], _ name: String, _ old: String, _ new: String) throws -> [UInt8] {
        let doc = try MarkedDocument(parsing: document, file: "REPORT.md")
        let body = try #require(doc.body(of: name))
        #expect(body.contains(old))
        return doc.bytes(replacing: [name: body.replacingOccurrences(of: old, with: new)])
    }

    func replace(_ b: [UInt8], _ old: [UInt8], _ new: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [], i = 0
        while i < b.count {
            if b[i...].starts(with: old) { out += new; i += old.count } else { out.append(b[i]); i += 1 }
        }
        return out
    }
}
