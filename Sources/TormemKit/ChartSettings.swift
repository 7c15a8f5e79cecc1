import TormemCore
import TormemData

/// Chart options by their command-line names (`theme`, `group-label`, …), only those set: what a
/// report folder keeps in `tormem.json`, what the command line adds to it, and (complete, from a
/// request) part of every chart's source fingerprint. An option that changes charts is one line
/// in `ChartSettings.keys`.
public struct ChartSettings: Equatable, Sendable {
    public enum Value: Equatable, Sendable {
        case text(String)
        case integer(Int)
        case number(Double)
        case flag(Bool)
        /// `KEY=VALUE` options given several times (`--group-label A=…`).
        case pairs([String: String])
    }

    /// Option name → value.
    public private(set) var values: [String: Value] = [:]

    public init() {}

    /// The file in a report folder.
    public static let fileName = "tormem.json"

    public subscript(name: String) -> Value? {
        get { values[name] }
        set {
            precondition(ChartSettings.key(name) != nil, "unknown chart setting \(name)")
            values[name] = newValue
        }
    }

    public var isEmpty: Bool { values.isEmpty }

    /// These settings with `other`'s on top (pairs merged key by key).
    public func merging(_ other: ChartSettings) -> ChartSettings {
        var out = self
        for (name, v) in other.values {
            if case .pairs(let new) = v, case .pairs(let old)? = out.values[name] {
                out.values[name] = .pairs(old.merging(new) { $1 })
            } else {
                out.values[name] = v
            }
        }
        return out
    }

    /// The first value out of range, as `NAME VALUE: expected …`; nil when every value is usable.
    public var problem: String? {
        for key in ChartSettings.keys {
            if let v = values[key.name], let p = key.check(v) { return "\(key.name) \(ChartSettings.shown(v)): expected \(p)" }
        }
        func text(_ name: String) -> String? { if case .text(let s)? = values[name] { return s }; return nil }
        if case .failure(let e) = TimeWindow.parse(since: text("since"), until: text("until"), last: text("last")) { return e.message }
        return nil
    }

    // MARK: JSON (tormem.json)

    /// The settings as a JSON object, keys in `ChartSettings.keys` order (deterministic).
    public var json: JSONValue {
        .object(ChartSettings.keys.compactMap { key in
            values[key.name].map { v in
                switch v {
                case .text(let s): return (key.name, .string(s))
                case .integer(let i): return (key.name, .int(i))
                case .number(let d): return (key.name, .number(d))
                case .flag(let b): return (key.name, .bool(b))
                case .pairs(let p): return (key.name, .object(p.keys.sorted().map { ($0, .string(p[$0]!)) }))
                }
            }
        })
    }

