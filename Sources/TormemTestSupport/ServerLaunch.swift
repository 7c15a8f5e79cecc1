import Foundation

/// How every test server starts: `binary` with the arguments for a free loopback port (or the one
/// given), its output in `folder/log`, until `ready(port, process)` says yes; up to five ports are
/// tried. The process and its port, or a failure with the end of the last log.
enum ServerLaunch {
    static func start(_ binary: String, folder: String, log: String, port given: Int? = nil, name: String,
                      arguments: (Int) -> [String], ready: (Int, Process) -> Bool) throws -> (Process, Int) {
        var lastError = ""
        for _ in 0..<5 {
            let port = try given ?? PrometheusServer.freePort()
            let p = Process()
            p.executableURL = URL(fileURLWithPath: binary)
            p.arguments = arguments(port)
            FileManager.default.createFile(atPath: folder + "/" + log, contents: nil)
            let handle = FileHandle(forWritingAtPath: folder + "/" + log)
            p.standardOutput = handle
            p.standardError = handle
            try p.run()
            if ready(port, p) { return (p, port) }
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            lastError = (try? String(contentsOfFile: folder + "/" + log, encoding: .utf8)) ?? ""
        }
        try? FileManager.default.removeItem(atPath: folder)
        throw PrometheusServer.Failure(description: "\(name) did not become ready: \(lastError.suffix(2000))")
    }
}
