import TormemCore

/// How many relays of each group's kind the host has memory for (issue 25), from the newest
/// `diagnostics.csv` row: the memory available then, plus what the relays running then held (the
/// aggregate total at that collection or the last before it), divided by a relay of the group
/// (its end mean; for a group that restarts, the mean peak before a restart when higher, since
/// a sawtooth needs room for its tops). `moreFit`: relays that fit beside those running.
public struct HostHeadroom: Equatable, Sendable {
    public struct Fit: Equatable, Sendable {
        public var group: String
        /// The per-relay figure used (GB) and what it is.
        public var perRelayGB: Double
        public var figure: String
        /// Relays of this kind the host has memory for in all, and beside those running.
        public var relaysFit: Int
        public var moreFit: Int
    }

    public var server: String
    public var time: Timestamp
    public var totalGB: Double
    public var availableGB: Double
    /// What the relays running at that collection held (GB), NaN without an aggregate then.
    public var relaysGB: Double
    public var relaysRunning: Int?
    public var fits: [Fit]

    /// `peaks`: each restarting group's mean peak before a restart (GB).
    public init?(diagnostics: DiagnosticsLog?, aggregate: AggregateDataset?, analysis: GroupAnalysis?, peaks: [String: Double] = [:]) {
        guard let row = diagnostics?.last, !row.memAvailableKB.isNaN, let a = analysis, a.metric == .rss else { return nil }
        server = row.server
        time = row.time
        totalGB = Memory(kib: row.memTotalKB).gb
        availableGB = Memory(kib: row.memAvailableKB).gb
        relaysRunning = row.relaysRunning
        relaysGB = .nan
        let series = aggregate?.servers.first { $0.server == row.server } ?? (aggregate?.servers.count == 1 ? aggregate?.servers.first : nil)
        if let s = series, let i = s.times.lastIndex(where: { $0 <= row.time.seconds }), !s.totalKB[i].isNaN {
            relaysGB = Memory(kib: s.totalKB[i]).gb
            if relaysRunning == nil { relaysRunning = s.relays[i] }
        }
        let room = availableGB + (relaysGB.isNaN ? 0 : relaysGB)
        let available = availableGB
        fits = a.groups.compactMap { g in
            guard g.endMean.isFinite, g.endMean > 0 else { return nil }
            var per = g.endMean, figure = "end mean"
            if let p = peaks[g.group], p.isFinite, p > per { per = p; figure = "mean peak before a restart" }
            return Fit(group: g.group, perRelayGB: per, figure: figure,
                       relaysFit: Int((room / per).rounded(.down)), moreFit: Int((available / per).rounded(.down)))
        }
        guard !fits.isEmpty else { return nil }
    }

    /// `120.00 GB available + 111.18 GB in the 43 running (256.00 GB host; cav-host, 2026-05-10 18:00 UTC)`.
    public var memoryText: String {
        func gb(_ v: Double) -> String { NumberFormat.fixed(v, decimals: 2) + " GB" }
        var s = gb(availableGB) + " available"
        if !relaysGB.isNaN { s += " + " + gb(relaysGB) + " in the " + (relaysRunning.map { "\($0) " } ?? "") + "running" }
        return s + " (" + (totalGB.isNaN ? "" : gb(totalGB) + " host; ") + "\(server), \(time.dateTimeMinutes) UTC)"
    }

    /// `A_control 61 (3.73 GB each), D_restart 80 (3.00 GB each, its peak)`.
    public var fitsText: String {
        fits.map { f in
            "\(f.group) \(NumberFormat.grouped(f.relaysFit)) (\(NumberFormat.fixed(f.perRelayGB, decimals: 2)) GB each\(f.figure == "end mean" ? "" : ", its peak"))"
        }.joined(separator: ", ")
    }

    /// The summary's and REPORT.md's sentence.
    public var text: String {
        "room for relays: " + memoryText + (relaysGB.isNaN ? ", beside those running" : "") + "; relays that fit at each group's end mean: " + fitsText
    }
}
