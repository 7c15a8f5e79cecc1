import Testing
@testable import TormemCollect

@Suite struct ProcessFinderTests {
    let finder = ProcessFinder(directories: [FakeHost.processView])

    @Test func findsTheTorOfEachRunningInstance() throws {
        let found = try finder.find(names: ["alpha", "beta", "gamma"], in: ProcReader(root: FakeHost.procRoot))
        #expect(found == ["alpha": 1234, "beta": 2345])
    }

    @Test func aTorProcessWinsOverAnEditorWithTheTorrcOpen() throws {
        // pid 1000 is `vim /etc/tor/instances/beta/torrc`, lower than beta's tor (2345).
        let found = try finder.find(names: ["beta"], in: ProcReader(root: FakeHost.procRoot))
        #expect(found["beta"] == 2345)
    }

    @Test func namesComeFromTheComponentAfterTheFolder() {
        #expect(finder.instanceName(in: ["tor", "-f", "/etc/tor/instances/r1/torrc"]) == "r1")
        #expect(finder.instanceName(in: ["tor", "--torrc-file=/etc/tor/instances/r2/torrc"]) == "r2")
        #expect(finder.instanceName(in: ["tor", "-f", "/etc/tor/instances-old/r1/torrc"]) == nil)
        #expect(finder.instanceName(in: ["tor", "-f", "/etc/tor/instances/r1"]) == nil)
        #expect(finder.instanceName(in: ["tor", "-f", "/etc/tor/instances/../torrc"]) == nil)
        #expect(finder.instanceName(in: ["tor", "-f", "/backup/etc/tor/instances/r1/torrc"]) == nil)
        #expect(finder.instanceName(in: ["tor", "-f/etc/tor/instances/r1/torrc"]) == nil)
        #expect(finder.instanceName(in: []) == nil)
    }

    @Test func spellingsIncludeTheResolvedPathAndTheProcessView() {
        let s = ProcessFinder.spellings(of: FakeHost.instancesDirectory, processView: "/etc/tor/instances")
        #expect(s.first == FakeHost.instancesDirectory)
        #expect(s.contains("/etc/tor/instances"))
        let f = ProcessFinder(directories: ["/a/", "/a", ""])
        #expect(f.directories == ["/a"])
        // A relative folder is only used resolved: "instances/" alone would match any path.
        let relative = ProcessFinder.spellings(of: "Fixtures/collect/instances", processView: nil)
        #expect(!relative.contains("Fixtures/collect/instances"))
        #expect(relative.allSatisfy { $0.hasPrefix("/") })
    }
}
