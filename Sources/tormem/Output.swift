#if canImport(Glibc)
import Glibc
#endif
import TormemCollect

/// Writes text to standard output at once (no buffering surprises between frames of `watch`).
func writeOut(_ s: String) { writeAll(1, s) }

/// Writes a line to standard error.
func writeError(_ s: String) { writeAll(2, s.hasSuffix("\n") ? s : s + "\n") }

func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

private func writeAll(_ fd: Int32, _ s: String) {
    let bytes = Array(s.utf8)
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
        if n < 0 {
            // A stop request interrupts a write blocked on a full pipe: give up the frame.
            if errno == EINTR, !StopSignal.isSet { continue }
            return
        }
        offset += n
    }
}
