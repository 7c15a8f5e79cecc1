import Foundation
import Testing
import TormemCairo
import TormemCore
import TormemTestSupport
@testable import TormemKit

/// `--check` by source stamps (the same verdict on every machine) and `--check=pixels` (bytes).
@Suite struct ReportJobCheckModeTests {
    let options = ChartsRequest(dataPaths: [], outputDirectory: "")

    /// A report folder made from the real fixture and drawn once for the suite (drawing is most of
    /// its time); each test gets a copy.
    nonisolated(unsafe) static let drawn: Result<String, Error> = Result {
        let root = try temporaryFolder("check-template") + "/reports"
        let folder = try ReportJob.create(reportsDir: root, name: "guard", host: "co", date: "2025-09-18", data: realData)
        _ = try ReportJob.run(folder, options: ChartsRequest(dataPaths: [], outputDirectory: ""), check: nil)
        return folder.path
    }

    /// A copy of the drawn folder, current, in a folder of its own.
    func makeFolder() throws -> ReportFolder {
        let template = try Self.drawn.get()
        let root = try temporaryFolder("check-\(UUID().uuidString.prefix(6))") + "/reports"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let path = root + "/" + (template as NSString).lastPathComponent
        try FileManager.default.copyItem(atPath: template, toPath: path)
        return try ReportFolder(path: path)
    }

    func stale(_ folder: ReportFolder, _ mode: ReportJob.CheckMode = .source, given: ChartSettings = ChartSettings()) throws -> [String] {
        try ReportJob.run(folder, options: options, given: given, check: mode).stale
    }

    var usage: String { "memory_usage.png" }

    @Test func chartsReencodedByAnotherEncoderAreCurrent() throws {
        let folder = try makeFolder()
        let path = folder.chartsPath + "/" + usage
        let original = try #require(bytes(path))
        // What an image optimiser or another machine's libraries do: other bytes, same source.
        let reencoded = try CairoRenderer.reencodePNG(original)
        #expect(reencoded != original)
        try Data(reencoded).write(to: URL(fileURLWithPath: path))
        #expect(try stale(folder).isEmpty)
        // The byte comparison is for the machine that drew them: it sees the difference.
        #expect(try stale(folder, .pixels) == [path + ": would change"])
        // Writing puts the drawing back; then both agree.
        _ = try ReportJob.run(folder, options: options, check: nil)
        #expect(try stale(folder, .pixels).isEmpty)
    }

    @Test func aChartWithoutItsFingerprintIsStale() throws {
        let folder = try makeFolder()
        let path = folder.chartsPath + "/" + usage
        try Data(try CairoRenderer.reencodePNG(try #require(bytes(path)), keepingText: false)).write(to: URL(fileURLWithPath: path))
        #expect(try stale(folder).map { $0.hasPrefix(path + ": no source fingerprint") } == [true])
    }

    @Test func dataSideFileAndOptionChangesMakeEveryChartStale() throws {
        let folder = try makeFolder()
        let charts = listing(folder.chartsPath).count
        func expectAllStale(_ lines: [String], _ what: String) {
            let chartLines = lines.filter { $0.contains("/charts/") }
            #expect(chartLines.count == charts, "\(what): \(lines)")
            #expect(chartLines.allSatisfy { $0.hasSuffix(": drawn from other data, side files or options") }, "\(what)")
        }
        // An option given on the command line (check mode records nothing).
        expectAllStale(try stale(folder, given: settings([.expectedMax: .number(2)])), "option")
        #expect(try stale(folder).isEmpty)

        // A side file added, then removed again.
        let events = folder.path + "/events.csv"
        try write("timestamp,event_type,description,group\n2025-09-18T12:00:00Z,config,restart,all\n", to: events)
        expectAllStale(try stale(folder), "events.csv")
        try FileManager.default.removeItem(atPath: events)
        #expect(try stale(folder).isEmpty)

        // A group file next to the data.
        try FileManager.default.createDirectory(atPath: folder.path + "/groups", withIntermediateDirectories: true)
        try write("# nobody\n", to: folder.path + "/groups/group_Z_extra.txt")
        expectAllStale(try stale(folder), "groups/*.txt")
        try FileManager.default.removeItem(atPath: folder.path + "/groups")

        // One byte of the data (a comment line: the same numbers, another source).
        let data = folder.dataPath
        try Data(try #require(bytes(data)) + Array("# note\n".utf8)).write(to: URL(fileURLWithPath: data))
        expectAllStale(try stale(folder), "data")
    }

    @Test func sourceChecksDrawNothingAndMissingChartsAreStale() throws {
        let folder = try makeFolder()
        try FileManager.default.removeItem(atPath: folder.chartsPath + "/" + usage)
        #expect(try stale(folder) == [folder.chartsPath + "/" + usage + ": missing"])
        #expect(try stale(folder, .pixels) == [folder.chartsPath + "/" + usage + ": missing"])
    }

    @Test func commandLine() throws {
        let folder = try makeFolder()
        let root = (folder.path as NSString).deletingLastPathComponent
        let light = try run(["report", folder.path, "--theme", "light", "-q"])
        #expect(light.status == 0, "\(light.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.path + "/tormem.json"))
        for check in [["--check"], ["--check=source"], ["--check=pixels"], ["--check-pixels"]] {
            let r = try run(["regenerate", root] + check)
            #expect(r.status == 0, "\(check): \(r.stderr)")
            #expect(try run(["report", folder.path] + check).status == 0, "report \(check)")
        }
        let path = folder.chartsPath + "/" + usage
        try Data(try CairoRenderer.reencodePNG(try #require(bytes(path)))).write(to: URL(fileURLWithPath: path))
        #expect(try run(["regenerate", root, "--check"]).status == 0)
        for check in ["--check=pixels", "--check-pixels"] {
            let r = try run(["regenerate", root, check])
            #expect(r.status == 1, "\(check)")
            #expect(r.stderr.contains(usage + ": would change"))
            #expect(try run(["report", folder.path, check]).status == 1)
        }
        #expect(try run(["regenerate", root, "--check=bytes"]).status == 2)
        #expect(try run(["report", "--check", "--new", "x", "--host", "h", "--date", "2025-01-01", "--data", realData]).status == 2)
    }

    func settings(_ values: [ChartSettings.Key: ChartSettings.Value]) -> ChartSettings {
        var s = ChartSettings()
        for (k, v) in values { s[k] = v }
        return s
    }
}
