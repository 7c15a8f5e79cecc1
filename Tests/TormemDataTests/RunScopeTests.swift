import Testing
import TormemCore
import TormemTestSupport
@testable import TormemData

/// One definition of the run's facts, whatever the input format (issue 21).
@Suite struct RunScopeTests {
    static func scope(_ relative: String) throws -> RunScope {
        let path = Fixtures.url(relative)
        return ChartInputs(files: [try DataLoader.load(path: path)], side: try SideFiles.load(nextTo: path)).scope
    }

    @Test func relaysInTwoGroupFilesAreCountedOnce() throws {
        let s = try Self.scope("shapes-allocators/memory.csv")
        #expect(s.relays == 200)
        #expect(s.groups == GroupRelayCount(relays: 200, memberships: 260, inSeveral: [2: 60]))
        #expect(s.relaysText == "200 (60 in two groups)")
        #expect(s.serverNames == ["relayhost-fsn1"])
        #expect(s.servers.map(\.relays) == [200])
        #expect(s.collections == s.servers[0].collections && s.collections == 60)
        #expect(s.periodText == "2026-03-02 00:00 UTC → 2026-03-11 20:00 UTC")
        #expect(s.rowsRead == 11_700 && s.rowsSkipped == 0 && s.files == 1)
    }

    @Test func anExperimentTableCountsItsRelays() throws {
        let s = try Self.scope("synthetic/experiment_25relays.csv")
        #expect(s.relays == 25)
        #expect(s.relaysText == "25")
        #expect(s.collections == nil && s.first == nil)
        #expect(s.periodText.hasPrefix("days 0–"))
    }

    @Test func aSnapshotCountsItsRelaysRunningOrNot() throws {
        let path = Fixtures.url("synthetic/snapshot_60relays.csv")
        let inputs = ChartInputs(files: [try DataLoader.load(path: path)], side: SideFiles())
        let snap = try #require(inputs.snapshot)
        #expect(inputs.scope.relays == snap.relays.count + snap.notRunning.count)
        #expect(inputs.scope.relays >= 60)
        if let host = snap.host { #expect(inputs.scope.servers.map(\.name) == [host] && inputs.scope.collections == 1) }
    }

    @Test func groupChartSubtitlesSayDistinctRelaysAndMemberships() throws {
        let path = Fixtures.url("shapes-allocators/memory.csv")
        let inputs = ChartInputs(files: [try DataLoader.load(path: path)], side: try SideFiles.load(nextTo: path))
        let a = try #require(inputs.groups)
        #expect(GroupText.groupsAndRelays(a) == "8 groups · 200 relays (60 in two groups)")
        #expect(GroupText.shared(GroupRelayCount(relays: 9, memberships: 13, inSeveral: [2: 2, 3: 1])) == "2 in two groups, 1 in three")
        #expect(GroupText.shared(GroupRelayCount(relays: 3, memberships: 3)) == nil)
        let experiment = ChartInputs(files: [try DataLoader.load(path: Fixtures.url("synthetic/experiment_25relays.csv"))], side: SideFiles())
        #expect(GroupText.groupsAndRelays(try #require(experiment.groups)) == "5 groups · 25 relays")
    }
}
