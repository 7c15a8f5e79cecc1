import TormemCore

/// Onionoo's documents next to the data, for history collected elsewhere (SPEC §6 "Quantities"):
/// `onionoo_details.json` and `onionoo_bandwidth.json`, saved as Onionoo serves them
/// (`/details`, `/bandwidth`). They give bandwidth, flags and weights per fingerprint when the data
/// file has no such columns.
///
/// - Bandwidth document: `relays[]` with `fingerprint`, `write_history` and `read_history`, each an
///   object of graphs (`1_month`, `6_months`, …) `{first, last, interval, factor, count, values}`;
///   `values[i] × factor` is bytes per second at `first + i × interval` (null: missing), recorded
///   as bytes per day at that time, the finest graph winning where graphs overlap.
/// - Details document: `relays_published`, and `relays[]` with `nickname`, `fingerprint`, `flags`,
///   `consensus_weight` and `observed_bandwidth` (bytes per second): flags and weight recorded at
///   `relays_published`; the observed bandwidth as the written bandwidth only of relays the
///   bandwidth document lacks (a capacity estimate, not traffic). `bridges` are not read.
///
/// A malformed document is an input error naming the file, line and column; a relay whose fields
/// have the wrong type or an impossible number is skipped, with one warning per file.
public struct OnionooFacts: Equatable, Sendable {
    public static let detailsName = "onionoo_details.json"
    public static let bandwidthName = "onionoo_bandwidth.json"
    /// The largest document read (Onionoo's details of every relay in the network are ~50 MB).
    public static let sizeLimit = 256 << 20

    public var detailsPath: String?
    public var bandwidthPath: String?
    /// Per fingerprint (40 upper-case hex digits).
    public var relays: [String: RelayFacts]
    /// Fingerprint → nickname, from the details document.
    public var nicknames: [String: String]

    /// Fingerprints given a bandwidth history by the bandwidth document.
    var historyRelays: Set<String>
    /// Fingerprints given flags or a weight by the details document.
    var detailsRelays: Set<String>
    /// Fingerprints whose only bandwidth is the details document's `observed_bandwidth`.
    var observedRelays: Set<String>

    /// Facts made elsewhere (tests, other sources): every relay with bandwidth readings counts as
    /// having a history, every one with flags or weights as listed in a details document.
    public init(detailsPath: String? = nil, bandwidthPath: String? = nil, relays: [String: RelayFacts] = [:],
                nicknames: [String: String] = [:]) {
        self.detailsPath = detailsPath; self.bandwidthPath = bandwidthPath
        self.relays = relays; self.nicknames = nicknames
        historyRelays = Set(relays.filter { !$0.value.bandwidth.isEmpty }.keys)
        detailsRelays = Set(relays.filter { !$0.value.flags.isEmpty || !$0.value.weights.isEmpty }.keys)
        observedRelays = []
    }

    /// The facts of the relay with this fingerprint (any case, `#2` suffix ignored), else the one
    /// with this nickname when exactly one relay of the documents has it; nil when neither. A
    /// relay of the data with a fingerprint the documents lack is not matched by nickname: the
    /// same nickname on another key is another relay.
    public func facts(fingerprint: String, nickname: String) -> RelayFacts? {
        key(fingerprint: fingerprint, nickname: nickname).flatMap { relays[$0] }
    }

    /// The fingerprint the documents know the relay by (see `facts(fingerprint:nickname:)`).
    func key(fingerprint: String, nickname: String) -> String? {
        let fp = GroupMembership.normalizedFingerprint(RelayInfo.listed(fingerprint))
        if Self.isFingerprint(fp) { return relays[fp] != nil ? fp : nil }
        let nick = RelayInfo.listed(nickname)
        guard !nick.isEmpty else { return nil }
        var found: String?
        for (f, n) in nicknames where n == nick {
            if found != nil { return nil }
            found = f
        }
        return found.flatMap { relays[$0] != nil ? $0 : nil }
    }

