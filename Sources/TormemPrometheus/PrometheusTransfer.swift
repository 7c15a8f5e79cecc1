import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One GET, waited for (the command line is synchronous), through a URLSession delegate so that the
/// answer is streamed and bounded: the body is kept up to `cap` bytes and the transfer cancelled
/// past it; the whole transfer is given `timeout` seconds (a body that trickles forever ends too);
/// with credentials, a redirect to another origin (scheme, host or port) is not followed.
final class PrometheusTransfer: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    /// How it ended.
    enum Outcome {
        case answer(status: Int, body: [UInt8])
        /// The transport's error (refused, unresolvable, timed out, TLS, cut short …).
        case failed(any Error)
        /// More than `cap` bytes.
        case tooLarge
        /// No end within the timeout (also when the transport did not end it itself).
        case timedOut
        /// A redirect to another origin refused because the request carries credentials.
        case refusedRedirect(to: URL)
    }

    let cap: Int
    let withCredentials: Bool
    let origin: URL
    private let lock = NSLock()
    private var body: [UInt8] = []
    private var status = 0
    private var outcome: Outcome?
    /// How a callback decided it ends, taken once the task completes: ending earlier (from inside
    /// a callback, before its completion handler) would race FoundationNetworking's own state.
    private var pending: Outcome?
    private let done = DispatchSemaphore(value: 0)

    private init(cap: Int, withCredentials: Bool, origin: URL) {
        self.cap = cap; self.withCredentials = withCredentials; self.origin = origin
    }

    /// `request` sent and its answer read (at most `cap` bytes, within `timeout` seconds).
    static func run(_ request: URLRequest, timeout: Double, cap: Int, withCredentials: Bool) -> Outcome {
        let transfer = PrometheusTransfer(cap: cap, withCredentials: withCredentials, origin: request.url!)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpShouldSetCookies = false
        configuration.httpCookieStorage = nil
        configuration.urlCredentialStorage = nil
        configuration.urlCache = nil
        let session = URLSession(configuration: configuration, delegate: transfer, delegateQueue: nil)
        defer { session.invalidateAndCancel() }
        let task = session.dataTask(with: request)
        task.resume()
        if transfer.done.wait(timeout: .now() + timeout + 2) == .timedOut {
            transfer.finish(.timedOut)
            task.cancel()
        }
        return transfer.lock.withLock { transfer.outcome! }
    }

    /// How it ends, once the task completes.
    private func decide(_ outcome: Outcome) { lock.withLock { if pending == nil { pending = outcome } } }

    /// The first way it ends is how it ended.
    private func finish(_ outcome: Outcome) {
        let first: Bool = lock.withLock {
            guard self.outcome == nil else { return false }
            self.outcome = outcome
            return true
        }
        if first { done.signal() }
    }

    /// Whether `a` and `b` are one origin: scheme, host and port (the scheme's default when none).
    static func sameOrigin(_ a: URL, _ b: URL) -> Bool {
        func port(_ u: URL) -> Int? { u.port ?? (u.scheme?.lowercased() == "https" ? 443 : u.scheme?.lowercased() == "http" ? 80 : nil) }
        return a.scheme?.lowercased() == b.scheme?.lowercased() && a.host?.lowercased() == b.host?.lowercased() && port(a) == port(b)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        guard let to = request.url else { completionHandler(nil); return }
        if Self.sameOrigin(origin, to) {
            completionHandler(request)
        } else if withCredentials {
            // Not followed: the task completes with the redirect itself.
            decide(.refusedRedirect(to: to))
            completionHandler(nil)
        } else {
            // Nothing to leak; still, no header of ours goes to another origin.
            var r = request
            r.setValue(nil, forHTTPHeaderField: "Authorization")
            r.setValue(nil, forHTTPHeaderField: "X-Scope-OrgID")
            completionHandler(r)
        }
    }

    /// A 401 with `WWW-Authenticate`: the session has no credential of its own (our credentials are
    /// headers), so the challenge is the answer (FoundationNetworking would otherwise wait forever).
    func urlSession(_ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
                    completionHandler: @escaping @Sendable (URLSession.AuthChallengeDisposition, URLCredential?) -> Void) {
        decide(.answer(status: (challenge.failureResponse as? HTTPURLResponse)?.statusCode ?? 401, body: []))
        completionHandler(.cancelAuthenticationChallenge, nil)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        let http = response as? HTTPURLResponse
        lock.withLock { status = http?.statusCode ?? 0 }
        if response.expectedContentLength > Int64(cap) {
            decide(.tooLarge)
            completionHandler(.cancel)
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let over: Bool = lock.withLock {
            guard body.count + data.count <= cap else { return true }
            body.append(contentsOf: data)
            return false
        }
        if over {
            decide(.tooLarge)
            dataTask.cancel()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        if let decided = lock.withLock({ pending }) {
            finish(decided)
        } else if let error {
            finish(.failed(error))
        } else {
            let (status, body) = lock.withLock {
                defer { self.body = [] }
                return (self.status, self.body)
            }
            finish(.answer(status: status, body: body))
        }
    }
}
