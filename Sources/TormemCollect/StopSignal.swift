#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Set by SIGINT or SIGTERM once `StopSignal.install()` has run; loops check it between small sleeps.
public enum StopSignal {
    private static let flag = Atomic<Bool>(false)

    /// Installs handlers for SIGINT and SIGTERM that only set the flag, and unblocks both (a
    /// process may inherit them blocked from whoever started it).
    public static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in StopSignal.flag.store(true, ordering: .relaxed) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        sigaddset(&unblock, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    public static var isSet: Bool { flag.load(ordering: .relaxed) }

    /// Sleeps up to `seconds` in steps of 0.1 s; returns early (false) when a stop was requested.
    public static func sleep(seconds: Double) -> Bool {
        var left = seconds
        while left > 0 {
            if isSet { return false }
            let step = min(left, 0.1)
            usleep(UInt32(step * 1_000_000))
            left -= step
        }
        return !isSet
    }
}
