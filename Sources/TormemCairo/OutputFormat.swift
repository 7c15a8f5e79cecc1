/// The file formats the Cairo renderer produces.
public enum OutputFormat: String, CaseIterable, Sendable {
    case png, svg, pdf

    /// The conventional file extension, without the dot.
    public var fileExtension: String { rawValue }
}
