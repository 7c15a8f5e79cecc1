/// Colours of a chart. Dark is the default (GitHub-dark background, teal accent).
public struct Theme: Equatable, Sendable {
    public var background: Color
    public var panel: Color
    public var grid: Color
    public var axis: Color
    public var text: Color
    public var mutedText: Color
    public var accent: Color
    /// Colours for further series (servers, groups, relays), in order.
    public var palette: [Color]
    /// Warm colour for warnings: high points, thresholds, outliers.
    public var warning: Color
    public var cool: Color
    /// Event markers (restarts, configuration changes): unlike the muted relay-count markers.
    public var event: Color

    public static let dark = Theme(
        background: Color(hex: "#0d1117")!, panel: Color(hex: "#161b22")!, grid: Color(hex: "#30363d")!,
        axis: Color(hex: "#8b949e")!, text: Color(hex: "#e6edf3")!, mutedText: Color(hex: "#9da7b3")!,
        accent: Color(hex: "#00d4aa")!,
        palette: ["#58a6ff", "#f778ba", "#e3b341", "#a371f7", "#ff7b72", "#7ee787", "#79c0ff", "#ffa657",
                  "#d2a8ff", "#56d4dd"].map { Color(hex: $0)! },
        warning: Color(hex: "#ff7b72")!, cool: Color(hex: "#79c0ff")!, event: Color(hex: "#f2cc60")!)

    public static let light = Theme(
        background: Color(hex: "#ffffff")!, panel: Color(hex: "#f6f8fa")!, grid: Color(hex: "#d8dee4")!,
        axis: Color(hex: "#57606a")!, text: Color(hex: "#1f2328")!, mutedText: Color(hex: "#57606a")!,
        accent: Color(hex: "#00a884")!,
        palette: ["#0969da", "#bf3989", "#9a6700", "#8250df", "#cf222e", "#1a7f37", "#0550ae", "#bc4c00",
                  "#6639ba", "#1b7c83"].map { Color(hex: $0)! },
        warning: Color(hex: "#cf222e")!, cool: Color(hex: "#0969da")!, event: Color(hex: "#7d4e00")!)

    public func withAccent(_ c: Color) -> Theme {
        var t = self
        t.accent = c
        return t
    }

    /// The i-th series colour (cycles).
    public func series(_ i: Int) -> Color { palette[((i % palette.count) + palette.count) % palette.count] }
}
