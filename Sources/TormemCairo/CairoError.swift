import CCairo
import Foundation

/// A failure reported by cairo (or a request cairo cannot satisfy), with a lowercase message.
public struct CairoError: LocalizedError, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
    public var errorDescription: String? { message }

    /// Wraps a cairo status code; `what` names the step that failed ("rendering png").
    init(status: cairo_status_t, while what: String) {
        let text = cairo_status_to_string(status).map { String(cString: $0) } ?? "status \(status.rawValue)"
        self.init("cairo error while \(what): \(text.lowercased())")
    }

    /// Throws when `status` is not success.
    static func check(_ status: cairo_status_t, while what: String) throws {
        if status != CAIRO_STATUS_SUCCESS { throw CairoError(status: status, while: what) }
    }
}
