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

/// How requests prove who asks: a bearer token or `user:password` for basic authentication, each
/// read from a file (`--bearer-token-file`, `--basic-auth-file`), and a tenant (`--tenant`, the
/// `X-Scope-OrgID` header of Mimir, Cortex and Loki-style multi-tenant engines). Secrets are never
/// taken from the command line and never written anywhere.
public struct PrometheusCredentials: Equatable, Sendable {
    public var bearerTokenFile: String?
    public var basicAuthFile: String?
    public var tenant: String?

    public init(bearerTokenFile: String? = nil, basicAuthFile: String? = nil, tenant: String? = nil) {
        self.bearerTokenFile = bearerTokenFile; self.basicAuthFile = basicAuthFile; self.tenant = tenant
    }

    /// Whether requests carry anything that identifies the asker.
    public var isEmpty: Bool { bearerTokenFile == nil && basicAuthFile == nil && tenant == nil }
}
