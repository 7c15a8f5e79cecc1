import Testing
import TormemTestSupport
@testable import TormemKit

/// The real fixture's charts against `Fixtures/golden/` (re-record: TORMEM_RECORD_GOLDEN=1 swift test).
@Suite struct GoldenChartTests {
    @Test(arguments: ["png", "svg"])
    func realFixtureCharts(ext: String) throws {
        let dir = try temporaryFolder("golden-\(ext)")
        _ = try ChartsJob.run(ChartsRequest(dataPaths: [realData], outputDirectory: dir,
                                            format: ext == "svg" ? .svg : .png))
        for name in ["memory_usage", "memory_weekly"] {
            let file = "\(name).\(ext)"
            let result = Golden.check(try #require(bytes(dir + "/" + file)), against: "real-2025-09-18/" + file)
            #expect(result.passed, "\(result.message)")
        }
    }
}
