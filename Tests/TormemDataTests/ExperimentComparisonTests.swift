import Testing
@testable import TormemData

@Suite struct ExperimentComparisonTests {
    /// An experiment of groups with these labels (nil: no label) and end values, over days 0…2.
    static func experiment(_ name: String, _ groups: [(id: String, label: String?, ends: [Double])]) -> ComparedExperiment {
        var relays: [RelayInfo] = [], values: [[Double]] = []
        for g in groups {
            for (i, v) in g.ends.enumerated() {
                relays.append(RelayInfo(nickname: "\(name)\(g.id)\(i)", group: g.id))
                values.append([0.5, v, v])
            }
        }
        var given: [String: String] = [:]
        for g in groups { if let l = g.label { given[g.id] = l } }
        let labels = GroupLabels(given)
        let analysis = GroupAnalysis(DailyTable(days: [0, 1, 2], relays: relays, values: values), labels: labels)
        return ComparedExperiment(name: name, folder: "2026-01-01-\(name)-x", analysis: analysis, labels: labels)
    }

    static let alpha = experiment("alpha", [("A", "jemalloc", [1.5, 1.6, 1.4]), ("B", "mimalloc 2.1", [1.1, 1.2, 1.0]),
                                            ("C", "glibc (control)", [5.0, 5.2, 4.8])])
    static let beta = experiment("beta", [("A", "tcmalloc", [2.5, 2.4, 2.6]), ("B", "JE-malloc", [1.3, 1.4, 1.2]),
                                          ("C", "Glibc-Control", [3.0, 3.1, 2.9]), ("D", "mimalloc 2.0.9", [0.9, 1.0, 1.1])])

    @Test func labelsMatchWithCaseAndPunctuationIgnored() {
        #expect(ExperimentComparison.key("Glibc (control)") == ExperimentComparison.key("glibc-control"))
        #expect(ExperimentComparison.key("JE-malloc") == "jemalloc")
        #expect(ExperimentComparison.key("mimalloc 2.1") != ExperimentComparison.key("mimalloc 2.0.9"))
        #expect(ExperimentComparison.key("DirCache 0 + MaxMem 2GB") == "dircache0maxmem2gb")
    }

    @Test func configurationsAreMatchedByLabelNeverByLetterAndControlsStayOut() throws {
        let c = ExperimentComparison([Self.alpha, Self.beta])
        #expect(c.configurations.map(\.name) == ["jemalloc"])
        let jemalloc = try #require(c.configurations.first)
        #expect(jemalloc.entries.map { "\($0.experiment):\($0.group)" } == ["0:A", "1:B"])
        #expect(!jemalloc.byOption)
        // Each against its own control: alpha's 1.5 vs 5.0 is −70 %; beta's 1.3 vs 3.0 is −56.7 %.
        #expect(abs(jemalloc.entries[0].vsControl!.percent - (-70)) < 1e-9)
        #expect(abs(jemalloc.entries[1].vsControl!.percent - (1.3 - 3.0) / 3.0 * 100) < 1e-9)
        #expect(jemalloc.entries.map(\.relays) == [3, 3])
        #expect(jemalloc.entries.map(\.windowDays) == [3, 3])
        #expect(c.controls.map { $0?.group } == ["C", "C"])
        #expect(c.unmatched.map { "\($0.experiment):\($0.group)" } == ["0:B", "1:A", "1:D"])
    }

    @Test func aMatchGivenComesFirstAndTakesItsGroupsOutOfLabelMatching() {
        let m = ExperimentComparison.Match(name: "mimalloc", members: [.init(experiment: 1, group: "D"), .init(experiment: 0, group: "B")])
        let c = ExperimentComparison([Self.alpha, Self.beta], matches: [m])
        #expect(c.configurations.map(\.name) == ["mimalloc", "jemalloc"])
        #expect(c.configurations[0].byOption)
        #expect(c.configurations[0].entries.map { "\($0.experiment):\($0.group)" } == ["0:B", "1:D"])
        #expect(c.unmatched.map { "\($0.experiment):\($0.group)" } == ["1:A"])
    }

    @Test func groupsWithoutALabelOrWithALabelTwiceInOneFolderAreNotMatched() {
        let a = Self.experiment("a", [("A", nil, [1, 1.1]), ("B", "jemalloc", [1, 1.2]), ("C", "jemalloc", [2, 2.1]), ("D", "control", [4, 4.1])])
        let b = Self.experiment("b", [("A", nil, [1, 1.1]), ("B", "jemalloc", [1, 1.2]), ("D", "control", [4, 4.1])])
        let c = ExperimentComparison([a, b])
        #expect(c.configurations.isEmpty)
        #expect(c.ambiguous.map { "\($0.experiment) \($0.label) \($0.groups)" } == ["0 jemalloc [\"B\", \"C\"]"])
        #expect(c.unmatched.count == 5)
    }

    @Test func directionAndOverlapOfTheIntervals() {
        func entry(_ p: Double, _ lo: Double?, _ hi: Double?) -> ExperimentComparison.Entry {
            .init(experiment: 0, group: "A", title: "A", relays: 5, endMean: 1, windowDays: 10,
                  vsControl: GroupStats.Comparison(percent: p, low: lo, high: hi, atDay: 9, whyNoInterval: nil))
        }
        func config(_ e: [ExperimentComparison.Entry]) -> ExperimentComparison.Configuration { .init(name: "x", byOption: false, entries: e) }
        #expect(config([entry(-70, -72, -68), entry(-55, -57, -53)]).agrees == true)
        #expect(config([entry(-70, -72, -68), entry(-55, -57, -53)]).intervalsOverlap == false)
        #expect(config([entry(-70, -72, -60), entry(-62, -65, -58)]).intervalsOverlap == true)
        #expect(config([entry(-70, -72, -68), entry(2, -3, 7)]).agrees == false)
        #expect(config([entry(-70, -72, -68), entry(-50, nil, nil)]).agrees == nil)
        #expect(config([entry(-70, -72, -68), entry(-50, nil, nil)]).intervalsOverlap == nil)
        #expect(config([entry(-70, -72, -68)]).agrees == nil)
    }
}
