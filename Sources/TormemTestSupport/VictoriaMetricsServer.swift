import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A real VictoriaMetrics (Debian's `victoria-metrics`) for the tests, on a free loopback port with
/// its own temporary storage, fed OpenMetrics text through its import API
/// (`/api/v1/import/prometheus`: the text format, timestamps in milliseconds); `stop()` ends it by
/// its PID and removes the folder.
public final class VictoriaMetricsServer: @unchecked Sendable {
    /// `http://127.0.0.1:PORT`.
    public let url: String
    public let folder: String
    public let pid: Int32
    private let process: Process

    public static var isInstalled: Bool { PrometheusServer.tool(named: "victoria-metrics") != nil }

    public static let missing = "victoria-metrics is not installed (apt-get install victoria-metrics): tests against a real VictoriaMetrics skipped"

    /// Starts VictoriaMetrics, imports `openMetrics` and returns once the samples can be queried.
    public init(openMetrics: String) throws {
        var template = Array((NSTemporaryDirectory() + "/tormem-victoria-XXXXXX").utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw PrometheusServer.Failure(description: "mkdtemp failed")
        }
        folder = String(cString: template)
        guard let binary = PrometheusServer.tool(named: "victoria-metrics") else { throw PrometheusServer.Failure(description: Self.missing) }
        let folder = self.folder
        let (p, port) = try ServerLaunch.start(binary, folder: folder, log: "vm.log", name: "victoria-metrics",
            arguments: { port in ["-storageDataPath=\(folder)/data", "-retentionPeriod=100y", "-httpListenAddr=127.0.0.1:\(port)"] },
            ready: { port, p in
                let deadline = Date().addingTimeInterval(30)
                while Date() < deadline, p.isRunning, PrometheusServer.get("http://127.0.0.1:\(port)/health")?.status != 200 { usleep(100_000) }
                return p.isRunning && PrometheusServer.get("http://127.0.0.1:\(port)/health")?.status == 200
            })
        let url = "http://127.0.0.1:\(port)"
        self.process = p; self.url = url; self.pid = p.processIdentifier
        // The text format without comments, each timestamp in milliseconds.
        var body = ""
        for line in openMetrics.split(separator: "\n") where !line.hasPrefix("#") { body += line + "000\n" }
        guard let status = PrometheusServer.post(url + "/api/v1/import/prometheus", body: Array(body.utf8)), status / 100 == 2 else {
            stop()
            throw PrometheusServer.Failure(description: "victoria-metrics refused the import")
        }
        _ = PrometheusServer.get(url + "/internal/force_flush")
    }

    deinit { stop() }

    /// Ends the server (SIGTERM to its PID, SIGKILL after 10 s) and removes its folder.
    public func stop() { PrometheusServer.stop(process, pid: pid, folder: folder) }
}
