import Foundation
import Testing
import TormemCore
@testable import TormemCollect

/// `collect --auto-dir … --config FILE`: the report folder gets the relay_config.csv its rows used.
@Suite struct ReportConfigCopyTests {
    func collect(into tmp: TempDirectory, config: String = FakeHost.config) throws -> CollectSummary {
        var settings = FakeHost.settings()
        settings.configPath = config
        return try CollectJob.run(CollectRequest(destination: .reportFolder(description: "groups", reports: tmp.file("reports"))),
                                  collector: Collector(settings: settings))
    }

    static let folder = "reports/2025-12-25-fakehost-groups/"

    @Test func theFolderGetsACopyOfTheConfig() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        let report = try collect(into: tmp)
        #expect(report.warnings.isEmpty)
        #expect(try tmp.read(Self.folder + "relay_config.csv") == String(contentsOfFile: FakeHost.config, encoding: .utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.file(Self.folder)).sorted() == ["measurements.csv", "relay_config.csv"])
        // The next collection finds the same file there: nothing to say.
        #expect(try collect(into: tmp).warnings.isEmpty)
    }

    @Test func aFolderWithAnotherConfigKeepsItWithAWarning() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        try tmp.write("fingerprint,nickname,group\n,alpha,B\n", to: Self.folder + "relay_config.csv")
        let report = try collect(into: tmp)
        let target = tmp.file(Self.folder + "relay_config.csv")
        #expect(report.warnings == [Diagnostic(file: target, message: "differs from --config \(FakeHost.config); left as it is "
            + "(the report's groups and labels come from the folder's copy: replace it by hand to use the new one)")])
        #expect(try tmp.read(Self.folder + "relay_config.csv") == "fingerprint,nickname,group\n,alpha,B\n")
        #expect(try tmp.read(Self.folder + "measurements.csv").hasPrefix(UnifiedRowWriter.header))
    }

    @Test func withoutAutoDirOrConfigNothingIsCopied() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        _ = try CollectJob.run(CollectRequest(destination: .file(tmp.file("m.csv"))), collector: FakeHost.collector())
        _ = try CollectJob.run(CollectRequest(destination: .reportFolder(description: "plain", reports: tmp.file("reports"))),
                               collector: FakeHost.collector(config: false))
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path).sorted() == ["m.csv", "reports"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.file("reports/2025-12-25-fakehost-plain")) == ["measurements.csv"])
    }

    @Test func theCommandPrintsTheWarning() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        let args = ["collect", "--auto-dir", "groups", "--reports-dir", tmp.file("reports"), "--config", FakeHost.config,
                    "--server", "fakehost"] + FakeHost.options
        let first = try TormemBinary.run(args)
        #expect(first.status == 0 && first.stderr.isEmpty, "\(first.stderr)")
        let folder = try #require(try FileManager.default.contentsOfDirectory(atPath: tmp.file("reports")).first)
        let copy = tmp.file("reports/" + folder + "/relay_config.csv")
        try "fingerprint,nickname,group\n".write(toFile: copy, atomically: false, encoding: .utf8)
        let second = try TormemBinary.run(args)
        #expect(second.status == 0)
        #expect(second.stderr.hasPrefix("tormem: warning: \(copy): differs from --config \(FakeHost.config); left as it is"), "\(second.stderr)")
        #expect(try String(contentsOfFile: copy, encoding: .utf8) == "fingerprint,nickname,group\n")
    }
}
