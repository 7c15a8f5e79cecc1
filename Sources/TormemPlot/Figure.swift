/// A whole chart as a value: what to draw, not how. Built from data by the chart builders, drawn by
/// `FigureRenderer`, compared in tests.
public struct Figure: Equatable, Sendable {
    public var size: Size
    public var theme: Theme
    public var title: String
    public var subtitle: String?
    /// Panels stacked top to bottom.
    public var panels: [FigurePanel]
    /// Relative heights of the panels (defaults to equal).
    public var panelWeights: [Double]
    /// Small print at the bottom (data source).
    public var footnote: String?
    /// Text and line sizes relative to the default for the figure's size (`--scale`).
    public var textScale: Double = 1

    public init(size: Size, theme: Theme, title: String, subtitle: String? = nil, panels: [FigurePanel],
                panelWeights: [Double]? = nil, footnote: String? = nil) {
        self.size = size; self.theme = theme; self.title = title; self.subtitle = subtitle
        self.panels = panels
        self.panelWeights = panelWeights ?? Array(repeating: 1, count: panels.count)
        self.footnote = footnote
    }
}

/// What a figure stacks: plots with axes, rankings (labelled horizontal bars), or forest plots
/// (effects with their intervals around zero).
public enum FigurePanel: Equatable, Sendable {
    case plot(PlotPanel)
    case ranking(RankingPanel)
    case forest(ForestPanel)
}
