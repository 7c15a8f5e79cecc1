import Foundation
import TormemCore

/// What a comparison folder is made from, kept in its `tormem.json` under `comparison`: the report
/// folders compared (relative to the comparison folder, so a clone anywhere redraws it), the matches
/// and controls given, and how its charts look (`theme`, `format`, … beside `comparison`).
public struct CompareSettings: Equatable, Sendable {
    /// `FOLDER:GROUP`: a group of one of the folders compared, the folder by its name (or, as given
    /// on the command line, its path or its short name).
    public struct GroupRef: Equatable, Sendable, CustomStringConvertible {
        public var folder: String
        public var group: String

        public init(folder: String, group: String) { self.folder = folder; self.group = group }

        /// `FOLDER:GROUP` (split at the last `:`); a usage error naming `option` otherwise.
        public init(parsing text: String, option: String) throws(TormemError) {
            guard let colon = text.lastIndex(of: ":"), colon != text.startIndex, text.index(after: colon) != text.endIndex else {
                throw .usage("\(option) \(text): expected FOLDER:GROUP, e.g. 2025-09-18-co-guard:B")
            }
            folder = String(text[..<colon]); group = String(text[text.index(after: colon)...])
        }

        public var description: String { folder + ":" + group }
    }

    /// `--match NAME=FOLDER:GROUP,FOLDER:GROUP`: groups that are one configuration.
    public struct Match: Equatable, Sendable {
        public var name: String
        public var groups: [GroupRef]

        public init(name: String, groups: [GroupRef]) { self.name = name; self.groups = groups }

        public init(parsing text: String) throws(TormemError) {
            guard let eq = text.firstIndex(of: "="), !text[..<eq].allSatisfy(\.isWhitespace) else {
                throw .usage("--match \(text): expected NAME=FOLDER:GROUP,FOLDER:GROUP, e.g. jemalloc=2025-12-25-relayhost:B,2026-01-20-edgehost:A")
            }
            name = String(text[..<eq])
            var refs: [GroupRef] = []
            for part in text[text.index(after: eq)...].split(separator: ",", omittingEmptySubsequences: false) {
                refs.append(try GroupRef(parsing: String(part), option: "--match \(name)="))
            }
            guard refs.count >= 2 else {
                throw .usage("--match \(text): expected at least two FOLDER:GROUP, one per folder (a configuration is matched across folders)")
            }
            groups = refs
        }

        public var description: String { name + "=" + groups.map(\.description).joined(separator: ",") }
    }

    /// The key of `tormem.json` that makes a folder a comparison folder.
    public static let key = "comparison"
    /// The chart options a comparison folder takes: how its charts look.
    public static let chartKeys: [ChartSettings.Key] = [.title, .color, .theme, .format, .png, .width, .height, .scale]

    /// The report folders, as `tormem.json` keeps them: relative to the comparison folder.
    public var folders: [String]
    public var matches: [Match]
    public var controls: [GroupRef]
    public var chart: ChartSettings

    public init(folders: [String], matches: [Match] = [], controls: [GroupRef] = [], chart: ChartSettings = ChartSettings()) {
        self.folders = folders; self.matches = matches; self.controls = controls; self.chart = chart
    }

    public var json: JSONValue {
        var comparison: [(String, JSONValue)] = [("folders", .array(folders.map(JSONValue.string)))]
        if !matches.isEmpty {
            comparison.append(("match", .array(matches.map { m in
                .object([("name", .string(m.name)), ("groups", .array(m.groups.map { .string($0.description) }))])
            })))
        }
        if !controls.isEmpty { comparison.append(("control", .array(controls.map { .string($0.description) }))) }
        guard case .object(let chartKeys) = chart.json else { preconditionFailure("settings are an object") }
        return .object([(CompareSettings.key, .object(comparison))] + chartKeys)
    }

    /// A comparison folder's `tormem.json`; anything else there is an input error naming `file`.
    public init(json bytes: [UInt8], file: String) throws(TormemError) {
        let root = try ChartSettings.parse(bytes, file: file)
        guard var object = root.object, let comparison = object.removeValue(forKey: CompareSettings.key)?.object else {
            throw .input(Diagnostic(file: file, message: "expected an object with \"\(CompareSettings.key)\": {\"folders\": […]}"))
        }
        func strings(_ name: String, _ v: JSONParser.Value?) throws(TormemError) -> [String] {
            guard let v else { return [] }
            guard let list = v.array, list.allSatisfy({ $0.string != nil }) else {
                throw .input(Diagnostic(file: file, message: "\(CompareSettings.key).\(name): expected a list of strings"))
            }
            return list.map { $0.string! }
        }
        for name in comparison.keys.sorted() where !["folders", "match", "control"].contains(name) {
            throw .input(Diagnostic(file: file, message: "\(CompareSettings.key): unknown key \"\(name)\"; known: folders, match, control"))
        }
        folders = try strings("folders", comparison["folders"])
        guard folders.count >= 2 else {
            throw .input(Diagnostic(file: file, message: "\(CompareSettings.key).folders: expected at least two report folders"))
        }
        var matches: [Match] = []
        if let list = comparison["match"] {
            guard let items = list.array else { throw .input(Diagnostic(file: file, message: "\(CompareSettings.key).match: expected a list of {\"name\", \"groups\"}")) }
            for item in items {
                guard let o = item.object, let name = o["name"]?.string else {
                    throw .input(Diagnostic(file: file, message: "\(CompareSettings.key).match: expected {\"name\": …, \"groups\": [\"FOLDER:GROUP\", …]}"))
                }
                do {
                    matches.append(try Match(parsing: name + "=" + (try strings("match", o["groups"])).joined(separator: ",")))
                } catch {
                    throw .input(Diagnostic(file: file, message: "\(CompareSettings.key).match \(name): \(error.description)"))
                }
            }
        }
        self.matches = matches
        var controls: [GroupRef] = []
        for c in try strings("control", comparison["control"]) {
            do { controls.append(try GroupRef(parsing: c, option: "control")) } catch {
                throw .input(Diagnostic(file: file, message: "\(CompareSettings.key).control: \(error.description)"))
            }
        }
        self.controls = controls
        chart = try ChartSettings(object: object, file: file, only: CompareSettings.chartKeys)
    }

    /// Whether the folder at `path` is a comparison folder: its `tormem.json` has `comparison`.
    public static func isComparison(_ path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path + "/" + ChartSettings.fileName),
              let root = try? JSONParser.parse([UInt8](data)) else { return false }
        return root.object?[key] != nil
    }
}
