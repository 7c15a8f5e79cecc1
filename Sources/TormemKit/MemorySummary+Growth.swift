import TormemCore
import TormemData

extension MemorySummary {
    /// The fleet's growth and each relay's growth, apart:
    /// `total +909.0%, relays 32 → 200; per relay 1.85 → 2.98 GB, +61.0%`.
    var growthText: String {
        var fleet = "total " + (growthPercent.map { NumberFormat.percent($0) } ?? "–")
        if firstRelays >= 0, latestRelays >= 0 { fleet += ", relays \(firstRelays) → \(latestRelays)" }
        guard !startAvgKB.isNaN, !latestAvgKB.isNaN else { return fleet }
        let start = Memory(kib: startAvgKB), end = Memory(kib: latestAvgKB)
        let change = perRelayGrowthPercent.map { ", " + NumberFormat.percent($0) } ?? ""
        return fleet + "; per relay \(NumberFormat.gb2(start)) → \(NumberFormat.gb2(end)) GB" + change
    }
}
