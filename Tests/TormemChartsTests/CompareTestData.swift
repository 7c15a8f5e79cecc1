import TormemCore
import TormemData
import TormemPlot
@testable import TormemCharts

/// Comparisons across experiments built by hand: each experiment a `GroupAnalysis` of a daily table
/// whose groups end exactly `effect` % away from the control (relays spread symmetrically around the
/// group's mean, so the interval's width follows `spread`).
enum CompareTestData {
    struct Group {
        var label: String
        var effect: Double
        var n: Int = 5
        /// Relays from (1 − spread) to (1 + spread) times the group's mean.
        var spread: Double = 0.1
        /// Only on the last day, when the control is not: no comparison.
        var apart = false
    }

    static let ids = (Unicode.Scalar("B").value...Unicode.Scalar("Z").value).map { String(Character(Unicode.Scalar($0)!)) }

    /// One experiment: control `A` (`glibc (control)`, unless `control` is false) and `groups` as B, C, …
    static func experiment(_ name: String, base: Double = 5, groups: [Group], control: Bool = true, controlN: Int = 5,
                           days: Int = 10) -> ComparedExperiment {
        var relays: [RelayInfo] = [], values: [[Double]] = []
        let anyApart = groups.contains(where: \.apart)
        func add(_ id: String, mean: Double, n: Int, spread: Double, onDay: (Int) -> Bool) {
            for k in 0..<n {
                relays.append(RelayInfo(nickname: "\(name)-\(id)\(k)", group: id, server: name))
                let offset = n == 1 ? 0 : spread * (Double(k) / Double(n - 1) * 2 - 1)
                values.append((0..<days).map { d in onDay(d) ? mean * (1 + offset) * (0.6 + 0.4 * Double(d) / Double(days - 1)) : .nan })
            }
        }
        var labels = [String: String]()
        if control {
            labels["A"] = "glibc (control)"
            add("A", mean: base, n: controlN, spread: 0.1) { !anyApart || $0 < days - 1 }
        }
        for (g, id) in zip(groups, ids) {
            labels[id] = g.label
            add(id, mean: base * (1 + g.effect / 100), n: g.n, spread: g.spread) { !g.apart || $0 == days - 1 }
        }
        let table = DailyTable(days: Array(0..<days), relays: relays, values: values)
        let l = GroupLabels(labels)
        return ComparedExperiment(name: name, folder: "2025-12-25-\(name)", analysis: GroupAnalysis(table, labels: l), labels: l)
    }

    static let allocators = ["jemalloc", "mimalloc 2.1", "tcmalloc", "DirCache 0 + MaxMemInQueues 2 GB"]

    /// Two hosts × four configurations, like a real comparison: mostly large savings, one small.
    static func twoByFour() -> ExperimentComparison {
        ExperimentComparison([
            experiment("co", base: 5.36, groups: zip(allocators, [-72, -60, -40, 5]).map { Group(label: $0, effect: $1) }),
            experiment("relayhost", base: 3.1, groups: zip(allocators, [-65, -55, -48, -3]).map { Group(label: $0, effect: $1, spread: 0.2) }),
        ])
    }

    static let longNames = ["2025-12-25-relayhost-allocator-comparison", "2026-01-14-relayhost-allocator-comparison",
                            "2026-02-02-relayhost-allocator-comparison-rerun"]

    /// `count` long configuration labels.
    static func longLabels(_ count: Int) -> [String] {
        (0..<count).map { "DirCache 0 + MaxMemInQueues \($0 + 1) GB + jemalloc 5.3" + ($0 % 3 == 0 ? " (background purge thread on)" : "") }
    }

    /// Long folder names × `configs` long labels, with effects from −95 % to +300 %, a very wide
    /// interval, a group of one relay (no interval) and one that never shares a day with its control.
    static func long(experiments: Int = 3, configs: Int = 12) -> ExperimentComparison {
        let labels = longLabels(configs)
        let exps = (0..<experiments).map { e in
            experiment(longNames[e % longNames.count] + (e >= longNames.count ? "-\(e)" : ""), base: 2 + Double(e) * 1.7,
                       groups: labels.enumerated().map { k, label in
                           let effect = -95 + Double((k * 37 + e * 53) % 396)
                           return Group(label: label, effect: effect, n: e == 1 && k == 2 ? 1 : 5,
                                        spread: k == 4 ? 0.9 : 0.05 + Double(e) * 0.05, apart: e == 2 && k == 5)
                       })
        }
        return ExperimentComparison(exps)
    }

    /// The shapes every layout test draws: 1 to 12 configurations × 2 to 4 experiments, long names,
    /// a folder without a control, wide and missing intervals.
    /// Made once: each analysis bootstraps every group against its control (10,000 resamples).
    static func shapes() -> [(String, ExperimentComparison)] { madeShapes }

    static let madeShapes = makeShapes()

    static func makeShapes() -> [(String, ExperimentComparison)] {
        [("2 × 4", twoByFour()),
         ("1 × 2", ExperimentComparison([experiment("co", groups: [Group(label: "jemalloc", effect: -95)]),
                                         experiment("relayhost", groups: [Group(label: "jemalloc", effect: 300, n: 1)])])),
         ("long 3 × 12", long()),
         ("long 4 × 6", long(experiments: 4, configs: 6)),
         ("long 2 × 1", long(experiments: 2, configs: 1)),
         ("no control", ExperimentComparison([experiment("co", groups: [Group(label: "jemalloc", effect: -50)]),
                                              experiment("relayhost", groups: [Group(label: "jemalloc", effect: 0)], control: false),
                                              experiment("exit", groups: [Group(label: "jemalloc", effect: -20, spread: 0.9)], controlN: 1)])),
        ]
    }
}