    /// `tormem.json`'s settings; an unknown key, a value of the wrong kind or out of range is an
    /// input error naming `file`.
    public init(json bytes: [UInt8], file: String) throws(TormemError) {
        let root: JSONParser.Value
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw .input(Diagnostic(file: file, line: error.line, message: "column \(error.column): expected \(error.expected)"))
        }
        guard let object = root.object else { throw .input(Diagnostic(file: file, message: "expected an object of chart options")) }
        for name in object.keys.sorted() {
            guard let key = ChartSettings.key(name) else {
                throw .input(Diagnostic(file: file, message: "unknown option \"\(name)\"; known: " + ChartSettings.keys.map(\.name).joined(separator: ", ")))
            }
            guard let v = key.kind.value(object[name]!) else {
                throw .input(Diagnostic(file: file, message: "\(name): expected \(key.kind.description)"))
            }
            values[name] = v
        }
        if let p = problem { throw .input(Diagnostic(file: file, message: p)) }
    }

    // MARK: Command line

    /// The settings as command-line options, in `ChartSettings.keys` order, for the regenerate
    /// command (`--title=-x` when a value starts with `-`, so it cannot be read as an option).
    public var arguments: [String] {
        func option(_ name: String, _ value: String) -> [String] {
            value.hasPrefix("-") ? ["--\(name)=\(value)"] : ["--" + name, value]
        }
        return ChartSettings.keys.flatMap { key -> [String] in
            switch values[key.name] {
            case nil: return []
            case .flag(let b)?: return ["--" + (b ? "" : "no-") + key.name]
            case .pairs(let p)?: return p.keys.sorted().flatMap { option(key.name, $0 + "=" + p[$0]!) }
            case let v?: return option(key.name, ChartSettings.shown(v))
            }
        }
    }

    static func shown(_ v: Value) -> String {
        switch v {
        case .text(let s): return s
        case .integer(let i): return String(i)
        case .number(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : "\(d)"
        case .flag(let b): return b ? "true" : "false"
        case .pairs(let p): return p.keys.sorted().map { $0 + "=" + p[$0]! }.joined(separator: ",")
        }
    }

    // MARK: The options

    enum Kind: CustomStringConvertible {
        case text, integer, number, flag, pairs

        func value(_ j: JSONParser.Value) -> Value? {
            switch (self, j) {
            case (.text, .string(let s)): return .text(s)
            case (.integer, .number(let d)): return d == d.rounded() && abs(d) < 1e9 ? .integer(Int(d)) : nil
            case (.number, .number(let d)): return .number(d)
            case (.flag, .bool(let b)): return .flag(b)
            case (.pairs, .object(let o)):
                var p: [String: String] = [:]
                for (k, v) in o { guard let s = v.string else { return nil }; p[k] = s }
                return .pairs(p)
            default: return nil
            }
        }

        var description: String {
            switch self {
            case .text: return "a string"
            case .integer: return "a whole number"
            case .number: return "a number"
            case .flag: return "true or false"
            case .pairs: return "an object of strings"
            }
        }
    }

    struct Key: Sendable {
        var name: String
        var kind: Kind
        /// What is wrong with a value (completing "expected …"), nil when it is fine.
        var check: @Sendable (Value) -> String?
        /// The request's value (nil: not set, e.g. no title).
        var get: @Sendable (ChartsRequest) -> Value?
        var set: @Sendable (inout ChartsRequest, Value) -> Void
    }

    static func key(_ name: String) -> Key? { keys.first { $0.name == name } }

    /// Every option that changes what a chart looks like, in the order tormem.json lists them.
    static let keys: [Key] = [
        text("title", \.title),
        Key(name: "color", kind: .text, check: { v in
            guard case .text(let s) = v, ChartsRequest.isColour(s) else { return "a colour like #00d4aa" }
            return nil
        }, get: { $0.accent.map(Value.text) }, set: { r, v in if case .text(let s) = v { r.accent = s } }),
        Key(name: "prefix", kind: .text, check: { v in
            guard case .text(let s) = v, !s.isEmpty, !s.contains("/") else { return "a file name prefix without '/'" }
            return nil
        }, get: { .text($0.prefix) }, set: { r, v in if case .text(let s) = v { r.prefix = s } }),
        choice("theme", \.theme),
        choice("format", \.format),
        choice("png", \.png),
        integer("width", 200...20_000, "200 to 20000 pixels", \.width),
        integer("height", 200...20_000, "200 to 20000 pixels", \.height),
        number("scale", "a factor from 0.25 to 4", { $0 >= 0.25 && $0 <= 4 }, \.scale),
        pairs("group-label", \.groupLabels, "GROUP=LABEL, e.g. A=\"DirCache 0\"", valid: { k, _ in !k.isEmpty }),
        text("control", \.control),
        text("compare", \.compare),
        pairs("server-alias", \.serverAliases, "OLD=NEW, two different server names", valid: { k, v in !k.isEmpty && !v.isEmpty && k != v }),
        Key(name: "keep-servers", kind: .flag, check: { _ in nil }, get: { .flag($0.keepServers) },
            set: { r, v in if case .flag(let b) = v { r.keepServers = b } }),
        window("since", \.since), window("until", \.until), window("last", \.last),
        integer("top", 1...200, "1 to 200 relays", \.topRelays),
        // Recorded only when not RSS, so that folders drawn before the option existed stay current.
        Key(name: "metric", kind: .text, check: { v in
            guard case .text(let s) = v, Metric(rawValue: s) != nil else { return Metric.allCases.map(\.rawValue).joined(separator: ", ") }
            return nil
        }, get: { $0.metric == .rss ? nil : .text($0.metric.rawValue) },
           set: { r, v in if case .text(let s) = v, let m = Metric(rawValue: s) { r.metric = m } }),
        number("outlier-threshold", "a positive number of GB", { $0 > 0 && $0 < 10_000 }, \.outlierThresholdGB),
        number("fragmentation-zone", "a positive number of GB", { $0 > 0 && $0 < 10_000 }, \.fragmentationZoneGB),
        number("expected-max", "a positive number of GB", { $0 > 0 && $0 < 10_000 }, \.expectedMaxGB),
        number("fragmentation-factor", "a number above 1", { $0 > 1 && $0 < 100 }, \.factor),
        number("growth-threshold", "a positive number of GB per day", { $0 > 0 && $0 < 1000 }, \.growthThreshold),
    ]

    private static func text(_ name: String, _ path: WritableKeyPath<ChartsRequest, String?> & Sendable) -> Key {
        Key(name: name, kind: .text, check: { _ in nil }, get: { $0[keyPath: path].map(Value.text) },
            set: { r, v in if case .text(let s) = v { r[keyPath: path] = s } })
    }

    /// `since`, `until`, `last`: checked alone here; together when the request is made.
    private static func window(_ name: String, _ path: WritableKeyPath<ChartsRequest, String?> & Sendable) -> Key {
        Key(name: name, kind: .text, check: { v in
            guard case .text(let s) = v else { return "a string" }
            let parsed = TimeWindow.parse(since: name == "since" ? s : nil, until: name == "until" ? s : nil, last: name == "last" ? s : nil)
            if case .failure(let e) = parsed { return e.expected }
            return nil
        }, get: { $0[keyPath: path].map(Value.text) }, set: { r, v in if case .text(let s) = v { r[keyPath: path] = s } })
    }

    private static func choice<T: RawRepresentable & CaseIterable & Sendable>(
        _ name: String, _ path: WritableKeyPath<ChartsRequest, T> & Sendable) -> Key where T.RawValue == String {
        Key(name: name, kind: .text, check: { v in
            guard case .text(let s) = v, T(rawValue: s) != nil else { return T.allCases.map(\.rawValue).joined(separator: " or ") }
            return nil
        }, get: { .text($0[keyPath: path].rawValue) },
           set: { r, v in if case .text(let s) = v, let t = T(rawValue: s) { r[keyPath: path] = t } })
    }

    private static func integer(_ name: String, _ range: ClosedRange<Int>, _ expected: String,
                                _ path: WritableKeyPath<ChartsRequest, Int> & Sendable) -> Key {
        Key(name: name, kind: .integer, check: { v in
            guard case .integer(let i) = v, range.contains(i) else { return expected }
            return nil
        }, get: { .integer($0[keyPath: path]) }, set: { r, v in if case .integer(let i) = v { r[keyPath: path] = i } })
    }

    private static func integer(_ name: String, _ range: ClosedRange<Int>, _ expected: String,
                                _ path: WritableKeyPath<ChartsRequest, Int?> & Sendable) -> Key {
        Key(name: name, kind: .integer, check: { v in
            guard case .integer(let i) = v, range.contains(i) else { return expected }
            return nil
        }, get: { $0[keyPath: path].map(Value.integer) }, set: { r, v in if case .integer(let i) = v { r[keyPath: path] = i } })
    }

    private static func number(_ name: String, _ expected: String, _ ok: @escaping @Sendable (Double) -> Bool,
                               _ path: WritableKeyPath<ChartsRequest, Double> & Sendable) -> Key {
        Key(name: name, kind: .number, check: { v in
            guard case .number(let d) = v, d.isFinite, ok(d) else { return expected }
            return nil
        }, get: { .number($0[keyPath: path]) }, set: { r, v in if case .number(let d) = v { r[keyPath: path] = d } })
    }

    private static func number(_ name: String, _ expected: String, _ ok: @escaping @Sendable (Double) -> Bool,
                               _ path: WritableKeyPath<ChartsRequest, Double?> & Sendable) -> Key {
        Key(name: name, kind: .number, check: { v in
            guard case .number(let d) = v, d.isFinite, ok(d) else { return expected }
            return nil
        }, get: { $0[keyPath: path].map(Value.number) }, set: { r, v in if case .number(let d) = v { r[keyPath: path] = d } })
    }

    private static func pairs(_ name: String, _ path: WritableKeyPath<ChartsRequest, [String: String]> & Sendable, _ expected: String,
                              valid: @escaping @Sendable (String, String) -> Bool) -> Key {
        Key(name: name, kind: .pairs, check: { v in
            guard case .pairs(let p) = v, p.allSatisfy({ valid($0.key, $0.value) }) else { return expected }
            return nil
        }, get: { r in r[keyPath: path].isEmpty ? nil : .pairs(r[keyPath: path]) },
           set: { r, v in if case .pairs(let p) = v { r[keyPath: path] = p } })
    }
}

extension ChartsRequest {
    /// Every option of this request that changes the charts (unset optional ones left out).
    public var settings: ChartSettings {
        var s = ChartSettings()
        for key in ChartSettings.keys { if let v = key.get(self) { s[key.name] = v } }
        return s
    }

    /// Sets every option `settings` has (which must have no `problem`).
    public mutating func apply(_ settings: ChartSettings) {
        for key in ChartSettings.keys { if let v = settings[key.name] { key.set(&self, v) } }
    }
}
