import Foundation
import Testing
import TormemTestSupport
@testable import TormemCollect

/// The shipped systemd service (`contrib/systemd/tormem-collect.service`) and its options file
/// (`contrib/default/tormem`, installed as `/etc/default/tormem`): systemd accepts them, the
/// sandbox scores below 5.0 in `systemd-analyze security` and keeps what the collector needs, and
/// the command line systemd makes from them is one `tormem collect` accepts, with the options
/// file as shipped (everything commented out) and with each of its examples. `make test` installs
/// `systemd` for systemd-analyze (nothing is started) and `strace` to see the system calls.
@Suite struct SystemdUnitTests {
    static let analyze = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let strace = ["/usr/bin/strace", "/bin/strace"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let service = Fixtures.packageRoot + "/contrib/systemd/tormem-collect.service"
    static let timer = Fixtures.packageRoot + "/contrib/systemd/tormem-collect.timer"
    static let defaults = Fixtures.packageRoot + "/contrib/default/tormem"

    /// The `[Service]` settings in order (a setting may repeat), comments and blank lines left out.
    static func settings() throws -> [(key: String, value: String)] {
        try String(contentsOfFile: service, encoding: .utf8).split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), !line.hasPrefix(";"), !line.hasPrefix("["), let eq = line.firstIndex(of: "=") else { return nil }
            return (String(line[..<eq]), String(line[line.index(after: eq)...]))
        }
    }

    static func values(_ key: String) throws -> [String] { try settings().filter { $0.key == key }.map(\.value) }

    /// What systemd's EnvironmentFile= reads: `KEY=VALUE` lines, `#` and `;` comments, one pair of
    /// quotes around a value removed.
    static func environment(_ text: String) -> [String: String] {
        var env: [String: String] = [:]
        for raw in text.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#"), !line.hasPrefix(";"), let eq = line.firstIndex(of: "=") else { continue }
            var value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q { value = String(value.dropFirst().dropLast()) }
            env[line[..<eq].trimmingCharacters(in: .whitespaces)] = value
        }
        return env
    }

    /// ExecStart= as systemd makes it into words: split at white space; a word `$NAME` becomes the
    /// words of the variable's value, none when it is unset or empty. (The unit uses no quotes.)
    static func execStart(_ env: [String: String]) throws -> [String] {
        let lines = try values("ExecStart")
        #expect(lines.count == 1)
        let line = try #require(lines.first)
        #expect(!line.contains("\"") && !line.contains("'") && !line.contains("\\") && !line.contains("${"),
                "ExecStart= uses only plain words and $NAME")
        return line.split(separator: " ").flatMap { word -> [String] in
            guard word.hasPrefix("$") else { return [String(word)] }
            return (env[String(word.dropFirst())] ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
        }
    }

    /// The shipped options file as installed, and with each of its commented examples switched on.
    static func optionFiles() throws -> [String] {
        let text = try String(contentsOfFile: defaults, encoding: .utf8)
        let examples = text.split(separator: "\n").filter { $0.hasPrefix("#TORMEM_OPTIONS=") }
        return [text, "TORMEM_OPTIONS=\n", "TORMEM_OPTIONS=\"\"\n"] + examples.map { String($0.dropFirst()) + "\n" }
    }

    @Test func theOptionsFileHasExamplesAndSetsNothing() throws {
        let files = try Self.optionFiles()
        #expect(Self.environment(files[0]).isEmpty, "as shipped, /etc/default/tormem sets nothing")
        #expect(files.count >= 5, "the options file shows at least two examples")
        #expect(files[0].contains("/var/lib/prometheus/node-exporter/"))
    }

    @Test func emptyOptionsAddNoArgument() throws {
        for file in try Self.optionFiles().prefix(3) {
            #expect(try Self.execStart(Self.environment(file)) ==
                    ["/usr/bin/tormem", "collect", "--output", "/var/lib/tormem/measurements.csv", "--with-diagnostics"])
        }
        #expect(try Self.values("EnvironmentFile") == ["-/etc/default/tormem"], "a missing options file is no error")
    }

    /// Runs each command line systemd would run, its paths moved into a temporary folder (and
    /// pointed at the fake host): `tormem collect` accepts it and writes what it names.
    @Test func everyCommandLineIsOneTormemCollectAccepts() throws {
        for file in try Self.optionFiles() {
            let tmp = TempDirectory()
            defer { tmp.remove() }
            try FileManager.default.createDirectory(atPath: tmp.file("state"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: tmp.file("prom"), withIntermediateDirectories: true)
            let moved = [("/var/lib/tormem/", tmp.file("state/")), ("/var/lib/prometheus/node-exporter/", tmp.file("prom/")),
                         ("/etc/tormem/relay_config.csv", FakeHost.config)]
            let words = try Self.execStart(Self.environment(file)).map { word in
                moved.reduce(word) { w, m in w.hasPrefix(m.0) ? m.1 + w.dropFirst(m.0.count) : w }
            }
            #expect(words.first == "/usr/bin/tormem")
            let r = try TormemBinary.run(Array(words.dropFirst()) + FakeHost.options + ["--server", FakeHost.hostName])
            #expect(r.status == 0, "\(words): \(r.stderr)")
            #expect(try tmp.read("state/measurements.csv").contains(",alpha,"), "\(words)")
            #expect(try tmp.read("state/diagnostics.csv").contains("fakehost"), "\(words)")
            if words.contains("--prometheus") {
                #expect(try tmp.read("prom/tor_relays.prom").contains("tormem_relays_running 2"), "\(words)")
            }
            // The group comes from --config only (the fake host's alpha is in group A).
            let lines = csvLines(try tmp.read("state/measurements.csv"))
            let group = try #require(lines.first?.firstIndex(of: "group"))
            let alpha = lines.first { $0.contains("alpha") }
            #expect(alpha?[group] == (words.contains("--config") ? "A" : ""), "\(words)")
        }
    }

    /// The sandbox keeps what the collector needs: every process in /proc (relays are found by
    /// their command lines, `meminfo` and `sys/kernel` are read), root's reading of other users'
    /// /proc/PID/smaps and DataDirectories, and writing where the textfile goes.
    @Test func theSandboxKeepsWhatTheCollectorNeeds() throws {
        let all = try Self.settings()
        for (key, value) in all {
            #expect(!(key == "ProtectProc" && value != "default"), "ProtectProc=\(value) hides the relay processes")
            #expect(!(key == "ProcSubset" && value != "all"), "ProcSubset=\(value) hides /proc/meminfo")
            #expect(!(key == "PrivateUsers" && value != "no"), "PrivateUsers= takes root's capabilities over other users")
            #expect(!(key == "PrivatePIDs"), "PrivatePIDs= hides the relay processes")
            #expect(!(key == "DynamicUser" && value != "no"))
        }
        #expect(try Self.values("User") == ["root"])
        #expect(try Self.values("CapabilityBoundingSet") == ["CAP_SYS_PTRACE CAP_DAC_READ_SEARCH"])
        #expect(try Self.values("ReadWritePaths") == ["/var/lib/tormem -/var/lib/prometheus/node-exporter"])
        #expect(try Self.values("UMask") == ["0022"], "node_exporter (another user) reads the textfile")
        #expect(try Self.values("ProtectSystem") == ["strict"])
    }

    @Test(.enabled(if: SystemdUnitTests.analyze != nil, "systemd-analyze is not installed (make test-deps installs systemd)"))
    func securityExposureIsBelowFive() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        let child = try ChildProcess(Self.analyze!, ["security", "--offline=true", "--no-pager", Self.service],
                                     stdout: .file(tmp.file("out")), stderr: .file(tmp.file("err")))
        #expect(child.wait() == .exit(0), "\((try? tmp.read("err")) ?? "")")
        let out = try tmp.read("out")
        // "→ Overall exposure level for tormem-collect.service: 1.3 OK 🙂"
        let line = try #require(out.split(separator: "\n").first { $0.contains("Overall exposure level for tormem-collect.service: ") },
                                "no exposure level in: \(out.suffix(400))")
        let words = line.split(separator: ":").last?.split(separator: " ") ?? []
        let exposure = try #require(words.first.flatMap { Double($0) }, "\(line)")
        #expect(exposure < 5.0, "\(line)")
    }

    /// `systemd-analyze verify` prints nothing for the units (warnings go to its standard error,
    /// and it still exits 0: an unknown setting or system call group is a warning). ExecStart=
    /// points at the built executable, which systemd checks exists.
    @Test(.enabled(if: SystemdUnitTests.analyze != nil, "systemd-analyze is not installed (make test-deps installs systemd)"))
    func verifyAcceptsTheUnits() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        let unit = try String(contentsOfFile: Self.service, encoding: .utf8)
        #expect(unit.contains("ExecStart=/usr/bin/tormem "))
        try tmp.write(unit.replacingOccurrences(of: "ExecStart=/usr/bin/tormem ", with: "ExecStart=\(TormemBinary.path) "), to: "tormem-collect.service")
        try tmp.write(try String(contentsOfFile: Self.timer, encoding: .utf8), to: "tormem-collect.timer")
        let child = try ChildProcess("/bin/sh", ["-c", "cd \"$1\" && exec \"$0\" verify --man=no ./tormem-collect.service ./tormem-collect.timer",
                                                 Self.analyze!, tmp.path],
                                     stdout: .file(tmp.file("verify.out")), stderr: .file(tmp.file("verify.err")))
        #expect(child.wait() == .exit(0))
        let said = try tmp.read("verify.out") + tmp.read("verify.err")
        #expect(said.isEmpty, "systemd-analyze verify: \(said)")
    }

    /// The system calls of a group as systemd-analyze lists them, its sub-groups expanded.
    static func systemCalls(_ group: String) throws -> Set<String> {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        let child = try ChildProcess(analyze!, ["syscall-filter", "--no-pager", group], stdout: .file(tmp.file("out")), stderr: .file(tmp.file("err")))
        #expect(child.wait() == .exit(0), "syscall-filter \(group): \((try? tmp.read("err")) ?? "")")
        var calls = Set<String>()
        for line in try tmp.read("out").split(separator: "\n").dropFirst() {
            let word = line.trimmingCharacters(in: .whitespaces)
            if word.isEmpty || word.hasPrefix("#") { continue }
            if word.hasPrefix("@") { calls.formUnion(try systemCalls(word)) } else { calls.insert(word) }
        }
        #expect(!calls.isEmpty, "\(group) has no system call")
        return calls
    }

    /// Every system call `tormem collect` makes (its command line from the unit with the Prometheus
    /// example on, on the fake host, as strace sees it) is one the unit's SystemCallFilter= lets
    /// through: a call the filter refuses would fail with EPERM only on a relay host.
    @Test(.enabled(if: SystemdUnitTests.analyze != nil && SystemdUnitTests.strace != nil,
                   "systemd-analyze or strace is not installed (make test-deps installs systemd and strace)"))
    func everySystemCallIsOneTheFilterAllows() throws {
        var allowed = Set<String>()
        for filter in try Self.values("SystemCallFilter") {
            let deny = filter.hasPrefix("~")
            for group in filter.dropFirst(deny ? 1 : 0).split(separator: " ") {
                let calls = group.hasPrefix("@") ? try Self.systemCalls(String(group)) : [String(group)]
                if deny { allowed.subtract(calls) } else { allowed.formUnion(calls) }
            }
        }
        #expect(allowed.contains("openat") && !allowed.contains("setpriority") && !allowed.contains("ptrace"))
        let tmp = TempDirectory()
        defer { tmp.remove() }
        let words = try Self.execStart(["TORMEM_OPTIONS": "--prometheus /var/lib/prometheus/node-exporter/tor_relays.prom"]).map {
            $0.replacingOccurrences(of: "/var/lib/tormem/", with: tmp.path + "/")
              .replacingOccurrences(of: "/var/lib/prometheus/node-exporter/", with: tmp.path + "/")
        }
        let child = try ChildProcess(Self.strace!, ["-f", "-qq", "-o", tmp.file("trace"), TormemBinary.path] + words.dropFirst()
                                     + FakeHost.options + ["--config", FakeHost.config],
                                     stdout: .file(tmp.file("out")), stderr: .file(tmp.file("err")))
        #expect(child.wait() == .exit(0), "\((try? tmp.read("err")) ?? "")")
        #expect(try tmp.read("tor_relays.prom").contains("tormem_relays_running 2"))
        // "1234  openat(AT_FDCWD, ...) = 3", "1234  <... read resumed>...": the calls are the words before "(".
        var made = Set<String>()
        for line in try tmp.read("trace").split(separator: "\n") {
            guard let rest = line.split(separator: " ", maxSplits: 1).last?.drop(while: { $0 == " " }),
                  let open = rest.firstIndex(of: "("), !rest.hasPrefix("<"), !rest.hasPrefix("+++"), !rest.hasPrefix("---") else { continue }
            made.insert(String(rest[..<open]))
        }
        #expect(made.isSuperset(of: ["openat", "read", "write", "flock", "rename"]), "\(made.sorted())")
        #expect(made.isSubset(of: allowed), "refused by the unit's SystemCallFilter=: \(made.subtracting(allowed).sorted())")
    }
}
