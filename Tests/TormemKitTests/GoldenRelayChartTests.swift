import Testing
import TormemTestSupport
@testable import TormemKit

/// Every chart of the real fixture and of the synthetic experiment and snapshot against
/// `Fixtures/golden/` (re-record: TORMEM_RECORD_GOLDEN=1 swift test).
@Suite struct GoldenRelayChartTests {
    @Test(arguments: [
        ("real-2025-09-18/measurements.csv", "real-2025-09-18"),
        ("synthetic/experiment_25relays.csv", "synthetic-experiment"),
        ("synthetic/snapshot_60relays.csv", "synthetic-snapshot"),
    ])
    func everyChart(data: String, folder: String) throws {
        let dir = try temporaryFolder("golden-\(folder)")
        let report = try ChartsJob.run(ChartsRequest(dataPaths: [Fixtures.url(data)], outputDirectory: dir))
        #expect(!report.written.isEmpty)
        for name in listing(dir) where !name.hasPrefix("memory_usage") && !name.hasPrefix("memory_weekly") || folder != "real-2025-09-18" {
            let result = Golden.check(try #require(bytes(dir + "/" + name)), against: folder + "/" + name)
            #expect(result.passed, "\(result.message)")
        }
    }
}
