#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The system's explanation of an `errno` value, as every message of tormem quotes it.
public enum SystemError {
    /// The text for `code` (default: the current `errno`), lowercased like the rest of a message:
    /// "permission denied", "no such file or directory".
    public static func text(_ code: Int32 = errno) -> String {
        guard let raw = strerror(code) else { return "error \(code)" }
        var message = String(cString: raw)
        // "No such file" → "no such file", but an acronym ("EOF ...") stays.
        if let first = message.first, first.isUppercase,
           message.count < 2 || !message.dropFirst().first!.isUppercase {
            message = first.lowercased() + message.dropFirst()
        }
        return message
    }
}
