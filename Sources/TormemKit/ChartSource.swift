import Foundation
import TormemCore
import TormemData

/// What a run's charts are drawn from, as one canonical document: the data files' and side files'
/// names and SHA-256 digests, every option that changes a chart (`ChartSettings`), and
/// `outputVersion`. Each chart keeps `stamp(for:)` in its metadata (`SourceStamp`), so
/// `regenerate --check` can tell a current chart from a stale one without comparing bytes, which
/// differ between machines with other cairo, pixman, freetype or zlib versions.
public struct ChartSource: Sendable {
    /// Raised whenever tormem draws the same input differently (a change of the drawing code that
    /// should make committed charts stale everywhere).
    public static let outputVersion = 11

    /// The canonical document (JSON, deterministic).
    public var document: String

    /// The source of `request`'s charts: its data files, the side files `inputs` read, its options.
    /// `streamDigests`: the SHA-256 of data read from standard input or a pipe (by path), which
    /// cannot be read again. `fileDigests`: those of data files already hashed (`FileDigests`);
    /// any other file is read here.
    public init(request: ChartsRequest, side: SideFiles, streamDigests: [String: String] = [:],
                fileDigests: [String: String] = [:]) throws(TormemError) {
        // The folder as `SideFiles` spells it, so side files are named relative to it.
        let first = request.dataPaths.first ?? ""
        let dir = first.lastIndex(of: "/").map { String(first[..<$0]) } ?? ""
        func name(_ path: String) -> String {
            dir.isEmpty || !path.hasPrefix(dir + "/") ? path : String(path.dropFirst(dir.count + 1))
        }
        func digest(_ path: String) throws(TormemError) -> JSONValue {
            if let d = streamDigests[path] ?? fileDigests[path] { return .string(d) }
            guard let d = ChartSource.fileDigest(path) else {
                throw .input(Diagnostic(file: path, message: "cannot read the file again to fingerprint it"))
            }
            return .string(d)
        }
        var data: [(String, JSONValue)] = []
        for p in request.dataPaths { data.append(((p as NSString).lastPathComponent, try digest(p))) }
        var sidePaths = [side.experimentPath, side.relayConfigPath, side.eventsPath, side.diagnosticsPath].compactMap { $0 }
        sidePaths += side.groupFiles?.files.map(\.path) ?? []
        var sides: [(String, JSONValue)] = []
        for p in sidePaths.sorted(by: { name($0) < name($1) }) { sides.append((name(p), try digest(p))) }
        document = JSONValue.object([
            ("tormem-output", .int(ChartSource.outputVersion)),
            ("data", .object(data)),
            ("side-files", .object(sides)),
            ("options", request.settings.json),
        ]).text
    }

    /// The SHA-256 of a regular file, read in pieces (memory stays small whatever its size); nil
    /// when it cannot be read.
    static func fileDigest(_ path: String) -> String? {
        guard let opened = try? RegularFile.open(path) else { return nil }
        defer { close(opened.fd) }
        var h = SHA256()
        let size = 1 << 20
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        defer { buffer.deallocate() }
        while true {
            let n = read(opened.fd, buffer, size)
            if n < 0, errno == EINTR { continue }
            if n < 0 { return nil }
            if n == 0 { return h.hexDigest() }
            h.update(UnsafeBufferPointer(start: buffer, count: n))
        }
    }

    /// The stamp of the chart file `fileName` (`memory_usage.png`): `sha256:` and the digest of
    /// the document and the file name.
    public func stamp(for fileName: String) -> String {
        var h = SHA256()
        h.update(document)
        h.update("chart: " + fileName + "\n")
        return "sha256:" + h.hexDigest()
    }
}
