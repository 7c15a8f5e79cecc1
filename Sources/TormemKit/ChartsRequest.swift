import TormemCharts
import TormemPlot
import TormemCairo
import TormemData

/// Everything `tormem-charts` was asked to do.
public struct ChartsRequest: Sendable {
    public enum ThemeName: String, CaseIterable, Sendable { case dark, light }

    public var dataPaths: [String]
    public var outputDirectory: String
    public var title: String?
    public var accent: Color?
    public var prefix: String
    public var theme: ThemeName
    public var format: OutputFormat
    public var width: Int?
    public var height: Int?
    /// Any unreadable row fails the run.
    public var strict: Bool
    /// `--group-label A="..."` overrides.
    public var groupLabels: [String: String] = [:]
    /// `--control GROUP` and `--compare GROUP`.
    public var control: String?
    public var compare: String?
    /// Factor of the STABLE / FRAGMENTED rule.
    public var factor: Double = FragmentationStatus.defaultFactor
    /// Zone, expected maximum, top N, outlier threshold.
    public var relayOptions = RelayChartOptions()

    public init(dataPaths: [String], outputDirectory: String, title: String? = nil, accent: Color? = nil,
                prefix: String = "memory", theme: ThemeName = .dark, format: OutputFormat = .png,
                width: Int? = nil, height: Int? = nil, strict: Bool = false) {
        self.dataPaths = dataPaths; self.outputDirectory = outputDirectory; self.title = title; self.accent = accent
        self.prefix = prefix; self.theme = theme; self.format = format; self.width = width; self.height = height
        self.strict = strict
    }

    var chartStyle: ChartStyle {
        var t: Theme = theme == .dark ? .dark : .light
        if let accent { t = t.withAccent(accent) }
        let names = dataPaths.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
        return ChartStyle(theme: t, title: title, width: width.map(Double.init), height: height.map(Double.init),
                          source: names.joined(separator: ", "))
    }

    /// The charts this request draws from `inputs` (every chart of the registry, drawn or skipped).
    public func plan(_ inputs: ChartInputs) -> ChartPlan {
        ChartPlan(ChartContext(inputs: inputs, style: chartStyle, options: relayOptions), prefix: prefix)
    }
}
