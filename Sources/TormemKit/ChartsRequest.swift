import TormemCairo
import TormemCharts
import TormemCore
import TormemData
import TormemPlot

/// Everything `tormem-charts` was asked to do, in the terms of its options (the executable needs no
/// other module to fill it in).
public struct ChartsRequest: Sendable {
    /// `both`: a light set (`name.png`) and a dark set (`name-dark.png`), for a README that shows
    /// the one matching the reader's colour scheme.
    public enum ThemeName: String, CaseIterable, Sendable { case dark, light, both }

    /// One set of charts a request draws: its theme and the suffix of its file names.
    struct Variant {
        var dark: Bool
        var suffix: String
    }

    /// The sets drawn: one, or for `both` the light one then the dark one (`-dark`).
    var variants: [Variant] {
        switch theme {
        case .dark: return [Variant(dark: true, suffix: "")]
        case .light: return [Variant(dark: false, suffix: "")]
        case .both: return [Variant(dark: false, suffix: ""), Variant(dark: true, suffix: ChartsRequest.darkSuffix)]
        }
    }

    /// The file-name suffix of the dark set of `--theme both`.
    public static let darkSuffix = "-dark"
    public enum FileFormat: String, CaseIterable, Sendable {
        case png, svg, pdf

        /// The conventional file extension, without the dot.
        public var fileExtension: String { rawValue }
        var surface: OutputFormat {
            switch self {
            case .png: return .png
            case .svg: return .svg
            case .pdf: return .pdf
            }
        }
    }

    /// `--png`: how a PNG keeps the chart's colours.
    public enum PNGMode: String, CaseIterable, Sendable {
        /// At most 256 of the chart's colours: about half the size, edges a shade off.
        case palette
        /// Every pixel as drawn.
        case exact

        var colors: PNGColors {
            switch self {
            case .palette: return .palette
            case .exact: return .exact
            }
        }
    }

    /// Where the data comes from (`--data`, `--prometheus`).
    public var sourceDescription: SourceDescription
    /// The data files of `--data` (and of `tormem.json`'s report folders), as given.
    public var dataPaths: [String] {
        get {
            switch sourceDescription {
            case .files(let paths): paths
            case .prometheus: []
            }
        }
        set { sourceDescription = .files(newValue) }
    }
    /// `--side-files DIR`: the folder of the side files (relay_config.csv, groups/, experiment.json,
    /// events.csv, diagnostics.csv) instead of the first data file's; for `--prometheus`, the only
    /// place they are read from.
    public var sideFolder: String?
    /// The source the run reads through.
    public var dataSource: any DataSource { sourceDescription.source(strict: strict, metric: metric, sideFolder: sideFolder) }
    public var outputDirectory: String
    public var title: String?
    /// Accent colour as `#rrggbb` (see `isColour`).
    public var accent: String?
    public var prefix: String
    public var theme: ThemeName
    public var format: FileFormat
    public var png: PNGMode = .palette
    public var width: Int?
    public var height: Int?
    /// `--scale`: text and line sizes relative to the default for the chart's size.
    public var scale: Double?
    /// Any unreadable row fails the run.
    public var strict: Bool
    /// `--group-label A="..."` overrides.
    public var groupLabels: [String: String] = [:]
    /// `--control GROUP` and `--compare GROUP` (the group compared with the control in chart 3).
    public var control: String?
    public var compare: String?
    /// `--server-alias OLD=NEW`: a host renamed from OLD to NEW, merged into one server.
    public var serverAliases: [String: String] = [:]
    /// `--json FILE`: every number of the run as JSON (`-`: standard output, instead of the text summary).
    public var jsonPath: String?
    /// `--keep-servers`: no renamed-host detection.
    public var keepServers = false
    /// `--since`, `--until`, `--last`: the time window (see `TimeWindow`), as given.
    public var since: String?
    public var until: String?
    public var last: String?
    /// The STABLE / GROWING / FRAGMENTED thresholds (`--fragmentation-zone`, `--fragmentation-factor`,
    /// `--growth-threshold`): the one place the zone is kept.
    public var rule = FragmentationStatus.Rule()
    /// The `--metric` values (what the executable parses; it imports only the kit).
    public typealias Quantity = Metric
    /// `--metric`: the per-relay quantity of the per-relay and group charts, verdicts and summaries.
    public var metric: Metric = .rss
    /// Expected maximum, top N, outlier threshold.
    var relayOptions = RelayChartOptions()

