/// The one error type of tormem. Each case maps to a documented exit status.
public enum TormemError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Bad arguments (exit 2).
    case usage(String)
    /// The input cannot be used (exit 3).
    case input(Diagnostic)
    /// An output cannot be written (exit 4).
    case output(path: String, reason: String)
    /// `--check` found outputs that would change (exit 1); one line per stale output.
    case stale([String])

    public var exitCode: Int32 {
        switch self {
        case .usage: return 2
        case .input: return 3
        case .output: return 4
        case .stale: return 1
        }
    }

    public var description: String {
        switch self {
        case .usage(let m): return m
        case .input(let d): return d.description
        case .output(let path, let reason): return "\(path): cannot write: \(reason)"
        case .stale(let lines): return "\(lines.count) output\(lines.count == 1 ? " is" : "s are") out of date:\n" + lines.map { "  " + $0 }.joined(separator: "\n")
        }
    }
}
