import Foundation
import Testing
import TormemCore
import TormemData
import TormemTestSupport
@testable import TormemPrometheus

/// The newest samples: VictoriaMetrics keeps the last 30 s out of answers whose time is "now"
/// (`-search.latencyOffset`), but a range selector evaluated at an explicit time, as the source
/// asks, returns them: a sample taken seconds ago is read.
@Suite(.serialized, .enabled(if: VictoriaMetricsServer.isInstalled, Comment(rawValue: VictoriaMetricsServer.missing)))
struct PrometheusSourceRecentTests {
    @Test func aSampleSecondsOldIsRead() throws {
        let now = Int64(Date().timeIntervalSince1970)
        let labels = #"{instance="relayhost",nickname="fresh",fingerprint="0123456789ABCDEF0123456789ABCDEF01234567"}"#
        let name = Metric.rss.prometheusName
        let text = [now - 1200, now - 600, now - 5].map { "\(name)\(labels) \(1 << 30) \($0)" }.joined(separator: "\n") + "\n"
        let server = try VictoriaMetricsServer(openMetrics: text)
        defer { server.stop() }
        let data = try PrometheusSource(url: server.url).read(window: TimeWindow(last: 3600), windowOptions: "--last 1h", warn: { _ in })
        let relay = try #require(data.files.first?.relays.relays.first)
        #expect(relay.times == [now - 1200, now - 600, now - 5])
    }
}