    public init(dataPaths: [String], outputDirectory: String, title: String? = nil, accent: String? = nil,
                prefix: String = "memory", theme: ThemeName = .dark, format: FileFormat = .png,
                width: Int? = nil, height: Int? = nil, strict: Bool = false) {
        self.sourceDescription = .files(dataPaths); self.outputDirectory = outputDirectory; self.title = title; self.accent = accent
        self.prefix = prefix; self.theme = theme; self.format = format; self.width = width; self.height = height
        self.strict = strict
    }

    /// Whether `hex` is a colour the charts can use (`#00d4aa`).
    public static func isColour(_ hex: String) -> Bool { Color(hex: hex) != nil }

    /// The time window of `since`, `until` and `last` (which `ChartSettings.problem` has checked).
    public var window: TimeWindow {
        (try? TimeWindow.parse(since: since, until: until, last: last).get()) ?? TimeWindow()
    }

    /// The window options as given, for the summary (`--last 30d`).
    var windowOptions: String {
        [("since", since), ("until", until), ("last", last)].compactMap { name, v in v.map { "--\(name) \($0)" } }.joined(separator: " ")
    }

    /// The most pixels one chart may have (`--width` × `--height`): 50 million, 200 MB of surface.
    public static let maxPixels = 50_000_000

    /// An argument as a message shows it: quoted, at most about 80 bytes (`MessageText`).
    public static func shown(_ value: String) -> String { MessageText.quoted(value) }

    /// Lower edge of the fragmentation zone (GB).
    public var fragmentationZoneGB: Double {
        get { rule.zoneGB } set { rule.zoneGB = newValue }
    }
    /// Factor of the FRAGMENTED rule.
    public var factor: Double {
        get { rule.factor } set { rule.factor = newValue }
    }
    /// GB per day from which a group that is not fragmented is GROWING.
    public var growthThreshold: Double {
        get { rule.growthThreshold } set { rule.growthThreshold = newValue }
    }
    /// The expected maximum RSS per relay, a reference line (GB).
    public var expectedMaxGB: Double {
        get { relayOptions.expectedMaxGB } set { relayOptions.expectedMaxGB = newValue }
    }
    /// Relays drawn as named lines in the trajectories chart.
    public var topRelays: Int {
        get { relayOptions.topN } set { relayOptions.topN = newValue }
    }
    /// Fixed outlier threshold (GB); nil: mean + 2σ.
    public var outlierThresholdGB: Double? {
        get { relayOptions.outlierThresholdGB } set { relayOptions.outlierThresholdGB = newValue }
    }

    var chartStyle: ChartStyle { style(dark: theme == .dark) }

    func style(dark: Bool) -> ChartStyle {
        var t: Theme = dark ? .dark : .light
        if let accent, let colour = Color(hex: accent) { t = t.withAccent(colour) }
        var style = ChartStyle(theme: t, title: title, width: width.map(Double.init), height: height.map(Double.init),
                               source: dataSource.caption)
        style.scale = scale ?? 1
        return style
    }

    /// The charts this request draws from `inputs` (every chart of the registry, drawn or skipped).
    /// With `--theme both`, the light charts then the dark ones (named `…-dark`), one plan.
    public func plan(_ inputs: ChartInputs) -> ChartPlan {
        var plan: ChartPlan?
        for v in variants {
            var style = style(dark: v.dark)
            // A time window is said in every chart's small print, next to the data files.
            if let w = inputs.window { style.source = (style.source.map { $0 + " · " } ?? "") + w.span }
            var p = ChartPlan(ChartContext(inputs: inputs, style: style, options: relayOptions), prefix: prefix)
            for i in p.charts.indices { p.charts[i].name += v.suffix; p.charts[i].darkVariant = v.dark && !v.suffix.isEmpty }
            if plan == nil { plan = p } else { plan!.charts += p.charts }
        }
        return plan!
    }
}
