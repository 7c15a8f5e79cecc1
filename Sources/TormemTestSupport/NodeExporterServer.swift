import Foundation

/// A real node_exporter (Debian's `prometheus-node-exporter`) for the tests: its textfile collector
/// only, reading `textfileFolder`, on a free loopback port. `stop()` ends it by its PID and removes
/// the folder.
public final class NodeExporterServer: @unchecked Sendable {
    /// `127.0.0.1:PORT`, a scrape target.
    public let target: String
    /// Where the collector's textfile goes (`tormem collect --prometheus FOLDER/tormem.prom`).
    public let textfileFolder: String
    public let pid: Int32
    private let folder: String
    private let process: Process

    public static var isInstalled: Bool { PrometheusServer.tool(named: "prometheus-node-exporter") != nil }

    public static let missing = "prometheus-node-exporter is not installed (make test-deps): tests through node_exporter skipped"

    public init() throws {
        guard let exporter = PrometheusServer.tool(named: "prometheus-node-exporter") else {
            throw PrometheusServer.Failure(description: NodeExporterServer.missing)
        }
        folder = try PrometheusServer.temporaryFolder("tormem-node-exporter")
        textfileFolder = folder + "/textfile"
        try FileManager.default.createDirectory(atPath: textfileFolder, withIntermediateDirectories: true)
        let folder = self.folder
        let (p, port) = try ServerLaunch.start(exporter, folder: folder, log: "node-exporter.log", name: "node_exporter",
            arguments: { port in ["--web.listen-address=127.0.0.1:\(port)", "--collector.disable-defaults", "--collector.textfile",
                                  "--collector.textfile.directory=\(folder)/textfile"] },
            ready: { port, p in
                let deadline = Date().addingTimeInterval(30)
                while Date() < deadline, p.isRunning {
                    if PrometheusServer.get("http://127.0.0.1:\(port)/metrics")?.status == 200 { return true }
                    usleep(100_000)
                }
                return false
            })
        target = "127.0.0.1:\(port)"; process = p; pid = p.processIdentifier
    }

    deinit { stop() }

    /// What it serves now (`/metrics`).
    public var metrics: String { PrometheusServer.get("http://\(target)/metrics")?.body ?? "" }

    public func stop() { PrometheusServer.stop(process, pid: pid, folder: folder) }
}
