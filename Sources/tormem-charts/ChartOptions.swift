import ArgumentParser
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

    func validate() throws {
        for g in groupLabel where Self.groupLabel(g) == nil {
            throw ValidationError("--group-label \(ChartsRequest.shown(g)): expected GROUP=LABEL with both non-empty, e.g. A=\"DirCache 0\"")
        }
        for (name, v) in [("--control", control), ("--compare", compare)] {
            if let v, v.allSatisfy(\.isWhitespace) { throw ValidationError("\(name) \(ChartsRequest.shown(v)): expected a group ID, e.g. A") }
        }
        if let title, title.utf8.count > 1000 { throw ValidationError("--title \(ChartsRequest.shown(title)): expected at most 1000 bytes") }
        if let prefix, prefix.utf8.count > 100 || prefix.contains("\0") {
            throw ValidationError("--prefix \(ChartsRequest.shown(prefix)): expected a file name prefix without '/', at most 100 bytes")
        }
        if let width, let height, width * height > ChartsRequest.maxPixels {
            throw ValidationError("--width \(width) --height \(height): expected at most \(ChartsRequest.maxPixels / 1_000_000) million pixels per chart")
        }
        var aliases: [Substring: Substring] = [:]
        for a in serverAlias {
            let parts = a.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2, let earlier = aliases[parts[0]], earlier != parts[1] {
                throw ValidationError("--server-alias \(ChartsRequest.shown(a)): \(ChartsRequest.shown(String(parts[0]))) is already renamed to \(ChartsRequest.shown(String(earlier)))")
            }
            if parts.count == 2 { aliases[parts[0]] = parts[1] }
            if parts.count != 2 || parts.contains(where: { $0.allSatisfy(\.isWhitespace) }) || parts[0] == parts[1] {
                throw ValidationError("--server-alias \(ChartsRequest.shown(a)): expected OLD=NEW, two different server names")
            }
        }
        for a in serverAlias {   // in the order given, so the message is the same every run
            let parts = a.split(separator: "=", maxSplits: 1)
            if parts.count == 2, aliases[parts[1]] != nil {
                throw ValidationError("--server-alias \(ChartsRequest.shown(a)): \(ChartsRequest.shown(String(parts[1]))) is itself renamed; expected each server renamed once, to its last name")
            }
        }
        if let problem = settings.problem { throw ValidationError("--" + problem) }
    }

    /// The chart options given on the command line.
    var settings: ChartSettings {
        var s = ChartSettings()
        s["title"] = title.map { .text($0) }
        s["color"] = color.map { .text($0) }
        s["prefix"] = prefix.map { .text($0) }
        s["theme"] = theme.map { .text($0.rawValue) }
        s["format"] = format.map { .text($0.rawValue) }
        s["png"] = png.map { .text($0.rawValue) }
        s["width"] = width.map { .integer($0) }
        s["height"] = height.map { .integer($0) }
        s["scale"] = scale.map { .number($0) }
        s["group-label"] = pairs(groupLabel, unquote: true)
        s["control"] = control.map { .text($0) }
        s["compare"] = compare.map { .text($0) }
        s["server-alias"] = pairs(serverAlias, unquote: false)
        s["keep-servers"] = keepServers.map { .flag($0) }
        s["since"] = since.map { .text($0) }
        s["until"] = until.map { .text($0) }
        s["last"] = last.map { .text($0) }
        s["top"] = top.map { .integer($0) }
        s["metric"] = metric.map { .text($0.rawValue) }
        s["outlier-threshold"] = outlierThreshold.map { .number($0) }
        s["fragmentation-zone"] = fragmentationZone.map { .number($0) }
        s["expected-max"] = expectedMax.map { .number($0) }
        s["fragmentation-factor"] = fragmentationFactor.map { .number($0) }
        s["growth-threshold"] = growthThreshold.map { .number($0) }
        return s
    }

    private func pairs(_ given: [String], unquote: Bool) -> ChartSettings.Value? {
        guard !given.isEmpty else { return nil }
        var p: [String: String] = [:]
        for g in given {
            let parts = g.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            var value = parts.count > 1 ? String(parts[1]) : ""
            if unquote, value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            p[String(parts[0])] = value
        }
        return .pairs(p)
    }

    /// The request with the defaults and the options given.
    func request(data: [String], outputDir: String) -> ChartsRequest {
        var request = ChartsRequest(dataPaths: data, outputDirectory: outputDir, strict: strict)
        request.apply(settings)
        return request
    }

    /// Every named path or name must say something: an empty one is a usage error (it would
    /// otherwise mean the current folder, or nothing, silently).
    static func requireNonEmpty(_ values: [(option: String, value: String?)]) throws {
        for (option, value) in values where value?.isEmpty == true {
            throw ValidationError("\(option) '': expected a non-empty value")
        }
    }

    /// `A=TEXT` → ("A", "TEXT"), quotes around TEXT removed; nil when either side is empty.
    static func groupLabel(_ option: String) -> (String, String)? {
        let parts = option.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let group = String(parts[0].drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        var label = String(parts[1])
        if label.count >= 2, label.hasPrefix("\""), label.hasSuffix("\"") { label = String(label.dropFirst().dropLast()) }
        guard !group.isEmpty, !label.allSatisfy(\.isWhitespace) else { return nil }
        return (group, label)
    }
}
