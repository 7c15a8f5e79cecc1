import TormemData
import TormemChart
import TormemCairo

/// `tormem-charts`: load every data file, build the charts the data supports, render them, and
/// only then write them (atomically) into the output folder.
public enum ChartsJob {
    /// One chart to draw: its file stem and figure.
    public struct Planned: Sendable {
        public var name: String
        public var figure: Figure
    }

    public static func run(_ request: ChartsRequest, warn: (Diagnostic) -> Void = { _ in }) throws(TormemError) -> ChartsReport {
        guard !request.dataPaths.isEmpty else { throw .usage("no data: give at least one --data FILE") }
        var files: [LoadedFile] = []
        for path in request.dataPaths {
            let f = try DataLoader.load(path: path)
            for w in f.warnings { warn(w) }
            if f.skipped > RowProblems_keep {
                warn(Diagnostic(file: path, message: "\(f.skipped) rows skipped in all; the first \(RowProblems_keep) are listed above"))
            }
            if request.strict, f.skipped > 0 {
                throw .input(Diagnostic(file: path, message: "\(f.skipped) unreadable row\(f.skipped == 1 ? "" : "s") (--strict)"))
            }
            files.append(f)
        }
        let series = files.flatMap(\.servers)
        guard !series.isEmpty else {
            let formats = Set(files.map(\.format.rawValue)).sorted().joined(separator: ", ")
            throw .input(Diagnostic(file: request.dataPaths.joined(separator: ", "),
                                    message: "no aggregate time series to chart (\(formats) data); memory_usage and memory_weekly need monitor or unified data"))
        }
        let data = AggregateDataset(servers: series)
        let planned = plan(data, request: request)

        // Render everything first, so a failure leaves the output folder untouched.
        var rendered: [(String, [UInt8])] = []
        for p in planned {
            let path = join(request.outputDirectory, p.name + "." + request.format.fileExtension)
            do {
                let bytes = try CairoRenderer.render(size: p.figure.size, format: request.format) { canvas in
                    FigureRenderer.draw(p.figure, on: canvas)
                }
                rendered.append((path, bytes))
            } catch {
                throw .output(path: path, reason: "\(error)")
            }
        }
        try AtomicFile.makeDirectory(request.outputDirectory)
        for (path, bytes) in rendered { try AtomicFile.write(bytes, to: path) }

        return ChartsReport(written: rendered.map(\.0), files: files,
                            summaries: data.servers.compactMap(MemorySummary.init),
                            combined: data.servers.count > 1 ? MemorySummary(data.combined) : nil,
                            warnings: files.flatMap(\.warnings))
    }

    /// The charts for a dataset, named with the request's prefix.
    public static func plan(_ data: AggregateDataset, request: ChartsRequest) -> [Planned] {
        let style = request.chartStyle
        return [
            Planned(name: "\(request.prefix)_usage", figure: MemoryUsageChart.make(data, style: style)),
            Planned(name: "\(request.prefix)_weekly", figure: WeeklyChart.make(data, style: style)),
        ]
    }

    static func join(_ dir: String, _ name: String) -> String {
        dir.hasSuffix("/") ? dir + name : dir + "/" + name
    }
}

/// How many row problems a loaded file lists in full.
let RowProblems_keep = 20
