/// Colours of a chart. Dark is the default (GitHub-dark background, teal accent).
public struct Theme: Equatable, Sendable {
    public var background: Color
    public var panel: Color
    public var grid: Color
    public var axis: Color
    public var text: Color
    public var mutedText: Color
    public var accent: Color
    /// Colours for further series, in order.
    public var palette: [Color]
    /// Warm colour for warnings: high points, thresholds, outliers.
    public var warning: Color
    public var cool: Color
    /// Event markers (restarts, configuration changes): unlike the muted count-change markers.
    public var event: Color

    public static let dark = Theme(
        background: Color(hex: "#0d1117")!, panel: Color(hex: "#161b22")!, grid: Color(hex: "#30363d")!,
        axis: Color(hex: "#8b949e")!, text: Color(hex: "#e6edf3")!, mutedText: Color(hex: "#9da7b3")!,
        accent: Color(hex: "#00d4aa")!,
        palette: Theme.okabeIto(onDark: true),
        warning: Color(hex: "#ff7b72")!, cool: Color(hex: "#79c0ff")!, event: Color(hex: "#f2cc60")!)

    public static let light = Theme(
        background: Color(hex: "#ffffff")!, panel: Color(hex: "#f6f8fa")!, grid: Color(hex: "#d8dee4")!,
        axis: Color(hex: "#57606a")!, text: Color(hex: "#1f2328")!, mutedText: Color(hex: "#57606a")!,
        accent: Color(hex: "#00a884")!,
        palette: Theme.okabeIto(onDark: false),
        warning: Color(hex: "#cf222e")!, cool: Color(hex: "#0969da")!, event: Color(hex: "#7d4e00")!)

    public func withAccent(_ c: Color) -> Theme {
        var t = self
        t.accent = c
        return t
    }

    /// The Okabe–Ito colours, safe for colour-blind readers, in their order: on a dark background the
    /// black is a light grey and the blue a lighter blue, so every series stands out from the panel.
    /// On a light background the orange, sky blue, yellow, vermillion and reddish purple are darker
    /// (same hues), so each has a contrast of at least 3:1 against the white background and the
    /// light panel; the yellow `#F0E442` (1.3:1 on white) is an olive `#847C0A` (4.3:1).
    static func okabeIto(onDark: Bool) -> [Color] {
        (onDark ? ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#3A8FD9", "#D55E00", "#CC79A7", "#BBBBBB"]
                : ["#B88000", "#1C95D9", "#009E73", "#847C0A", "#0072B2", "#8F3F00", "#CA73A3", "#000000"])
            .map { Color(hex: $0)! }
    }

    /// Line dashes that tell series apart besides their colour: solid up to four series, then a
    /// cycle of solid, long dash, dot and dash-dot (in device units at scale 1).
    public static func dash(series i: Int, of count: Int) -> [Double] {
        guard count > 4 else { return [] }
        return [[], [14, 6], [3, 5], [14, 5, 3, 5]][((i % 4) + 4) % 4]
    }

    /// The i-th series colour (cycles).
    public func series(_ i: Int) -> Color { palette[((i % palette.count) + palette.count) % palette.count] }
}
