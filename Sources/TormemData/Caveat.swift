import TormemCore

/// A finding that a group is not quite what its name says, or that a comparison needs care (SPEC §6
/// "Caveats"): which groups and relays it concerns, its numbers, and the sentence the summary,
/// REPORT.md and `--json` print. The numbers are named and in order, so documents are deterministic.
public struct Caveat: Equatable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Groups sharing relays.
        case overlap
        /// A group whose end values fall into clearly separated clusters.
        case bimodal
        /// Relays more than 3 MAD from their group's median.
        case unlike
        /// Groups compared after windows of different length.
        case unequalWindow = "unequal_window"
        /// A group of fewer than 3 relays.
        case smallGroup = "small_group"
        /// A group without samples for more than 3 collection intervals.
        case gaps
        /// Relays running another allocator than their group's.
        case allocatorMismatch = "allocator_mismatch"
        /// Relays that restarted inside the group's window.
        case restarts
    }

    /// One named number of a caveat (GB unless its name says otherwise), or a list of them (clusters).
    public enum Value: Equatable, Sendable {
        case number(Double)
        case int(Int)
        case text(String)
        case names([String])
        case list([[(String, Value)]])

        public static func == (a: Value, b: Value) -> Bool {
            switch (a, b) {
            case let (.number(x), .number(y)): return x == y || (x.isNaN && y.isNaN)
            case let (.int(x), .int(y)): return x == y
            case let (.text(x), .text(y)): return x == y
            case let (.names(x), .names(y)): return x == y
            case let (.list(x), .list(y)):
                return x.count == y.count && zip(x, y).allSatisfy { p, q in
                    p.count == q.count && zip(p, q).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
                }
            default: return false
            }
        }
    }

    public var kind: Kind
    /// The groups concerned, the one it is about first.
    public var groups: [String]
    /// The relays concerned (display names), possibly none.
    public var relays: [String]
    /// The caveat's numbers, in the order `--json` writes them.
    public var numbers: [(String, Value)]
    /// The sentence printed in the summary and REPORT.md.
    public var text: String

    public init(kind: Kind, groups: [String], relays: [String] = [], numbers: [(String, Value)] = [], text: String) {
        self.kind = kind; self.groups = groups; self.relays = relays; self.numbers = numbers; self.text = text
    }

    public static func == (a: Caveat, b: Caveat) -> Bool {
        a.kind == b.kind && a.groups == b.groups && a.relays == b.relays && a.text == b.text
            && a.numbers.count == b.numbers.count && zip(a.numbers, b.numbers).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    /// The number named `name`, when it is one.
    public func number(_ name: String) -> Double? {
        for (n, v) in numbers where n == name {
            switch v {
            case .number(let x): return x
            case .int(let i): return Double(i)
            default: return nil
            }
        }
        return nil
    }

    /// Whether the caveat concerns `group`.
    public func concerns(_ group: String) -> Bool { groups.contains(group) }
}
