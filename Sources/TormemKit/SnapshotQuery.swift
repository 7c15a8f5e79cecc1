import TormemCore
import TormemPrometheus

/// The query a report folder's snapshot of Prometheus samples was read with, as its `tormem.json`
/// keeps it (`"prometheus": {"url": …, "match": …, "server-label": …}`), so that `report DIR
/// --refresh` can ask again. Only what makes the answer the same: the URL without credentials, the
/// selector and the server label. The window is the folder's `since` and `until` (absolute times),
/// which the charts are drawn with too. Never the credentials, the files holding them, the tenant or
/// the timeout: those belong to the machine that asks.
public struct SnapshotQuery: Equatable, Sendable {
    public var url: String
    public var match: String?
    public var serverLabel: String

    /// Its key in tormem.json.
    public static let key = "prometheus"

    /// What of `query` is kept.
    public init(_ query: PrometheusQuery) {
        url = PrometheusSource(query: query).name
        match = query.match
        serverLabel = query.serverLabel
    }

    /// The query to ask again with, with this machine's `credentials` and `timeout`.
    public func query(credentials: PrometheusCredentials = PrometheusCredentials(),
                      timeout: Double = PrometheusQuery.defaultTimeout) -> PrometheusQuery {
        PrometheusQuery(url: url, match: match, serverLabel: serverLabel, timeout: timeout, credentials: credentials)
    }

    /// As tormem.json has it.
    var json: JSONValue {
        .object([("url", .string(url))] + (match.map { [("match", .string($0))] } ?? []) + [("server-label", .string(serverLabel))])
    }

    /// tormem.json's value; an input error naming `file` when it is not an object of these strings.
    init(json value: JSONParser.Value, file: String) throws(TormemError) {
        func fail(_ what: String) -> TormemError {
            .input(Diagnostic(file: file, message: "\(SnapshotQuery.key): expected \(what)"))
        }
        guard let o = value.object else { throw fail("an object with url, match and server-label") }
        for name in o.keys.sorted() where !["url", "match", "server-label"].contains(name) {
            throw fail("only url, match and server-label, found \(MessageText.quoted(name))")
        }
        guard let url = o["url"]?.string, url.hasPrefix("http://") || url.hasPrefix("https://") else {
            throw fail("a url like http://127.0.0.1:9090")
        }
        guard PrometheusSource(query: PrometheusQuery(url: url)).name == url else {
            throw fail("a url without user or password (credentials are never kept)")
        }
        if let m = o["match"], m.string == nil { throw fail("match as a string") }
        guard let label = o["server-label"]?.string, !label.isEmpty else { throw fail("a server-label like instance") }
        self.url = url
        match = o["match"]?.string
        serverLabel = label
    }
}
