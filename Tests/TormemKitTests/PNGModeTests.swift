import Foundation
import Testing
import TormemCairo
import TormemTestSupport
@testable import TormemKit

/// `--png palette` (the default) and `--png exact`: how much smaller and how close the charts are.
@Suite struct PNGModeTests {
    @Test(arguments: ["dark", "light"])
    func paletteChartsWeighAtMostHalfAndStayClose(theme: String) throws {
        let dir = try temporaryFolder()
        for mode in ["palette", "exact"] {
            let r = try run(["--data", realData, "--output-dir", dir + "/" + mode, "--theme", theme, "--png", mode, "-q"])
            #expect(r.status == 0, "\(r.stderr)")
        }
        var reduced = 0, exact = 0
        for chart in realCharts {
            let p = try #require(bytes(dir + "/palette/" + chart)), e = try #require(bytes(dir + "/exact/" + chart))
            reduced += p.count; exact += e.count
            #expect(p[25] == 3, "\(chart) is an indexed PNG")
            let a = try CairoRenderer.decodePNG(e).argb, b = try CairoRenderer.decodePNG(p).argb
            var worst = 0, moved = 0, far = 0
            for i in a.indices where a[i] != b[i] {
                moved += 1
                var channel = 0
                for shift in stride(from: 0, to: 32, by: 8) {
                    channel = max(channel, abs(Int((a[i] >> UInt32(shift)) & 0xff) - Int((b[i] >> UInt32(shift)) & 0xff)))
                }
                worst = max(worst, channel)
                if channel > 8 { far += 1 }
            }
            // Only edge shades move: few pixels, by little.
            #expect(moved * 20 < a.count, "\(chart): \(moved) of \(a.count) pixels moved")
            #expect(far * 500 < a.count, "\(chart): \(far) pixels moved by more than 8/255")
            #expect(worst <= 40, "\(chart): a channel moved by \(worst)")
        }
        #expect(reduced * 2 <= exact, "palette \(reduced) B, exact \(exact) B")
    }

    @Test func theModeIsKeptWithAReportAndChecked() throws {
        let (root, folder) = try newRealReport(["--png", "exact"])
        let settings = String(decoding: bytes(folder + "/tormem.json") ?? [], as: UTF8.self)
        #expect(settings.contains("\"png\": \"exact\""), "\(settings)")
        #expect(try #require(bytes(folder + "/charts/memory_usage.png"))[25] == 2)
        #expect(try run(["regenerate", root, "--check"]).status == 0)
    }

    @Test func anUnknownModeIsAUsageError() throws {
        let r = try run(["--data", realData, "--output-dir", try temporaryFolder(), "--png", "lossy"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("palette") && r.stderr.contains("exact"), "\(r.stderr)")
    }
}
