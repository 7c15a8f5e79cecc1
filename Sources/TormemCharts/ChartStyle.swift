import TormemPlot
/// Options shared by every chart: theme, title and an optional size override.
public struct ChartStyle: Equatable, Sendable {
    public var theme: Theme
    /// Names what the data is about (default: the server names in the data).
    public var title: String?
    public var width: Double?
    public var height: Double?
    /// Shown as the chart's small print (e.g. the data file names).
    public var source: String?
    /// Text and line sizes relative to the default for the chart's size (`--scale`).
    public var scale: Double = 1

    public init(theme: Theme = .dark, title: String? = nil, width: Double? = nil, height: Double? = nil, source: String? = nil) {
        self.theme = theme; self.title = title; self.width = width; self.height = height; self.source = source
    }

    /// The small print naming the data files, or nil when there are none.
    var sourceNote: String? { source.map { "Data: \($0) · 1 GB = 1024 MiB · tormem" } }

    /// The size given, else the chart's default; one side given alone keeps the default's proportions
    /// (`--width 1000` is a 1000×714 usage chart, not 1000×1500).
    func size(default d: Size) -> Size {
        switch (width, height) {
        case let (w?, h?): return Size(width: w, height: h)
        case let (w?, nil): return Size(width: w, height: max(200, (d.height * w / d.width).rounded()))
        case let (nil, h?): return Size(width: max(200, (d.width * h / d.height).rounded()), height: h)
        case (nil, nil): return d
        }
    }
}
