import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TormemCore

/// GET requests to a Prometheus-compatible HTTP API (`/api/v1/query`), one at a time, each given
/// `timeout` seconds; every failure is an input error naming the URL (without credentials): a
/// server that cannot be reached, an HTTP error (with Prometheus' `errorType` and `error`), a body
/// that is not a Prometheus answer.
struct PrometheusClient: Sendable {
    /// The base URL as given, without a trailing `/` (`http://host:9090`, `…/prometheus`).
    let base: String
    /// The base as messages show it: without user and password.
    let shown: String
    let timeout: Double

    init(url: String, timeout: Double) {
        var base = url
        while base.hasSuffix("/") { base.removeLast() }
        self.base = base
        self.shown = PrometheusClient.withoutCredentials(base)
        self.timeout = timeout
    }

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
        let path = "/api/v1/query"
        let link = base + path + "?query=" + PrometheusClient.encoded(query) + "&time=" + String(time)
        let shownURL = shown + path
        func fail(_ message: String) -> TormemError { .input(Diagnostic(file: shownURL, message: message)) }
        guard let url = URL(string: link), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw .usage("--prometheus \(MessageText.quoted(shown)): expected an http:// or https:// URL")
        }
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        let (body, response, error) = PrometheusClient.fetch(request, timeout: timeout)
        if let error { throw fail(PrometheusClient.reason(error, timeout: timeout)) }
        guard let http = response as? HTTPURLResponse else { throw fail("no HTTP answer") }
        let bytes = [UInt8](body ?? Data())
        do {
            let answer = try PrometheusAnswer.parse(bytes)
            guard (200..<300).contains(http.statusCode) else { throw fail("HTTP \(http.statusCode)") }
            return answer
        } catch let problem as PrometheusAnswer.Problem {
            let status = (200..<300).contains(http.statusCode) ? "" : "HTTP \(http.statusCode): "
            throw fail(status + problem.message)
        } catch let e as TormemError {
            throw e
        } catch {
            throw fail("\(error)")
        }
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

    /// What a transport error means to a person.
    static func reason(_ error: any Error, timeout: Double) -> String {
        guard let e = error as? URLError else { return "\(error)" }
        switch e.code {
        case .cannotConnectToHost: return "cannot connect: connection refused"
        case .timedOut: return "no answer within \(NumberFormat.fixed(timeout, decimals: timeout == timeout.rounded() ? 0 : 1)) s (--timeout)"
        case .cannotFindHost, .dnsLookupFailed: return "cannot resolve the host name"
        case .networkConnectionLost: return "the connection was closed before the answer ended"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            return "the TLS connection failed (\(e.localizedDescription))"
        default: return e.localizedDescription
        }
    }

    /// One request, waited for (the command line is synchronous).
    private static func fetch(_ request: URLRequest, timeout: Double) -> (Data?, URLResponse?, (any Error)?) {
        final class Outcome: @unchecked Sendable {
            var data: Data?
            var response: URLResponse?
            var error: (any Error)?
        }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request) { data, response, error in
            outcome.data = data; outcome.response = response; outcome.error = error
            done.signal()
        }
        task.resume()
        done.wait()
        return (outcome.data, outcome.response, outcome.error)
    }
}
