import ArgumentParser
import TormemKit

/// The options of a Prometheus-compatible source (`--prometheus URL` and what narrows, names, times
/// and authenticates its requests), shared by `draw` and `report`.
struct PrometheusOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Read the relays' raw samples from this Prometheus-compatible server instead of --data (http://host:9090, https://…, or a path prefix like …/prometheus; default window --last 30d).", valueName: "URL"))
    var prometheus: String?

    @Option(name: .long, help: ArgumentHelp("With --prometheus: only the series these label matchers select, e.g. {instance=~\"relay-.*\"} (default: all).", valueName: "SELECTOR"))
    var match: String?

    @Option(name: .customLong("server-label"), help: ArgumentHelp("With --prometheus: the label that names the server (default: instance).", valueName: "NAME"))
    var serverLabel: String?

    @Option(name: .long, help: ArgumentHelp("With --prometheus: seconds each request may take (default: 30).", valueName: "SECONDS"))
    var timeout: Double?

    @Option(name: .customLong("bearer-token-file"), help: ArgumentHelp("With --prometheus: send the token in FILE as Authorization: Bearer (the token never goes on the command line).", valueName: "FILE"))
    var bearerTokenFile: String?

    @Option(name: .customLong("basic-auth-file"), help: ArgumentHelp("With --prometheus: basic authentication with the user:password in FILE.", valueName: "FILE"))
    var basicAuthFile: String?

    @Option(name: .long, help: ArgumentHelp("With --prometheus: the tenant, sent as X-Scope-OrgID (Mimir, Cortex).", valueName: "ID"))
    var tenant: String?

    /// The options given that only mean something with `--prometheus`.
    var given: [String] {
        [("--match", match != nil), ("--server-label", serverLabel != nil), ("--timeout", timeout != nil),
         ("--bearer-token-file", bearerTokenFile != nil), ("--basic-auth-file", basicAuthFile != nil),
         ("--tenant", tenant != nil)].filter(\.1).map(\.0)
    }

    func validate() throws {
        if let prometheus, prometheus.isEmpty { throw ValidationError("--prometheus '': expected a URL like http://127.0.0.1:9090") }
        if let serverLabel, serverLabel.isEmpty { throw ValidationError("--server-label '': expected a label name like instance") }
        if let timeout, !(timeout > 0 && timeout <= 86_400) {
            throw ValidationError("--timeout \(timeout): expected seconds above 0, at most 86400")
        }
        if bearerTokenFile != nil, basicAuthFile != nil {
            throw ValidationError("--bearer-token-file and --basic-auth-file: give one way to authenticate, not both")
        }
        for (option, value) in [("--bearer-token-file", bearerTokenFile), ("--basic-auth-file", basicAuthFile)] {
            if let value, value.isEmpty { throw ValidationError("\(option) '': expected a file name") }
        }
        if let tenant, tenant.isEmpty || tenant.contains(where: { $0.isNewline }) {
            throw ValidationError("--tenant: expected a tenant ID on one line")
        }
    }

    /// Options given that only mean something with `--prometheus` are a usage error without it;
    /// `refresh` (`report DIR --refresh`, whose query the folder keeps): the credential options and
    /// `--timeout` are its, the query's options are refused.
    func requireServer(refresh: Bool = false) throws {
        guard prometheus == nil else {
            if refresh { throw ValidationError("--refresh asks again with the folder's query (its tormem.json): give no --prometheus") }
            return
        }
        let query = ["--match", "--server-label"]
        if let first = given.first(where: { !refresh || query.contains($0) }) {
            throw ValidationError(refresh ? "\(first) with --refresh: the folder's tormem.json keeps the query; give only the credential options and --timeout"
                                          : "\(first) is for --prometheus URL, which is not given")
        }
    }

    /// Where the credentials are (the files named, the tenant).
    var credentials: PrometheusCredentials {
        PrometheusCredentials(bearerTokenFile: bearerTokenFile, basicAuthFile: basicAuthFile, tenant: tenant)
    }

    /// The query of `--prometheus`, nil without it.
    var query: PrometheusQuery? {
        guard let prometheus else { return nil }
        return PrometheusQuery(url: prometheus, match: match, serverLabel: serverLabel ?? PrometheusQuery.defaultServerLabel,
                               timeout: timeout ?? PrometheusQuery.defaultTimeout, credentials: credentials)
    }
}
