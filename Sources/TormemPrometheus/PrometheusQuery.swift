/// What `--prometheus URL` reads, as given: the server, the series, the label that names the
/// server, the time each request may take and where the credentials are. A plain value: the
/// command line makes it, a report folder's `tormem.json` keeps it (all but `credentials` and
/// `timeout`, which belong to the machine that asks), and `PrometheusSource` reads through it.
public struct PrometheusQuery: Equatable, Sendable {
    /// As given (`http://host:9090`, a path prefix such as `…/prometheus`).
    public var url: String
    /// A selector narrowing the series (`{instance=~"relay-.*"}`); nil: every series of the gauges.
    public var match: String?
    /// The label that names the server (`instance`).
    public var serverLabel: String
    /// Seconds each request may take.
    public var timeout: Double
    /// Where the credentials are: files named on the command line, never the secrets themselves.
    public var credentials: PrometheusCredentials

    public static let defaultServerLabel = "instance"
    public static let defaultTimeout: Double = 30

    public init(url: String, match: String? = nil, serverLabel: String = PrometheusQuery.defaultServerLabel,
                timeout: Double = PrometheusQuery.defaultTimeout, credentials: PrometheusCredentials = PrometheusCredentials()) {
        self.url = url; self.match = match; self.serverLabel = serverLabel; self.timeout = timeout; self.credentials = credentials
    }
}
