#if canImport(Glibc)
import Glibc
#endif
import TormemCSV
import TormemCollect
import TormemCore
import TormemCharts
import TormemData
import TormemKit

/// libFuzzer entry point: the CSV reader, format detection, every loader, the side files
/// (`experiment.json`, `relay_config.csv`, `events.csv`, `diagnostics.csv`, `groups/*.txt`), the
/// collector's `/proc` and torrc parsers and the report markers on arbitrary bytes. Nothing may crash, trap or hang. Built only with `TORMEM_FUZZ=1` (see CONTRIBUTING.md).
@_cdecl("LLVMFuzzerTestOneInput")
public func tormemFuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    // TORMEM_FUZZ_PARSERS=1: only the parsers (side files, /proc, torrc, markers), a hundred times
    // faster than the whole pipeline, for long runs on them.
    if parsersOnly {
        fuzzParsers(bytes)
        return 0
    }
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
    fuzzParsers(bytes)
    return 0
}

/// Whether only the parsers are fuzzed (`TORMEM_FUZZ_PARSERS=1`).
private let parsersOnly = getenv("TORMEM_FUZZ_PARSERS").map { String(cString: $0) == "1" } ?? false

/// Side files and Markdown markers, then the collector's parsers.
private func fuzzParsers(_ bytes: [UInt8]) {
    _ = try? RelayConfig.parse(bytes, file: "relay_config.csv")
    // JSON only for inputs that look like it (the parser is slow, and CSV text finds nothing there).
    if bytes.first(where: { $0 != 0x20 && $0 != 0x0a }) == UInt8(ascii: "{") {
        _ = try? ExperimentInfo.parse(bytes, file: "experiment.json")
    }
    _ = try? EventLog.parse(bytes, file: "events.csv")
    _ = try? DiagnosticsLog.parse(bytes, file: "diagnostics.csv")
    let text = String(decoding: bytes, as: UTF8.self)
    _ = GroupFiles.relays(in: text)
    if bytes.contains(UInt8(ascii: "<")) {
        if let doc = try? MarkedDocument(parsing: bytes, file: "REPORT.md") {
            _ = doc.replacing(["summary": "x"])
        }
        _ = MarkedDocument.inserting(missing: ["summary"], into: bytes, template: MarkedDocument.section("summary", "x"))
    }
    fuzzCollector(bytes, text)
}

/// The collector's parsers: `/proc/PID/status`, `smaps`, `cmdline`, `environ`, `maps`, `meminfo`,
/// the fingerprint file and the torrc, and every number they feed into the tables and gauges.
private func fuzzCollector(_ bytes: [UInt8], _ text: String) {
    let status = MemoryStatus.parse(text)
    let smaps = SmapsRatio.parse(bytes)
    _ = smaps.ratio
    let arguments = ProcReader.arguments(cmdline: bytes)
    _ = ProcessFinder(directories: ["/etc/tor/instances", "/"]).instanceName(in: arguments)
    _ = AllocatorProbe.detect(environment: ProcReader.entries(environ: bytes), maps: text)
    _ = RelayInstance.parseFingerprintFile(text)
    let torrc = TorrcSettings.parse(text)
    _ = torrc.memorySettings
    let instance = RelayInstance(name: "fuzz", directory: "/etc/tor/instances/fuzz")
    let reading = RelayReading(instance: instance, pid: 1, memory: status, smaps: smaps)
    let snapshot = HostSnapshot(time: Timestamp(seconds: 0), server: "fuzz", relays: [reading, reading])
    _ = StatusTable.text(snapshot)
    _ = PrometheusWriter.text(snapshot)
    _ = UnifiedRowWriter.rows(snapshot)
    _ = RelayDetail(reading: reading, time: Timestamp(seconds: 0), settings: torrc, allocator: nil).text
    _ = VerifyTable.text([VerifyTable.Entry(instance: instance, settings: torrc)])
}
