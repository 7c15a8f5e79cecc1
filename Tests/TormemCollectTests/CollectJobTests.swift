import Foundation
import Testing
import TormemCore
import TormemData
@testable import TormemCollect

@Suite struct CollectJobTests {
    @Test func appendsHeaderOnceThenRows() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        let request = CollectRequest(destination: .file(tmp.file("m.csv")))
        let first = try CollectJob.run(request, collector: FakeHost.collector())
        let second = try CollectJob.run(request, collector: FakeHost.collector())
        #expect(first.wroteHeader && !second.wroteHeader)
        let snapshot = try FakeHost.collector().snapshot()
        #expect(try tmp.read("m.csv") == UnifiedRowWriter.header + UnifiedRowWriter.rows(snapshot) + UnifiedRowWriter.rows(snapshot))
        #expect(first.printed == nil)
    }

    @Test func initStartsOverAndStdoutPrints() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        try tmp.write(UnifiedRowWriter.header + "old rows\n", to: "m.csv")
        let report = try CollectJob.run(CollectRequest(destination: .file(tmp.file("m.csv")), restart: true, printRows: true),
                                        collector: FakeHost.collector())
        let expected = UnifiedRowWriter.header + UnifiedRowWriter.rows(report.snapshot)
        #expect(try tmp.read("m.csv") == expected)
        #expect(report.printed == expected)
    }

    @Test func stdoutAloneWritesNothing() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        let report = try CollectJob.run(CollectRequest(destination: .none, printRows: true), collector: FakeHost.collector())
        #expect(report.measurementsPath == nil)
        #expect(report.printed?.hasPrefix(UnifiedRowWriter.header) == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path).isEmpty)
    }

    @Test func autoDirCreatesTheReportFolderInsideReports() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        for hostile in ["../../etc", "a/b", "..//x"] {
            let report = try CollectJob.run(
                CollectRequest(destination: .reportFolder(description: hostile, reports: tmp.file("reports/"))),
                collector: FakeHost.collector())
            let path = try #require(report.measurementsPath)
            let folder = "2025-12-25-fakehost-" + ReportFolderName.part(hostile)
            #expect(path == tmp.file("reports/\(folder)/measurements.csv"))
            #expect(FileManager.default.fileExists(atPath: path))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path) == ["reports"])
        #expect(throws: TormemError.self) {
            try CollectJob.run(CollectRequest(destination: .reportFolder(description: "../..", reports: tmp.file("reports"))),
                               collector: FakeHost.collector())
        }
    }

    @Test func prometheusAndDiagnosticsFiles() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        let request = CollectRequest(destination: .file(tmp.file("data/m.csv")), prometheusPath: tmp.file("tor.prom"),
                                     diagnostics: true)
        try FileManager.default.createDirectory(atPath: tmp.file("data"), withIntermediateDirectories: false)
        let collector = FakeHost.collector()
        _ = try CollectJob.run(request, collector: collector)
        let report = try CollectJob.run(request, collector: collector)
        #expect(report.diagnosticsPath == tmp.file("data/diagnostics.csv"))
        let snapshot = try collector.snapshot()
        #expect(try tmp.read("tor.prom") == PrometheusWriter.text(snapshot))
        let row = HostDiagnostics.read(snapshot: snapshot, proc: collector.proc).row
        #expect(try tmp.read("data/diagnostics.csv") == HostDiagnostics.header + row + row)
    }

    @Test func diagnosticsNeedAPlace() {
        #expect(throws: TormemError.usage("--with-diagnostics: expected --output, --auto-dir or --diagnostics-file to say where diagnostics.csv goes")) {
            try CollectJob.run(CollectRequest(destination: .none, diagnostics: true), collector: FakeHost.collector())
        }
        #expect(CollectJob.diagnosticsPath(besides: "m.csv") == "diagnostics.csv")
        #expect(CollectJob.diagnosticsPath(besides: "/var/lib/tormem/m.csv") == "/var/lib/tormem/diagnostics.csv")
    }

    @Test func collectedFileLoadsWithDataLoader() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        let path = tmp.file("measurements.csv")
        for hour in 0..<3 {
            let t = Timestamp(date: CivilDate(year: 2025, month: 12, day: 25), hour: hour)
            _ = try CollectJob.run(CollectRequest(destination: .file(path)), collector: FakeHost.collector(time: t))
        }
        let loaded = try DataLoader.load(path: path)
        #expect(loaded.format == .unified)
        #expect(loaded.warnings.isEmpty)
        let series = try #require(loaded.servers.first)
        #expect(series.count == 3)
        #expect(series.times == (0..<3).map { Int64($0 * 3600) + FakeHost.time.seconds - 2 * 3600 })
        #expect(series.totalKB.allSatisfy { $0 == Double(FakeHost.running.map(\.rss).reduce(0, +)) })
        // The fact columns come back as each relay's facts, read once (the same every hour).
        let alpha = try #require(loaded.relays.relays.first { $0.info.nickname == "alpha" }).facts
        let first = FakeHost.time.seconds - 2 * 3600
        #expect(alpha.starts == [.init(time: first, value: 1_766_224_800)] && alpha.restarts.isEmpty)
        #expect(alpha.allocators == [.init(time: first, value: "jemalloc")])
        #expect(alpha.bandwidth == [.init(time: first, value: .init(readPerDay: 123_456_789_504, writtenPerDay: 125_000_000_512))])
        #expect(alpha.flags == [.init(time: first, value: "Fast Guard HSDir Running Stable V2Dir Valid")])
        #expect(alpha.weights == [.init(time: first, value: 15000)])
    }

    @Test func autoDirKeepsTheNewestFolderOfTheExperimentUnlessANewOneIsAsked() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        let reports = tmp.file("reports")
        try FileManager.default.createDirectory(atPath: reports + "/2025-12-20-fakehost-baseline", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: reports + "/2025-12-22-fakehost-baseline", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: reports + "/2025-12-23-fakehost-other", withIntermediateDirectories: true)
        let kept = try CollectJob.run(CollectRequest(destination: .reportFolder(description: "baseline", reports: reports)),
                                      collector: FakeHost.collector())
        #expect(kept.measurementsPath == reports + "/2025-12-22-fakehost-baseline/measurements.csv")
        let fresh = try CollectJob.run(CollectRequest(destination: .reportFolder(description: "baseline", reports: reports, newFolder: true)),
                                       collector: FakeHost.collector())
        #expect(fresh.measurementsPath == reports + "/2025-12-25-fakehost-baseline/measurements.csv")
        // The next run keeps that newest one.
        let again = try CollectJob.run(CollectRequest(destination: .reportFolder(description: "baseline", reports: reports)),
                                       collector: FakeHost.collector())
        #expect(again.measurementsPath == fresh.measurementsPath)
    }

    @Test func olderLayoutsKeepTheirColumnsSoHistoryGoesOnGrowing() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        // The 15-column header before the fact columns, and the older one without group, each
        // with a row already: they keep getting rows of their own width.
        let fifteen = ["timestamp", "server", "type", "fingerprint", "nickname", "group", "rss_kb", "vmsize_kb", "hwm_kb",
                       "frag_ratio", "count", "total_kb", "avg_kb", "min_kb", "max_kb"]
        for older in [fifteen, fifteen.filter { $0 != "group" }] {
            let row = older.map { ["timestamp": "2025-12-24T02:00:00", "server": "fakehost", "type": "aggregate",
                                   "count": "1", "total_kb": "100", "avg_kb": "100", "min_kb": "100", "max_kb": "100"][$0] ?? "" }
            try tmp.write(older.joined(separator: ",") + "\n" + row.joined(separator: ",") + "\n", to: "old.csv")
            _ = try CollectJob.run(CollectRequest(destination: .file(tmp.file("old.csv"))), collector: FakeHost.collector())
            let lines = csvLines(try tmp.read("old.csv"))
            #expect(lines[0] == older)
            #expect(lines.count == 2 + 1 + FakeHost.running.count && lines.allSatisfy { $0.count == older.count }, "\(older.count) columns")
            #expect(lines[3][older.firstIndex(of: "rss_kb")!] == String(FakeHost.alpha.rss))
            let loaded = try DataLoader.load(path: tmp.file("old.csv"))
            #expect(loaded.skipped == 0 && loaded.servers.first?.count == 2)
        }

        // The old monitor.sh aggregate format.
        try tmp.write("date,time,num_relays,total_mb,avg_mb,min_mb,max_mb\n2025-12-24,02:00:00,2,2048,1024,1000,1048\n", to: "monitor.csv")
        _ = try CollectJob.run(CollectRequest(destination: .file(tmp.file("monitor.csv"))), collector: FakeHost.collector())
        let monitor = csvLines(try tmp.read("monitor.csv"))
        #expect(monitor.count == 3 && monitor[2].count == 7)
        #expect(monitor[2][0] == "2025-12-25" && monitor[2][1] == "02:00:00")
        let m = try DataLoader.load(path: tmp.file("monitor.csv"))
        #expect(m.format == .monitor && m.skipped == 0 && m.servers.first?.count == 2)

        // The older collectors' wider diagnostics.csv gets its own columns, unknown ones empty.
        let wide = ExistingLayout.olderDiagnosticsColumns
        try tmp.write(wide.joined(separator: ",") + "\n", to: "diag/diagnostics.csv")
        _ = try CollectJob.run(CollectRequest(destination: .none, diagnostics: true, diagnosticsPath: tmp.file("diag/diagnostics.csv")),
                               collector: FakeHost.collector())
        let diag = csvLines(try tmp.read("diag/diagnostics.csv"))
        #expect(diag.count == 2 && diag[1].count == wide.count)
        #expect(diag[1][0] == "2025-12-25" && diag[1][2] == FakeHost.hostName)
    }
}
