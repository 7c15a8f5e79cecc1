import TormemCSV
import TormemCore

/// `events.csv` next to the data (`timestamp,event_type,description,group`): the experiment's
/// timeline, in time order. Rows that cannot be read are warnings naming file, line and column.
public struct EventLog: Equatable, Sendable, SideCSVFile {
    public var events: [ExperimentEvent]
    public var warnings: [Diagnostic]

    public init(events: [ExperimentEvent], warnings: [Diagnostic] = []) {
        self.events = events; self.warnings = warnings
    }

    /// The log with each event's groups read against the run's group IDs (see
    /// `ExperimentEvent.groups(inCell:known:)`).
    public func resolvingGroups(known: Set<String>) -> EventLog {
        EventLog(events: events.map { $0.resolvingGroups(known: known) }, warnings: warnings)
    }

    public static func parse(_ reader: inout CSVReader, file: String) throws(TormemError) -> EventLog {
        var h = HeaderMap([])
        var events: [(line: Int, event: ExperimentEvent)] = []
        var warnings: [Diagnostic] = []
        try SideCSV.read(&reader, file: file, header: { row throws(TormemError) in
            h = HeaderMap(row.strings)
            guard h["timestamp"] != nil, h["event_type"] != nil || h["description"] != nil else {
                throw .input(Diagnostic(file: file, line: row.line,
                    message: "expected the header timestamp,event_type,description,group, found \(quoted(row.strings.joined(separator: ",")))"))
            }
        }, row: { row in
            guard let time = SideCSV.timestamp(row, at: h["timestamp"], file: file, warnings: &warnings) else { return }
            let type = row.text(at: h["event_type"]).trimmingSpaces
            let description = row.text(at: h["description"]).trimmingSpaces
            guard !type.isEmpty || !description.isEmpty else {
                warnings.append(Diagnostic(file: file, line: row.line, column: "event_type",
                                           message: "expected an event type or a description, found empty cells; row skipped"))
                return
            }
            events.append((row.line, ExperimentEvent(time: time, type: type, description: description,
                                                     group: row.text(at: h["group"]).trimmingSpaces)))
        })
        let sorted = events.sorted { ($0.event.time, $0.line) < ($1.event.time, $1.line) }.map(\.event)
        return EventLog(events: sorted, warnings: warnings)
    }
}
