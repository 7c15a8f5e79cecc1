import Foundation
import TormemCairo

extension ReportJob {
    /// An output of a folder that is not what the run would make, and why.
    public struct Stale: Equatable, Sendable, CustomStringConvertible {
        public enum Reason: Equatable, Sendable {
            /// The file is not there.
            case missing
            /// A chart without a source stamp.
            case noSourceFingerprint
            /// A chart stamped with another source.
            case otherSource
            /// A chart whose bytes differ from a fresh drawing's.
            case wouldChange
            /// `tormem.json` would hold these options instead.
            case settings(arguments: [String])
            /// These generated sections would change (none: only their markers).
            case sections([String])
            /// A chart of earlier options, which `report` removes.
            case leftOver
        }

        public var path: String
        public var reason: Reason

        public init(path: String, reason: Reason) { self.path = path; self.reason = reason }

        /// The line `--check` prints, the path relative to the current folder.
        public var description: String {
            switch reason {
            case .missing: return "\(path): missing"
            case .noSourceFingerprint: return "\(path): no source fingerprint (drawn by an older tormem, or rewritten without its metadata)"
            case .otherSource: return "\(path): drawn from other data, side files or options"
            case .wouldChange: return "\(path): would change"
            case .settings(let arguments): return "\(path): chart options would change (\(arguments.joined(separator: " ")))"
            case .sections(let names):
                return "\(path): generated sections " + (names.isEmpty ? "(markers)" : names.joined(separator: ", ")) + " would change"
            case .leftOver: return "\(path): drawn by tormem but not produced by the current options (`report` removes it)"
            }
        }
    }

    /// Step 4 (a check): the outputs that differ from what the folder holds, in their order. A
    /// chart that was drawn is compared by its bytes, one that was not by its source stamp.
    public static func check(_ outputs: [Output]) -> [Stale] {
        outputs.compactMap { o -> Stale? in
            let reason: Stale.Reason?
            switch o.kind {
            case .chart(let stamp):
                guard let old = FileManager.default.contents(atPath: o.path).map({ [UInt8]($0) }) else { reason = .missing; break }
                if let bytes = o.bytes {
                    reason = old == bytes ? nil : .wouldChange
                } else {
                    switch SourceStamp.read(old) {
                    case nil: reason = .noSourceFingerprint
                    case stamp?: reason = nil
                    default: reason = .otherSource
                    }
                }
            case .newDocument: reason = .missing
            case .settings(let arguments): reason = .settings(arguments: arguments)
            case .sections(let names): reason = .sections(names)
            case .leftOver: reason = .leftOver
            case .runFacts: reason = nil
            }
            return reason.map { Stale(path: o.path, reason: $0) }
        }
    }
}
