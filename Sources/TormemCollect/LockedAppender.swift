#if canImport(Glibc)
import Glibc
#endif
import TormemCore
import TormemData

/// Appends whole rows to a CSV file that several collectors (cron runs) may write at once: each
/// append holds an exclusive `flock` on the file, writes the header only when the file is empty,
/// and writes its rows with a single `write(2)`, so rows are never interleaved, lost or preceded by
/// a second header. A failed write is undone (the file is cut back to its earlier length).
public struct LockedAppender: Sendable {
    public let path: String
    /// The header line (with its line end) that the file starts with.
    public let header: String

    /// Runs between reading the file's length and writing (tests widen the race window with it).
    var betweenCheckAndWrite: (@Sendable () -> Void)?

    public init(path: String, header: String) { self.path = path; self.header = header }

    public struct Result: Equatable, Sendable {
        /// The header was written (the file was new, empty, or started over).
        public var wroteHeader: Bool
        /// Bytes appended.
        public var bytes: Int
    }

    /// Appends `rows` (complete lines). `restart`: cut the file to nothing first and start it with
    /// the header (`--init`), discarding earlier rows; only a file that is empty or starts with our
    /// header is cut, never one of another format.
    ///
    /// Never writes through a symbolic link at `path` (refused, the link and the file it names are
    /// left alone), nor into a file with several hard links: a link planted where the collector (root,
    /// from cron) writes cannot make it append to, or cut, a file elsewhere.
    @discardableResult
    public func append(_ rows: String, restart: Bool = false) throws(TormemError) -> Result {
        let fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            if errno == ELOOP { throw fail("is a symbolic link; refusing to write through it (expected a regular file)") }
            throw fail("\(SystemError.text()); expected a writable file in an existing folder")
        }
        defer { close(fd) }  // closing releases the lock
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw fail(SystemError.text()) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw fail("not a regular file") }
        guard st.st_nlink <= 1 else {
            throw fail("has \(st.st_nlink) hard links; refusing to write to a file that is also elsewhere (expected a file of its own)")
        }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw fail("cannot lock: \(SystemError.text())") }
        }
        guard fstat(fd, &st) == 0 else { throw fail(SystemError.text()) }
        var size = Int(st.st_size)
        if size > 0 { try checkHeader(fd: fd, size: size) }
        if restart, size > 0 {
            if ftruncate(fd, 0) != 0 { throw fail(SystemError.text()) }
            size = 0
        }
        var text = ""
        if size == 0 {
            text = header
        } else if try lastByte(fd: fd, size: size) != UInt8(ascii: "\n") {
            text = "\n"  // an unfinished last line
        }
        text += rows
        betweenCheckAndWrite?()
        let bytes = Array(text.utf8)
        if let reason = FileOutput.writeAll(fd, bytes) {
            _ = ftruncate(fd, off_t(size))
            throw fail(reason)
        }
        if fsync(fd) != 0 { throw fail(SystemError.text()) }
        return Result(wroteHeader: size == 0, bytes: bytes.count)
    }

    /// The file's first line that is not blank or a comment must be our header: rows of another
    /// format appended to it could not be read back. The refusal suggests only what keeps the file.
    private func checkHeader(fd: Int32, size: Int) throws(TormemError) {
        var buffer = [UInt8](repeating: 0, count: min(size, 65_536))
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n >= 0 else { throw fail(SystemError.text()) }
        var text = String(decoding: buffer[0..<n], as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let expected = header.trimmingWhitespace
        for line in text.split(whereSeparator: \.isNewline) {
            let t = line.trimmingWhitespace
            if t.isEmpty || t.hasPrefix("#") { continue }
            if t == expected { return }
            let shown = t.count > 80 ? String(t.prefix(80)) + "..." : t
            throw fail("the file starts with another header (\"\(shown)\"); expected \"\(expected)\" "
                       + "(it is left as it is: collect into a new file with --output)")
        }
        // Only comments or blank lines so far: no header yet, but not empty either.
        throw fail("the file has no header; expected it to start with \"\(expected)\" "
                   + "(it is left as it is: collect into a new file with --output)")
    }

    private func lastByte(fd: Int32, size: Int) throws(TormemError) -> UInt8 {
        var b: UInt8 = 0
        guard pread(fd, &b, 1, off_t(size - 1)) == 1 else { throw fail(SystemError.text()) }
        return b
    }

    private func fail(_ reason: String) -> TormemError { .output(path: path, reason: reason) }
}
