import TormemCore
import TormemData

/// The experiment's timeline (`events.csv`) as the run summary prints it and as REPORT.md's
/// Timeline section shows it: UTC time, type, description, group.
enum TimelineText {
    /// `2026-01-04 02:00 UTC  restart  full fleet restart  (all relays)`, one line per event.
    static func summaryLines(_ events: [ExperimentEvent], indent: String = "  ") -> [String] {
        let width = events.map(\.type.count).max() ?? 0
        return events.map { e in
            "\(indent)\(e.time.dateTimeMinutes) UTC  \(e.type.padding(width))  \(e.description)  (\(scope(e)))"
        }
    }

    /// A Markdown table of the events, or a placeholder saying how to add them.
    static func markdown(_ log: EventLog?) -> String {
        guard let log, !log.events.isEmpty else {
            return "_No events: add an `events.csv` next to the data (`timestamp,event_type,description,group`) to list restarts and configuration changes here._"
        }
        let rows = log.events.map { e in
            [e.time.dateTimeMinutes, MarkdownText.cell(e.type), MarkdownText.cell(e.description), MarkdownText.cell(scope(e))]
        }
        return MarkdownText.table(["Time (UTC)", "Event", "Description", "Group"], rows)
    }

    /// `all relays`, `group D`, `groups A, C`.
    static func scope(_ e: ExperimentEvent) -> String {
        let g = e.groups
        if g.isEmpty { return "all relays" }
        return (g.count == 1 ? "group " : "groups ") + g.joined(separator: ", ")
    }
}
