import ArgumentParser
import TormemCore
import TormemKit

extension ChartsRequest.ThemeName: ExpressibleByArgument {}
extension ChartsRequest.FileFormat: ExpressibleByArgument {}
extension ChartsRequest.PNGMode: ExpressibleByArgument {}
extension ChartsRequest.Quantity: ExpressibleByArgument {}

/// The options every chart-drawing command shares. None has a default of its own here: what is
/// given is `settings` (a report folder keeps it in tormem.json), the defaults are the request's.
struct ChartOptions: ParsableArguments {
    @Option(name: .long, help: "What the charts are about (default: the server names in the data).")
    var title: String?

    @Option(name: .long, help: "Accent colour as #rrggbb (default: the theme's).")
    var color: String?

    @Option(name: .long, help: "File name prefix of the memory_* charts (default: memory).")
    var prefix: String?

    @Option(name: .long, help: "Colour theme: dark, light, or both (a light set and a -dark set; a report's README shows the one matching the reader's colour scheme) (default: dark).")
    var theme: ChartsRequest.ThemeName?

    @Option(name: .long, help: "Output file format (default: png).")
    var format: ChartsRequest.FileFormat?

    @Option(name: .long, help: ArgumentHelp("PNG colours: palette (at most 256 of the chart's colours, antialiased edges take the nearest: about half the size) or exact (every pixel as drawn) (default: palette).", valueName: "palette|exact"))
    var png: ChartsRequest.PNGMode?

    @Option(name: .long, help: "Chart width in pixels (default: about 2100).")
    var width: Int?

    @Option(name: .long, help: "Chart height in pixels (default: 900 to 1500 by chart).")
    var height: Int?

    @Option(name: .long, help: ArgumentHelp("Text and lines this many times their default size for the chart's size (default: 1; the default already grows with --width, legible when GitHub shows a chart 880 px wide).", valueName: "FACTOR"))
    var scale: Double?

    @Option(name: .customLong("group-label"), help: ArgumentHelp("Label of a group, e.g. A=\"DirCache 0\" (repeatable).", valueName: "GROUP=LABEL"))
    var groupLabel: [String] = []

    @Option(name: .long, help: "The control group (default: the group whose label says control, default or none).")
    var control: String?

    @Option(name: .long, help: "The group compared with the control (default: lowest final mean).")
    var compare: String?

    @Option(name: .customLong("server-alias"), help: ArgumentHelp("A host renamed from OLD to NEW: one server, shown as NEW (was OLD) (repeatable).", valueName: "OLD=NEW"))
    var serverAlias: [String] = []

    @Flag(name: .customLong("keep-servers"), inversion: .prefixedNo,
          help: "Keep every server name apart (no renamed-host detection; default: detect renamed hosts).")
    var keepServers: Bool?

    @Option(name: .long, help: ArgumentHelp("Only data from this UTC date or time on, e.g. 2025-09-20 or 2025-09-20T06:00.", valueName: "TIME"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("Only data up to this UTC date (its whole day) or time.", valueName: "TIME"))
    var until: String?

    @Option(name: .long, help: ArgumentHelp("Only the last part of the data, back from its latest sample (or --until): 30d, 12h, 2w.", valueName: "DURATION"))
    var last: String?

    @Option(name: .long, help: "Relays drawn as named lines in the trajectories chart (default: 20).")
    var top: Int?

    @Option(name: .long, help: ArgumentHelp("The per-relay quantity of the per-relay and group charts, verdicts and summaries: rss (VmRSS), hwm (peak RSS, VmHWM), vmsize (VmSize) or frag (VmSize / RSS); the fleet's totals stay RSS (default: rss).", valueName: "rss|hwm|vmsize|frag"))
    var metric: ChartsRequest.Quantity?

    @Option(name: .customLong("outlier-threshold"), help: ArgumentHelp("Outlier threshold in GB (default: mean + 2σ).", valueName: "GB"))
    var outlierThreshold: Double?

    @Option(name: .customLong("fragmentation-zone"), help: ArgumentHelp("Lower edge of the shaded fragmentation zone (default: 4).", valueName: "GB"))
    var fragmentationZone: Double?

    @Option(name: .customLong("expected-max"), help: ArgumentHelp("Expected maximum RSS per relay, drawn as a reference line (default: 1).", valueName: "GB"))
    var expectedMax: Double?

    @Option(name: .customLong("fragmentation-factor"), help: "A group is FRAGMENTED when it ends above this factor × its minimum after the first day since its start or last restart (default: 2).")
    var fragmentationFactor: Double?

    @Option(name: .customLong("growth-threshold"), help: ArgumentHelp("A group that is not fragmented is GROWING from this slope on (default: 0.25).", valueName: "GB/DAY"))
    var growthThreshold: Double?

    @Flag(name: .long, help: "Fail (exit 3) when any row cannot be read, instead of skipping it.")
    var strict = false

    @Flag(name: [.short, .long], help: "Print only warnings and errors.")
    var quiet = false

    /// The library checks every chart option (the same checks as tormem.json's values get).
    func validate() throws {
        do {
            _ = try settings()
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The chart options given on the command line.
    func settings() throws(TormemError) -> ChartSettings {
        var a = ChartArguments()
        a.set(.title, title)
        a.set(.color, color)
        a.set(.prefix, prefix)
        a.set(.theme, theme)
        a.set(.format, format)
        a.set(.png, png)
        a.set(.width, width)
        a.set(.height, height)
        a.set(.scale, scale)
        a.set(.groupLabel, groupLabel)
        a.set(.control, control)
        a.set(.compare, compare)
        a.set(.serverAlias, serverAlias)
        a.set(.keepServers, keepServers)
        a.set(.since, since)
        a.set(.until, until)
        a.set(.last, last)
        a.set(.top, top)
        a.set(.metric, metric)
        a.set(.outlierThreshold, outlierThreshold)
        a.set(.fragmentationZone, fragmentationZone)
        a.set(.expectedMax, expectedMax)
        a.set(.fragmentationFactor, fragmentationFactor)
        a.set(.growthThreshold, growthThreshold)
        return try a.settings()
    }

    /// The request with the defaults and the options given.
    func request(data: [String], outputDir: String) throws(TormemError) -> ChartsRequest {
        var request = ChartsRequest(dataPaths: data, outputDirectory: outputDir, strict: strict)
        request.apply(try settings())
        return request
    }

    /// Every named path or name must say something: an empty one is a usage error (it would
    /// otherwise mean the current folder, or nothing, silently).
    static func requireNonEmpty(_ values: [(option: String, value: String?)]) throws {
        for (option, value) in values where value?.isEmpty == true {
            throw ValidationError("\(option) '': expected a non-empty value")
        }
    }

    /// A folder as given (`--side-files DIR`), without trailing slashes; `.` is the current folder.
    static func folder(_ given: String) -> String {
        var f = given
        while f.count > 1, f.hasSuffix("/") { f.removeLast() }
        return f == "." ? "" : f
    }
}
