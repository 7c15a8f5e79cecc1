import Foundation
import Testing
import TormemData
@testable import TormemCollect

/// The built `tormem` executable: help, exit statuses, outputs, signals.
@Suite struct CLITests {
    @Test func helpListsTheCommands() throws {
        let r = try TormemBinary.run(["--help"])
        #expect(r.status == 0)
        for command in ["collect", "status", "csv", "detail", "watch", "verify"] {
            #expect(r.stdout.contains("  \(command) "), "help lacks \(command)")
        }
        #expect(r.stdout.contains("Exit status: 0 success, 2 usage error, 3 input error"))
        let c = try TormemBinary.run(["collect", "--help"])
        #expect(c.status == 0)
        for option in ["--output <FILE>", "--init", "--stdout", "--prometheus <FILE>", "--auto-dir <DESCRIPTION>",
                       "--reports-dir <DIR>", "--with-diagnostics", "--diagnostics-file <FILE>",
                       "--proc-root <DIR>", "--instances-dir <DIR>", "--config <FILE>", "--server <NAME>"] {
            #expect(c.stdout.contains(option), "collect --help lacks \(option)")
        }
        #expect(c.stdout.contains("(default: /proc)"))
        #expect(c.stdout.contains("(default: /etc/tor/instances)"))
        let w = try TormemBinary.run(["watch", "--help"])
        #expect(w.stdout.contains("--interval <SECONDS>") && w.stdout.contains("(default: 5.0)"))
        #expect(try TormemBinary.run(["--version"]).stdout == "0.1.0\n")
    }

    @Test(arguments: [
        (["collect"], "missing --output FILE, --auto-dir DESCRIPTION, --prometheus FILE or --stdout"),
        (["collect", "--output", "a.csv", "--auto-dir", "x"], "only one of them"),
        (["collect", "--auto-dir", "../.."], "--auto-dir \"../..\": expected a description"),
        (["collect", "--stdout", "--with-diagnostics"], "--with-diagnostics"),
        (["collect", "--stdout", "--init"], "--init"),
        (["status", "--bogus"], "--bogus"),
        (["detail"], "name"),
        (["watch", "alpha", "--interval", "0"], "--interval 0.0"),
        (["frobnicate"], "frobnicate"),
        // Empty paths would silently mean the current folder.
        (["collect", "--auto-dir", "x", "--reports-dir", ""], "--reports-dir: expected a file name, found an empty path"),
        (["collect", "--stdout", "--prometheus", ""], "--prometheus: expected a file name, found an empty path"),
        (["collect", "--output", "a.csv", "--diagnostics-file", ""], "--diagnostics-file: expected a file name, found an empty path"),
        (["status", "--config", ""], "--config: expected a path, found an empty one"),
        (["status", "--process-instances-dir", ""], "--process-instances-dir: expected a path, found an empty one"),
    ])
    func usageErrorsExitTwo(_ args: [String], _ message: String) throws {
        let r = try TormemBinary.run(args)
        #expect(r.status == 2)
        #expect(r.stderr.contains(message), "stderr: \(r.stderr)")
    }

    @Test func unknownInstanceExitsTwoListingTheKnownOnes() throws {
        let r = try TormemBinary.run(["detail", "zeta"] + FakeHost.options)
        #expect(r.status == 2)
        #expect(r.stderr == "tormem: error: unknown instance \"zeta\" in \(FakeHost.instancesDirectory); known instances: alpha, beta, gamma\n")
    }

    @Test(arguments: [
        (["status", "--instances-dir", "/nonexistent/instances"], "/nonexistent/instances: cannot read the instances folder (no such folder); expected a folder"),
        (["csv", "--proc-root", "/nonexistent/proc", "--instances-dir", FakeHost.instancesDirectory], "/nonexistent/proc: cannot list processes"),
        (["collect", "--stdout", "--config", "/nonexistent/relay_config.csv"] + FakeHost.options, "/nonexistent/relay_config.csv: cannot read"),
        (["verify", "--instances-dir", "/nonexistent/instances"], "/nonexistent/instances"),
    ])
    func inputErrorsExitThree(_ args: [String], _ message: String) throws {
        let r = try TormemBinary.run(args)
        #expect(r.status == 3)
        #expect(r.stderr.hasPrefix("tormem: error: " + message), "stderr: \(r.stderr)")
    }

