extension Theme {
    /// The i-th of many series colours: the palette first, then evenly spread hues (golden angle),
    /// bright on dark backgrounds and deeper on light ones.
    public func distinct(_ i: Int) -> Color {
        if i < palette.count { return palette[i] }
        let hue = (Double(i - palette.count) * 137.508 + 20).truncatingRemainder(dividingBy: 360) / 60
        let dark = background.red + background.green + background.blue < 1.5
        let v = dark ? 0.95 : 0.62, sat = dark ? 0.55 : 0.75
        let c = v * sat, x = c * (1 - abs(hue.truncatingRemainder(dividingBy: 2) - 1)), m = v - c
        let (r, g, b): (Double, Double, Double)
        switch Int(hue) {
        case 0: (r, g, b) = (c, x, 0)
        case 1: (r, g, b) = (x, c, 0)
        case 2: (r, g, b) = (0, c, x)
        case 3: (r, g, b) = (0, x, c)
        case 4: (r, g, b) = (x, 0, c)
        default: (r, g, b) = (c, 0, x)
        }
        return Color(red: r + m, green: g + m, blue: b + m)
    }
}
