/// How `HostileHTTPServer` answers one request: as a server should, or as the bad ones do.
public enum HostileReply: Sendable {
    /// A status, extra headers and a body with its `Content-Length`.
    case answer(status: Int, headers: [(String, String)], body: [UInt8])
    /// These bytes as they are (anything, or nothing at all), then the connection closed.
    case raw([UInt8])
    /// A `Content-Length` of `declared` bytes but only `body` sent, then the connection closed.
    case cutShort(declared: Int, body: [UInt8])
    /// A 200 in `Transfer-Encoding: chunked`, one chunk per piece.
    case chunked([[UInt8]])
    /// A 200 whose body never ends: `piece` again and again, `every` seconds apart (0: as fast as
    /// the client reads), until the client goes away or the server stops.
    case endless(piece: [UInt8], every: Double)
    /// The request read, then nothing until the client goes away or the server stops.
    case silence

    /// A 200 (or `status`) of JSON text.
    public static func json(_ text: String, status: Int = 200) -> HostileReply {
        .answer(status: status, headers: [("Content-Type", "application/json")], body: Array(text.utf8))
    }

    /// A redirect (302 unless told) to `location`.
    public static func redirect(_ location: String, status: Int = 302) -> HostileReply {
        .answer(status: status, headers: [("Location", location)], body: [])
    }

    /// Prometheus' error answer: `{"status":"error","errorType":…,"error":…}` with HTTP `status`.
    public static func prometheusError(status: Int, type: String, error: String) -> HostileReply {
        json(#"{"status":"error","errorType":"\#(type)","error":"\#(error)"}"#, status: status)
    }

    /// A successful matrix answer of `series` (labels, then `[time, value]` samples), with `warnings`.
    public static func matrix(_ series: [([String: String], [(Int64, String)])], warnings: [String] = []) -> HostileReply {
        func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        let result = series.map { labels, samples in
            let metric = labels.keys.sorted().map { quoted($0) + ":" + quoted(labels[$0]!) }.joined(separator: ",")
            let values = samples.map { "[\($0.0),\(quoted($0.1))]" }.joined(separator: ",")
            return #"{"metric":{\#(metric)},"values":[\#(values)]}"#
        }.joined(separator: ",")
        let warned = warnings.isEmpty ? "" : #","warnings":["# + warnings.map(quoted).joined(separator: ",") + "]"
        return json(#"{"status":"success","data":{"resultType":"matrix","result":[\#(result)]}\#(warned)}"#)
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}
