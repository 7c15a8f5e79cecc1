import TormemCore
import TormemData

extension DiagnosticsLog {
    /// `kernel 6.12.57; memory 750.51 GB total, 385.12 GB available (2026-01-07 20:00 UTC); allocators glibc, jemalloc`.
    var summaryText: String {
        var parts: [String] = []
        let k = kernels
        if !k.isEmpty { parts.append((k.count == 1 ? "kernel " : "kernels ") + k.joined(separator: ", ")) }
        if let l = last, !l.memTotalKB.isNaN || !l.memAvailableKB.isNaN {
            func gb(_ kib: Double) -> String { kib.isNaN ? "–" : NumberFormat.gb2(Memory(kib: kib)) + " GB" }
            parts.append("memory \(gb(l.memTotalKB)) total, \(gb(l.memAvailableKB)) available (\(l.time.dateTimeMinutes) UTC)")
        }
        let a = allocators
        if !a.isEmpty { parts.append((a.count == 1 ? "allocator " : "allocators ") + a.joined(separator: ", ")) }
        return parts.isEmpty ? "\(rows.count) rows, no host facts" : parts.joined(separator: "; ")
    }
}
