import Foundation
import Testing
@testable import TormemPlot

/// The series colours stay apart for readers with deuteranopia (the most common colour-vision
/// deficiency): simulated with the Machado et al. (2009) matrix at full severity, any two of the
/// first eight palette colours differ by a CIE76 ΔE of at least 12 in both themes.
@Suite struct ThemeTests {
    static func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
    static func encoded(_ c: Double) -> Double { let v = min(max(c, 0), 1); return v <= 0.0031308 ? 12.92 * v : 1.055 * pow(v, 1 / 2.4) - 0.055 }

    static func deuteranopia(_ c: Color) -> (Double, Double, Double) {
        let m = [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 1.032952]]
        let l = [linear(c.red), linear(c.green), linear(c.blue)]
        let o = m.map { row in zip(row, l).map { $0 * $1 }.reduce(0, +) }
        return (encoded(o[0]), encoded(o[1]), encoded(o[2]))
    }

    static func lab(_ rgb: (Double, Double, Double)) -> (Double, Double, Double) {
        let (r, g, b) = (linear(rgb.0), linear(rgb.1), linear(rgb.2))
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, y = 0.2126 * r + 0.7152 * g + 0.0722 * b
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
        func f(_ t: Double) -> Double { t > 0.008856 ? cbrt(t) : 7.787 * t + 16.0 / 116 }
        return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))
    }

    @Test(arguments: [Theme.dark, Theme.light])
    func seriesColoursStayApartUnderDeuteranopia(theme: Theme) {
        let colours = (0..<8).map { Self.lab(Self.deuteranopia(theme.series($0))) }
        for i in colours.indices {
            for j in colours.indices where j > i {
                let (a, b) = (colours[i], colours[j])
                let d = ((a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1) + (a.2 - b.2) * (a.2 - b.2)).squareRoot()
                #expect(d >= 12, "series \(i) and \(j): ΔE \(d)")
            }
        }
    }

    @Test func moreThanFourSeriesAlsoDifferByDash() {
        #expect((0..<4).allSatisfy { Theme.dash(series: $0, of: 4).isEmpty })
        let dashes = (0..<8).map { Theme.dash(series: $0, of: 8) }
        #expect(Set(dashes.prefix(4).map { $0.description }).count == 4)
        #expect(dashes[4] == dashes[0] && dashes[5] == dashes[1])
    }

    /// WCAG relative luminance and contrast ratio.
    static func contrast(_ a: Color, _ b: Color) -> Double {
        func l(_ c: Color) -> Double { 0.2126 * linear(c.red) + 0.7152 * linear(c.green) + 0.0722 * linear(c.blue) }
        let (x, y) = (l(a), l(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    /// Every light series colour reads against the white background and the light panel the lines
    /// are drawn on (3:1, the WCAG minimum for graphics).
    @Test(arguments: 0..<8)
    func lightSeriesColoursHaveContrast(i: Int) {
        let t = Theme.light
        #expect(Self.contrast(t.series(i), t.background) >= 3, "series \(i) on the background")
        #expect(Self.contrast(t.series(i), t.panel) >= 3, "series \(i) on the panel")
    }

    @Test func contrastIsMeasuredAsWCAGDoes() {
        #expect(abs(Self.contrast(Color(hex: "#000000")!, Color(hex: "#ffffff")!) - 21) < 1e-9)
        #expect(Self.contrast(Color(hex: "#F0E442")!, Theme.light.background) < 1.5)   // the old yellow
    }
}
