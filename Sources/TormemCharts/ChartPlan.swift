import TormemPlot

/// Which charts the data supports, and why the others are skipped: every chart of
/// `ChartRegistry.all`, asked in order.
public struct ChartPlan: Sendable {
    /// One chart to draw: its file stem and figure.
    public struct Planned: Sendable {
        public var name: String
        public var figure: Figure
        /// What the chart shows (alt text for reports).
        public var description: String
        /// The dark twin of a light chart of the same stem (`--theme both`, named `…-dark`).
        public var darkVariant = false

        public init(name: String, figure: Figure, description: String, darkVariant: Bool = false) {
            self.name = name; self.figure = figure; self.description = description; self.darkVariant = darkVariant
        }
    }

    public struct Skipped: Sendable, Equatable {
        public var name: String
        public var reason: String
    }

    public var charts: [Planned] = []
    public var skipped: [Skipped] = []

    /// A plan of figures made elsewhere (a comparison's), each drawn.
    public init(charts: [Planned]) { self.charts = charts }

    public init(_ context: ChartContext, prefix: String, registry: [any Chart] = ChartRegistry.all) {
        for chart in registry {
            let name = chart.fileStem(prefix: prefix)
            switch chart.make(context) {
            case .drawn(var figure, let description):
                figure.textScale = context.style.scale
                charts.append(Planned(name: name, figure: figure, description: description))
            case .skipped(let reason):
                skipped.append(Skipped(name: name, reason: reason))
            case .notApplicable:
                break
            }
        }
    }
}
