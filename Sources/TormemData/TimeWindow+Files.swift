import TormemCore

extension TimeWindow {
    /// What applying a window did, for the summary: the bounds in effect and the samples left out.
    public struct Applied: Equatable, Sendable {
        /// The options as given (`--last 30d`, `--since 2025-09-20 --until …`).
        public var options: String
        public var from: Int64?
        public var to: Int64?
        /// Samples (aggregate rows, relay samples, experiment cells) kept and left out.
        public var kept: Int
        public var outside: Int

        /// `2025-09-20 00:00 → 2025-10-01 23:59 UTC (--last 10d); 1,234 of 5,678 samples left out`.
        public var text: String {
            "\(span) (\(options)); \(NumberFormat.grouped(outside)) of \(NumberFormat.grouped(kept + outside)) samples outside left out"
        }

        /// `2025-09-20 00:00 → 2025-10-01 23:59 UTC`.
        public var span: String {
            func shown(_ t: Int64?) -> String { t.map { Timestamp(seconds: $0).dateTimeMinutes } ?? "…" }
            return "\(shown(from)) → \(shown(to)) UTC"
        }

        /// Whether `t` (seconds) is inside the window.
        public func contains(_ t: Int64) -> Bool { (from.map { t >= $0 } ?? true) && (to.map { t <= $0 } ?? true) }
    }

    /// The files with only their samples inside the window. Experiment tables count days from
    /// `experimentStart` (experiment.json's start date) for `--since`/`--until`; `--last` keeps
    /// their last days even without one. A snapshot is kept when it was collected inside the window
    /// (or says not when). An input error when nothing is left, naming what the data covers.
    public func apply(to files: [LoadedFile], experimentStart: Timestamp?,
                      options: String) throws(TormemError) -> (files: [LoadedFile], applied: Applied, notes: [Diagnostic]) {
        let end = files.compactMap(\.latestTime).max()
        let (from, to) = bounds(dataEnd: end)
        var kept = 0, outside = 0
        var notes: [Diagnostic] = []
        var out: [LoadedFile] = []
        for var f in files {
            switch f.content {
            case .monitor(let series):
                let s = series.map { window($0, from, to, &kept, &outside) }.filter { !$0.isEmpty }
                if s.isEmpty { notes.append(outsideNote(f)); continue }
                f.content = .monitor(s)
            case .unified(let series, let relays):
                // Relay samples are counted when there are any: the aggregate rows summarise them.
                var k = 0, o = 0
                let s = series.map { window($0, from, to, &k, &o) }.filter { !$0.isEmpty }
                if relays.isEmpty { kept += k; outside += o }
                let r = relays.relays.map { window($0, from, to, &kept, &outside) }.filter { !$0.times.isEmpty }
                if s.isEmpty && r.isEmpty { notes.append(outsideNote(f)); continue }
                f.content = .unified(s, relays: RelayTable(relays: r))
            case .experiment(let table):
                guard let days = try keptDays(table, start: experimentStart, file: f.path) else { out.append(f); continue }
                let t = table.keeping(days, kept: &kept, outside: &outside)
                if t.isEmpty { notes.append(outsideNote(f)); continue }
                f.content = .experiment(t)
            case .snapshot(let table):
                guard let collected = table.collected?.seconds else {
                    notes.append(Diagnostic(file: f.path, message: "the snapshot does not say when it was collected (no # Collected: line); kept whatever the time window"))
                    out.append(f); continue
                }
                let inside = (from.map { collected >= $0 } ?? true) && (to.map { collected <= $0 } ?? true)
                if inside { kept += table.relays.count } else { outside += table.relays.count; notes.append(outsideNote(f)); continue }
            }
            out.append(f)
        }
        guard !out.isEmpty else {
            let starts = files.compactMap(\.earliestTime).min(), ends = end
            let covers = starts.flatMap { s in ends.map { "; the data covers \(Timestamp(seconds: s).dateTimeMinutes) → \(Timestamp(seconds: $0).dateTimeMinutes) UTC" } } ?? ""
            let shown = { (t: Int64?) in t.map { Timestamp(seconds: $0).dateTimeMinutes } ?? "…" }
            throw .input(Diagnostic(file: files.map(\.path).joined(separator: ", "),
                                    message: "no data in the time window \(shown(from)) → \(shown(to)) UTC (\(options))\(covers)"))
        }
        // Open ends are shown as what the data covers.
        let shownFrom = from ?? out.compactMap(\.earliestTime).min(), shownTo = to ?? out.compactMap(\.latestTime).max()
        return (out, Applied(options: options, from: shownFrom, to: shownTo, kept: kept, outside: outside), notes)
    }

