extension ReportJob {
    /// One thing a folder's run puts in place (or removes), as `render` made it in memory.
    public struct Output: Equatable, Sendable {
        public enum Kind: Equatable, Sendable {
            /// A chart of the plan; `stamp` is the source fingerprint it carries.
            case chart(stamp: String)
            /// README.md or REPORT.md, which the folder lacks.
            case newDocument
            /// `tormem.json`, with these options (as command-line arguments).
            case settings(arguments: [String])
            /// README.md or REPORT.md with these generated sections changed (none: only their markers).
            case sections([String])
            /// A chart tormem drew with earlier options that the current ones do not produce: removed
            /// once the new files are in place.
            case leftOver
            /// The run's `--json` document: no file of the folder, so never stale and not listed as written.
            case runFacts
        }

        public var path: String
        public var kind: Kind
        /// The new bytes; nil for a chart that was not drawn (a check by source stamps) and for a
        /// left-over chart.
        public var bytes: [UInt8]?

        public init(path: String, kind: Kind, bytes: [UInt8]?) {
            self.path = path; self.kind = kind; self.bytes = bytes
        }
    }
}
