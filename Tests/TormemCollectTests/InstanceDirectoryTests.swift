import Testing
import TormemData
@testable import TormemCollect

@Suite struct InstanceDirectoryTests {
    @Test func everyFolderSortedFilesIgnored() throws {
        let all = try InstanceDirectory(path: FakeHost.instancesDirectory + "//").instances()
        #expect(all.map(\.name) == FakeHost.relays.map(\.name))
        #expect(all.map(\.fingerprint) == FakeHost.relays.map(\.fingerprint))
    }

    @Test func missingFolderIsAnInputErrorNamingIt() {
        do {
            _ = try InstanceDirectory(path: "/nonexistent/instances").instances()
            Issue.record("expected an error")
        } catch {
            #expect(error.exitCode == 3)
            #expect(error.description.hasPrefix("/nonexistent/instances: "))
            #expect(error.description.contains("--instances-dir"))
        }
    }

    @Test func unknownNameListsTheKnownOnes() {
        do {
            _ = try InstanceDirectory(path: FakeHost.instancesDirectory).instance(named: "zeta")
            Issue.record("expected an error")
        } catch {
            #expect(error.exitCode == 2)
            #expect(error.description.contains("zeta"))
            #expect(error.description.contains("alpha, beta, gamma"))
        }
    }
}
