/// glibc malloc raises its mmap threshold after the first large block is freed, so later chart
/// surfaces (12 MB each) come from the heap and their memory is never returned: peak memory grows
/// with the number of charts. A fixed threshold keeps every large buffer in its own mapping, freed
/// to the system when done. Called once by the executables.
public enum MemoryTuning {
    public static func apply() {
        #if os(Linux)
        // <malloc.h>: M_TRIM_THRESHOLD = -1, M_MMAP_THRESHOLD = -3.
        _ = glibcMallopt(-3, 256 << 10)
        _ = glibcMallopt(-1, 1 << 20)
        #endif
    }
}

#if os(Linux)
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
