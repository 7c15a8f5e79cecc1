import Testing
import TormemCore
@testable import TormemData

/// The per-relay series keeps every quantity in step with its times, whatever is done to it.
@Suite struct RelaySeriesTests {
    func series(_ times: [Int64], rss: [Double], hwm: [Double]) -> RelaySeries {
        var s = RelaySeries(info: RelayInfo(nickname: "r"), metrics: [.rss, .hwm])
        for (k, t) in times.enumerated() { s.append(time: t, values: [rss[k], hwm[k]]) }
        return s
    }

    @Test func normalizeSortsEveryColumnAndKeepsTheLaterDuplicate() {
        var s = series([30, 10, 20, 10], rss: [3, 1, 2, 9], hwm: [30, 10, 20, 90])
        s.normalize()
        #expect(s.times == [10, 20, 30])
        #expect(s.values == [9, 2, 3])
        #expect(s.values(of: .hwm) == [90, 20, 30])
    }

    @Test func sliceAndRunsCutEveryColumn() {
        let s = series([1, 2, 3, 4, 5], rss: [1, 2, 3, 4, 5], hwm: [10, 20, 30, 40, 50])
        let cut = s.slice(1..<3)
        #expect(cut.times == [2, 3] && cut.values == [2, 3] && cut.values(of: .hwm) == [20, 30])
        let runs = s.keeping(runs: [0..<1, 3..<5])
        #expect(runs.times == [1, 4, 5] && runs.values(of: .hwm) == [10, 40, 50])
        #expect(s.keeping(runs: [0..<5]) == s)
    }

    @Test func selectingAQuantityPutsItFirstAndDropsSamplesWithoutIt() throws {
        let s = series([1, 2, 3, 4], rss: [1, 2, 3, 4], hwm: [.nan, 20, .nan, 40])
        let hwm = try #require(s.selecting(.hwm))
        #expect(hwm.metric == .hwm)
        #expect(hwm.times == [2, 4] && hwm.values == [20, 40] && hwm.values(of: .rss) == [2, 4])
        #expect(s.selecting(.vmsize) == nil)
        #expect(series([1], rss: [1], hwm: [.nan]).selecting(.hwm) == nil)
    }

    @Test func mergeMatchesQuantitiesByMetric() {
        var a = series([1, 3], rss: [1, 3], hwm: [10, 30])
        let b = RelaySeries(info: RelayInfo(nickname: "r"), times: [2], values: [2], metric: .rss)
        a.merge(b)
        #expect(a.times == [1, 2, 3] && a.values == [1, 2, 3])
        let hwm = a.values(of: .hwm)!
        #expect(hwm[0] == 10 && hwm[1].isNaN && hwm[2] == 30)
    }

    @Test func theLatestValueIsTheAnalysedQuantitys() {
        let s = series([1, 2], rss: [1, 2], hwm: [10, 20])
        #expect(s.latestValue == 2)
        #expect(s.selecting(.hwm)?.latestValue == 20)
    }
}

@Suite struct MetricTests {
    @Test func everyMetricNamesAUnifiedColumn() {
        for m in Metric.allCases { #expect(UnifiedColumns.all.contains(m.column), "\(m)") }
        #expect(Metric.rss.name == "RSS" && Metric.hwm.name == "peak RSS (VmHWM)")
    }

    @Test func memoryIsShownInGBAndARatioAsItIs() {
        #expect(Metric.hwm.shown(1_048_576) == 1)
        #expect(Metric.frag.shown(2.5) == 2.5)
        #expect(Metric.vmsize.text(1.5) == "1.50 GB" && Metric.frag.text(2.5) == "2.50×")
        #expect(Metric.allCases.filter { !$0.isMemory } == [.frag])
    }
}
