import Testing
@testable import TormemData

@Suite struct ExperimentLoaderTests {
    @Test func syntheticExperimentLoadsWithGroupDefinitions() throws {
        let f = try DataLoader.load(path: fixture("synthetic/experiment_25relays.csv"))
        #expect(f.format == .experiment)
        let t = try #require(f.daily)
        #expect(t.relays.count == 25)
        #expect(t.days == Array(0...9))
        #expect(t.groups == ["A", "B", "C", "D", "E"])
        #expect(f.metadata.groupLabels["A"] == "mimalloc")
        #expect(f.metadata.groupLabels["E"] == "glibc-control")
        // dagumo20 has an empty day7 cell: missing, never zero.
        let r = try #require(t.relays.firstIndex { $0.nickname == "dagumo20" })
        #expect(t.values[r][7].isNaN)
        #expect(t.values[r][0] == 0.49)
    }

    @Test func nonContiguousDaysAndLateStarters() throws {
        let f = try load("""
            # GROUP DEFINITIONS
            # group,relay,config,notes
            # A,r1,"DirCache 0, MaxMem 2GB",x
            # B,r3,default,y
            group,relay,day0,day1,day5,day9
            A,r1,5.0,0.5,0.6,0.7
            A,r2,,,0.8,0.9
            B,r3,5.2,0.5,3.0,5.1
            # SUMMARY
            # mean: 3.3
            """)
        let t = try #require(f.daily)
        #expect(t.days == [0, 1, 5, 9])
        #expect(f.metadata.groupLabels == ["A": "DirCache 0, MaxMem 2GB", "B": "default"])
        let a = GroupAnalysis(t)
        let groupA = try #require(a.stats("A"))
        #expect(groupA.dailyMeans[0] == 5.0)            // r2 has no day0: not counted as zero
        #expect(groupA.dailyMeans[2] == (0.6 + 0.8) / 2)
        #expect(groupA.relays == 2)
    }

    @Test func badCellsAreReportedWithColumn() throws {
        let f = try load("group,relay,day0,day1\nA,r1,0.5,abc\nA,r2,0.5,0.6\nA,r2,0.7,0.8\n")
        #expect(f.skipped == 2)
        let text = f.warnings.map(\.description).joined(separator: "\n")
        #expect(text.contains("data.csv:2: column day1"))
        #expect(text.contains("data.csv:4"))
        #expect(f.daily?.relays.count == 1)
    }
}
