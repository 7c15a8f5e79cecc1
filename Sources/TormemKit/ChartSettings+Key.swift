import TormemCore
import TormemData

extension ChartSettings {
    /// Every option that changes what a chart looks like, in the order tormem.json lists them; the
    /// raw value is its name in tormem.json and on the command line (`--group-label`). A new option
    /// is its case here and its line in `spec` (what it holds, how it is checked, which field of the
    /// `ChartsRequest` it sets).
    public enum Key: String, CaseIterable, Sendable {
        case title, color, prefix, theme, format, png, width, height, scale
        case groupLabel = "group-label"
        case control, compare
        case serverAlias = "server-alias"
        case keepServers = "keep-servers"
        case since, until, last, top, metric
        case outlierThreshold = "outlier-threshold"
        case fragmentationZone = "fragmentation-zone"
        case expectedMax = "expected-max"
        case fragmentationFactor = "fragmentation-factor"
        case growthThreshold = "growth-threshold"

        var spec: Spec {
            switch self {
            case .title: return .text(\.title, "at most 1000 bytes") { $0.utf8.count <= 1000 }
            case .color: return .text(\.accent, "a colour like #00d4aa", quoted: false, ChartsRequest.isColour)
            case .prefix: return .text(\.prefix, "a file name prefix without '/', at most 100 bytes") { s in
                !s.isEmpty && s.utf8.count <= 100 && !s.contains("/") && !s.contains("\0")
            }
            case .theme: return .choice(\.theme)
            case .format: return .choice(\.format)
            case .png: return .choice(\.png)
            case .width: return .integer(\.width, 200...20_000, "200 to 20000 pixels")
            case .height: return .integer(\.height, 200...20_000, "200 to 20000 pixels")
            case .scale: return .number(\.scale, "a factor from 0.25 to 4") { $0 >= 0.25 && $0 <= 4 }
            case .groupLabel: return .pairs(\.groupLabels, PairRule.groupLabel)
            case .control: return .text(\.control, "a group ID, e.g. A") { !$0.allSatisfy(\.isWhitespace) }
            case .compare: return .text(\.compare, "a group ID, e.g. A") { !$0.allSatisfy(\.isWhitespace) }
            case .serverAlias: return .pairs(\.serverAliases, PairRule.serverAlias)
            case .keepServers: return .flag(\.keepServers)
            case .since, .until, .last: return .window(self)
            case .top: return .integer(\.topRelays, 1...200, "1 to 200 relays")
            // Recorded only when not RSS, so that folders drawn before the option existed stay current.
            case .metric: return .choice(\.metric, unless: .rss, separator: ", ")
            case .outlierThreshold: return .number(\.outlierThresholdGB, "a positive number of GB") { $0 > 0 && $0 < 10_000 }
            case .fragmentationZone: return .number(\.fragmentationZoneGB, "a positive number of GB") { $0 > 0 && $0 < 10_000 }
            case .expectedMax: return .number(\.expectedMaxGB, "a positive number of GB") { $0 > 0 && $0 < 10_000 }
            case .fragmentationFactor: return .number(\.factor, "a number above 1") { $0 > 1 && $0 < 100 }
            case .growthThreshold: return .number(\.growthThreshold, "a positive number of GB per day") { $0 > 0 && $0 < 1000 }
            }
        }

        /// What the key holds.
        var kind: Kind { spec.kind }

        /// What is wrong with `value` for this key, named as tormem.json names it (`width 5: expected
        /// 200 to 20000 pixels`) or after `dashes` (`--width 5: …`); nil when it is usable.
        func problem(_ value: Value, dashes: String = "") -> String? {
            guard kind.holds(value) else { return dashes + rawValue + ": expected " + kind.description }
            return spec.check(value).map { dashes + rawValue + " " + $0 }
        }

        /// The request's value (nil: not set, e.g. no title).
        func value(in request: ChartsRequest) -> Value? { spec.get(request) }

        func set(_ value: Value, in request: inout ChartsRequest) { spec.set(&request, value) }
    }

    /// How one key is checked and how it reads and sets the request.
    struct Spec: Sendable {
        var kind: Kind
        /// What is wrong with a value of the right kind (completing "NAME …"), nil when it is fine.
        var check: @Sendable (Value) -> String?
        var get: @Sendable (ChartsRequest) -> Value?
        var set: @Sendable (inout ChartsRequest, Value) -> Void
        /// The rule of each pair of a `.pairs` key.
        var pairs: PairRule?
    }
}

extension ChartSettings.Spec {
    typealias Value = ChartSettings.Value

    /// A value as a message shows it: free text quoted and cut short (`MessageText`), a value of a
    /// fixed form as given.
    static func shown(_ v: Value, quoted: Bool) -> String {
        if quoted, case .text(let s) = v { return MessageText.quoted(s) }
        return ChartSettings.shown(v)
    }

    static func text(_ path: WritableKeyPath<ChartsRequest, String?> & Sendable, _ expected: String, quoted: Bool = true,
                     _ ok: @escaping @Sendable (String) -> Bool) -> Self {
        Self(kind: .text, check: { v in
            guard case .text(let s) = v, !ok(s) else { return nil }
            return "\(shown(v, quoted: quoted)): expected \(expected)"
        }, get: { $0[keyPath: path].map(Value.text) }, set: { r, v in if case .text(let s) = v { r[keyPath: path] = s } })
    }

