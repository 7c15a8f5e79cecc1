import TormemCore
import TormemData

/// What a run's charts are drawn from, as one canonical document: the names and SHA-256 digests
/// of the data and side files its source read (`SourceFingerprint`), every option that changes a
/// chart (`ChartSettings`), and `outputVersion`. Each chart keeps `stamp(for:)` in its metadata
/// (`SourceStamp`), so `regenerate --check` can tell a current chart from a stale one without
/// comparing bytes, which differ between machines with other cairo, pixman, freetype or zlib
/// versions.
public struct ChartSource: Sendable {
    /// Raised whenever tormem draws the same input differently (a change of the drawing code that
    /// should make committed charts stale everywhere).
    public static let outputVersion = 12

    /// The canonical document (JSON, deterministic).
    public var document: String

    /// A source of its own canonical `document` (a comparison's: its folders' sources and options).
    public init(document: String) { self.document = document }

    /// The source of `request`'s charts: what its data source read (`fingerprint`), and its options.
    public init(request: ChartsRequest, fingerprint: SourceFingerprint) {
        func entries(_ list: [SourceFingerprint.Entry]) -> JSONValue { .object(list.map { ($0.name, .string($0.sha256)) }) }
        document = JSONValue.object([
            ("tormem-output", .int(ChartSource.outputVersion)),
            ("data", entries(fingerprint.data)),
            ("side-files", entries(fingerprint.sideFiles)),
            ("options", request.settings.json),
        ]).text
    }

    /// The source of `request`'s charts: its data files, the side files `side` holds (next to the
    /// first), its options. `streamDigests`: the SHA-256 of data read from standard input or a pipe
    /// (by path), which cannot be read again. `fileDigests`: those of data files already hashed; any
    /// other file is read here.
    public init(request: ChartsRequest, side: SideFiles, streamDigests: [String: String] = [:],
                fileDigests: [String: String] = [:]) throws(TormemError) {
        let fingerprint = try CSVFileSource.fingerprint(paths: request.dataPaths, sidePaths: side.paths,
                                                        sideFolder: SideFiles.folder(of: request.dataPaths.first ?? ""),
                                                        streamDigests: streamDigests, fileDigests: fileDigests)
        self.init(request: request, fingerprint: fingerprint)
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
