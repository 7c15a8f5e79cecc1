import TormemCore

/// The `restarts` caveats (SPEC §6 "Caveats"): a group whose relays restarted inside its window
/// has an end value that depends on where the last sample fell in the sawtooth; the caveat gives
/// the numbers that compare it fairly with a flat line.
public enum RestartCaveats {
    /// One caveat per group that restarts, in the order of `restarts`; a group whose few restarts
    /// the timeline already has as a `restart` event (events.csv, or `started` changing together)
    /// is left out: the 2× rule counts from it, and the report lists it.
    public static func caveats(_ restarts: [GroupRestarts], timeline: [ExperimentEvent] = []) -> [Caveat] {
        let explained = Set(restarts.map(\.group).filter { g in timeline.contains { $0.type.lowercased() == "restart" && $0.concerns(g) } })
        return restarts.filter { $0.restarts > 0 && ($0.isSawtooth || !explained.contains($0.group)) }.map { g in
            let mean = g.windowMeanGB ?? .nan, peak = g.meanPeakBeforeRestartGB ?? .nan
            let who = g.restarted.count == g.relays ? "\(g.relays) relay" + (g.relays == 1 ? "" : "s")
                : "\(g.restarted.count) of \(g.relays) relays"
            let days = NumberFormat.fixed(g.windowDays, decimals: g.windowDays < 10 ? 1 : 0)
            let often = g.restarts == g.restarted.count ? (g.restarted.count == 1 ? "once" : "once each")
                : (g.isSawtooth ? "\(NumberFormat.fixed(g.restartsPerRelay, decimals: 1)) times per relay" : "\(g.restarts) times")
            let head = "group \(g.group): \(who) restarted \(often) in \(days) days; "
            let text = g.isSawtooth
                ? head + "its end value (\(gb(g.endMeanGB))) depends on where the last sample fell in the sawtooth: "
                    + "time-weighted mean \(gb(mean)), mean peak before a restart \(gb(peak))"
                : head + "values before and after a restart are of different processes (mean peak before a restart \(gb(peak)), "
                    + "end \(gb(g.endMeanGB)))"
            return Caveat(kind: .restarts, groups: [g.group], relays: g.restarted,
                          numbers: [("restarts_per_relay", .number(g.restartsPerRelay)), ("window_mean_gb", .number(mean)),
                                    ("mean_peak_gb", .number(peak)), ("end_mean_gb", .number(g.endMeanGB))],
                          text: text)
        }
    }

    static func gb(_ v: Double) -> String { v.isNaN ? "?" : NumberFormat.fixed(v, decimals: 2) + " GB" }
}