    static func text(_ path: WritableKeyPath<ChartsRequest, String> & Sendable, _ expected: String,
                     _ ok: @escaping @Sendable (String) -> Bool) -> Self {
        Self(kind: .text, check: { v in
            guard case .text(let s) = v, !ok(s) else { return nil }
            return "\(shown(v, quoted: true)): expected \(expected)"
        }, get: { .text($0[keyPath: path]) }, set: { r, v in if case .text(let s) = v { r[keyPath: path] = s } })
    }

    /// `since`, `until`, `last`: each checked alone here; together in `ChartSettings.problem`.
    static func window(_ key: ChartSettings.Key) -> Self {
        let path: WritableKeyPath<ChartsRequest, String?> & Sendable = key == .since ? \.since : key == .until ? \.until : \.last
        return Self(kind: .text, check: { v in
            guard case .text(let s) = v else { return nil }
            let parsed = TimeWindow.parse(since: key == .since ? s : nil, until: key == .until ? s : nil, last: key == .last ? s : nil)
            if case .failure(let e) = parsed { return "\(ChartSettings.shown(v)): expected \(e.expected)" }
            return nil
        }, get: { $0[keyPath: path].map(Value.text) }, set: { r, v in if case .text(let s) = v { r[keyPath: path] = s } })
    }

    /// One of `T`'s cases by its raw value; not recorded when it is `unless` (nil: always recorded).
    static func choice<T: RawRepresentable & CaseIterable & Equatable & Sendable>(
        _ path: WritableKeyPath<ChartsRequest, T> & Sendable, unless: T? = nil, separator: String = " or ") -> Self
    where T.RawValue == String {
        Self(kind: .text, check: { v in
            guard case .text(let s) = v, T(rawValue: s) == nil else { return nil }
            return "\(ChartSettings.shown(v)): expected " + T.allCases.map(\.rawValue).joined(separator: separator)
        }, get: { r in r[keyPath: path] == unless ? nil : .text(r[keyPath: path].rawValue) },
           set: { r, v in if case .text(let s) = v, let t = T(rawValue: s) { r[keyPath: path] = t } })
    }

    static func flag(_ path: WritableKeyPath<ChartsRequest, Bool> & Sendable) -> Self {
        Self(kind: .flag, check: { _ in nil }, get: { .flag($0[keyPath: path]) },
             set: { r, v in if case .flag(let b) = v { r[keyPath: path] = b } })
    }

    static func integer(_ path: WritableKeyPath<ChartsRequest, Int> & Sendable, _ range: ClosedRange<Int>, _ expected: String) -> Self {
        Self(kind: .integer, check: { v in integerProblem(v, range, expected) }, get: { .integer($0[keyPath: path]) },
             set: { r, v in if case .integer(let i) = v { r[keyPath: path] = i } })
    }

    static func integer(_ path: WritableKeyPath<ChartsRequest, Int?> & Sendable, _ range: ClosedRange<Int>, _ expected: String) -> Self {
        Self(kind: .integer, check: { v in integerProblem(v, range, expected) }, get: { $0[keyPath: path].map(Value.integer) },
             set: { r, v in if case .integer(let i) = v { r[keyPath: path] = i } })
    }

    private static func integerProblem(_ v: Value, _ range: ClosedRange<Int>, _ expected: String) -> String? {
        guard case .integer(let i) = v, !range.contains(i) else { return nil }
        return "\(i): expected \(expected)"
    }

    static func number(_ path: WritableKeyPath<ChartsRequest, Double> & Sendable, _ expected: String,
                       _ ok: @escaping @Sendable (Double) -> Bool) -> Self {
        Self(kind: .number, check: { v in numberProblem(v, expected, ok) }, get: { .number($0[keyPath: path]) },
             set: { r, v in if case .number(let d) = v { r[keyPath: path] = d } })
    }

    static func number(_ path: WritableKeyPath<ChartsRequest, Double?> & Sendable, _ expected: String,
                       _ ok: @escaping @Sendable (Double) -> Bool) -> Self {
        Self(kind: .number, check: { v in numberProblem(v, expected, ok) }, get: { $0[keyPath: path].map(Value.number) },
             set: { r, v in if case .number(let d) = v { r[keyPath: path] = d } })
    }

    private static func numberProblem(_ v: Value, _ expected: String, _ ok: (Double) -> Bool) -> String? {
        guard case .number(let d) = v, !(d.isFinite && ok(d)) else { return nil }
        return "\(ChartSettings.shown(v)): expected \(expected)"
    }

    /// `KEY=VALUE` pairs, each checked by `rule` (in key order, so a message is the same every run),
    /// then all of them together.
    static func pairs(_ path: WritableKeyPath<ChartsRequest, [String: String]> & Sendable, _ rule: ChartSettings.PairRule) -> Self {
        Self(kind: .pairs, check: { v in
            guard case .pairs(let p) = v else { return nil }
            for k in p.keys.sorted() {
                if let problem = rule.problem(k, p[k]!) { return "\(MessageText.quoted(k + "=" + p[k]!)): \(problem)" }
            }
            if let (k, problem) = rule.amongAll(p) { return "\(MessageText.quoted(k + "=" + p[k]!)): \(problem)" }
            return nil
        }, get: { r in r[keyPath: path].isEmpty ? nil : .pairs(r[keyPath: path]) },
           set: { r, v in if case .pairs(let p) = v { r[keyPath: path] = p } }, pairs: rule)
    }
}
