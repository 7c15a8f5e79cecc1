import Foundation
import Glibc
import Testing
import TormemCore
import TormemData
@testable import TormemCollect

/// Debian's tor binary, when installed.
let installedTor = ["/usr/bin/tor", "/usr/sbin/tor"].first { FileManager.default.isExecutableFile(atPath: $0) }

/// Real `tor` relays (Debian's package; `make test` installs it), offline with `DisableNetwork 1`,
/// laid out as Debian's `tor-instance-create` does: `etc/tor/instances/NAME/torrc` and the
/// DataDirectory `var/lib/tor-instances/NAME/` where tor writes its `fingerprint`. One relay names
/// its DataDirectory in the torrc; the other gets it from a defaults file passed with
/// `--defaults-torrc` like the `tor@NAME` unit does.
@Suite(.serialized, .enabled(if: installedTor != nil, "tor is not installed (make test installs it)"))
struct RealTorTests {
    /// A free TCP port on 127.0.0.1.
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    struct Host {
        let root: TempDirectory
        var instances: String { root.file("etc/tor/instances") }
        var dataRoot: String { root.file("var/lib/tor-instances") }
        var relays: [String: ChildProcess] = [:]

        /// Writes the instance and starts tor with the command line of Debian's `tor@NAME` unit.
        /// `preload`: a library for `LD_PRELOAD` (an allocator), added to the test's environment.
        mutating func start(_ name: String, nickname: String, dataDirectoryInTorrc: Bool, preload: String? = nil) throws {
            let data = dataRoot + "/" + name
            try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            var torrc = """
            Nickname \(nickname)
            ORPort 127.0.0.1:\(RealTorTests.freePort())
            DisableNetwork 1
            AssumeReachable 1
            PublishServerDescriptor 0
            SocksPort 0
            ContactInfo tormem test relay
            Log notice file \(root.file(name + ".log"))

            """
            if dataDirectoryInTorrc { torrc += "DataDirectory \(data)\n" }
            try root.write(torrc, to: "etc/tor/instances/\(name)/torrc")
            try root.write("DataDirectory \(data)\nRunAsDaemon 0\n", to: "run/tor-instances/\(name).defaults")
            relays[name] = try ChildProcess(installedTor!, ["--defaults-torrc", root.file("run/tor-instances/\(name).defaults"),
                                                                "-f", instances + "/\(name)/torrc"],
                                            stdout: .file(root.file(name + ".out")), stderr: .file(root.file(name + ".err")),
                                            environment: preload.map { ProcessInfo.processInfo.environment
                                                .filter { $0.key != "LD_PRELOAD" }.map { "\($0.key)=\($0.value)" }.sorted() + ["LD_PRELOAD=" + $0] })
        }

        /// tor's own `state` file, once it has written it.
        func state(_ name: String) throws -> String {
            for _ in 0..<300 {
                if let text = try? String(contentsOfFile: dataRoot + "/\(name)/state", encoding: .utf8), text.contains("TorVersion") { return text }
                usleep(100_000)
            }
            throw SpawnError(message: "tor \(name) wrote no state file in 30 s")
        }

        /// tor's own fingerprint file, once it has written it (about a second).
        func fingerprint(_ name: String) throws -> (String, String) {
            for _ in 0..<300 {
                if let text = try? String(contentsOfFile: dataRoot + "/\(name)/fingerprint", encoding: .utf8),
                   let parsed = RelayInstance.parseFingerprintFile(text) { return parsed }
                usleep(100_000)
            }
            let log = (try? String(contentsOfFile: root.file(name + ".log"), encoding: .utf8)) ?? ""
            throw SpawnError(message: "tor \(name) wrote no fingerprint in 30 s; its log: \(log.suffix(800))")
        }

        func tormem(_ command: String, _ extra: [String] = []) throws -> TormemBinary.Result {
            try TormemBinary.run([command, "--instances-dir", instances, "--tor-data-root", dataRoot] + extra)
        }

        mutating func stop(_ name: String) {
            guard let child = relays.removeValue(forKey: name) else { return }
            kill(child.pid, SIGTERM)
            _ = child.wait()
        }

        mutating func stopAll() { for name in relays.keys.sorted() { stop(name) } }
    }

