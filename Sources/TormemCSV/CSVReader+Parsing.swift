#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

private let quote = UInt8(ascii: "\"")
private let comma = UInt8(ascii: ",")
private let newline = UInt8(ascii: "\n")
private let carriageReturn = UInt8(ascii: "\r")
private let hash = UInt8(ascii: "#")
private let space = UInt8(ascii: " ")
private let tab = UInt8(ascii: "\t")

/// Where the scanner is inside the input; it can stop in any state when a chunk runs
/// out and resume there after the next read.
private enum ScanState {
    /// At the first byte of a line that is not inside a quoted field.
    case recordStart
    /// At the first byte of a field (after a comma, or the start of a record).
    case fieldStart
    /// Inside an unquoted field, or after the closing quote of a quoted one.
    case unquoted
    /// Inside quotes.
    case quoted
    /// Just after a quote inside quotes: `""` (escaped quote) or the closing quote.
    case quotedQuote
    /// Inside a `#` comment line.
    case comment
}

extension CSVReader {
    /// Streams the input, calling `comment` for each `#` line (with its 1-based line number
    /// and the raw text after `#`, without the line ending) and `row` for each record.
    ///
    /// The `CSVRow` and its fields are views into the reader's buffer, valid only during the
    /// call. Errors thrown by the callbacks stop reading and are rethrown.
    public mutating func forEachRow(
        comment: ((Int, String) throws -> Void)? = nil,
        _ row: (CSVRow) throws -> Void
    ) throws {
        let chunk = chunkSize
        let source = self.source
        // Buffer layout: [0, end) holds read bytes; the record being scanned starts at
        // `recordStart`. Quoted fields are unescaped in place: a field's content is
        // [fieldStart, write), and `write <= read` always.
        var capacity = max(chunk, 4)
        var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var offsetCapacity = 64
        var offsets = UnsafeMutablePointer<Int>.allocate(capacity: offsetCapacity)  // start, end pairs
        defer { offsets.deallocate() }

        var end = 0
        var read = 0
        var write = 0
        var fieldStart = 0
        var segmentStart = 0  // start of the current unquoted stretch (for CRLF stripping)
        var recordStart = 0
        var fieldCount = 0
        var line = 1
        var recordLine = 1
        var sawQuote = false
        var eof = false
        var sourceOffset = range?.lowerBound ?? 0
        let limit = range?.upperBound ?? Int.max
        var anyQuote = false
        defer { sawQuote = anyQuote; linesRead = line - 1 }
        var state = ScanState.recordStart
        var index = StructuralIndex()

        // Skip a byte order mark (it may arrive split across tiny reads).
        while end < 3 && !eof {
            let n = try source.read(into: buffer + end, count: min(chunk, capacity - end, limit - sourceOffset), at: sourceOffset)
            if n == 0 { eof = true }
            end += n
            sourceOffset += n
        }
        if (range?.lowerBound ?? 0) == 0 && end >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
            read = 3
            recordStart = 3
        }

