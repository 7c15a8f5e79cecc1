/// How a PNG keeps a chart's colours.
public enum PNGColors: String, CaseIterable, Sendable {
    /// At most 256 of the chart's own colours (an indexed PNG): flat colours stay exact, the
    /// antialiased shades at text and line edges take the nearest colour kept (see
    /// `ColorQuantizer`). About half the size of `exact`.
    case palette
    /// Every pixel as drawn (indexed only when the chart has at most 256 colours).
    case exact
}
