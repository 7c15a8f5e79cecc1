import TormemCSV
import TormemCore

/// Reads the data rows of one input format into what the file holds. One reader a format, each in
/// its own file; `InputFormat.reader(file:header:partRange:)` makes the one a header asks for.
protocol RowReader {
    /// Reads one data row (it has the header's field count); returns why it must be skipped, or nil.
    mutating func read(_ row: CSVRow) -> Diagnostic?
    /// What the file holds once every row is read, and file-wide notes (sorting, duplicates).
    mutating func finish(metadata: CommentMetadata) -> (FileContent, notes: [Diagnostic])
}
