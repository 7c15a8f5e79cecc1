import Testing
@testable import TormemData

/// A relay in two groups is one relay and two memberships (issue 21).
@Suite struct GroupRelayCountTests {
    @Test func distinctRelaysApartFromMemberships() {
        let relays = [RelayInfo(nickname: "a", group: "A"), RelayInfo(nickname: "a", group: "C"), RelayInfo(nickname: "b", group: "A"),
                      RelayInfo(nickname: "c", fingerprint: "F", group: "A"), RelayInfo(nickname: "c2", fingerprint: "F", group: "B"),
                      RelayInfo(nickname: "c", fingerprint: "F", group: "C"), RelayInfo(nickname: "b", group: "B", server: "other")]
        let count = GroupRelayCount(DailyTable(days: [0], relays: relays, values: relays.map { _ in [1] }))
        #expect(count.relays == 4)
        #expect(count.memberships == 7)
        #expect(count.inSeveral == [2: 1, 3: 1])
    }

    @Test func aTableOfDisjointGroupsHasOneMembershipPerRelay() {
        let relays = (0..<5).map { RelayInfo(nickname: "r\($0)", group: $0 < 2 ? "A" : "B") }
        let count = GroupRelayCount(DailyTable(days: [0], relays: relays, values: relays.map { _ in [1] }))
        #expect(count == GroupRelayCount(relays: 5, memberships: 5))
    }
}
