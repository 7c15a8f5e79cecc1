import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TormemCore
import TormemCharts
import TormemCairo

extension ReportJob {
    /// Everything a folder's run would change, in memory.
    public struct Rendered: Sendable {
        /// The charts (every one of the plan, first), `tormem.json` when it changes, README.md and
        /// REPORT.md when they change, the left-over charts, then the `--json` document.
        public var outputs: [Output]
        /// Generated sections a person edited, kept: `REPORT.md: section … was edited: kept; …`.
        public var kept: [String]
    }

    /// Step 3: every output of the folder's run. The charts are drawn, unless `check` is `.source`
    /// (a check by source stamps draws nothing: each chart's output carries only its stamp).
    /// README.md and REPORT.md keep what a person edited (`warn` gets each section kept) unless
    /// `reset` names it.
    public static func render(_ folder: ReportFolder, settings: FolderSettings, plan: FolderPlan, check: CheckMode?,
                              reset: Set<String> = [], warn: (Diagnostic) -> Void = { _ in }) throws(TormemError) -> Rendered {
        let ext = plan.request.format.fileExtension
        let stamps = plan.plan.charts.map { plan.source.stamp(for: $0.name + "." + ext) }
        var outputs: [Output]
        if check == .source {
            outputs = zip(plan.chartPaths, stamps).map { Output(path: $0, kind: .chart(stamp: $1), bytes: nil) }
        } else {
            let drawn = try ChartsJob.render(plan.plan, request: plan.request, source: plan.source)
            outputs = zip(drawn, stamps).map { Output(path: $0.0, kind: .chart(stamp: $1), bytes: $0.1) }
        }
        if let o = settings.output { outputs.append(o) }
        let charts = plan.plan.charts
        var emitter = ReportEmitter(folderName: folder.name, commandPath: folder.commandPath, inputs: plan.inputs,
                                    charts: charts.filter { !$0.darkVariant }.map { ("charts/\($0.name).\(ext)", $0.description) },
                                    skipped: plan.plan.skipped, settings: settings.settings)
        for c in charts where c.darkVariant {
            emitter.darkTwins["charts/\(c.name.dropLast(ChartsRequest.darkSuffix.count)).\(ext)"] = "charts/\(c.name).\(ext)"
        }
        let (documents, kept) = try documents([("README.md", emitter.readme), ("REPORT.md", emitter.report)], in: folder.path,
                                              reset: reset, warn: warn)
        outputs += documents
        for path in leftOverCharts(in: folder.chartsPath, keeping: Set(plan.chartPaths)) {
            outputs.append(Output(path: path, kind: .leftOver, bytes: nil))
        }
        if let path = plan.request.jsonPath, path != "-" {
            outputs.append(Output(path: path, kind: .runFacts, bytes: Array(plan.json.utf8)))
        }
        return Rendered(outputs: outputs, kept: kept)
    }

    /// README.md and REPORT.md (`docs`: file name and document) of the folder at `folder`: a new file
    /// where there is none, else the generated sections that changed, keeping what a person edited
    /// (`warn` gets each section kept, and so does the list returned) unless `reset` names it.
    static func documents(_ docs: [(String, ReportEmitter.Document)], in folder: String, reset: Set<String>,
                          warn: (Diagnostic) -> Void) throws(TormemError) -> (outputs: [Output], kept: [String]) {
        var outputs: [Output] = []
        var kept: [String] = []
        for (name, doc) in docs {
            let path = folder + "/" + name
            guard let existing = FileManager.default.contents(atPath: path) else {
                outputs.append(Output(path: path, kind: .newDocument, bytes: Array(doc.template.utf8)))
                continue
            }
            // Bytes, not text: prose in any encoding and CR LF line ends are kept as they are.
            let update = try MarkedUpdate(existing: [UInt8](existing), document: doc, reset: reset, file: path)
            for n in update.edited {
                let d = Diagnostic(file: path, message: MarkedUpdate.editedNote(n))
                kept.append(d.description)
                warn(d)
            }
            if update.bytes != [UInt8](existing) {
                let names = update.changed + update.migrated.filter { !update.changed.contains($0) }
                outputs.append(Output(path: path, kind: .sections(names), bytes: update.bytes))
            }
        }
        return (outputs, kept)
    }

    /// The chart files in `charts` that tormem drew (they carry its source stamp) but that are not in
    /// `keeping`: charts of earlier options (another theme, format or prefix). Files without a stamp
    /// (a person's, or made by other tools) are never counted.
    static func leftOverCharts(in charts: String, keeping: Set<String>) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: charts) else { return [] }
        var out: [String] = []
        for name in names.sorted() where [".png", ".svg", ".pdf"].contains(where: { name.hasSuffix($0) }) {
            let path = ChartsJob.join(charts, name)
            guard !keeping.contains(path), let opened = try? RegularFile.open(path) else { continue }
            close(opened.fd)
            // A chart is a few MB at most; a big file is not one of tormem's.
            guard opened.size <= 64 << 20, let bytes = FileManager.default.contents(atPath: path),
                  SourceStamp.read([UInt8](bytes)) != nil else { continue }
            out.append(path)
        }
        return out
    }
}
