import Foundation

/// Wall time per phase, printed to standard error when `TORMEM_TIMING=1` (for benchmarks; never part
/// of normal output).
struct PhaseTimer {
    private let enabled = ProcessInfo.processInfo.environment["TORMEM_TIMING"] == "1"
    private var last = ContinuousClock.now
    private var laps: [(String, Duration)] = []

    mutating func lap(_ name: String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        laps.append((name + " [rss \(PhaseTimer.memory())]", now - last))
        last = now
    }

    /// Current and peak resident memory, from /proc/self/status.
    static func memory() -> String {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "?" }
        let fields = text.split(separator: "\n").filter { $0.hasPrefix("VmRSS") || $0.hasPrefix("VmHWM") }
        return fields.map { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().joined(separator: " ") }
            .joined(separator: " / peak ")
    }

    /// One line per finished item (charts render concurrently, so they are not phases).
    static func note(_ name: String, since start: ContinuousClock.Instant) {
        guard ProcessInfo.processInfo.environment["TORMEM_TIMING"] == "1" else { return }
        let d = ContinuousClock.now - start
        let ms = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
        FileHandle.standardError.write(Data("timing: \(name) \(Int(ms.rounded())) ms\n".utf8))
    }

    func report() {
        guard enabled else { return }
        let text = laps.map { name, d in
            let ms = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
            return "\(name): \(Int(ms.rounded())) ms"
        }.joined(separator: ", ")
        FileHandle.standardError.write(Data(("timing: " + text + "\n").utf8))
    }
}
