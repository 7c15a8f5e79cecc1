import TormemCore

/// The chart options given on the command line, as the argument parser read them. `settings()`
/// checks them with the keys' checks, the ones tormem.json's values get, and names a bad one as
/// it was given (`--width 5: expected 200 to 20000 pixels`, `--group-label "A=": expected …`).
public struct ChartArguments: Sendable {
    public typealias Key = ChartSettings.Key
    typealias Value = ChartSettings.Value

    private var values: [Key: Value] = [:]
    /// Every argument of each repeatable `KEY=VALUE` option, as given and in order.
    private var pairs: [Key: [String]] = [:]

    public init() {}

    public mutating func set(_ key: Key, _ value: String?) { values[key] = value.map(Value.text) }
    public mutating func set<T: RawRepresentable>(_ key: Key, _ value: T?) where T.RawValue == String {
        values[key] = value.map { .text($0.rawValue) }
    }
    public mutating func set(_ key: Key, _ value: Int?) { values[key] = value.map(Value.integer) }
    public mutating func set(_ key: Key, _ value: Double?) { values[key] = value.map(Value.number) }
    public mutating func set(_ key: Key, _ value: Bool?) { values[key] = value.map(Value.flag) }
    /// A repeatable `KEY=VALUE` option (`--group-label A="DirCache 0"`): every argument given.
    public mutating func set(_ key: Key, _ arguments: [String]) { pairs[key] = arguments.isEmpty ? nil : arguments }

    /// The settings given, or a usage error naming the first option that is not usable.
    public func settings() throws(TormemError) -> ChartSettings {
        var s = ChartSettings()
        for key in Key.allCases {
            if let v = values[key] { s[key] = v }
            if let given = pairs[key] { s[key] = try ChartArguments.pairs(given, key) }
        }
        if let p = s.problem(dashes: "--") { throw .usage(p) }
        return s
    }

    /// The arguments of a `KEY=VALUE` option as its value: each checked as given (and a key given
    /// twice with two values, where the key's rule says so), then all of them together.
    private static func pairs(_ given: [String], _ key: Key) throws(TormemError) -> Value {
        guard let rule = key.spec.pairs else { throw .usage("--\(key.rawValue): expected \(key.kind.description)") }
        func named(_ argument: String) -> String { "--\(key.rawValue) \(MessageText.quoted(argument)): " }
        var p: [String: String] = [:]
        var argument: [String: String] = [:]
        for a in given {
            guard let (k, v) = rule.pair(a) else { throw .usage(named(a) + "expected " + rule.expected) }
            if let earlier = p[k], earlier != v, let conflict = rule.conflict { throw .usage(named(a) + conflict(k, earlier)) }
            if let problem = rule.problem(k, v) { throw .usage(named(a) + problem) }
            p[k] = v
            argument[k] = a
        }
        if let (k, problem) = rule.amongAll(p) { throw .usage(named(argument[k]!) + problem) }
        return .pairs(p)
    }
}