    @Test func collectorSeesRealRelaysAsTheyAre() throws {
        var host = Host(root: TempDirectory())
        defer { host.stopAll(); host.root.remove() }
        try host.start("alpha", nickname: "tormemAlpha", dataDirectoryInTorrc: true)
        try host.start("beta", nickname: "tormemBeta", dataDirectoryInTorrc: false)
        let (alphaNick, alphaFP) = try host.fingerprint("alpha")
        let (betaNick, betaFP) = try host.fingerprint("beta")
        #expect(alphaNick == "tormemAlpha" && betaNick == "tormemBeta")

        // csv: one aggregate row and a relay row per relay, nickname and fingerprint from tor's files.
        let csv = try host.tormem("csv")
        #expect(csv.status == 0, "\(csv.stderr)")
        let rows = csvLines(csv.stdout)
        #expect(rows[0] == UnifiedColumns.all)
        let relays = rows.filter { $0.count > 6 && $0[2] == "relay" }
        #expect(relays.map { $0[4] }.sorted() == ["tormemAlpha", "tormemBeta"])
        #expect(Dictionary(uniqueKeysWithValues: relays.map { ($0[4], $0[3]) }) == ["tormemAlpha": alphaFP, "tormemBeta": betaFP])
        // RSS as /proc says (tor settles at tens of MB; allow for the moment between the two reads).
        for (name, nick) in [("alpha", "tormemAlpha"), ("beta", "tormemBeta")] {
            let pid = try #require(host.relays[name]?.pid)
            let rss = try #require(liveRSS(pid))
            let row = try #require(relays.first { $0[4] == nick })
            let collected = try #require(Int(row[6]))
            #expect(abs(collected - rss) <= max(4096, rss / 4), "\(name): collected \(collected) KiB, /proc \(rss) KiB")
            #expect(rss > 5_000 && rss < 500_000)
        }

        // status and detail name the relays; verify reads their torrc.
        let status = try host.tormem("status")
        #expect(status.status == 0 && status.stdout.contains("2 instances, 2 running"), "\(status.stdout)")
        let detail = try host.tormem("detail", ["alpha"])
        #expect(detail.status == 0 && detail.stdout.contains(alphaFP), "\(detail.stdout)")
        #expect(try host.tormem("verify").status == 0)

        // collect appends rows the charts read back with the same identities.
        let out = host.root.file("measurements.csv")
        #expect(try host.tormem("collect", ["--output", out]).status == 0)
        let loaded = try DataLoader.load(path: out)
        #expect(Set(loaded.relays.relays.map(\.info.fingerprint)) == [alphaFP, betaFP])

        // A stopped relay is shown as not running, and collected without a sample.
        host.stop("beta")
        let after = try host.tormem("status")
        #expect(after.stdout.contains("2 instances, 1 running"), "\(after.stdout)")
        let csvAfter = csvLines(try host.tormem("csv").stdout).filter { $0.count > 6 && $0[2] == "relay" }
        #expect(csvAfter.map { $0[4] } == ["tormemAlpha"])
    }

    static let jemalloc = "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2"
    static let mimalloc = "/usr/lib/x86_64-linux-gnu/libmimalloc.so.2"
    static let allocatorsInstalled = [jemalloc, mimalloc].allSatisfy { FileManager.default.fileExists(atPath: $0) }

    /// The relay rows of `tormem csv`, by nickname, as column → cell.
    static func relayRows(_ host: Host) throws -> [String: [String: String]] {
        let csv = try host.tormem("csv")
        #expect(csv.status == 0 && csv.stderr.isEmpty, "\(csv.stderr)")
        let lines = csvLines(csv.stdout)
        return Dictionary(uniqueKeysWithValues: lines.dropFirst().filter { $0.count > 4 && $0[2] == "relay" }.map { row in
            (row[4], Dictionary(uniqueKeysWithValues: zip(lines[0], row).map { ($0, $1) }))
        })
    }

