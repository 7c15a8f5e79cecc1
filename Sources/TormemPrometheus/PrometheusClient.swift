import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TormemCore

/// GET requests to a Prometheus-compatible HTTP API (`/api/v1/query`), one at a time, each given
/// `timeout` seconds and carrying `headers` (the credentials); every failure is an input error
/// naming the URL (without credentials, and never showing a header's value): a server that cannot
/// be reached, an HTTP error (with Prometheus' `errorType` and `error`), refused credentials, a
/// redirect to another origin with credentials, an answer larger than `maxAnswerBytes`, a body that
/// is not a Prometheus answer.
struct PrometheusClient: Sendable {
    /// The base URL as given, without a trailing `/` (`http://host:9090`, `…/prometheus`).
    let base: String
    /// The base as messages show it: without user and password.
    let shown: String
    let timeout: Double
    /// Sent with every request: `Authorization`, `X-Scope-OrgID` (`PrometheusCredentials.headers`).
    let headers: [String: String]

    /// The most bytes one answer may have. Parsing holds the body and its JSON tree at once, and the
    /// tree of a hostile body (`[1,1,1,…]`, a boxed value per two bytes) takes about 22 times its
    /// size (measured: 1.08 GB of RSS for 48 MiB): 32 MiB keeps a run near 720 MB whatever a server
    /// sends, and is well above the answers tormem asks for (`PrometheusSource.pointsPerAnswer`
    /// samples of about 30 bytes: 15 MB; an answer larger than the cap is asked again in shorter chunks).
    static let maxAnswerBytes = 32 << 20

    init(url: String, timeout: Double, headers: [String: String] = [:]) {
        var base = url
        while base.hasSuffix("/") { base.removeLast() }
        self.base = base
        self.shown = PrometheusClient.withoutCredentials(base)
        self.timeout = timeout
        self.headers = headers
    }

    /// Whether requests identify the asker: credential headers, or a user in the URL.
    var hasCredentials: Bool { headers.keys.contains("Authorization") || headers.keys.contains("X-Scope-OrgID") || shown != base }

    /// `scheme://user:password@host/…` without `user:password@`.
    static func withoutCredentials(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return url }
        return String(url[..<scheme.upperBound]) + String(rest[rest.index(after: at)...])
    }

    /// The answer of `/api/v1/query` for `query` evaluated at `time` (seconds).
    func query(_ query: String, time: Int64) throws(TormemError) -> PrometheusAnswer {
        guard let answer = try answer(query, time: time) else { throw tooLarge }
        return answer
    }

    /// The error of an answer larger than `maxAnswerBytes`.
    var tooLarge: TormemError {
        .input(Diagnostic(file: shown + "/api/v1/query", message: "the answer is larger than \(PrometheusClient.maxAnswerBytes >> 20) MiB; narrow --match or the window"))
    }

    /// The answer of `/api/v1/query` for `query` evaluated at `time`; nil when it is larger than
    /// `maxAnswerBytes` (the transfer stopped there).
    func answer(_ query: String, time: Int64) throws(TormemError) -> PrometheusAnswer? {
        let path = "/api/v1/query"
        let link = base + path + "?query=" + PrometheusClient.encoded(query) + "&time=" + String(time)
        let shownURL = shown + path
        func fail(_ message: String) -> TormemError { .input(Diagnostic(file: shownURL, message: message)) }
        guard let url = URL(string: link), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw .usage("--prometheus \(MessageText.quoted(shown)): expected an http:// or https:// URL")
        }
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let status: Int, bytes: [UInt8]
        switch PrometheusTransfer.run(request, timeout: timeout, cap: PrometheusClient.maxAnswerBytes, withCredentials: hasCredentials) {
        case .answer(let s, let b): (status, bytes) = (s, b)
        case .failed(let error): throw fail(PrometheusClient.reason(error, timeout: timeout))
        case .timedOut: throw fail(PrometheusClient.timedOut(timeout))
        case .tooLarge: return nil
        case .refusedRedirect(let to):
            throw fail("redirected to \(PrometheusClient.withoutCredentials(to.absoluteString)) on another host (or port, or scheme): "
                + "not followed, as the request carries credentials (give that URL to --prometheus if it is meant)")
        }
        let ok = (200..<300).contains(status)
        if status == 401 || status == 403 { throw fail("HTTP \(status): " + refusal(status, body: bytes)) }
        do {
            let answer = try PrometheusAnswer.parse(bytes)
            guard ok else { throw fail("HTTP \(status)") }
            return answer
        } catch let problem as PrometheusAnswer.Problem {
            let html = bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 } == UInt8(ascii: "<")
            throw fail((ok ? "" : "HTTP \(status): ") + problem.message
                + (html ? " (an HTML page: a login page or a proxy in front of the server? see --bearer-token-file, --basic-auth-file)" : ""))
        } catch let e as TormemError {
            throw e
        } catch {
            throw fail("\(error)")
        }
    }

    /// What a 401 or 403 means: the credentials were refused, or are missing; with Prometheus'
    /// message when the body is its error.
    func refusal(_ status: Int, body: [UInt8]) -> String {
        var text = !hasCredentials
            ? "the server asks for credentials: give --bearer-token-file or --basic-auth-file (and --tenant for a multi-tenant engine)"
            : "the server refused the credentials (check --bearer-token-file, --basic-auth-file, --tenant)"
        do { _ = try PrometheusAnswer.parse(body) } catch {
            if case .prometheus(let type, let message) = error { text += " (\(type): \(message))" }
        }
        return text
    }

    /// Percent-encoding of a query parameter: all but unreserved characters (a `+` would be a space).
    static func encoded(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                let hex = Array("0123456789ABCDEF")
                out += "%" + String(hex[Int(b >> 4)]) + String(hex[Int(b & 15)])
            }
        }
        return out
    }

    static func timedOut(_ timeout: Double) -> String {
        "no answer within \(NumberFormat.fixed(timeout, decimals: timeout == timeout.rounded() ? 0 : 1)) s (--timeout)"
    }

    /// What a transport error means to a person.
    static func reason(_ error: any Error, timeout: Double) -> String {
        guard let e = error as? URLError else { return "\(error)" }
        let said = e.localizedDescription
        switch e.code {
        case .cannotConnectToHost: return "cannot connect: connection refused"
        case .timedOut: return timedOut(timeout)
        case .cannotFindHost, .dnsLookupFailed: return "cannot resolve the host name"
        case .networkConnectionLost: return "the connection was closed before the answer ended"
        case .serverCertificateUntrusted, .serverCertificateHasUnknownRoot, .serverCertificateHasBadDate, .serverCertificateNotYetValid:
            return "the server's TLS certificate is not trusted (\(said)): is it signed by a CA in the system's store?"
        case .secureConnectionFailed: return "the TLS connection failed (\(said))"
        default:
            // FoundationNetworking passes on libcurl's words for the rest.
            if said.contains("HTTP/0.9") { return "the server's answer is not HTTP" }
            if said.hasPrefix("Empty reply") { return "the server closed the connection without an answer" }
            if said.hasPrefix("transfer closed with") { return "the connection was closed before the answer ended (\(said))" }
            if said.contains("SSL certificate") || said.contains("certificate verify") {
                return "the server's TLS certificate is not trusted (\(said)): is it signed by a CA in the system's store?"
            }
            return said
        }
    }
}
