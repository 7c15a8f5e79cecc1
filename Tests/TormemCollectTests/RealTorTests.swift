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
        mutating func start(_ name: String, nickname: String, dataDirectoryInTorrc: Bool) throws {
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
                                            stdout: .file(root.file(name + ".out")), stderr: .file(root.file(name + ".err")))
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
}
