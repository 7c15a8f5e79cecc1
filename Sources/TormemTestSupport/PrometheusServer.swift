import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A real Prometheus (Debian's `prometheus`) for the tests, on a free loopback port, with its own
/// temporary storage backfilled from OpenMetrics text by `promtool tsdb create-blocks-from
/// openmetrics`; it scrapes nothing. `stop()` ends it by its PID and removes the folder.
public final class PrometheusServer: @unchecked Sendable {
    /// `http://127.0.0.1:PORT`.
    public let url: String
    /// Its port.
    public var port: Int { Int(url.split(separator: ":").last!)! }
    /// The folder of its storage, configuration and log.
    public let folder: String
    public let pid: Int32
    private let process: Process

    /// Whether `prometheus` and `promtool` are installed (`make test-deps`).
    public static var isInstalled: Bool {
        ["prometheus", "promtool"].allSatisfy { tool(named: $0) != nil }
    }

    /// Why the tests that need it are skipped, when they are.
    public static let missing = "prometheus is not installed (make test-deps, or apt-get install prometheus): tests against a real Prometheus skipped"

    static func tool(named name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") + ["/usr/bin", "/usr/sbin"] {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Backfills `openMetrics` into new storage and starts Prometheus on it; returns once it is ready.
    /// `port`: the one to listen on (a server started again where an earlier one was), else a free one.
    public convenience init(openMetrics: String, port: Int? = nil) throws {
        let folder = try PrometheusServer.temporaryFolder()
        guard let promtool = PrometheusServer.tool(named: "promtool") else { throw Failure(description: PrometheusServer.missing) }
        let input = folder + "/backfill.om"
        try openMetrics.write(toFile: input, atomically: false, encoding: .utf8)
        let (status, output) = try PrometheusServer.run(promtool, ["tsdb", "create-blocks-from", "openmetrics", input, folder + "/data"])
        guard status == 0 else {
            try? FileManager.default.removeItem(atPath: folder)
            throw Failure(description: "promtool tsdb create-blocks-from openmetrics failed (\(status)): \(output)")
        }
        try self.init(folder: folder, configuration: "global:\n  scrape_interval: 1h\n", port: port)
    }

    /// Starts Prometheus on empty storage, scraping `target` (`127.0.0.1:PORT`) every second as job
    /// `job`, its `instance` label rewritten to `instance` (as operators name a scraped host).
    public convenience init(scraping target: String, job: String = "node", instance: String) throws {
        let configuration = """
        global:
          scrape_interval: 1s
          evaluation_interval: 1s
        scrape_configs:
          - job_name: \(job)
            scrape_interval: 1s
            static_configs:
              - targets: ["\(target)"]
            relabel_configs:
              - target_label: instance
                replacement: "\(instance)"

        """
        try self.init(folder: try PrometheusServer.temporaryFolder(), configuration: configuration)
    }

    /// Starts Prometheus on `folder/data` with `configuration` on `port`, else a free port (up to five tries).
    private init(folder: String, configuration: String, port given: Int? = nil) throws {
        self.folder = folder
        guard let prometheus = PrometheusServer.tool(named: "prometheus") else {
            try? FileManager.default.removeItem(atPath: folder)
            throw Failure(description: PrometheusServer.missing)
        }
        try configuration.write(toFile: folder + "/prometheus.yml", atomically: false, encoding: .utf8)
        let (p, port) = try ServerLaunch.start(prometheus, folder: folder, log: "prometheus.log", port: given, name: "prometheus",
            arguments: { port in ["--config.file=\(folder)/prometheus.yml", "--storage.tsdb.path=\(folder)/data",
                                  "--storage.tsdb.retention.time=100y", "--web.listen-address=127.0.0.1:\(port)"] },
            ready: { port, p in PrometheusServer.waitReady("http://127.0.0.1:\(port)", process: p) })
        url = "http://127.0.0.1:\(port)"; process = p; pid = p.processIdentifier
    }

    /// A new folder under the temporary directory.
    static func temporaryFolder(_ prefix: String = "tormem-prometheus") throws -> String {
        var template = Array((NSTemporaryDirectory() + "/\(prefix)-XXXXXX").utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw Failure(description: "mkdtemp failed")
        }
        return String(cString: template)
    }

    deinit { stop() }

    /// Ends the server (SIGTERM to its PID, SIGKILL after 10 s) and removes its folder.
    public func stop() { PrometheusServer.stop(process, pid: pid, folder: folder) }

    /// SIGTERM to `pid`, SIGKILL after 10 s, then `folder` removed: how every test server ends.
    static func stop(_ process: Process, pid: Int32, folder: String) {
        if process.isRunning {
            kill(pid, SIGTERM)
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning, Date() < deadline { usleep(50_000) }
            if process.isRunning { kill(pid, SIGKILL) }
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A port nothing listens on now (bound to port 0 and closed again).
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw Failure(description: "bind failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// The status and output of a command.
    static func run(_ path: String, _ arguments: [String]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Polls `/-/ready` for up to 60 s.
    static func waitReady(_ url: String, process: Process) -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, process.isRunning {
            if get(url + "/-/ready")?.status == 200 { return true }
            usleep(100_000)
        }
        return false
    }

    /// The status of a POST of `body` (nil when the server cannot be reached).
    public static func post(_ url: String, body: [UInt8]) -> Int? {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = "POST"
        request.httpBody = Data(body)
        return send(request)?.status
    }

    /// The status and body of a GET (nil when the server cannot be reached).
    public static func get(_ url: String) -> (status: Int, body: String)? {
        send(URLRequest(url: URL(string: url)!))
    }

    static func send(_ request: URLRequest) -> (status: Int, body: String)? {
        final class Outcome: @unchecked Sendable { var value: (Int, String)? }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        var request = request
        request.timeoutInterval = 30
        let session = URLSession(configuration: .ephemeral)
        session.dataTask(with: request) { data, response, _ in
            if let http = response as? HTTPURLResponse {
                outcome.value = (http.statusCode, String(decoding: data ?? Data(), as: UTF8.self))
            }
            done.signal()
        }.resume()
        done.wait()
        session.finishTasksAndInvalidate()
        return outcome.value.map { (status: $0.0, body: $0.1) }
    }
}
