import TormemCSV
import TormemCharts
import TormemData
import TormemKit

/// libFuzzer entry point: the CSV reader, format detection, every loader and the report markers on
/// arbitrary bytes. Nothing may crash, trap or hang. Built only with `TORMEM_FUZZ=1` (see README).
@_cdecl("LLVMFuzzerTestOneInput")
public func tormemFuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    // The reader alone, touching every field the ways the loaders do.
    var reader = CSVReader(bytes: bytes, name: "fuzz.csv")
    try? reader.forEachRow(comment: { _, _ in }) { row in
        for f in row {
            _ = f.string; _ = f.double; _ = f.int64; _ = f.isEmpty
            _ = f.withBytes(TimestampParser.timestamp)
        }
        _ = InputFormat.detect(header: row.strings)
    }
    // Detection and loading of every format, then the analysis the charts use.
    if let loaded = try? DataLoader.load(bytes: bytes, name: "fuzz.csv") {
        let inputs = ChartInputs(files: [loaded], side: SideFiles())
        if let a = inputs.groups { _ = a.byFinalMean; if let c = a.control { _ = a.representative(of: c) } }
        if !inputs.relays.isEmpty { _ = PercentileBand(inputs.relays); _ = RelayStatistics(latestOf: inputs.relays).histogram() }
        if let d = inputs.aggregate { _ = WeeklyBucket.buckets(d.combined); _ = RelayCountChange.detect(d.combined) }
        // Every chart's figure (numbers formatted into labels), and the report's Markdown.
        let plan = ChartsRequest(dataPaths: ["fuzz.csv"], outputDirectory: "out").plan(inputs)
        let emitter = ReportEmitter(folderName: "fuzz", commandPath: "reports/fuzz", inputs: inputs,
                                    charts: plan.charts.map { ("charts/\($0.name).png", $0.description) },
                                    skipped: plan.skipped)
        _ = emitter.readme.template
        _ = emitter.report.template
        _ = ChartsSummary(inputs: inputs, written: [], skipped: plan.skipped).text
    }
    // Side files and Markdown markers, for inputs that look like them (the JSON parser is slow, and
    // exercising it on CSV text finds nothing).
    _ = try? RelayConfig.parse(bytes, file: "relay_config.csv")
    if bytes.first(where: { $0 != 0x20 && $0 != 0x0a }) == UInt8(ascii: "{") {
        _ = try? ExperimentInfo.parse(bytes, file: "experiment.json")
    }
    if bytes.contains(UInt8(ascii: "<")) {
        _ = try? MarkedDocument(parsing: String(decoding: bytes, as: UTF8.self), file: "REPORT.md")
    }
    return 0
}
