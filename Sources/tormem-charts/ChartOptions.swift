import ArgumentParser
import Foundation
import TormemKit

extension ChartsRequest.ThemeName: ExpressibleByArgument {}
extension ChartsRequest.FileFormat: ExpressibleByArgument {}

/// The options every chart-drawing command shares.
struct ChartOptions: ParsableArguments {
    @Option(name: .long, help: "What the charts are about (default: the server names in the data).")
    var title: String?

    @Option(name: .long, help: "Accent colour as #rrggbb (default: the theme's).")
    var color: String?

    @Option(name: .long, help: "File name prefix of the memory_* charts.")
    var prefix: String = "memory"

    @Option(name: .long, help: "Colour theme.")
    var theme: ChartsRequest.ThemeName = .dark

    @Option(name: .long, help: "Output file format.")
    var format: ChartsRequest.FileFormat = .png

    @Option(name: .long, help: "Chart width in pixels (default: about 2100).")
    var width: Int?

    @Option(name: .long, help: "Chart height in pixels (default: 900 to 1500 by chart).")
    var height: Int?

    @Option(name: .customLong("group-label"), help: ArgumentHelp("Label of a group, e.g. A=\"DirCache 0\" (repeatable).", valueName: "GROUP=LABEL"))
    var groupLabel: [String] = []

    @Option(name: .long, help: "The control group (default: the group whose label says control, default or none).")
    var control: String?

    @Option(name: .long, help: "The group compared with the control (default: lowest final mean).")
    var compare: String?

    @Option(name: .customLong("server-alias"), help: ArgumentHelp("A host renamed from OLD to NEW: one server, shown as NEW (was OLD) (repeatable).", valueName: "OLD=NEW"))
    var serverAlias: [String] = []

    @Flag(name: .customLong("keep-servers"), help: "Keep every server name apart (no renamed-host detection).")
    var keepServers = false

    @Option(name: .long, help: "Relays drawn as named lines in the trajectories chart.")
    var top: Int = 20

    @Option(name: .customLong("outlier-threshold"), help: ArgumentHelp("Outlier threshold in GB (default: mean + 2σ).", valueName: "GB"))
    var outlierThreshold: Double?

    @Option(name: .customLong("fragmentation-zone"), help: ArgumentHelp("Lower edge of the shaded fragmentation zone.", valueName: "GB"))
    var fragmentationZone: Double = 4

    @Option(name: .customLong("expected-max"), help: ArgumentHelp("Expected maximum RSS per relay, drawn as a reference line.", valueName: "GB"))
    var expectedMax: Double = 1

    @Option(name: .customLong("fragmentation-factor"), help: "A group is FRAGMENTED when it ends above this factor × its minimum after the first day.")
    var fragmentationFactor: Double = 2

    @Option(name: .customLong("growth-threshold"), help: ArgumentHelp("A group that is not fragmented is GROWING from this slope on.", valueName: "GB/DAY"))
    var growthThreshold: Double = 0.25

    @Flag(name: .long, help: "Fail (exit 3) when any row cannot be read, instead of skipping it.")
    var strict = false

    @Flag(name: [.short, .long], help: "Print only warnings and errors.")
    var quiet = false

    func validate() throws {
        if let color, !ChartsRequest.isColour(color) {
            throw ValidationError("--color \(color): expected a colour like #00d4aa")
        }
        for (name, v) in [("--width", width), ("--height", height)] {
            if let v, !(200...20_000).contains(v) { throw ValidationError("\(name) \(v): expected 200 to 20000 pixels") }
        }
        if let width, let height, width * height > ChartsRequest.maxPixels {
            throw ValidationError("--width \(width) --height \(height): expected at most \(ChartsRequest.maxPixels / 1_000_000) million pixels per chart")
        }
        if prefix.isEmpty || prefix.contains("/") || prefix.utf8.count > 100 || prefix.contains("\0") {
            throw ValidationError("--prefix \(ChartsRequest.shown(prefix)): expected a file name prefix without '/', at most 100 bytes")
        }
        for g in groupLabel where Self.groupLabel(g) == nil {
            throw ValidationError("--group-label \(ChartsRequest.shown(g)): expected GROUP=LABEL with both non-empty, e.g. A=\"DirCache 0\"")
        }
        for (name, v) in [("--control", control), ("--compare", compare)] {
            if let v, v.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("\(name) \(ChartsRequest.shown(v)): expected a group ID, e.g. A") }
        }
        if let title, title.utf8.count > 1000 { throw ValidationError("--title \(ChartsRequest.shown(title)): expected at most 1000 bytes") }
        var aliases: [Substring: Substring] = [:]
        for a in serverAlias {
            let parts = a.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2, let earlier = aliases[parts[0]], earlier != parts[1] {
                throw ValidationError("--server-alias \(ChartsRequest.shown(a)): \(ChartsRequest.shown(String(parts[0]))) is already renamed to \(ChartsRequest.shown(String(earlier)))")
            }
            if parts.count == 2 { aliases[parts[0]] = parts[1] }
            if parts.count != 2 || parts.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) || parts[0] == parts[1] {
                throw ValidationError("--server-alias \(ChartsRequest.shown(a)): expected OLD=NEW, two different server names")
            }
        }
        for a in serverAlias {   // in the order given, so the message is the same every run
            let parts = a.split(separator: "=", maxSplits: 1)
            if parts.count == 2, aliases[parts[1]] != nil {
                throw ValidationError("--server-alias \(ChartsRequest.shown(a)): \(ChartsRequest.shown(String(parts[1]))) is itself renamed; expected each server renamed once, to its last name")
            }
        }
        if !(1...200).contains(top) { throw ValidationError("--top \(top): expected 1 to 200 relays") }
        for (name, v) in [("--outlier-threshold", outlierThreshold), ("--fragmentation-zone", fragmentationZone),
                          ("--expected-max", expectedMax)] {
            if let v, !(v.isFinite && v > 0 && v < 10_000) { throw ValidationError("\(name) \(v): expected a positive number of GB") }
        }
        if !(growthThreshold.isFinite && growthThreshold > 0 && growthThreshold < 1000) {
            throw ValidationError("--growth-threshold \(growthThreshold): expected a positive number of GB per day")
        }
        if !(fragmentationFactor.isFinite && fragmentationFactor > 1 && fragmentationFactor < 100) {
            throw ValidationError("--fragmentation-factor \(fragmentationFactor): expected a number above 1")
        }
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
        let group = parts[0].trimmingCharacters(in: .whitespaces)
        var label = String(parts[1])
        if label.count >= 2, label.hasPrefix("\""), label.hasSuffix("\"") { label = String(label.dropFirst().dropLast()) }
        guard !group.isEmpty, !label.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return (group, label)
    }

    func request(data: [String], outputDir: String) -> ChartsRequest {
        var request = ChartsRequest(dataPaths: data, outputDirectory: outputDir, title: title,
                                    accent: color, prefix: prefix, theme: theme,
                                    format: format, width: width, height: height, strict: strict)
        for g in groupLabel {
            if let (group, label) = Self.groupLabel(g) { request.groupLabels[group] = label }
        }
        for a in serverAlias {
            let parts = a.split(separator: "=", maxSplits: 1)
            request.serverAliases[String(parts[0])] = String(parts[1])
        }
        request.keepServers = keepServers
        request.control = control
        request.compare = compare
        request.factor = fragmentationFactor
        request.growthThreshold = growthThreshold
        request.fragmentationZoneGB = fragmentationZone
        request.expectedMaxGB = expectedMax
        request.topRelays = top
        request.outlierThresholdGB = outlierThreshold
        return request
    }
}
