import Dispatch
import TormemCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `body(0) … body(count - 1)` on all cores and returns their results in order. Used for the
/// two halves of a large file and for rendering independent charts.
public func concurrentMap<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let slots = ResultSlots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { i in slots.set(i, body(i)) }
    return slots.take()
}

/// One result slot per task, written from several threads under a mutex.
private final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
        pthread_mutex_init(mutex, nil)
    }

    deinit { pthread_mutex_destroy(mutex); mutex.deallocate() }

    func set(_ i: Int, _ value: T) {
        pthread_mutex_lock(mutex); slots[i] = value; pthread_mutex_unlock(mutex)
    }

    /// Every result (all tasks have finished), leaving the slots empty.
    func take() -> [T] {
        pthread_mutex_lock(mutex); defer { pthread_mutex_unlock(mutex) }
        let out = slots.map { $0! }
        slots = []
        return out
    }
}
