#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TormemCore

/// The executables' side of the contract: messages to standard error, and the documented exit
/// status of every error tormem throws.
public enum Console {
    /// Writes `line` and a newline to standard error, in one write.
    public static func printError(_ line: String) {
        _ = FileOutput.writeAll(2, Array((line + "\n").utf8))
    }

    /// Ends the process with `status`.
    public static func exit(_ status: Int32) -> Never {
        #if canImport(Glibc)
        Glibc.exit(status)
        #else
        Darwin.exit(status)
        #endif
    }

    /// The message and exit status of an error of tormem (usage 2, input 3, output 4, stale 1), or
    /// nil for any other error (the argument parser's own).
    public static func failure(_ error: any Error) -> (message: String, status: Int32)? {
        guard let e = error as? TormemError else { return nil }
        return (e.description, e.exitCode)
    }
}
