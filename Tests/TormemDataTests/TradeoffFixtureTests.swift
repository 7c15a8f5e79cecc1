import Foundation
import Testing
import TormemCore
import TormemTestSupport
@testable import TormemData

/// `Fixtures/tradeoff/onionoo`: the Onionoo documents give what its README says, and the same
/// bandwidth per relay as the fact columns of `Fixtures/tradeoff/collected`.
@Suite struct TradeoffFixtureTests {
    static let a1 = "441729C444A2654DFEE4BFE67D47F15BED1F0850"

    static func onionoo() throws -> OnionooFacts {
        var warnings: [Diagnostic] = []
        let loaded = try OnionooFacts.load(in: Fixtures.url("tradeoff/onionoo"), warnings: &warnings)
        let o = try #require(loaded)
        #expect(warnings.isEmpty, "\(warnings)")
        return o
    }

    @Test func relayA1AsTheReadmeSays() throws {
        let o = try Self.onionoo()
        #expect(o.nicknames[Self.a1] == "tradeoffA1")
        let a1 = try #require(o.facts(fingerprint: Self.a1.lowercased(), nickname: ""))
        #expect(o.facts(fingerprint: "", nickname: "tradeoffA1") == a1)
        let published = TimestampParser.timestamp("2026-03-10 12:00:00")!.seconds
        #expect(a1.flags == [.init(time: published, value: "Fast Guard HSDir Running Stable V2Dir Valid")])
        #expect(a1.weights == [.init(time: published, value: 20000)])
        // One reading: the same value every interval; the nulls of values[10] and [11] are no reading.
        let b = try #require(a1.bandwidth.first)
        #expect(a1.bandwidth.count == 1)
        #expect(b.time == TimestampParser.timestamp("2026-03-01 02:00:00")!.seconds)
        #expect(abs(b.value.writtenPerDay - 378_000_000_000) < 0.01, "\(b.value)")
        #expect(abs(b.value.readPerDay - 385_560_000_000) < 0.01, "\(b.value)")
        #expect(a1.starts.isEmpty && a1.allocators.isEmpty)
    }

    @Test func groupBandwidthMatchesTheCollectedColumns() throws {
        let o = try Self.onionoo()
        #expect(o.relays.count == 24 && o.historyRelays.count == 24 && o.detailsRelays.count == 24 && o.observedRelays.isEmpty)
        // The collected file's fact columns, relay by relay (the last row of each).
        let text = try String(contentsOfFile: Fixtures.url("tradeoff/collected/measurements.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0]
        #expect(header == UnifiedColumns.all)
        let col = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })
        var collected: [String: (nick: String, read: Double, written: Double, flags: String, weight: Double)] = [:]
        for row in lines.dropFirst() where row[col["type"]!] == "relay" {
            collected[row[col["fingerprint"]!]] = (row[col["nickname"]!], Double(row[col["read_bytes_day"]!])!, Double(row[col["written_bytes_day"]!])!,
                                                  row[col["flags"]!], Double(row[col["consensus_weight"]!])!)
        }
        #expect(collected.count == 24)
        var means: [Character: [Double]] = [:]
        for (fp, c) in collected {
            let f = try #require(o.relays[fp], "\(c.nick)")
            let b = try #require(f.bandwidth.last).value
            #expect(b.writtenPerDay.rounded() == c.written && b.readPerDay.rounded() == c.read, "\(c.nick): \(b)")
            #expect(f.flags.last?.value == c.flags && f.weights.last?.value == c.weight, "\(c.nick)")
            means[c.nick.dropFirst("tradeoff".count).first!, default: []].append(b.writtenPerDay)
        }
        let mean = means.mapValues { ($0.reduce(0, +) / Double($0.count)).rounded() }
        #expect(mean == ["A": 432_000_000_000, "B": 324_000_000_000, "C": 432_000_000_000, "D": 469_800_000_000])
    }

    @Test func theSideFilesOfBothFolders() throws {
        let side = try SideFiles.load(in: Fixtures.url("tradeoff/onionoo"))
        #expect(side.warnings.isEmpty, "\(side.warnings)")
        #expect(side.experiment?.groups.count == 4 && side.groupFiles?.files.count == 4 && side.events?.events.count == 1)
        let relays = (side.onionoo?.nicknames ?? [:]).sorted { $0.value < $1.value }.map { RelayInfo(nickname: $0.value, fingerprint: $0.key) }
        #expect(relays.count == 24)
        let uses = SideFileUse.uses(side, relays: relays, labels: GroupLabels()).filter { $0.kind == "Onionoo" }
        #expect(uses.map(\.gave) == ["flags and weights of 24 relays", "bandwidth history of 24 relays"])
        #expect(uses.map(\.match) == [.dataRelays(matched: 24, of: 24), .dataRelays(matched: 24, of: 24)])
        #expect(try SideFiles.load(in: Fixtures.url("tradeoff/collected")).onionoo == nil)
    }

    /// A run over the onionoo folder names both documents with what they gave to its 24 relays.
    @Test func aRunNamesTheDocuments() throws {
        let data = Fixtures.url("tradeoff/onionoo/measurements.csv")
        let i = ChartInputs(files: [try DataLoader.load(path: data)], side: try SideFiles.load(nextTo: data), options: ChartInputs.Options())
        let dir = Fixtures.url("tradeoff/onionoo")
        #expect(i.sideFiles.filter { $0.kind == "Onionoo" }.map(\.text) == [
            dir + "/onionoo_details.json: flags and weights of 24 relays; matches 24 of 24 relays in the data",
            dir + "/onionoo_bandwidth.json: bandwidth history of 24 relays; matches 24 of 24 relays in the data",
        ])
        #expect(!i.allWarnings.contains { $0.file.hasPrefix(dir + "/onionoo_") }, "\(i.allWarnings)")
    }

    static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The committed files are make.py's output, byte for byte.
    @Test(.enabled(if: python != nil, "no python3")) func theGeneratorReproducesTheFolder() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.python!)
        p.arguments = [Fixtures.url("tradeoff/make.py"), out]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let root = Fixtures.url("tradeoff")
        var isFolder: ObjCBool = false
        let written = try FileManager.default.subpathsOfDirectory(atPath: out).filter {
            FileManager.default.fileExists(atPath: out + "/" + $0, isDirectory: &isFolder) && !isFolder.boolValue
        }.sorted()
        #expect(written.count == 17, "\(written)")  // README.md, 7 files in each folder, the two documents
        for name in written {
            #expect(FileManager.default.contents(atPath: out + "/" + name) == FileManager.default.contents(atPath: root + "/" + name), "\(name)")
        }
    }
}