    /// What real relays give for their memory: the allocator they have mapped (Debian's glibc,
    /// libjemalloc2 and libmimalloc2.0 by LD_PRELOAD), when they started (a restart gives a new
    /// start), tor's own state file (with BWHistory values the test writes into it) and a
    /// consensus the test caches in one DataDirectory.
    @Test(.enabled(if: RealTorTests.allocatorsInstalled, "libjemalloc2 and libmimalloc2.0 are not installed (make test-deps installs them)"))
    func factsOfRealRelays() throws {
        var host = Host(root: TempDirectory())
        defer { host.stopAll(); host.root.remove() }
        let before = Int64(time(nil))
        try host.start("plain", nickname: "tormemPlain", dataDirectoryInTorrc: true)
        try host.start("je", nickname: "tormemJe", dataDirectoryInTorrc: false, preload: Self.jemalloc)
        try host.start("mi", nickname: "tormemMi", dataDirectoryInTorrc: true, preload: Self.mimalloc)
        let fingerprints = try ["plain", "je", "mi"].map { try host.fingerprint($0).1 }
        let states = try ["plain", "je", "mi"].map { try host.state($0) }
        let after = Int64(time(nil))

        var rows = try Self.relayRows(host)
        #expect(rows["tormemPlain"]?["allocator"] == "glibc")
        #expect(rows["tormemJe"]?["allocator"] == "jemalloc")
        #expect(rows["tormemMi"]?["allocator"] == "mimalloc 2.0")
        for nick in ["tormemPlain", "tormemJe", "tormemMi"] {
            let started = try #require(rows[nick]?["started"].flatMap { TimestampParser.timestamp($0) }, "\(nick): \(rows[nick] ?? [:])")
            #expect(started.seconds >= before - 1 && started.seconds <= after, "\(nick) started \(started), test from \(before) to \(after)")
            // tor's own state file: one (running) value per history, so no complete interval yet.
            #expect(rows[nick]?["read_bytes_day"] == "" && rows[nick]?["written_bytes_day"] == "")
            #expect(rows[nick]?["flags"] == "" && rows[nick]?["consensus_weight"] == "")
        }
        // tor's format: the BWHistory lines of the file it wrote, each direction with its interval.
        #expect(states[0].contains("\nBWHistoryReadInterval 86400\n") && states[0].contains("\nBWHistoryWriteValues "), "\(states[0])")

        // The test writes a history into plain's real state file (tor's other lines kept), and a
        // consensus listing plain and je into mi's DataDirectory.
        let statePath = host.dataRoot + "/plain/state"
        let history = states[0].split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.hasPrefix("BWHistoryReadValues ") { return "BWHistoryReadValues 1000,2000,864000000,4096" }
            if line.hasPrefix("BWHistoryWriteValues ") { return "BWHistoryWriteValues 3000,1728000000,8192" }
            return String(line)
        }.joined(separator: "\n")
        try history.write(toFile: statePath, atomically: true, encoding: .utf8)
        let consensus = ConsensusFixture.document([
            .init(nickname: "tormemPlain", fingerprint: fingerprints[0], flags: "Fast Guard HSDir Running Stable V2Dir Valid", weight: "23400"),
            .init(nickname: "someoneElse", fingerprint: ConsensusFixture.fingerprint(77)),
            .init(nickname: "tormemJe", fingerprint: fingerprints[1], flags: "Fast Running Valid", weight: "510"),
        ], validAfter: Timestamp(seconds: after).iso8601.replacingOccurrences(of: "T", with: " "))
        try consensus.write(toFile: host.dataRoot + "/mi/cached-microdesc-consensus", atomically: true, encoding: .utf8)

        let startedBefore = rows["tormemJe"]?["started"]
        rows = try Self.relayRows(host)
        #expect(rows["tormemPlain"]?["read_bytes_day"] == "864000000" && rows["tormemPlain"]?["written_bytes_day"] == "1728000000")
        #expect(rows["tormemPlain"]?["flags"] == "Fast Guard HSDir Running Stable V2Dir Valid" && rows["tormemPlain"]?["consensus_weight"] == "23400")
        #expect(rows["tormemJe"]?["flags"] == "Fast Running Valid" && rows["tormemJe"]?["consensus_weight"] == "510")
        #expect(rows["tormemMi"]?["flags"] == "" && rows["tormemMi"]?["consensus_weight"] == "")

        // The Prometheus textfile says the same.
        let prom = host.root.file("tor.prom")
        #expect(try host.tormem("collect", ["--prometheus", prom]).status == 0)
        let text = try String(contentsOfFile: prom, encoding: .utf8)
        #expect(text.contains("tormem_relay_allocator_info{nickname=\"tormemMi\",fingerprint=\"\(fingerprints[2])\",tor_instance=\"mi\",allocator=\"mimalloc\",version=\"2.0\"} 1\n"))
        #expect(text.contains("tormem_relay_flag{nickname=\"tormemPlain\",fingerprint=\"\(fingerprints[0])\",tor_instance=\"plain\",flag=\"Guard\"} 1\n"))
        #expect(text.contains("tormem_relay_read_bytes_per_day{nickname=\"tormemPlain\",fingerprint=\"\(fingerprints[0])\",tor_instance=\"plain\"} 864000000\n"))

        // A restart (stopped, started again with the same DataDirectory) is a new start.
        host.stop("je")
        usleep(1_200_000)
        try host.start("je", nickname: "tormemJe", dataDirectoryInTorrc: false, preload: Self.jemalloc)
        #expect(try host.fingerprint("je").1 == fingerprints[1])
        var restarted: String?
        for _ in 0..<100 {
            restarted = try Self.relayRows(host)["tormemJe"]?["started"]
            if restarted != nil { break }
            usleep(100_000)
        }
        let old = try #require(startedBefore.flatMap { TimestampParser.timestamp($0) })
        let new = try #require(restarted.flatMap { TimestampParser.timestamp($0) })
        #expect(new.seconds > old.seconds, "started \(old) before the restart, \(new) after")
        #expect(try Self.relayRows(host)["tormemJe"]?["allocator"] == "jemalloc")
    }
}
