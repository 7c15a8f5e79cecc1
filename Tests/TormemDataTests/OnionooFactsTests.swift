import Foundation
import Testing
import TormemCore
@testable import TormemData

/// Onionoo's details and bandwidth documents next to the data: bandwidth, flags and weights per
/// fingerprint, the finest graph winning, nulls missing, bad documents named.
@Suite struct OnionooFactsTests {
    static let alpha = "A1B2C3D4E5F60718293A4B5C6D7E8F9012345678"
    static let beta = "0000111122223333444455556666777788889999"
    static let gamma = "FEDCBA9876543210FEDCBA9876543210FEDCBA98"

    /// Seconds since the epoch of `YYYY-MM-DD hh:mm:ss`.
    static func t(_ text: String) -> Int64 { TimestampParser.timestamp(text)!.seconds }

    /// A graph as Onionoo writes it (`last` and `count` from the values).
    static func graph(first: String, interval: Int, factor: Double, _ values: [Int?]) -> String {
        let last = Timestamp(seconds: t(first) + Int64(interval * (values.count - 1)))
        let lastText = last.date.description + " " + last.clock(withSeconds: true)
        return "{\"first\":\"\(first)\",\"last\":\"\(lastText)\",\"interval\":\(interval),\"factor\":\(factor),\"count\":\(values.count),"
            + "\"values\":[" + values.map { $0.map(String.init) ?? "null" }.joined(separator: ",") + "]}"
    }

    /// A bandwidth document as Onionoo serves it: one relay per line.
    static func bandwidthDocument(_ relays: [String]) -> String {
        "{\"version\":\"8.0\",\n\"relays_published\":\"2026-03-10 12:00:00\",\n\"relays\":[\n" + relays.joined(separator: ",\n")
            + "\n],\n\"bridges_published\":\"2026-03-10 11:00:00\",\n\"bridges\":[\n]}\n"
    }

    /// alpha: a 1_month graph inside a 6_months one (write), a 1_month read history.
    static let alphaBandwidth = "{\"fingerprint\":\"\(alpha)\",\"write_history\":{"
        + "\"6_months\":" + graph(first: "2026-02-28 06:00:00", interval: 43200, factor: 10, [100, 200, 300, 400]) + ","
        + "\"1_month\":" + graph(first: "2026-03-01 02:00:00", interval: 14400, factor: 10, [500, 500, nil, 600]) + "},"
        + "\"read_history\":{\"1_month\":" + graph(first: "2026-03-01 02:00:00", interval: 14400, factor: 10, [510, 510, 510, 610]) + "}}"

    static func detailsDocument(_ relays: [String], bridges: String = "") -> String {
        "{\"version\":\"8.0\",\n\"relays_published\":\"2026-03-10 12:00:00\",\n\"relays\":[\n" + relays.joined(separator: ",\n")
            + "\n],\n\"bridges_published\":\"2026-03-10 11:00:00\",\n\"bridges\":[\n\(bridges)]}\n"
    }

    static func detail(_ nickname: String, _ fp: String, flags: [String] = ["Running", "Guard", "Fast", "Valid"],
                       weight: Int = 1234, observed: Int = 99_999) -> String {
        "{\"nickname\":\"\(nickname)\",\"fingerprint\":\"\(fp)\",\"or_addresses\":[\"192.0.2.1:9001\"],\"running\":true,"
            + "\"flags\":[" + flags.map { "\"\($0)\"" }.joined(separator: ",") + "],\"consensus_weight\":\(weight),"
            + "\"bandwidth_rate\":1073741824,\"observed_bandwidth\":\(observed),\"advertised_bandwidth\":\(observed),"
            + "\"exit_policy\":[\"reject *:*\"],\"platform\":\"Tor 0.4.8.21 on Linux\",\"measured\":true}"
    }

    static func facts(bandwidth: String? = nil, details: String? = nil) throws -> (OnionooFacts, [Diagnostic]) {
        var facts = OnionooFacts()
        var warnings: [Diagnostic] = []
        if let bandwidth { try facts.addBandwidth(Array(bandwidth.utf8), file: "onionoo_bandwidth.json", warnings: &warnings) }
        if let details { try facts.addDetails(Array(details.utf8), file: "onionoo_details.json", warnings: &warnings) }
        return (facts, warnings)
    }

