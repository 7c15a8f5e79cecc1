import Testing
import TormemCore
import TormemData
@testable import TormemCollect

@Suite struct CollectorTests {
    @Test func snapshotOfTheFakeHost() throws {
        let s = try FakeHost.collector().snapshot()
        #expect(s.time == FakeHost.time)
        #expect(s.server == FakeHost.hostName)
        #expect(s.relays.map(\.instance.name) == FakeHost.relays.map(\.name))
        for (r, f) in zip(s.relays, FakeHost.relays) {
            #expect(r.pid == f.pid)
            #expect(r.isRunning == (f.pid != nil))
            #expect(r.group == f.group)
            if f.pid != nil {
                #expect(r.memory?.rssKB == f.rss)
                #expect(r.memory?.vmSizeKB == f.size)
                #expect(r.memory?.hwmKB == f.hwm)
                #expect(r.memory?.peakKB == f.peak)
            }
        }
        #expect(s.relays[0].fragmentationRatio == FakeHost.alphaRatio)
        #expect(s.relays[1].fragmentationRatio == nil)  // beta: no smaps
    }

    @Test func aggregateIsOverRunningRelays() throws {
        let a = try FakeHost.collector().snapshot().aggregate
        let rss = FakeHost.running.map(\.rss)
        #expect(a.count == rss.count)
        #expect(a.totalKB == rss.reduce(0, +))
        #expect(a.minKB == rss.min())
        #expect(a.maxKB == rss.max())
        #expect(a.averageKB == rss.reduce(0, +) / rss.count)
    }

    @Test func noRelaysRunningGivesAnEmptyAggregate() {
        let a = AggregateReading(rss: [])
        #expect(a.count == 0 && a.totalKB == 0)
        #expect(a.averageKB == nil && a.minKB == nil && a.maxKB == nil)
    }

    @Test func serverOverrideAndGroupsWithoutConfig() throws {
        var settings = FakeHost.settings(config: false)
        settings.server = "relays-7"
        let s = try Collector(settings: settings).snapshot()
        #expect(s.server == "relays-7")
        #expect(s.relays.allSatisfy { $0.group.isEmpty })
    }

    @Test func withoutTheProcessViewNothingRuns() throws {
        // The fixture's processes name /etc/tor/instances, not the fixture folder.
        var settings = FakeHost.settings()
        settings.processInstancesDirectory = nil
        #expect(try Collector(settings: settings).snapshot().running.isEmpty)
    }

    @Test func missingConfigIsAnInputError() {
        var settings = FakeHost.settings()
        settings.configPath = "/nonexistent/relay_config.csv"
        #expect(throws: TormemError.self) { try Collector(settings: settings).snapshot() }
        do {
            _ = try Collector(settings: settings).snapshot()
        } catch {
            #expect(error.exitCode == 3)
            #expect(error.description.contains("/nonexistent/relay_config.csv"))
        }
    }

    @Test func missingProcRootIsAnInputError() {
        var settings = FakeHost.settings()
        settings.procRoot = "/nonexistent/proc"
        do {
            _ = try Collector(settings: settings).snapshot()
            Issue.record("expected an error")
        } catch {
            #expect(error.exitCode == 3)
            #expect(error.description.contains("--proc-root"))
        }
    }
}
