#if canImport(Glibc)
import Glibc
#endif
import TormemCore
import TormemData

/// Where the collection time comes from: the system clock in the executable, a fixed time in tests.
public struct Clock: Sendable {
    public let now: @Sendable () -> Timestamp

    public init(now: @escaping @Sendable () -> Timestamp) { self.now = now }

    /// The system's wall clock, whole seconds (UTC).
    public static let system = Clock { Timestamp(seconds: Int64(time(nil))) }

    /// Always the same moment.
    public static func fixed(_ t: Timestamp) -> Clock { Clock { t } }
}