    static func bw(_ read: Double?, _ written: Double?) -> RelayFacts.Bandwidth {
        RelayFacts.Bandwidth(readPerDay: read.map { $0 * 86_400 } ?? .nan, writtenPerDay: written.map { $0 * 86_400 } ?? .nan)
    }

    @Test func theFinestGraphWinsAndNullsAreMissing() throws {
        let (o, warnings) = try Self.facts(bandwidth: Self.bandwidthDocument([Self.alphaBandwidth]))
        #expect(warnings.isEmpty)
        let b = try #require(o.relays[Self.alpha]).bandwidth
        // 6_months outside the 1_month span (02:00 ± 2 h … 14:00 + 2 h) is kept; 03-01 06:00 of it is not.
        // 03-01 06:00 repeats 02:00; 10:00 has a read but no written value.
        #expect(b == [.init(time: Self.t("2026-02-28 06:00:00"), value: Self.bw(nil, 1000)),
                      .init(time: Self.t("2026-02-28 18:00:00"), value: Self.bw(nil, 2000)),
                      .init(time: Self.t("2026-03-01 02:00:00"), value: Self.bw(5100, 5000)),
                      .init(time: Self.t("2026-03-01 10:00:00"), value: Self.bw(5100, nil)),
                      .init(time: Self.t("2026-03-01 14:00:00"), value: Self.bw(6100, 6000)),
                      .init(time: Self.t("2026-03-01 18:00:00"), value: Self.bw(nil, 4000))], "\(b)")
        #expect(o.historyRelays == [Self.alpha])
        #expect(o.relays[Self.alpha]?.flags.isEmpty == true)
    }

    @Test func allNullHistoriesGiveNoRelay() throws {
        let empty = "{\"fingerprint\":\"\(Self.beta)\",\"write_history\":{\"1_month\":"
            + Self.graph(first: "2026-03-01 02:00:00", interval: 14400, factor: 10, [nil, nil]) + "}}"
        let (o, warnings) = try Self.facts(bandwidth: Self.bandwidthDocument([empty, "{\"fingerprint\":\"\(Self.gamma)\"}"]))
        #expect(o.relays.isEmpty && o.historyRelays.isEmpty && warnings.isEmpty)
    }

    @Test func detailsGiveFlagsWeightsAndObservedBandwidthOnlyWithoutHistory() throws {
        let bridge = "{\"nickname\":\"bridgey\",\"hashed_fingerprint\":\"\(Self.gamma)\",\"flags\":[\"Running\"],\"running\":true}\n"
        let (o, warnings) = try Self.facts(bandwidth: Self.bandwidthDocument([Self.alphaBandwidth]),
                                           details: Self.detailsDocument([Self.detail("alpha", Self.alpha.lowercased()),
                                                                          Self.detail("beta", Self.beta, flags: ["Valid", "Running", "Fast"], weight: 20, observed: 4_375_000)],
                                                                         bridges: bridge))
        #expect(warnings.isEmpty)
        let published = Self.t("2026-03-10 12:00:00")
        let a = try #require(o.relays[Self.alpha])
        #expect(a.flags == [.init(time: published, value: "Fast Guard Running Valid")])
        #expect(a.weights == [.init(time: published, value: 1234)])
        #expect(a.bandwidth.count == 6)  // the history; not the observed bandwidth
        let b = try #require(o.relays[Self.beta])
        #expect(b.flags == [.init(time: published, value: "Fast Running Valid")])
        #expect(b.weights == [.init(time: published, value: 20)])
        #expect(b.bandwidth == [.init(time: published, value: RelayFacts.Bandwidth(writtenPerDay: 4_375_000 * 86_400))])
        #expect(o.nicknames == [Self.alpha: "alpha", Self.beta: "beta"])
        #expect(o.relays[Self.gamma] == nil)  // the bridge
        #expect(o.observedRelays == [Self.beta] && o.detailsRelays == [Self.alpha, Self.beta])
    }

    @Test func relaysAreFoundByFingerprintElseByAUniqueNickname() throws {
        let (o, _) = try Self.facts(details: Self.detailsDocument([Self.detail("alpha", Self.alpha), Self.detail("twin", Self.beta),
                                                                   Self.detail("twin", Self.gamma)]))
        let alpha = try #require(o.relays[Self.alpha])
        #expect(o.facts(fingerprint: Self.alpha.lowercased() + "#2", nickname: "") == alpha)
        #expect(o.facts(fingerprint: "$" + Self.alpha, nickname: "whatever") == alpha)
        #expect(o.facts(fingerprint: "", nickname: "alpha") == alpha)
        #expect(o.facts(fingerprint: "", nickname: "alpha#2") == alpha)
        #expect(o.facts(fingerprint: "", nickname: "twin") == nil)       // two relays have it
        #expect(o.facts(fingerprint: Self.beta, nickname: "twin") == o.relays[Self.beta])
        #expect(o.facts(fingerprint: "", nickname: "Alpha") == nil)
        #expect(o.facts(fingerprint: "", nickname: "") == nil)
        // Another key with the same nickname is another relay.
        #expect(o.facts(fingerprint: String(repeating: "7", count: 40), nickname: "alpha") == nil)
    }

    /// A download cut off inside the first relay's values.
    static let truncated: String = {
        let doc = bandwidthDocument([alphaBandwidth])
        return String(doc[..<doc.range(of: "[500,500,")!.upperBound])
    }()

    /// Malformed documents are input errors naming the file, the line and column, and what was expected.
    @Test(arguments: [
        (truncated, "onionoo_bandwidth.json:4: column \(truncated.split(separator: "\n").last!.count + 1): ", "expected a value"),
        ("{\"relays\":[\n{\"fingerprint\":\"\(alpha)\",}]}", "onionoo_bandwidth.json:2: column 59: ", "expected a key in double quotes"),
        ("\u{7F}ELF\u{02}\u{01}\u{01}\0\0\0", "onionoo_bandwidth.json:1: column 1: ", "expected a value"),
        ("", "onionoo_bandwidth.json:1: column 1: ", "expected a value"),
        ("[1, 2]", "onionoo_bandwidth.json: ", "expected a JSON object at the top level (an Onionoo bandwidth document), found an array"),
        ("{\"version\":\"8.0\"}", "onionoo_bandwidth.json: ", "expected \"relays\" as an array (an Onionoo bandwidth document), found nothing"),
    ])
    func malformedBandwidthDocumentsAreNamed(text: String, place: String, expected: String) throws {
        do {
            _ = try Self.facts(bandwidth: text)
            Issue.record("no error for \(text.prefix(40))")
        } catch let error as TormemError {
            #expect(error.description.contains(place + expected), "\(error.description)")
        }
    }

    @Test func detailsWithoutAPublishedTimeAreRefused() throws {
        let text = "{\"relays\":[" + Self.detail("alpha", Self.alpha) + "]}"
        do {
            _ = try Self.facts(details: text)
            Issue.record("no error")
        } catch let error as TormemError {
            #expect(error.description.contains("onionoo_details.json: expected \"relays_published\" as a UTC time YYYY-MM-DD hh:mm:ss"),
                    "\(error.description)")
        }
        // Without relays there is nothing to date.
        #expect(try Self.facts(details: "{\"relays\":[]}").0 == OnionooFacts())
    }

    /// A relay with a field of the wrong type or an impossible number is skipped; one warning per
    /// file names how many and why; the other relays are read.
    @Test func badRelaysAreSkippedWithOneWarningPerFile() throws {
        let g = Self.graph(first: "2026-03-01 02:00:00", interval: 14400, factor: 10, [1, 2])
        let bad = [
            "{\"fingerprint\":12}",
            "{\"fingerprint\":\"\(Self.beta)\",\"write_history\":{\"1_month\":" + g.replacingOccurrences(of: "[1,2]", with: "[1,-2]") + "}}",
            "{\"fingerprint\":\"\(Self.beta)\",\"write_history\":{\"1_month\":" + g.replacingOccurrences(of: "[1,2]", with: "[1,1000]") + "}}",
            "{\"fingerprint\":\"\(Self.beta)\",\"read_history\":{\"1_month\":" + g.replacingOccurrences(of: "\"interval\":14400", with: "\"interval\":0") + "}}",
            "{\"fingerprint\":\"\(Self.beta)\",\"read_history\":{\"1_month\":" + g.replacingOccurrences(of: "\"count\":2", with: "\"count\":3") + "}}",
            "{\"fingerprint\":\"\(Self.beta)\",\"read_history\":{\"1_month\":" + g.replacingOccurrences(of: "\"factor\":10.0", with: "\"factor\":\"10\"") + "}}",
            "{\"fingerprint\":\"\(Self.beta)\",\"read_history\":{\"1_month\":" + g.replacingOccurrences(of: "2026-03-01 06:00:00", with: "2026-03-01 08:00:00") + "}}",
            "\"\(Self.beta)\"",
        ]
        let (o, warnings) = try Self.facts(bandwidth: Self.bandwidthDocument(bad + [Self.alphaBandwidth]))
        #expect(Set(o.relays.keys) == [Self.alpha])
        #expect(warnings.count == 1)
        let w = try #require(warnings.first)
        #expect(w.file == "onionoo_bandwidth.json")
        #expect(w.message.hasPrefix("8 relays skipped: relays[0].fingerprint: expected 40 hexadecimal digits, found the number 12; "
            + "relays[1].write_history.1_month.values[1]: expected a number from 0 to 999 or null, found the number -2; "
            + "relays[2].write_history.1_month.values[1]: expected a number from 0 to 999 or null, found the number 1000; and 5 more"), "\(w.message)")
        for (i, reason) in [(3, "relays[0].read_history.1_month.interval: expected whole seconds"),
                            (4, "relays[0].read_history.1_month.count: expected 2, the number of values, found the number 3"),
                            (5, "relays[0].read_history.1_month.factor: expected a number of at least 0, found the string \"10\""),
                            (6, "relays[0].read_history.1_month.last: expected 2026-03-01 06:00:00"),
                            (7, "relays[0]: expected an object, found the string")] {
            var one: [Diagnostic] = []
            var f = OnionooFacts()
            try f.addBandwidth(Array(Self.bandwidthDocument([bad[i]]).utf8), file: "b.json", warnings: &one)
            // Alone in a document, each is relays[0].
            #expect(one.first?.message.hasPrefix("1 relay skipped: " + reason) == true, "\(one)")
        }

        let details = [Self.detail("alpha", Self.alpha),
                       "{\"nickname\":\"x\",\"fingerprint\":\"\(Self.beta)\",\"flags\":\"Running Fast\"}",
                       "{\"nickname\":\"y\",\"fingerprint\":\"\(Self.gamma)\",\"consensus_weight\":-5}",
                       "{\"nickname\":7,\"fingerprint\":\"\(Self.gamma)\"}",
                       "{\"nickname\":\"z\",\"fingerprint\":\"\(Self.gamma)\",\"observed_bandwidth\":1e400}",
                       "{\"nickname\":\"short\",\"fingerprint\":\"ABCDEF\"}"]
        let (d, dw) = try Self.facts(details: Self.detailsDocument(details))
        #expect(Set(d.relays.keys) == [Self.alpha] && d.nicknames == [Self.alpha: "alpha"])
        #expect(dw.count == 1)
        #expect(dw.first?.message.hasPrefix("5 relays skipped: relays[1].flags: expected an array of strings, found the string \"Running Fast\"; "
            + "relays[2].consensus_weight: expected a number of at least 0, found the number -5; relays[3].nickname: expected a string, found the number 7; and 2 more") == true,
                "\(dw)")
    }

    // MARK: Files

    static func write(_ files: [String: String]) throws -> String {
        let dir = try temporaryFolder()
        for (name, text) in files { try text.write(toFile: dir + "/" + name, atomically: false, encoding: .utf8) }
        return dir
    }

    @Test func sideFilesLoadTheDocumentsAndCountThem() throws {
        let dir = try Self.write(["onionoo_bandwidth.json": Self.bandwidthDocument([Self.alphaBandwidth, "{\"fingerprint\":1}"]),
                                  "onionoo_details.json": Self.detailsDocument([Self.detail("alpha", Self.alpha),
                                                                                Self.detail("beta", Self.beta, observed: 5000)])])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let side = try SideFiles.load(in: dir)
        let o = try #require(side.onionoo)
        #expect(o.bandwidthPath == dir + "/onionoo_bandwidth.json" && o.detailsPath == dir + "/onionoo_details.json")
        #expect(side.paths == [dir + "/onionoo_details.json", dir + "/onionoo_bandwidth.json"])
        #expect(side.warnings.map(\.file) == [dir + "/onionoo_bandwidth.json"])
        #expect(o.relays.count == 2)

        // Four relays in the data: alpha by fingerprint, beta by nickname only, two unknown.
        let relays = [RelayInfo(nickname: "a", fingerprint: Self.alpha), RelayInfo(nickname: "beta"),
                      RelayInfo(nickname: "c", fingerprint: Self.gamma), RelayInfo(nickname: "d")]
        let uses = SideFileUse.uses(side, relays: relays, labels: GroupLabels())
        #expect(uses.map(\.kind) == ["Onionoo", "Onionoo"])
        #expect(uses.map(\.text) == [
            dir + "/onionoo_details.json: flags and weights of 2 relays, observed bandwidth (not traffic) of 1; matches 2 of 4 relays in the data",
            dir + "/onionoo_bandwidth.json: bandwidth history of 1 relay; matches 1 of 4 relays in the data",
        ])
        #expect(uses.map(\.match) == [.dataRelays(matched: 2, of: 4), .dataRelays(matched: 1, of: 4)])
        #expect(uses.map(\.matchesFew) == [false, true])
        #expect(SideFileUse.uses(side, relays: [], labels: GroupLabels()).allSatisfy { $0.match == nil })
    }

    @Test func onlyTheDetailsOrNeither() throws {
        let dir = try Self.write(["onionoo_details.json": Self.detailsDocument([Self.detail("alpha", Self.alpha)])])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var warnings: [Diagnostic] = []
        let loaded = try OnionooFacts.load(in: dir, warnings: &warnings)
        let o = try #require(loaded)
        #expect(o.bandwidthPath == nil && o.observedRelays == [Self.alpha])
        let uses = SideFileUse.uses(try SideFiles.load(in: dir), relays: [RelayInfo(nickname: "alpha")], labels: GroupLabels())
        #expect(uses.map(\.gave) == ["flags and weights of 1 relay, observed bandwidth (not traffic) of 1"])
        try FileManager.default.removeItem(atPath: dir + "/onionoo_details.json")
        let none = try OnionooFacts.load(in: dir, warnings: &warnings)
        #expect(none == nil)
        #expect(try SideFiles.load(in: dir).onionoo == nil && warnings.isEmpty)
    }

    @Test func aMalformedFileInTheFolderStopsTheLoadNamingIt() throws {
        let dir = try Self.write(["onionoo_details.json": "{\"relays_published\":\"2026-03-10 12:00:00\",\n\"relays\":[{\"nickname\":\"a\""])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            _ = try SideFiles.load(in: dir)
            Issue.record("no error")
        } catch {
            #expect("\(error)".contains(dir + "/onionoo_details.json:2: column 26: expected ',' or '}' in the object"), "\(error)")
        }
    }

    /// A document over the cap is refused before it is read (a sparse file: no disk used).
    @Test func aDocumentOverTheCapIsRefused() throws {
        let dir = try Self.write([:])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/onionoo_bandwidth.json"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(OnionooFacts.sizeLimit) + 1)
        try handle.close()
        do {
            _ = try SideFiles.load(in: dir)
            Issue.record("no error")
        } catch {
            #expect("\(error)" == path + ": expected a side file of at most 256 MiB, found 268435457 bytes", "\(error)")
        }
    }
}
