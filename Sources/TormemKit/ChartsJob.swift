import Foundation
import TormemCore
import TormemData
import TormemCharts
import TormemPlot
import TormemCairo

/// `tormem-charts`: read the data through its source, build the charts the data supports, render
/// them, and only then write them (atomically) into the output folder.
public enum ChartsJob {
    /// Reads the request's data through its source (`ChartsRequest.dataSource`) and analyses it.
    public static func inputs(_ request: ChartsRequest, warn: (Diagnostic) -> Void = { _ in }) throws(TormemError) -> ChartInputs {
        try load(request, warn: warn).inputs
    }

    /// Reads the request's data through its source (within the request's time window) and
    /// analyses it; `data` also gives the fingerprint of what was read, to be asked for as late as
    /// possible (`SourceData.fingerprint`).
    static func load(_ request: ChartsRequest, warn: (Diagnostic) -> Void) throws(TormemError) -> (inputs: ChartInputs, data: SourceData) {
        let data = try request.dataSource.read(window: request.window, windowOptions: request.windowOptions, warn: warn)
        var options = ChartInputs.Options()
        options.groupLabels = request.groupLabels
        options.rule = request.rule
        options.metric = request.metric
        options.control = request.control
        options.compared = request.compare
        options.title = request.title
        options.serverAliases = request.serverAliases
        options.detectRenames = !request.keepServers
        let inputs = ChartInputs(data, options: options)
        for w in inputs.warnings { warn(w) }
        try checkGroups(request, in: inputs)
        return (inputs, data)
    }

    /// `--control` and `--compare` must name a group of the data: a silent fallback would draw
    /// the wrong comparison.
    static func checkGroups(_ request: ChartsRequest, in inputs: ChartInputs) throws(TormemError) {
        let ids = inputs.groups?.groups.map(\.group) ?? []
        for (option, id) in [("--control", request.control), ("--compare", request.compare)] {
            guard let id, !ids.contains(id) else { continue }
            let shown = ChartsRequest.shown(id)
            throw .usage(ids.isEmpty
                ? "\(option) \(shown): the data has no groups"
                : "\(option) \(shown): no such group in the data; expected one of \(ids.joined(separator: ", "))")
        }
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
        // The source fingerprints its inputs on another core while they are loaded and analysed.
        let (inputs, data) = try load(request, warn: warn)
        timer.lap("load")
        let plan = request.plan(inputs)
        // The summary before the digests are waited for: the hashing thread has the other core meanwhile.
        let paths = plan.charts.map { join(request.outputDirectory, $0.name + "." + request.format.fileExtension) }
        var summary = plan.charts.isEmpty ? nil : ChartsSummary(inputs: inputs, written: paths, skipped: plan.skipped)
        if case .prometheus = request.sourceDescription { summary?.readFrom = request.dataSource.caption }
        timer.lap("analyse + build figures")
        let source = try ChartSource(request: request, fingerprint: data.fingerprint())
        timer.lap("fingerprint (rest)")
        guard let summary else {
            let formats = Set(inputs.files.map(\.format.rawValue)).sorted().joined(separator: ", ")
            throw .input(Diagnostic(file: request.dataSource.name,
                                    message: "nothing to chart in \(formats) data: " + plan.skipped.map { "\($0.name): \($0.reason)" }.joined(separator: "; ")))
        }
        return (plan, summary, source)
    }

    /// The memory rendering may hold at once (surfaces and their encoding): with the loaded data and
    /// the encoded charts, a run stays under 1 GB whatever `--width` and `--height` say.
    public static let renderBudget = 600 << 20

    /// What rendering one chart of `size` holds at its peak: the 4-byte pixels, and as much again
    /// and a half for the encoder's rows and output.
    static func renderCost(_ size: Size) -> Int {
        Int(max(1, size.width).rounded(.up)) * Int(max(1, size.height).rounded(.up)) * 10
    }

    /// The charts in rendering order, cut into batches that each fit `renderBudget` (at least one
    /// chart per batch): a batch is rendered concurrently, the batches one after the other.
    static func batches(_ sizes: [Size], budget: Int = renderBudget) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0, cost = 0
        for (i, s) in sizes.enumerated() {
            let c = renderCost(s)
            if i > start, cost + c > budget { out.append(start..<i); start = i; cost = 0 }
            cost += c
        }
        if start < sizes.count { out.append(start..<sizes.count) }
        return out
    }

    /// A rough measure of the time a chart takes to draw: its pixels, and the samples of its
    /// series (as drawn: at most a few per pixel column), which cost far more each.
    static func workEstimate(_ figure: Figure) -> Double {
        var samples = 0.0
        let cap = 4 * figure.size.width
        for case .plot(let panel) in figure.panels {
            for layer in panel.layers { samples += min(Double(layer.xs.count), cap) }
        }
        return figure.size.width * figure.size.height + 100 * samples
    }

    /// Renders every planned chart in memory (so a failure leaves the output folder untouched),
    /// concurrently within the memory budget (`batches`): charts are independent and each has its
    /// own surface. Each file keeps its stamp of `source` (see `ChartSource`).
    public static func render(_ plan: ChartPlan, request: ChartsRequest, source: ChartSource) throws(TormemError) -> [(String, [UInt8])] {
        let charts = plan.charts
        if let big = charts.first(where: { $0.figure.size.width * $0.figure.size.height > Double(ChartsRequest.maxPixels) }) {
            throw .usage("\(big.name): \(Int(big.figure.size.width))×\(Int(big.figure.size.height)) pixels; expected at most \(ChartsRequest.maxPixels / 1_000_000) million pixels per chart (--width, --height)")
        }
        var results: [Result<(String, [UInt8]), TormemError>] = []
        for batch in batches(charts.map(\.figure.size)) {
            // Longest first, so that the slowest chart does not start last and run alone.
            let estimates = batch.map { workEstimate(charts[$0].figure) }
            let order = batch.indices.sorted { estimates[$0] > estimates[$1] || (estimates[$0] == estimates[$1] && $0 < $1) }
            let drawn = concurrentMap(order.count) { k -> Result<(String, [UInt8]), TormemError> in
                renderOne(charts[batch.lowerBound + order[k]], request: request, source: source)
            }
            var inBatchOrder = drawn
            for (k, i) in order.enumerated() { inBatchOrder[i] = drawn[k] }
            results += inBatchOrder
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

    private static func renderOne(_ p: ChartPlan.Planned, request: ChartsRequest, source: ChartSource) -> Result<(String, [UInt8]), TormemError> {
        let file = p.name + "." + request.format.fileExtension
        let path = join(request.outputDirectory, file)
        do {
            let start = ContinuousClock.now
            var bytes = try CairoRenderer.render(size: p.figure.size, format: request.format.surface,
                                                 source: source.stamp(for: file), pngColors: request.png.colors) { canvas in
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

    static func join(_ dir: String, _ name: String) -> String {
        dir.hasSuffix("/") ? dir + name : dir + "/" + name
    }
}
