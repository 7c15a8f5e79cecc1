import Foundation
import Testing
import TormemCore
import TormemData
import TormemTestSupport
@testable import TormemKit

@Suite struct ChartSourceTests {
    func source(_ request: ChartsRequest) throws -> ChartSource {
        try ChartSource(request: request, side: try SideFiles.load(nextTo: request.dataPaths[0]))
    }

    @Test func theDocumentNamesWhatTheChartsAreDrawnFrom() throws {
        let s = try source(ChartsRequest(dataPaths: [realData], outputDirectory: "out"))
        #expect(s.document.contains("\"tormem-output\": \(ChartSource.outputVersion)"))
        #expect(s.document.contains("\"measurements.csv\": \"\(SHA256.hex(try #require(bytes(realData))))\""))
        #expect(s.document.contains("\"experiment.json\""))
        #expect(s.document.contains("\"relay_config.csv\""))
        #expect(s.document.contains("\"theme\": \"dark\""))
        // Only what is drawn from: not the output folder, not how the data path is spelled.
        let elsewhere = try source(ChartsRequest(dataPaths: [realData.replacingOccurrences(of: "/measurements.csv", with: "/./measurements.csv")],
                                                     outputDirectory: "other"))
        #expect(elsewhere.document == s.document)
        #expect(s.stamp(for: "memory_usage.png").hasPrefix("sha256:"))
        #expect(s.stamp(for: "memory_usage.png") != s.stamp(for: "memory_weekly.png"))
        #expect(s.stamp(for: "memory_usage.png") == elsewhere.stamp(for: "memory_usage.png"))
    }

    @Test func everyChartOptionChangesTheStamp() throws {
        let base = ChartsRequest(dataPaths: [realData], outputDirectory: "out")
        let stamp = try source(base).stamp(for: "x.png")
        var changed: [ChartsRequest] = []
        var r = base; r.theme = .light; changed.append(r)
        r = base; r.title = "T"; changed.append(r)
        r = base; r.width = 1000; changed.append(r)
        r = base; r.control = "B"; changed.append(r)
        r = base; r.groupLabels = ["A": "x"]; changed.append(r)
        r = base; r.expectedMaxGB = 3; changed.append(r)
        r = base; r.strict = true; r.jsonPath = "x.json"   // changes no chart
        #expect(try source(r).stamp(for: "x.png") == stamp)
        for c in changed { #expect(try source(c).stamp(for: "x.png") != stamp, "\(c.settings)") }
    }
}
