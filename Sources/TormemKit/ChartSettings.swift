import TormemCore
import TormemData

/// Chart options by their keys (`ChartSettings.Key`: `theme`, `group-label`, …), only those set:
/// what a report folder keeps in `tormem.json`, what the command line adds to it, and (complete,
/// from a request) part of every chart's source fingerprint. Every value is checked by its key, the
/// same way whether it comes from the command line (`ChartArguments`) or from `tormem.json`.
public struct ChartSettings: Equatable, Sendable {
    public enum Value: Equatable, Sendable {
        case text(String)
        case integer(Int)
        case number(Double)
        case flag(Bool)
        /// `KEY=VALUE` options given several times (`--group-label A=…`).
        case pairs([String: String])
    }

    /// Option → value.
    public private(set) var values: [Key: Value] = [:]
    /// The Prometheus query of a folder whose data is a snapshot of a server's samples (`report --new
    /// --prometheus`), for `--refresh`; not a chart option (the charts are drawn from the snapshot),
    /// so in no chart's fingerprint and not in the regenerate command.
    public var query: SnapshotQuery?

    public init() {}

    /// The file in a report folder.
    public static let fileName = "tormem.json"

    public subscript(key: Key) -> Value? {
        get { values[key] }
        set { values[key] = newValue }
    }

    public var isEmpty: Bool { values.isEmpty && query == nil }

    /// These settings with `other`'s on top (pairs merged key by key).
    public func merging(_ other: ChartSettings) -> ChartSettings {
        var out = self
        if let q = other.query { out.query = q }
        for (key, v) in other.values {
            if case .pairs(let new) = v, case .pairs(let old)? = out.values[key] {
                out.values[key] = .pairs(old.merging(new) { $1 })
            } else {
                out.values[key] = v
            }
        }
        return out
    }

    /// The first value out of range, as tormem.json names it (`width 5: expected …`); nil when every
    /// value is usable.
    public var problem: String? { problem(dashes: "") }

    /// The first value out of range, its option named after `dashes` (`--width 5: expected …` for
    /// the command line): each key's own check in `Key.allCases` order, then the checks of several
    /// keys together.
    func problem(dashes: String) -> String? {
        for key in Key.allCases {
            if let v = values[key], let p = key.problem(v, dashes: dashes) { return p }
        }
        if case .integer(let w)? = values[.width], case .integer(let h)? = values[.height], w * h > ChartsRequest.maxPixels {
            return "\(dashes)width \(w) \(dashes)height \(h): expected at most \(ChartsRequest.maxPixels / 1_000_000) million pixels per chart"
        }
        if case .failure(let e) = TimeWindow.parse(since: text(.since), until: text(.until), last: text(.last)) { return dashes + e.message }
        return nil
    }

    func text(_ key: Key) -> String? {
        if case .text(let s)? = values[key] { return s }
        return nil
    }

    // MARK: JSON (tormem.json)

    /// The settings as a JSON object, keys in `Key.allCases` order, then the query (deterministic).
    public var json: JSONValue {
        .object(Key.allCases.compactMap { key -> (String, JSONValue)? in
            values[key].map { v in
                switch v {
                case .text(let s): return (key.rawValue, .string(s))
                case .integer(let i): return (key.rawValue, .int(i))
                case .number(let d): return (key.rawValue, .number(d))
                case .flag(let b): return (key.rawValue, .bool(b))
                case .pairs(let p): return (key.rawValue, .object(p.keys.sorted().map { ($0, .string(p[$0]!)) }))
                }
            }
        } + (query.map { [(SnapshotQuery.key, $0.json)] } ?? []))
    }

    /// `tormem.json`'s settings; an unknown key, a value of the wrong kind or out of range is an
    /// input error naming `file` and the key.
    public init(json bytes: [UInt8], file: String) throws(TormemError) {
        let root = try ChartSettings.parse(bytes, file: file)
        guard let object = root.object else { throw .input(Diagnostic(file: file, message: "expected an object of chart options")) }
        try self.init(object: object, file: file)
    }

    /// A `tormem.json` parsed; a syntax error is an input error naming `file`, line and column.
    static func parse(_ bytes: [UInt8], file: String) throws(TormemError) -> JSONParser.Value {
        do {
            return try JSONParser.parse(bytes)
        } catch {
            throw .input(Diagnostic(file: file, line: error.line, message: "column \(error.column): expected \(error.expected)"))
        }
    }

    /// The settings of a parsed `tormem.json` object; `only`: the keys allowed (all when nil), as a
    /// comparison folder's takes only how its charts look.
    init(object: [String: JSONParser.Value], file: String, only: [Key]? = nil) throws(TormemError) {
        for name in object.keys.sorted() {
            if name == SnapshotQuery.key, only == nil {
                query = try SnapshotQuery(json: object[name]!, file: file)
                continue
            }
            guard let key = Key(rawValue: name), only?.contains(key) ?? true else {
                let known = only.map { $0.map(\.rawValue) } ?? (Key.allCases.map(\.rawValue) + [SnapshotQuery.key])
                throw .input(Diagnostic(file: file, message: "unknown option \"\(name)\"; known: " + known.joined(separator: ", ")))
            }
            guard let v = key.kind.value(object[name]!) else {
                throw .input(Diagnostic(file: file, message: "\(name): expected \(key.kind.description)"))
            }
            values[key] = v
        }
        if let p = problem { throw .input(Diagnostic(file: file, message: p)) }
    }

    // MARK: Command line

    /// The settings as command-line options, in `Key.allCases` order, for the regenerate command
    /// (`--title=-x` when a value starts with `-`, so it cannot be read as an option).
    public var arguments: [String] {
        func option(_ name: String, _ value: String) -> [String] {
            value.hasPrefix("-") ? ["--\(name)=\(value)"] : ["--" + name, value]
        }
        return Key.allCases.flatMap { key -> [String] in
            switch values[key] {
            case nil: return []
            case .flag(let b)?: return ["--" + (b ? "" : "no-") + key.rawValue]
            case .pairs(let p)?: return p.keys.sorted().flatMap { option(key.rawValue, $0 + "=" + p[$0]!) }
            case let v?: return option(key.rawValue, ChartSettings.shown(v))
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
}

extension ChartsRequest {
    /// Every option of this request that changes the charts (unset optional ones left out).
    public var settings: ChartSettings {
        var s = ChartSettings()
        for key in ChartSettings.Key.allCases { s[key] = key.value(in: self) }
        return s
    }

    /// Sets every option `settings` has (which must have no `problem`).
    public mutating func apply(_ settings: ChartSettings) {
        for key in ChartSettings.Key.allCases { if let v = settings[key] { key.set(v, in: &self) } }
    }
}