    @Test func outputErrorsExitFour() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        try tmp.write("when,what,how_much\n", to: "other.csv")
        let cases: [([String], String)] = [
            (["--output", tmp.file("no/such/folder/m.csv")], tmp.file("no/such/folder/m.csv") + ": cannot write"),
            (["--output", tmp.path], tmp.path + ": cannot write"),
            (["--output", tmp.file("other.csv")], "starts with another header"),
            (["--stdout", "--prometheus", tmp.file("none/x.prom")], tmp.file("none/x.prom") + ": cannot write"),
        ]
        for (args, message) in cases {
            let r = try TormemBinary.run(["collect"] + args + FakeHost.options)
            #expect(r.status == 4, "\(args)")
            #expect(r.stderr.contains(message), "stderr: \(r.stderr)")
        }
        #expect(try tmp.read("other.csv") == "when,what,how_much\n")
    }

    @Test func statusCsvDetailVerifySucceed() throws {
        let status = try TormemBinary.run(["status"] + FakeHost.options)
        #expect(status.status == 0)
        #expect(status.stdout.contains("alpha     running      1234    1.50"))
        #expect(status.stdout.contains("gamma     not running     -"))
        let csv = try TormemBinary.run(["csv", "--config", FakeHost.config, "--server", "relays-7"] + FakeHost.options)
        #expect(csv.status == 0)
        let lines = csvLines(csv.stdout)
        #expect(lines.first == UnifiedRowWriter.columns)
        #expect(lines.dropFirst().map { $0[2] } == ["aggregate", "relay", "relay"])
        #expect(lines.dropFirst().allSatisfy { $0[1] == "relays-7" })
        #expect(lines.dropFirst().map { $0[5] } == ["", "A", "B"])
        let detail = try TormemBinary.run(["detail", "alpha"] + FakeHost.options)
        #expect(detail.status == 0)
        #expect(detail.stdout.contains("allocator: jemalloc (mapped library)"))
        // The fixtures' state files and consensus are all usable: nothing to warn about.
        #expect(status.stderr.isEmpty && csv.stderr.isEmpty && detail.stderr.isEmpty, "\(status.stderr)\(csv.stderr)\(detail.stderr)")
        let verify = try TormemBinary.run(["verify"] + FakeHost.options)
        #expect(verify.status == 0)
        #expect(verify.stdout.contains("DirCache 0: 1 of 3 (alpha)"))
    }

    @Test func collectWritesPrintsAndReportsFolder() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        let out = tmp.file("m.csv")
        let r = try TormemBinary.run(["collect", "--output", out, "--stdout", "--with-diagnostics",
                                      "--prometheus", tmp.file("tor.prom")] + FakeHost.options)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == (try tmp.read("m.csv")))
        #expect(csvLines(r.stdout).count == 1 + 1 + FakeHost.running.count)
        #expect(try tmp.read("diagnostics.csv").hasPrefix(HostDiagnostics.header))
        #expect(try tmp.read("tor.prom").contains("# TYPE tormem_relay_resident_memory_bytes gauge\n"))

        let auto = try TormemBinary.run(["collect", "--auto-dir", "../../etc", "--reports-dir", tmp.file("reports")]
                                        + FakeHost.options)
        #expect(auto.status == 0, "\(auto.stderr)")
        let folders = try FileManager.default.contentsOfDirectory(atPath: tmp.file("reports"))
        #expect(folders.count == 1)
        let folder = try #require(folders.first)
        #expect(folder.hasSuffix("-fakehost-etc"))
        #expect(TimestampParser.date(String(folder.prefix(10))) != nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.file("reports/" + folder)) == ["measurements.csv"])
        #expect(try Set(FileManager.default.contentsOfDirectory(atPath: tmp.path)) == ["m.csv", "diagnostics.csv", "tor.prom", "reports"])
    }

    /// Root from cron: links planted where `collect` writes never make it write elsewhere.
    @Test func plantedLinksNeverRedirectACollection() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        try tmp.write("root:x:0:0:root:/root:/bin/bash\n", to: "etc/passwd")
        let victim = tmp.file("etc/passwd")
        try FileManager.default.createSymbolicLink(atPath: tmp.file("m.csv"), withDestinationPath: victim)
        for extra in [[], ["--init"]] {
            let r = try TormemBinary.run(["collect", "--output", tmp.file("m.csv")] + extra + FakeHost.options)
            #expect(r.status == 4, "\(extra)")
            #expect(r.stderr.contains("is a symbolic link"), "stderr: \(r.stderr)")
        }
        // The Prometheus file: the link itself is replaced, the file it named is left alone.
        try FileManager.default.createSymbolicLink(atPath: tmp.file("tor.prom"), withDestinationPath: victim)
        let prom = try TormemBinary.run(["collect", "--stdout", "--prometheus", tmp.file("tor.prom")] + FakeHost.options)
        #expect(prom.status == 0, "\(prom.stderr)")
        #expect(try tmp.read("tor.prom").contains("tormem_relays_running"))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: tmp.file("tor.prom"))) == nil)
        // --auto-dir: a link planted at today's folder name.
        try FileManager.default.createDirectory(atPath: tmp.file("reports"), withIntermediateDirectories: true)
        let today = try TormemBinary.run(["collect", "--auto-dir", "probe", "--reports-dir", tmp.file("probe")] + FakeHost.options)
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: tmp.file("probe")).first, "\(today.stderr)")
        try FileManager.default.createSymbolicLink(atPath: tmp.file("reports/" + name.replacingOccurrences(of: "-probe", with: "-x")),
                                                   withDestinationPath: tmp.file("etc"))
        let auto = try TormemBinary.run(["collect", "--auto-dir", "x", "--reports-dir", tmp.file("reports")] + FakeHost.options)
        #expect(auto.status == 4)
        #expect(auto.stderr.contains("is a symbolic link"), "stderr: \(auto.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.file("etc")) == ["passwd"])
        #expect(try tmp.read("etc/passwd") == "root:x:0:0:root:/root:/bin/bash\n")
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func watchStopsCleanlyOnSignal(_ signal: Int32) throws {
        let child = try ChildProcess(TormemBinary.path, ["watch", "beta", "--interval", "0.2"] + FakeHost.options,
                                     stdout: .pipe)
        let marker = "allocator: glibc (default)"
        let seen = child.read(until: { $0.components(separatedBy: marker).count > 2 })
        #expect(seen.components(separatedBy: marker).count > 2, "watch did not refresh: \(seen)")
        child.signal(signal)
        child.drain()
        #expect(child.wait() == .exit(0))
    }

    @Test func verifyRequireExitsOneWhenASettingIsMissing() throws {
        let all = try TormemBinary.run(["verify", "--require", "dircache0,maxmem"] + FakeHost.options)
        #expect(all.status == 1)
        #expect(all.stderr.contains("tormem: beta: DirCache is not 0") && all.stderr.contains("tormem: beta: MaxMemInQueues is not set"))
        #expect(all.stderr.contains("tormem: gamma: DirCache is not 0") && !all.stderr.contains("gamma: MaxMemInQueues"))
        #expect(!all.stderr.contains("alpha"))
        #expect(try TormemBinary.run(["verify"] + FakeHost.options).status == 0)
        let bad = try TormemBinary.run(["verify", "--require", "dircache"] + FakeHost.options)
        #expect(bad.status == 2 && bad.stderr.contains("expected dircache0 and/or maxmem"))
    }

    @Test func statusAndVerifyAcceptJSON() throws {
        let status = try TormemBinary.run(["status", "--json"] + FakeHost.options)
        #expect(status.status == 0)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        #expect((doc["instances"] as? [[String: Any]])?.map { $0["instance"] as? String } == ["alpha", "beta", "gamma"])
        let verify = try TormemBinary.run(["verify", "--json"] + FakeHost.options)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(verify.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["dircache0"] as? Bool } == [true, false, false])
        #expect(rows.map { $0["maxmeminqueues"] as? String } == ["2 GB", nil, "512 MB"])
    }
}
