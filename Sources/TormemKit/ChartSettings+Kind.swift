import TormemCore

extension ChartSettings {
    /// What a key holds: which `Value` case, and which JSON value in tormem.json.
    enum Kind: Equatable, Sendable, CustomStringConvertible {
        case text, integer, number, flag, pairs

        /// Whether `value` is of this kind.
        func holds(_ value: Value) -> Bool {
            switch (self, value) {
            case (.text, .text), (.integer, .integer), (.number, .number), (.flag, .flag), (.pairs, .pairs): return true
            default: return false
            }
        }

        /// The value of a tormem.json value; nil when it is of another kind.
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
}
