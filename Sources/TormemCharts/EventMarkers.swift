import TormemData
import TormemPlot

/// The experiment's timeline (`events.csv`) as markers for a time axis.
enum EventMarkers {
    /// Longest label of a lone event before it is shortened with `…`.
    static let maxLabel = 36

    /// A marker per event between `start` and `end` (inclusive); events of a group name the group.
    static func markers(_ log: EventLog?, start: Double, end: Double) -> [EventMarker] {
        guard let log, start <= end else { return [] }
        return log.events.filter { Double($0.time.seconds) >= start && Double($0.time.seconds) <= end }.map { e in
            EventMarker(x: Double(e.time.seconds), label: label(e), kind: e.type.isEmpty ? "event" : e.type)
        }
    }

    /// `full fleet restart`, `group D: mimalloc 3.0.1 enabled`; the type when there is no description.
    static func label(_ e: ExperimentEvent) -> String {
        var text = e.description.isEmpty ? e.type : e.description
        if !e.isForAll { text = "group \(e.group): " + text }
        return text.count > maxLabel ? String(text.prefix(maxLabel - 1)) + "…" : text
    }
}
