import TormemCSV
import TormemCore

/// Column name → index for a header row (names lower-cased and trimmed; the first of equal names wins).
public struct HeaderMap: Sendable {
    public let names: [String]
    private let index: [String: Int]

    public init(_ header: [String]) {
        names = header.map(normalizeColumn)
        var idx: [String: Int] = [:]
        for (i, n) in names.enumerated() where idx[n] == nil { idx[n] = i }
        index = idx
    }

    public subscript(name: String) -> Int? { index[name] }
    public var count: Int { names.count }
}
