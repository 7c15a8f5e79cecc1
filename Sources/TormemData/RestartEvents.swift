import TormemCore

/// Restarts seen in the data (`started` changed), as timeline events: per group, restarts within
/// an hour of each other are one event. When at least half of the group's relays restarted
/// together the event is a `restart` (the 2× rule's window starts again, as for a `restart` in
/// events.csv); fewer are a `relay restart`, drawn but leaving the group's window alone.
public enum RestartEvents {
    /// How every description begins.
    public static let prefix = "restarted:"

    /// Restarts this close (seconds) are one event.
    public static let cluster: Int64 = 3_600

    /// The events of `grouped` (one series per relay and group): restarts inside each membership's
    /// window, by the new start time.
    public static func events(_ grouped: RelayTable) -> [ExperimentEvent] {
        var byGroup: [String: [(time: Int64, name: String)]] = [:]
        var members: [String: Int] = [:]
        for r in grouped.relays where !r.info.group.isEmpty {
            members[r.info.group, default: 0] += 1
            guard let from = r.times.first, let through = r.times.last else { continue }
            for s in r.facts.restarts where s.value >= from && s.value <= through {
                byGroup[r.info.group, default: []].append((s.value, r.info.displayName))
            }
        }
        var out: [ExperimentEvent] = []
        for group in byGroup.keys.sorted() {
            let restarts = byGroup[group]!.sorted { ($0.time, $0.name) < ($1.time, $1.name) }
            var i = 0
            while i < restarts.count {
                var j = i + 1
                while j < restarts.count, restarts[j].time - restarts[j - 1].time <= cluster { j += 1 }
                let names = Array(Set(restarts[i..<j].map(\.name))).sorted()
                let n = members[group] ?? names.count
                let together = names.count * 2 >= n
                let what = names.count == n ? "all \(n) relays" : "\(names.count) of \(n): " + MessageText.list(names, shown: 5)
                out.append(ExperimentEvent(time: Timestamp(seconds: restarts[i].time), type: together ? "restart" : "relay restart",
                                           description: prefix + " " + what, group: group))
                i = j
            }
        }
        return out.sorted { ($0.time.seconds, $0.group) < ($1.time.seconds, $1.group) }
    }
}