        while true {
            if read == end {
                if eof { break }
                // Keep the unfinished record, drop what is done, and read more.
                if recordStart > 0 {
                    let keep = end - recordStart
                    if keep > 0 { memmove(buffer, buffer + recordStart, keep) }
                    index.reset()
                    for i in 0..<(2 * fieldCount) { offsets[i] -= recordStart }
                    read -= recordStart
                    write -= recordStart
                    fieldStart -= recordStart
                    segmentStart -= recordStart
                    end = keep
                    recordStart = 0
                }
                if end == capacity {
                    if end >= Self.maxRecordBytes {
                        throw CSVError.recordTooLong(path: name, line: recordLine, limit: Self.maxRecordBytes)
                    }
                    let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                    grown.moveInitialize(from: buffer, count: end)
                    buffer.deallocate()
                    buffer = grown
                    capacity *= 2
                    index.reset()
                }
                let n = try source.read(into: buffer + end, count: min(chunk, capacity - end, limit - sourceOffset), at: sourceOffset)
                if n == 0 {
                    eof = true
                    break
                }
                end += n
                sourceOffset += n
                continue
            }

            switch state {
            case .recordStart:
                let c = buffer[read]
                if c == newline {  // empty line: skip without building a record
                    read += 1
                    line += 1
                    recordStart = read
                    recordLine = line
                } else if c == hash {
                    read += 1
                    state = .comment
                } else {
                    fieldCount = 0
                    sawQuote = false
                    state = .fieldStart
                }

            case .fieldStart:
                // Unquoted fields in a tight loop; leaves at a quote, a record end, or the end
                // of the buffered bytes.
                while true {
                    if read == end { break }  // refill, still at a field start
                    if buffer[read] == quote {
                        sawQuote = true
                        anyQuote = true
                        read += 1
                        fieldStart = read
                        write = read
                        state = .quoted
                        break
                    }
                    fieldStart = read
                    let separator = index.nextSeparator(buffer, from: read, end: end)
                    if separator == end {  // the field continues in the next chunk
                        read = end
                        write = end
                        segmentStart = fieldStart
                        state = .unquoted
                        break
                    }
                    if fieldCount * 2 + 2 > offsetCapacity {
                        grow(&offsets, capacity: &offsetCapacity, count: fieldCount * 2)
                    }
                    offsets[2 * fieldCount] = fieldStart
                    read = separator + 1
                    if buffer[separator] == comma {
                        offsets[2 * fieldCount + 1] = separator
                        fieldCount += 1
                        continue
                    }
                    let crlf = separator > fieldStart && buffer[separator - 1] == carriageReturn
                    offsets[2 * fieldCount + 1] = crlf ? separator - 1 : separator
                    fieldCount += 1
                    try emit(buffer, offsets, fieldCount, recordLine, sawQuote, false, sourceOffset - end + recordStart, row)
                    line += 1
                    recordStart = read
                    recordLine = line
                    state = .recordStart
                    break
                }

            case .unquoted:  // a field resumed after a refill, or text after a closing quote
                let separator = index.nextSeparator(buffer, from: read, end: end)
                if write != read { memmove(buffer + write, buffer + read, separator - read) }
                write += separator - read
                read = separator
                if read == end { continue }
                if fieldCount * 2 + 2 > offsetCapacity {
                    grow(&offsets, capacity: &offsetCapacity, count: fieldCount * 2)
                }
                offsets[2 * fieldCount] = fieldStart
                if buffer[read] == comma {
                    offsets[2 * fieldCount + 1] = write
                    fieldCount += 1
                    read += 1
                    state = .fieldStart
                } else {
                    if read > segmentStart && buffer[read - 1] == carriageReturn { write -= 1 }
                    offsets[2 * fieldCount + 1] = write
                    fieldCount += 1
                    try emit(buffer, offsets, fieldCount, recordLine, sawQuote, false, sourceOffset - end + recordStart, row)
                    read += 1
                    line += 1
                    recordStart = read
                    recordLine = line
                    state = .recordStart
                }

            case .quoted:
                let (closing, newlines) = index.nextQuote(buffer, from: read, end: end)
                line += newlines
                if write != read { memmove(buffer + write, buffer + read, closing - read) }
                write += closing - read
                read = closing
                if read < end {
                    read += 1
                    state = .quotedQuote
                }

            case .quotedQuote:
                if buffer[read] == quote {  // "" -> "
                    buffer[write] = quote
                    write += 1
                    read += 1
                    state = .quoted
                } else {  // closing quote; whatever follows up to , or newline is appended
                    segmentStart = read
                    state = .unquoted
                }

            case .comment:
                guard let found = memchr(buffer + read, Int32(newline), end - read) else {
                    read = end
                    continue
                }
                let p = UnsafeRawPointer(found) - UnsafeRawPointer(buffer)
                read = p
                if let comment {
                    try comment(recordLine, commentText(buffer, from: recordStart + 1, to: p))
                }
                read += 1
                line += 1
                recordStart = read
                recordLine = line
                state = .recordStart
            }
        }

        // End of input: finish whatever is open.
        if fieldCount * 2 + 2 > offsetCapacity {
            grow(&offsets, capacity: &offsetCapacity, count: fieldCount * 2)
        }
        switch state {
        case .recordStart:
            break
        case .comment:
            if let comment {
                try comment(recordLine, commentText(buffer, from: recordStart + 1, to: end))
            }
        case .fieldStart:  // input ends right after a comma: one more, empty, field
            offsets[2 * fieldCount] = read
            offsets[2 * fieldCount + 1] = read
            fieldCount += 1
            try emit(buffer, offsets, fieldCount, recordLine, sawQuote, false, sourceOffset - end + recordStart, row)
        case .unquoted, .quoted, .quotedQuote:
            if state == .unquoted && read > segmentStart && buffer[read - 1] == carriageReturn {
                write -= 1
            }
            offsets[2 * fieldCount] = fieldStart
            offsets[2 * fieldCount + 1] = write
            fieldCount += 1
            try emit(buffer, offsets, fieldCount, recordLine, sawQuote, state == .quoted, sourceOffset - end + recordStart, row)
        }
    }
}

/// Calls `row` for a finished record unless it is a blank line (one unquoted field of
/// only spaces and tabs).
@inline(__always)
private func emit(
    _ buffer: UnsafeMutablePointer<UInt8>, _ offsets: UnsafeMutablePointer<Int>, _ count: Int,
    _ line: Int, _ sawQuote: Bool, _ unterminated: Bool, _ byteOffset: Int, _ row: (CSVRow) throws -> Void
) throws {
    if count == 1 && !sawQuote {
        var p = offsets[0]
        let e = offsets[1]
        while p < e && (buffer[p] == space || buffer[p] == tab) { p += 1 }
        if p == e { return }
    }
    try row(
        CSVRow(
            base: UnsafePointer(buffer), offsets: UnsafePointer(offsets), count: count, line: line,
            unterminatedQuote: unterminated, byteOffset: byteOffset))
}

/// The text of a comment line between `#` and the line end (a CR before LF is dropped).
private func commentText(_ buffer: UnsafeMutablePointer<UInt8>, from start: Int, to end: Int) -> String {
    var e = end
    if e > start && buffer[e - 1] == carriageReturn { e -= 1 }
    return String(decoding: UnsafeBufferPointer(start: buffer + start, count: e - start), as: UTF8.self)
}

/// Doubles the field-offset buffer, keeping the first `count` entries.
private func grow(_ offsets: inout UnsafeMutablePointer<Int>, capacity: inout Int, count: Int) {
    let bigger = UnsafeMutablePointer<Int>.allocate(capacity: capacity * 2)
    bigger.moveInitialize(from: offsets, count: count)
    offsets.deallocate()
    offsets = bigger
    capacity *= 2
}
