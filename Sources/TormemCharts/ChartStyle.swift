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

    public init(theme: Theme = .dark, title: String? = nil, width: Double? = nil, height: Double? = nil, source: String? = nil) {
        self.theme = theme; self.title = title; self.width = width; self.height = height; self.source = source
    }

    /// The small print naming the data files, or nil when there are none.
    var sourceNote: String? { source.map { "Data: \($0) · 1 GB = 1024 MiB · tormem" } }

    func size(default d: Size) -> Size { Size(width: width ?? d.width, height: height ?? d.height) }
}