    /// 40 upper-case hexadecimal digits.
    static func isFingerprint(_ s: String) -> Bool {
        s.utf8.count == 40 && s.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x46) }
    }

    // MARK: Loading

    /// The documents in `dir` (empty: the current folder); nil when neither is there. Skipped
    /// relays are added to `warnings`, one per file.
    public static func load(in dir: String, warnings: inout [Diagnostic]) throws(TormemError) -> OnionooFacts? {
        func path(_ name: String) -> String { dir.isEmpty ? name : dir + "/" + name }
        var out = OnionooFacts()
        let bandwidth = path(bandwidthName), details = path(detailsName)
        // One document in memory at a time: the details need to know which relays have a history.
        if let bytes = try SideFileReader.contents(of: bandwidth, limit: sizeLimit) {
            try out.addBandwidth(bytes, file: bandwidth, warnings: &warnings)
            out.bandwidthPath = bandwidth
        }
        if let bytes = try SideFileReader.contents(of: details, limit: sizeLimit) {
            try out.addDetails(bytes, file: details, warnings: &warnings)
            out.detailsPath = details
        }
        return out.bandwidthPath == nil && out.detailsPath == nil ? nil : out
    }

    /// Takes in a bandwidth document.
    mutating func addBandwidth(_ bytes: [UInt8], file: String, warnings: inout [Diagnostic]) throws(TormemError) {
        let list = try Self.relayList(bytes, file: file, kind: "bandwidth")
        var skipped = Skipped()
        for (i, item) in list.enumerated() {
            do throws(Skip) {
                let relay = try Self.object(item, at: "relays[\(i)]")
                let fp = try Self.fingerprint(relay, at: "relays[\(i)]")
                let written = try Self.history(relay["write_history"], at: "relays[\(i)].write_history")
                let read = try Self.history(relay["read_history"], at: "relays[\(i)].read_history")
                let facts = Self.bandwidthFacts(read: read, written: written)
                guard !facts.isEmpty else { continue }
                if relays[fp] == nil { relays[fp] = facts } else { relays[fp]!.merge(facts) }
                historyRelays.insert(fp)
                observedRelays.remove(fp)
            } catch {
                skipped.note(error.reason)
            }
        }
        if let w = skipped.warning(file: file) { warnings.append(w) }
    }

    /// Takes in a details document (after the bandwidth document, whose relays keep their history).
    mutating func addDetails(_ bytes: [UInt8], file: String, warnings: inout [Diagnostic]) throws(TormemError) {
        let document = try Self.document(bytes, file: file, kind: "details")
        let list = try Self.relayList(document, file: file, kind: "details")
        guard !list.isEmpty else { return }
        guard let text = document["relays_published"]?.string, let published = TimestampParser.timestamp(text)?.seconds else {
            throw .input(Diagnostic(file: file, message: "expected \"relays_published\" as a UTC time YYYY-MM-DD hh:mm:ss (when the consensus of these flags and weights was valid), found "
                + Self.describe(document["relays_published"])))
        }
        var skipped = Skipped()
        for (i, item) in list.enumerated() {
            do throws(Skip) {
                let at = "relays[\(i)]"
                let relay = try Self.object(item, at: at)
                let fp = try Self.fingerprint(relay, at: at)
                let nickname = try Self.optional(relay["nickname"], at: at + ".nickname", "a string") { $0.string }
                let flags = try Self.optional(relay["flags"], at: at + ".flags", "an array of strings") { v -> [String]? in
                    guard case .array(let items) = v else { return nil }
                    let names = items.compactMap(\.string)
                    return names.count == items.count ? names : nil
                }
                let weight = try Self.optional(relay["consensus_weight"], at: at + ".consensus_weight", "a number of at least 0") {
                    Self.number($0, in: 0...1e15)
                }
                let observed = try Self.optional(relay["observed_bandwidth"], at: at + ".observed_bandwidth",
                                                 "bytes per second, a number of at least 0") { Self.number($0, in: 0...1e15) }
                if let nickname, !nickname.isEmpty { nicknames[fp] = nickname }
                var facts = RelayFacts()
                if let flags { facts.note(flags: flags.joined(separator: " "), at: published) }
                if let weight { facts.note(weight: weight, at: published) }
                if flags != nil || weight != nil { detailsRelays.insert(fp) }
                if let observed, !historyRelays.contains(fp) {
                    facts.note(bandwidth: RelayFacts.Bandwidth(writtenPerDay: observed * 86_400), at: published)
                    observedRelays.insert(fp)
                }
                if !facts.isEmpty { relays[fp, default: RelayFacts()].merge(facts) }
            } catch {
                skipped.note(error.reason)
            }
        }
        if let w = skipped.warning(file: file) { warnings.append(w) }
    }

    /// Why a relay of a document is skipped.
    struct Skip: Error { var reason: String }

    /// The relays of one document skipped: how many, and the first reasons.
    struct Skipped {
        static let shown = 3
        var count = 0
        var reasons: [String] = []

        mutating func note(_ reason: String) {
            count += 1
            if reasons.count < Self.shown { reasons.append(reason) }
        }

        /// `2 relays skipped: relays[3].flags: expected an array of strings, found the number 1; …`.
        func warning(file: String) -> Diagnostic? {
            guard count > 0 else { return nil }
            return Diagnostic(file: file, message: "\(count) relay\(count == 1 ? "" : "s") skipped: "
                + reasons.joined(separator: "; ") + (count > reasons.count ? "; and \(count - reasons.count) more" : ""))
        }
    }

    // MARK: Documents

    /// The top-level object of a document.
    static func document(_ bytes: [UInt8], file: String, kind: String) throws(TormemError) -> [String: JSONParser.Value] {
        let value: JSONParser.Value
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw .input(Diagnostic(file: file, line: error.line, column: String(error.column),
                                    message: "expected \(error.expected) (an Onionoo \(kind) document is one JSON object)"))
        }
        guard let object = value.object else {
            throw .input(Diagnostic(file: file, message: "expected a JSON object at the top level (an Onionoo \(kind) document), found \(describe(value))"))
        }
        return object
    }

    static func relayList(_ bytes: [UInt8], file: String, kind: String) throws(TormemError) -> [JSONParser.Value] {
        try relayList(document(bytes, file: file, kind: kind), file: file, kind: kind)
    }

    /// The document's `relays` array.
    static func relayList(_ document: [String: JSONParser.Value], file: String, kind: String) throws(TormemError) -> [JSONParser.Value] {
        guard case .array(let list)? = document["relays"] else {
            throw .input(Diagnostic(file: file, message: "expected \"relays\" as an array (an Onionoo \(kind) document), found " + describe(document["relays"])))
        }
        return list
    }

    static func object(_ v: JSONParser.Value, at path: String) throws(Skip) -> [String: JSONParser.Value] {
        guard let o = v.object else { throw Skip(reason: "\(path): expected an object, found \(describe(v))") }
        return o
    }

    /// The relay's `fingerprint`, upper-cased.
    static func fingerprint(_ relay: [String: JSONParser.Value], at path: String) throws(Skip) -> String {
        let fp = relay["fingerprint"]?.string?.uppercased() ?? ""
        guard isFingerprint(fp) else {
            throw Skip(reason: "\(path).fingerprint: expected 40 hexadecimal digits, found \(describe(relay["fingerprint"]))")
        }
        return fp
    }

    /// An optional field: nil when absent or null, else `read`'s value; a skip when `read` gives nil.
    static func optional<T>(_ v: JSONParser.Value?, at path: String, _ expected: String,
                            _ read: (JSONParser.Value) -> T?) throws(Skip) -> T? {
        guard let v, v != .null else { return nil }
        guard let value = read(v) else { throw Skip(reason: "\(path): expected \(expected), found \(describe(v))") }
        return value
    }

    /// A finite number inside `range`.
    static func number(_ v: JSONParser.Value?, in range: ClosedRange<Double>) -> Double? {
        guard case .number(let n)? = v, n.isFinite, range.contains(n) else { return nil }
        return n
    }

    /// What a value is, for a message: `a string "abc"`, `a number 12`, `nothing`.
    static func describe(_ v: JSONParser.Value?) -> String {
        switch v {
        case nil: "nothing"
        case .null?: "null"
        case .bool(let b)?: b ? "true" : "false"
        case .number(let n)?: "the number " + (n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : "\(n)")
        case .string(let s)?: "the string " + MessageText.quoted(s, maxBytes: 48)
        case .array?: "an array"
        case .object?: "an object"
        }
    }

    // MARK: History objects

    /// One graph of a history object: bytes per second (nil: missing) every `interval` seconds
    /// from `first`.
    struct Graph {
        var first: Int64
        var interval: Int64
        var values: [Double?]
        var last: Int64 { first + Int64(max(values.count - 1, 0)) * interval }
    }

    /// The readings of a relay's read and written histories (bytes per second, in time order): bytes
    /// per day at each time either has, NaN for the other when it has none there.
    static func bandwidthFacts(read: [Point], written: [Point]) -> RelayFacts {
        var facts = RelayFacts()
        var r = 0, w = 0
        while r < read.count || w < written.count {
            let t = min(r < read.count ? read[r].time : .max, w < written.count ? written[w].time : .max)
            var b = RelayFacts.Bandwidth()
            if r < read.count, read[r].time == t { b.readPerDay = read[r].perSecond * 86_400; r += 1 }
            if w < written.count, written[w].time == t { b.writtenPerDay = written[w].perSecond * 86_400; w += 1 }
            facts.note(bandwidth: b, at: t)
        }
        return facts
    }

    /// Bytes per second at a time.
    typealias Point = (time: Int64, perSecond: Double)

    /// A history object's graphs merged, in time order: bytes per second, each time from the finest
    /// graph whose span holds it. Absent or null: none.
    static func history(_ v: JSONParser.Value?, at path: String) throws(Skip) -> [Point] {
        guard let v, v != .null else { return [] }
        guard let graphs = v.object else { throw Skip(reason: "\(path): expected an object of graphs, found \(describe(v))") }
        var read: [(name: String, graph: Graph)] = []
        for name in graphs.keys.sorted() { read.append((name, try graph(graphs[name]!, at: path + "." + name))) }
        read.sort { ($0.graph.interval, $0.name) < ($1.graph.interval, $1.name) }
        // Each time once: a coarser graph's points inside a finer one's span are left out.
        var out: [Point] = []
        var spans: [(from: Int64, to: Int64)] = []
        for (_, g) in read {
            for (i, value) in g.values.enumerated() {
                let t = g.first + Int64(i) * g.interval
                guard let value, !spans.contains(where: { t >= $0.from && t < $0.to }) else { continue }
                out.append((t, value))
            }
            spans.append((g.first - g.interval / 2, g.last + g.interval - g.interval / 2))
        }
        if read.count > 1 { out.sort { $0.time < $1.time } }
        return out
    }

    /// The longest interval read: about ten years.
    static let maxInterval = 315_576_000.0

    /// `{first, last, interval, factor, count, values}`: values 0–999 or null, times on the interval.
    static func graph(_ v: JSONParser.Value, at path: String) throws(Skip) -> Graph {
        guard let o = v.object else { throw Skip(reason: "\(path): expected a graph object {first, last, interval, factor, count, values}, found \(describe(v))") }
        guard let text = o["first"]?.string, let first = TimestampParser.timestamp(text)?.seconds else {
            throw Skip(reason: "\(path).first: expected a UTC time YYYY-MM-DD hh:mm:ss, found \(describe(o["first"]))")
        }
        guard let interval = number(o["interval"], in: 1...maxInterval), interval == interval.rounded() else {
            throw Skip(reason: "\(path).interval: expected whole seconds from 1 to \(Int(maxInterval)), found \(describe(o["interval"]))")
        }
        guard let factor = number(o["factor"], in: 0...1e15) else {
            throw Skip(reason: "\(path).factor: expected a number of at least 0, found \(describe(o["factor"]))")
        }
        guard case .array(let items)? = o["values"] else {
            throw Skip(reason: "\(path).values: expected an array, found \(describe(o["values"]))")
        }
        var values: [Double?] = []
        values.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            if item == .null { values.append(nil); continue }
            guard let n = number(item, in: 0...999) else {
                throw Skip(reason: "\(path).values[\(i)]: expected a number from 0 to 999 or null, found \(describe(item))")
            }
            values.append(n * factor)
        }
        if let count = o["count"], count != .null, number(count, in: 0...1e15) != Double(items.count) {
            throw Skip(reason: "\(path).count: expected \(items.count), the number of values, found \(describe(count))")
        }
        let g = Graph(first: first, interval: Int64(interval), values: values)
        if let lastValue = o["last"], lastValue != .null, !items.isEmpty {
            guard let text = lastValue.string, let last = TimestampParser.timestamp(text)?.seconds, last == g.last else {
                throw Skip(reason: "\(path).last: expected \(Timestamp(seconds: g.last).date) \(Timestamp(seconds: g.last).clock(withSeconds: true)) (first + (count − 1) × interval), found \(describe(lastValue))")
            }
        }
        return g
    }
}
