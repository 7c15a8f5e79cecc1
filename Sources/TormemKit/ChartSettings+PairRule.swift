import TormemCore

extension ChartSettings {
    /// What each `KEY=VALUE` pair of a `.pairs` key must be, and how the command line writes one.
    struct PairRule: Sendable {
        /// Completes "expected …" for a pair that is not usable.
        var expected: String
        var isValid: @Sendable (String, String) -> Bool
        /// The command line's `A="DirCache 0"` means the label without its quotes.
        var unquotesValue = false
        /// The message for a key given again with another value (`"a" is already renamed to "b"`);
        /// nil: the later one wins.
        var conflict: (@Sendable (_ key: String, _ earlier: String) -> String)? = nil
        /// A pair that does not go with the others (`a=b` and `b=c`), and why; checked in key order.
        var clash: (@Sendable ([String: String]) -> (key: String, problem: String)?)? = nil

        /// What is wrong with one pair (`expected …`), nil when it is usable.
        func problem(_ key: String, _ value: String) -> String? {
            isValid(key, value) ? nil : "expected \(expected)"
        }

        func amongAll(_ pairs: [String: String]) -> (key: String, problem: String)? { clash?(pairs) }

        /// A command-line argument `KEY=VALUE` as its pair (quotes around the value removed when
        /// `unquotesValue`); nil without `=`.
        func pair(_ argument: String) -> (key: String, value: String)? {
            let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            var value = String(parts[1])
            if unquotesValue, value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            return (String(parts[0]), value)
        }

        static let groupLabel = PairRule(expected: "GROUP=LABEL with both non-empty, e.g. A=\"DirCache 0\"",
                                         isValid: { k, v in !k.allSatisfy(\.isWhitespace) && !v.allSatisfy(\.isWhitespace) },
                                         unquotesValue: true)

        /// A server renamed twice (`a=b`, `b=c`) would be drawn under a name it never had last.
        static let serverAlias = PairRule(
            expected: "OLD=NEW, two different server names",
            isValid: { k, v in !k.allSatisfy(\.isWhitespace) && !v.allSatisfy(\.isWhitespace) && k != v },
            conflict: { k, earlier in "\(MessageText.quoted(k)) is already renamed to \(MessageText.quoted(earlier))" },
            clash: { pairs in
                for k in pairs.keys.sorted() where pairs[pairs[k]!] != nil {
                    return (k, "\(MessageText.quoted(pairs[k]!)) is itself renamed; expected each server renamed once, to its last name")
                }
                return nil
            })
    }
}