    private func outsideNote(_ f: LoadedFile) -> Diagnostic {
        Diagnostic(file: f.path, message: "not used: no sample inside the time window")
    }

    private func window(_ s: AggregateSeries, _ from: Int64?, _ to: Int64?, _ kept: inout Int, _ outside: inout Int) -> AggregateSeries {
        let range = TimeWindow.indices(s.times, from, to)
        kept += range.count; outside += s.count - range.count
        guard range.count != s.count else { return s }
        var out = AggregateSeries(server: s.server)
        out.times = Array(s.times[range]); out.relays = Array(s.relays[range]); out.totalKB = Array(s.totalKB[range])
        out.avgKB = Array(s.avgKB[range]); out.minKB = Array(s.minKB[range]); out.maxKB = Array(s.maxKB[range])
        return out
    }

    private func window(_ r: RelaySeries, _ from: Int64?, _ to: Int64?, _ kept: inout Int, _ outside: inout Int) -> RelaySeries {
        let range = TimeWindow.indices(r.times, from, to)
        kept += range.count; outside += r.count - range.count
        return r.slice(range)
    }

    /// The indices of sorted `times` inside [from, to].
    static func indices(_ times: [Int64], _ from: Int64?, _ to: Int64?) -> Range<Int> {
        func firstIndex(where above: (Int64) -> Bool) -> Int {
            var lo = 0, hi = times.count
            while lo < hi { let mid = (lo + hi) / 2; if above(times[mid]) { hi = mid } else { lo = mid + 1 } }
            return lo
        }
        let lo = from.map { f in firstIndex { $0 >= f } } ?? 0
        let hi = to.map { t in firstIndex { $0 > t } } ?? times.count
        return lo..<max(lo, hi)
    }

    /// The day numbers of an experiment table inside the window; nil when the window leaves it
    /// whole. `--last` keeps the last N days; `--since`/`--until` need the date of day 0.
    private func keptDays(_ table: DailyTable, start: Timestamp?, file: String) throws(TormemError) -> Set<Int>? {
        guard let lastDay = table.days.last else { return nil }
        let day0 = table.firstDate.map { Int64($0.daysSinceEpoch) * 86_400 } ?? start.map { floorDiv($0.seconds, 86_400) * 86_400 }
        if since != nil || until != nil {
            guard let day0 else {
                throw .usage("--since/--until: \(file) counts days (day0, day1, …) without a calendar date; give experiment.json a start_date, or use --last")
            }
            let lo = since.map { floorDiv($0 - day0, 86_400) } ?? Int64.min
            let hi = until.map { floorDiv($0 - day0, 86_400) } ?? Int64.max
            var days = Set(table.days.filter { Int64($0) >= lo && Int64($0) <= hi })
            if let last {
                let n = Int((last + 86_399) / 86_400)
                let end = min(lastDay, Int(clamping: hi))
                days = days.filter { $0 > end - n }
            }
            return days
        }
        guard let last else { return nil }
        let n = Int((last + 86_399) / 86_400)
        return Set(table.days.filter { $0 > lastDay - n })
    }
}

extension DailyTable {
    /// Only the columns of `keep` (relays keep their rows, even when all of theirs are now missing).
    func keeping(_ keep: Set<Int>, kept: inout Int, outside: inout Int) -> DailyTable {
        let columns = days.indices.filter { keep.contains(days[$0]) }
        for row in values {
            for c in days.indices where !row[c].isNaN { if keep.contains(days[c]) { kept += 1 } else { outside += 1 } }
        }
        var out = self
        out.days = columns.map { days[$0] }
        out.values = values.map { row in columns.map { row[$0] } }
        if out.days.isEmpty { out.relays = []; out.values = [] }
        return out
    }
}

extension LoadedFile {
    /// The latest time the file holds a sample for (nil for an experiment table without dates).
    var latestTime: Int64? {
        switch content {
        case .monitor(let s): return s.compactMap(\.times.last).max()
        case .unified(let s, let r): return (s.compactMap(\.times.last) + [r.end].compactMap { $0 }).max()
        case .experiment(let t): return t.firstDate.flatMap { d in t.days.last.map { Int64(d.daysSinceEpoch + $0) * 86_400 + 86_399 } }
        case .snapshot(let t): return t.collected?.seconds
        }
    }

    var earliestTime: Int64? {
        switch content {
        case .monitor(let s): return s.compactMap(\.times.first).min()
        case .unified(let s, let r): return (s.compactMap(\.times.first) + [r.start].compactMap { $0 }).min()
        case .experiment(let t): return t.firstDate.flatMap { d in t.days.first.map { Int64(d.daysSinceEpoch + $0) * 86_400 } }
        case .snapshot(let t): return t.collected?.seconds
        }
    }
}
