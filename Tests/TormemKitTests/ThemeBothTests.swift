import Foundation
import Testing
import TormemCairo
import TormemTestSupport
@testable import TormemKit

/// `--theme both`: a light set and a dark set, and a README showing the reader's one.
@Suite struct ThemeBothTests {
    @Test func drawsALightSetAndADarkSetWithTheSamePixelsAsEachTheme() throws {
        let dir = try temporaryFolder()
        let both = try run(["--data", realData, "--output-dir", dir + "/both", "--theme", "both", "-q"])
        #expect(both.status == 0, "\(both.stderr)")
        let expected = realCharts.flatMap { [$0, $0.replacingOccurrences(of: ".png", with: "-dark.png")] }.sorted()
        #expect(listing(dir + "/both") == expected)
        for theme in ["light", "dark"] {
            #expect(try run(["--data", realData, "--output-dir", dir + "/" + theme, "--theme", theme, "-q"]).status == 0)
        }
        for chart in ["memory_usage", "chart2_final_comparison"] {
            let light = try CairoRenderer.decodePNG(try #require(bytes(dir + "/both/\(chart).png")))
            let dark = try CairoRenderer.decodePNG(try #require(bytes(dir + "/both/\(chart)-dark.png")))
            let lightAlone = try CairoRenderer.decodePNG(try #require(bytes(dir + "/light/\(chart).png")))
            let darkAlone = try CairoRenderer.decodePNG(try #require(bytes(dir + "/dark/\(chart).png")))
            #expect(light == lightAlone)
            #expect(dark == darkAlone)
            #expect(light != dark)
        }
    }

    @Test func theReportShowsEachChartAsAPictureForBothColourSchemes() throws {
        let (root, folder) = try newRealReport(["--theme", "both"])
        let readme = String(decoding: bytes(folder + "/README.md") ?? [], as: UTF8.self)
        #expect(readme.contains("""
            <picture>
              <source media="(prefers-color-scheme: dark)" srcset="charts/memory_usage-dark.png">
              <img src="charts/memory_usage.png" alt="
            """))
        #expect(!readme.contains("![")) // every chart is a picture
        #expect(readme.components(separatedBy: "<picture>").count - 1 == realCharts.count)
        #expect(listing(folder + "/charts").count == 2 * realCharts.count)
        #expect(try run(["regenerate", root, "--check"]).status == 0)
        // Back to one theme: plain images again.
        #expect(try run(["report", folder, "--theme", "dark", "-q"]).status == 0)
        let dark = String(decoding: bytes(folder + "/README.md") ?? [], as: UTF8.self)
        #expect(!dark.contains("<picture>") && dark.contains("![Total memory"))
    }

    @Test func pictureAttributesAreEscaped() {
        let html = MarkdownText.picture(alt: "A \"quoted\" <b>name</b> & co\nnext", light: "charts/a b.png", dark: "charts/a b-dark.png")
        #expect(html == """
            <picture>
              <source media="(prefers-color-scheme: dark)" srcset="charts/a%20b-dark.png">
              <img src="charts/a%20b.png" alt="A &quot;quoted&quot; &lt;b&gt;name&lt;/b&gt; &amp; co next">
            </picture>
            """)
    }
}
