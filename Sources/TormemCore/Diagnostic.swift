/// One finding about the input: where it is (file, line, column) and what was expected.
public struct Diagnostic: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    /// Column name (or 1-based number as text) when the problem is in one field.
    public var column: String?
    public var message: String

    public init(file: String, line: Int? = nil, column: String? = nil, message: String) {
        self.file = file; self.line = line; self.column = column; self.message = message
    }

    /// `memory.csv:5: column total_kb: expected a whole number, found "abc"`.
    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        s += ": "
        if let column { s += "column \(column): " }
        return s + message
    }
}
