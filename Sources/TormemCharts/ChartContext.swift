import TormemData

/// Everything a chart is made from: the loaded and analysed data, and the options of the run.
public struct ChartContext: Sendable {
    public var inputs: ChartInputs
    public var style: ChartStyle
    public var options: RelayChartOptions

    public init(inputs: ChartInputs, style: ChartStyle, options: RelayChartOptions = RelayChartOptions()) {
        self.inputs = inputs; self.style = style; self.options = options
    }

    /// The subject of the per-relay charts: the title, else the server names of the relays.
    var relaySubject: String {
        style.title ?? Set(inputs.relays.relays.map(\.info.server)).sorted().joined(separator: ", ")
    }

    /// Why the group charts cannot be drawn, or nil when a group has values.
    var groupChartsUnsupported: String? {
        if let a = inputs.groups, a.groups.contains(where: { !$0.endMean.isNaN }) { return nil }
        if let a = inputs.groups, a.groups.allSatisfy({ $0.endMean.isNaN }) {
            return "no group has any value (every cell is empty)"
        }
        if inputs.relays.isEmpty && inputs.files.allSatisfy({ $0.daily == nil }) {
            return "no per-relay data with groups (needs experiment data, or unified relay rows with a group column, groups/*.txt or relay_config.csv)"
        }
        return "no relay has a group (add a group column, groups/group_<ID>_<label>.txt files or relay_config.csv, or use experiment data)"
    }

    /// Why the per-relay time-series charts cannot be drawn, or nil when there are relay series.
    var relayChartsUnsupported: String? {
        if !inputs.relays.isEmpty { return nil }
        if inputs.snapshot != nil { return "a snapshot has one reading per relay, no time series" }
        return "no per-relay time series (needs unified relay rows)"
    }

    /// `make` with the aggregate series, or skipped when the data has none.
    func withAggregate(_ make: (AggregateDataset) -> ChartOutcome) -> ChartOutcome {
        guard let data = inputs.aggregate else {
            return .skipped(reason: "no aggregate time series (needs monitor or unified data)")
        }
        return make(data)
    }

    /// `make` with the group analysis when a group has values, else skipped with the reason.
    func withGroups(_ make: (GroupAnalysis) -> ChartOutcome) -> ChartOutcome {
        if let why = groupChartsUnsupported { return .skipped(reason: why) }
        guard let analysis = inputs.groups else { return .notApplicable }
        return make(analysis)
    }

    /// `make` with the per-relay series, or skipped when the data has none.
    func withRelaySeries(_ make: (RelayTable) -> ChartOutcome) -> ChartOutcome {
        if let why = relayChartsUnsupported { return .skipped(reason: why) }
        return make(inputs.relays)
    }
}
