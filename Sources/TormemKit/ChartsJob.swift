import Foundation
import TormemCore
import TormemData
import TormemCharts
import TormemPlot
import TormemCairo

/// `tormem-charts`: load every data file, build the charts the data supports, render them, and
/// only then write them (atomically) into the output folder.
public enum ChartsJob {
    /// Loads the request's data files and the side files next to the first one.
    public static func inputs(_ request: ChartsRequest, warn: (Diagnostic) -> Void = { _ in }) throws(TormemError) -> ChartInputs {
        guard !request.dataPaths.isEmpty else { throw .usage("no data: give at least one --data FILE") }
        var files: [LoadedFile] = []
        for path in request.dataPaths {
            let f = try DataLoader.load(path: path)
            for w in f.warnings { warn(w) }
            if f.skipped > RowProblems.keep {
                warn(Diagnostic(file: path, message: "\(f.skipped) rows skipped in all; the first \(RowProblems.keep) are listed above"))
            }
            if request.strict, f.skipped > 0 {
                throw .input(Diagnostic(file: path, message: "\(f.skipped) unreadable row\(f.skipped == 1 ? "" : "s") (--strict)"))
            }
            files.append(f)
        }
        let side = try SideFiles.load(nextTo: request.dataPaths[0])
        for w in side.warnings { warn(w) }
        var options = ChartInputs.Options()
        options.groupLabels = request.groupLabels
        options.rule = FragmentationStatus.Rule(zoneGB: request.fragmentationZoneGB, factor: request.factor,
                                                growthThreshold: request.growthThreshold)
        options.control = request.control
        options.compared = request.compare
        options.title = request.title
        options.serverAliases = request.serverAliases
        options.detectRenames = !request.keepServers
        let inputs = ChartInputs(files: files, side: side, options: options)
        for w in inputs.warnings { warn(w) }
        return inputs
    }

    /// Every chart, one line each (`draw --help`): file name and what it shows.
    public static var chartList: String { ChartRegistry.helpText() }

    public static func run(_ request: ChartsRequest, warn: (Diagnostic) -> Void = { _ in }) throws(TormemError) -> ChartsSummary {
        var timer = PhaseTimer()
        defer { timer.report() }
        let (plan, report, source) = try prepare(request, timer: &timer, warn: warn)
        let rendered = try render(plan, request: request, source: source)
        timer.lap("render + encode")
        let created = try FileOutput.makeDirectory(request.outputDirectory)
        AtomicFile.removeStaleTemporaries(in: request.outputDirectory)
        // All or nothing: when one file cannot be put in place, the others keep their earlier bytes
        // (and an output folder made for them is removed again).
        var files = rendered.map { (path: $0.0, bytes: $0.1) }
        if let json = request.jsonPath, json != "-" { files.append((json, Array(report.json.utf8))) }
        do {
            try AtomicFile.writeAll(files)
        } catch {
            FileOutput.removeDirectories(created)
            throw error
        }
        timer.lap("write")
        return report
    }

    /// Loads, analyses and builds every figure, and the summary of what will be written. The loaded
    /// series are released when this returns: rendering needs only the figures.
    static func prepare(_ request: ChartsRequest, timer: inout PhaseTimer,
                        warn: (Diagnostic) -> Void) throws(TormemError) -> (ChartPlan, ChartsSummary, ChartSource) {
        let inputs = try inputs(request, warn: warn)
        let source = try ChartSource(request: request, side: inputs.side)
        timer.lap("load")
        let plan = request.plan(inputs)
        timer.lap("analyse + build figures")
        guard !plan.charts.isEmpty else {
            let formats = Set(inputs.files.map(\.format.rawValue)).sorted().joined(separator: ", ")
            throw .input(Diagnostic(file: request.dataPaths.joined(separator: ", "),
                                    message: "nothing to chart in \(formats) data: " + plan.skipped.map { "\($0.name): \($0.reason)" }.joined(separator: "; ")))
        }
        let paths = plan.charts.map { join(request.outputDirectory, $0.name + "." + request.format.fileExtension) }
        return (plan, ChartsSummary(inputs: inputs, written: paths, skipped: plan.skipped), source)
    }

    /// Renders every planned chart in memory (so a failure leaves the output folder untouched), on
    /// all cores: charts are independent and each has its own surface. Each file keeps its stamp
    /// of `source` (see `ChartSource`).
    public static func render(_ plan: ChartPlan, request: ChartsRequest, source: ChartSource) throws(TormemError) -> [(String, [UInt8])] {
        let charts = plan.charts
        let results = concurrentMap(charts.count) { i -> Result<(String, [UInt8]), TormemError> in
            let p = charts[i]
            let file = p.name + "." + request.format.fileExtension
            let path = join(request.outputDirectory, file)
            do {
                let start = ContinuousClock.now
                var bytes = try CairoRenderer.render(size: p.figure.size, format: request.format.surface,
                                                     source: source.stamp(for: file)) { canvas in
                    FigureRenderer.draw(p.figure, on: canvas)
                }
                if request.format == .svg {
                    bytes = SVGDescription.inserting(title: p.figure.title, description: p.description, into: bytes)
                }
                PhaseTimer.note(p.name, since: start)
                return .success((path, bytes))
            } catch {
                return .failure(.output(path: path, reason: "\(error)"))
            }
        }
        var rendered: [(String, [UInt8])] = []
        for r in results {
            switch r {
            case .success(let v): rendered.append(v)
            case .failure(let e): throw e
            }
        }
        return rendered
    }

    static func join(_ dir: String, _ name: String) -> String {
        dir.hasSuffix("/") ? dir + name : dir + "/" + name
    }
}

