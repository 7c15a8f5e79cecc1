import TormemCore
import TormemData

extension CompareJob {
    /// One report folder of a comparison, loaded and analysed as its own `report` would be (its
    /// `tormem.json`, with the comparison's `--control` on top).
    struct Source: Sendable {
        var folder: ReportFolder
        /// The path as given (command line) or as resolved from `tormem.json`.
        var given: String
        var inputs: ChartInputs
        /// What its charts would be drawn from: its data, side files and options.
        var source: ChartSource
        var analysis: GroupAnalysis? { inputs.groups }
    }

    /// Loads `path` as `report` does; `control` (a group ID) replaces the folder's own choice.
    static func load(_ path: String, control: String?, warn: (Diagnostic) -> Void) throws(TormemError) -> Source {
        if CompareSettings.isComparison(path) {
            throw .input(Diagnostic(file: path, message: "is a comparison folder; expected a report folder (a comparison compares report folders)"))
        }
        let folder = try ReportFolder(path: path)
        var given = ChartSettings()
        if let control { given[.control] = .text(control) }
        let settings = try ReportJob.settings(folder, given: given)
        let request = ReportJob.request(folder, settings: settings, options: ChartsRequest(dataPaths: [], outputDirectory: ""))
        let (inputs, data) = try ChartsJob.load(request, warn: { d in warn(d) })
        let source = ChartSource(request: request, fingerprint: try data.fingerprint())
        return Source(folder: folder, given: path, inputs: inputs, source: source)
    }

    /// How each folder is shown: its server (experiment.json's, else the data's one server) when
    /// each folder has one and no two share it, else the folder's name.
    static func shortNames(_ sources: [Source]) -> [String] {
        let servers = sources.map { s -> String? in
            if let named = s.inputs.side.experiment?.server, !named.allSatisfy(\.isWhitespace) { return named }
            let names = s.inputs.scope.serverNames
            return names.count == 1 ? names[0] : nil
        }
        if servers.allSatisfy({ $0 != nil }), Set(servers.map { $0! }).count == servers.count { return servers.map { $0! } }
        return sources.map(\.folder.name)
    }

    /// The folder a `FOLDER` of `--match` or `--control` names: its name, its path as given, or its
    /// short name; a usage error listing the folders otherwise.
    static func index(of ref: CompareSettings.GroupRef, in sources: [Source], names: [String], option: String) throws(TormemError) -> Int {
        var token = ref.folder
        while token.count > 1, token.hasSuffix("/") { token.removeLast() }
        let found = sources.indices.filter { i in
            sources[i].folder.name == token || sources[i].given == token || sources[i].folder.path == token || names[i] == token
        }
        guard found.count == 1 else {
            let known = sources.indices.map { i in names[i] == sources[i].folder.name ? names[i] : "\(sources[i].folder.name) (\(names[i]))" }
            throw .usage("\(option) \(ref): \(found.isEmpty ? "no such folder among those compared" : "names \(found.count) folders"); expected one of " + known.joined(separator: ", "))
        }
        return found[0]
    }

    /// The group `ref` names in folder `i`; a usage error listing its groups when it has none of that ID.
    static func group(_ ref: CompareSettings.GroupRef, in source: Source, option: String) throws(TormemError) -> String {
        let groups = source.analysis?.groups.map(\.group) ?? []
        guard groups.contains(ref.group) else {
            throw .usage("\(option) \(ref): \(source.folder.name) has no group \(ref.group); its groups: "
                         + (groups.isEmpty ? "none" : groups.map { source.inputs.labels.titled($0) }.joined(separator: ", ")))
        }
        return ref.group
    }

    /// Every folder's groups, for a message: `co: A · DirCache 0, B · Control (default) (control)`.
    static func groupList(_ sources: [Source], names: [String]) -> String {
        sources.indices.map { i in
            let a = sources[i].analysis
            return names[i] + ": " + (a?.groups.map { g in sources[i].inputs.labels.titled(g.group) + (g.group == a?.control ? " (control)" : "") }
                .joined(separator: ", ") ?? "no groups")
        }.joined(separator: "; ")
    }
}
