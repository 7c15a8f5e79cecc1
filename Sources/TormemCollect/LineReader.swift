#if canImport(Glibc)
import Glibc
#endif
import TormemCore

/// A regular file read line by line in chunks of 64 KiB, so memory stays bounded whatever its
/// size: at most one chunk and one line (`maxLine`) are held, and reading stops after `limit`
/// bytes. Only regular files are read (`RegularFile`), as `FileBytes` does.
enum LineReader {
    struct Outcome: Equatable {
        /// Bytes read.
        var bytes = 0
        /// The file goes on after `limit` bytes (not read).
        var reachedLimit = false
        /// Lines longer than `maxLine`, skipped.
        var longLines = 0
        /// The file's modification time (seconds since the epoch).
        var modified: Int64 = 0
    }

    static let chunkSize = 65_536

    /// Calls `body` with each line (without its line end; a `\r` before the `\n` dropped) and its
    /// 1-based number, until `body` returns false, the end of the file or `limit` bytes. A last
    /// line cut by the limit is not given.
    static func read(_ path: String, limit: Int, maxLine: Int = 65_536,
                     _ body: (UnsafeBufferPointer<UInt8>, Int) -> Bool) throws(FileReadError) -> Outcome {
        let fd = try FileBytes.openRegular(path)
        defer { close(fd) }
        var outcome = Outcome()
        var info = stat()
        if fstat(fd, &info) == 0 { outcome.modified = Int64(info.st_mtim.tv_sec) }
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var pending: [UInt8] = []
        var skipping = false, number = 0, stopped = false

        func give(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
            number += 1
            var count = line.count
            if count > 0, line[count - 1] == 13 { count -= 1 }
            return body(UnsafeBufferPointer(rebasing: line[0..<count]), number)
        }

        while outcome.bytes < limit, !stopped {
            let want = min(chunkSize, limit - outcome.bytes)
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, want) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .current(path)
            }
            if n == 0 { break }
            outcome.bytes += n
            chunk.withUnsafeBufferPointer { buffer in
                let base = buffer.baseAddress!
                var start = 0
                while start < n {
                    guard let found = memchr(base + start, 10, n - start) else {
                        // No line end in the rest of the chunk: keep it for the next one.
                        if !skipping, pending.count + (n - start) <= maxLine {
                            pending.append(contentsOf: buffer[start..<n])
                        } else if !skipping {
                            skipping = true
                            pending.removeAll(keepingCapacity: true)
                        }
                        return
                    }
                    let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    var more = true
                    if skipping || pending.count + (end - start) > maxLine {
                        number += 1
                        outcome.longLines += 1
                        skipping = false
                    } else if pending.isEmpty {
                        more = give(UnsafeBufferPointer(rebasing: buffer[start..<end]))
                    } else {
                        pending.append(contentsOf: buffer[start..<end])
                        more = pending.withUnsafeBufferPointer { give($0) }
                    }
                    pending.removeAll(keepingCapacity: true)
                    start = end + 1
                    if !more { stopped = true; return }
                }
            }
        }
        if stopped { return outcome }
        if outcome.bytes >= limit {
            var one: UInt8 = 0
            var n: Int
            repeat { n = Glibc.read(fd, &one, 1) } while n < 0 && errno == EINTR
            outcome.reachedLimit = n > 0
        }
        if !outcome.reachedLimit {
            if skipping {
                outcome.longLines += 1
            } else if !pending.isEmpty {
                _ = pending.withUnsafeBufferPointer { give($0) }
            }
        }
        return outcome
    }
}
