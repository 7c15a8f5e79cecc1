import TormemCore
import TormemData
import TormemCharts
import TormemPlot

extension CompareJob {
    /// The file names of a comparison's charts, in drawing order.
    public static let chartStems = [CompareEffectsChart.fileStem, CompareEndMeansChart.fileStem]

    /// Every output of the comparison folder, in memory: the charts (drawn unless `check` is
    /// `.source`), `tormem.json` when it changes, README.md and REPORT.md, left-over charts, the JSON.
    static func make(_ comparison: ExperimentComparison, sources: [Source], settings: CompareSettings, output: String,
                     stored: [UInt8]?, jsonPath: String?, check: ReportJob.CheckMode?, reset: Set<String>,
                     warn: (Diagnostic) -> Void) throws(TormemError) -> (outputs: [ReportJob.Output], kept: [String], json: String) {
        let charts = output + "/charts"
        var request = ChartsRequest(dataPaths: [], outputDirectory: charts)
        request.apply(settings.chart)
        let source = ChartSource(document: sourceDocument(sources, settings: settings))
        let caption = "report folders: " + sources.map(\.folder.name).joined(separator: ", ")
        var planned: [ChartPlan.Planned] = []
        for v in request.variants {
            var style = request.style(dark: v.dark)
            style.source = caption
            for (stem, make, describe) in [(CompareEffectsChart.fileStem, CompareEffectsChart.make, CompareEffectsChart.description),
                                           (CompareEndMeansChart.fileStem, CompareEndMeansChart.make, CompareEndMeansChart.description)] {
                var figure = make(comparison, style)
                figure.textScale = style.scale
                planned.append(ChartPlan.Planned(name: stem + v.suffix, figure: figure, description: describe(comparison),
                                                 darkVariant: v.dark && !v.suffix.isEmpty))
            }
        }
        let plan = ChartPlan(charts: planned)
        let ext = request.format.fileExtension
        let paths = plan.charts.map { ChartsJob.join(charts, $0.name + "." + ext) }
        let stamps = plan.charts.map { source.stamp(for: $0.name + "." + ext) }
        var outputs: [ReportJob.Output]
        if check == .source {
            outputs = zip(paths, stamps).map { ReportJob.Output(path: $0, kind: .chart(stamp: $1), bytes: nil) }
        } else {
            let drawn = try ChartsJob.render(plan, request: request, source: source)
            outputs = zip(drawn, stamps).map { ReportJob.Output(path: $0.0, kind: .chart(stamp: $1), bytes: $0.1) }
        }
        let settingsBytes = Array(settings.json.text.utf8)
        if settingsBytes != stored {
            outputs.append(ReportJob.Output(path: output + "/" + ChartSettings.fileName, kind: .settings(arguments: settings.arguments),
                                            bytes: settingsBytes))
        }
        var emitter = CompareEmitter(comparison: comparison, folders: sources.map(\.folder), scopes: sources.map(\.inputs.scope),
                                     settings: settings, output: output,
                                     charts: plan.charts.filter { !$0.darkVariant }.map { ("charts/\($0.name).\(ext)", $0.description) })
        for c in plan.charts where c.darkVariant {
            emitter.darkTwins["charts/\(c.name.dropLast(ChartsRequest.darkSuffix.count)).\(ext)"] = "charts/\(c.name).\(ext)"
        }
        let (documents, kept) = try ReportJob.documents([("README.md", emitter.readme), ("REPORT.md", emitter.report)], in: output,
                                                        reset: reset, warn: warn)
        outputs += documents
        for path in ReportJob.leftOverCharts(in: charts, keeping: Set(paths)) {
            outputs.append(ReportJob.Output(path: path, kind: .leftOver, bytes: nil))
        }
        let json = CompareSummary(comparison: comparison, folders: sources.map(\.folder), written: paths).json
        if let jsonPath, jsonPath != "-" {
            outputs.append(ReportJob.Output(path: jsonPath, kind: .runFacts, bytes: Array(json.utf8)))
        }
        return (outputs, kept, json)
    }

    /// What the comparison's charts are drawn from, as one canonical document: its settings and each
    /// folder's own source (data, side files, options: what the folder's charts are stamped with), so
    /// a change to any of them makes the comparison stale.
    static func sourceDocument(_ sources: [Source], settings: CompareSettings) -> String {
        JSONValue.object([
            ("tormem-compare", .int(outputVersion)),
            ("tormem-output", .int(ChartSource.outputVersion)),
            ("comparison", settings.json),
            ("folders", .array(sources.map { .object([("folder", .string($0.folder.name)), ("source", .string($0.source.document))]) })),
        ]).text
    }
}

extension CompareSettings {
    /// The options as command-line arguments (for a stale `tormem.json`'s line and the regenerate command).
    public var arguments: [String] {
        matches.flatMap { ["--match", $0.description] } + controls.flatMap { ["--control", $0.description] } + chart.arguments
    }
}
