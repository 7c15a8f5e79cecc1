import Testing
import TormemCore
import TormemData
import TormemPlot
import TormemTestSupport
@testable import TormemCharts

/// Chart 5: every relay's end memory against its bandwidth, each group's mean with its intervals,
/// and each group's trade-off against the control in words.
@Suite struct MemoryVsBandwidthChartTests {
    struct Relay {
        var name: String, group: String, gb: Double, mbps: Double?, flags: String
    }

    static let guardFlags = "Fast Guard Running Stable V2Dir Valid"

    /// A: the control at 5 GB and 40 Mbit/s; B: 0.3 GB at 30 Mbit/s without Guard and V2Dir; C:
    /// 2.5 GB at 40 Mbit/s.
    static let relays = [
        Relay(name: "a1", group: "A", gb: 4.8, mbps: 38, flags: guardFlags),
        Relay(name: "a2", group: "A", gb: 5.0, mbps: 40, flags: guardFlags),
        Relay(name: "a3", group: "A", gb: 5.2, mbps: 42, flags: guardFlags),
        Relay(name: "b1", group: "B", gb: 0.28, mbps: 28, flags: "Fast Running Stable Valid"),
        Relay(name: "b2", group: "B", gb: 0.30, mbps: 30, flags: "Fast Running Stable Valid"),
        Relay(name: "b3", group: "B", gb: 0.32, mbps: 32, flags: "Fast Guard Running Stable Valid"),
        Relay(name: "c1", group: "C", gb: 2.5, mbps: 40, flags: guardFlags),
        Relay(name: "c2", group: "C", gb: 2.5, mbps: 40, flags: guardFlags),
        Relay(name: "c3", group: "C", gb: 2.5, mbps: 40, flags: guardFlags),
    ]

    /// Unified rows every 6 hours for 3 days with the fact columns; each relay's RSS and VmHWM (1.5×)
    /// constant, its bandwidth as bytes written per day (`mbps` nil: the cells empty).
    static func csv(_ rs: [Relay], facts: Bool = true) -> String {
        var text = (facts ? UnifiedColumns.all : Array(UnifiedColumns.all.prefix(15))).joined(separator: ",") + "\n"
        let t0 = TimestampParser.timestamp("2026-03-01T00:00:00")!.seconds
        for h in stride(from: 0, through: 72, by: 6) {
            let t = Timestamp(seconds: t0 + Int64(h) * 3600).iso8601
            for r in rs {
                let kb = Int(r.gb * 1_048_576)
                text += "\(t),host,relay,,\(r.name),\(r.group),\(kb),,\(kb * 3 / 2),,,,,,"
                if facts {
                    let written = r.mbps.map { String(Int($0 * 1e6 / 8 * 86_400)) } ?? ""
                    text += ",2026-02-28T10:00:00,glibc,\(written),\(written),\(r.flags),20000"
                }
                text += "\n"
            }
        }
        return text
    }

    static func context(_ rs: [Relay] = relays, facts: Bool = true, control: String? = "A", metric: Metric = .rss,
                        labels: [String: String] = ["B": "DirCache 0"], style: ChartStyle = ChartStyle()) throws -> ChartContext {
        let file = try DataLoader.load(bytes: Array(csv(rs, facts: facts).utf8), name: "data.csv", metrics: [metric])
        var options = ChartInputs.Options()
        options.control = control
        options.metric = metric
        options.groupLabels = labels
        return ChartContext(inputs: ChartInputs(files: [file], side: SideFiles(), options: options), style: style)
    }

    static func pointLayers(_ fig: Figure) -> [PointLayer] {
        guard case .plot(let panel) = fig.panels[0] else { return [] }
        return panel.layers.compactMap { if case .points(let p) = $0 { p } else { nil } }
    }

    static func key(_ fig: Figure) -> PanelKey? {
        guard case .plot(let panel) = fig.panels[0] else { return nil }
        return panel.key
    }

    @Test func eachGroupsTradeoffAgainstTheControlIsWrittenBesideThePlot() throws {
        let context = try Self.context()
        guard case .drawn(let fig, let description) = MemoryVsBandwidthChart().make(context) else {
            Issue.record("not drawn"); return
        }
        let key = try #require(Self.key(fig))
        #expect(key.entries.map(\.title) == ["A", "B · DirCache 0", "C"])
        // The memory difference is GroupStats.vsControl's, the bandwidth's GroupTradeoff.vsControl's.
        let b = try #require(context.inputs.groups?.stats("B")?.vsControl)
        #expect(abs(b.percent - -94) < 0.01)
        #expect(key.entries[1].phrases == ["−94 % memory", "−25 % bandwidth", "Guard and V2Dir lost"])
        #expect(key.entries[2].phrases == ["−50 % memory", "0.0 % bandwidth"], "\(key.entries[2].phrases)")
        #expect(key.entries[0].phrases == ["control", "5.00 GB", "40.0 Mbit/s"])
        #expect(key.entries[0].swatch == .ring && key.entries[1].swatch == .dot)
        // The words of the report's trade-off (one definition).
        for (i, id) in ["B", "C"].enumerated() {
            let t = try #require(context.inputs.tradeoffs?.group(id))
            #expect(key.entries[i + 1].phrases.joined(separator: ", ") == TradeoffText.short(context.inputs.groups?.stats(id), t))
        }
        let text = drawnStrings(fig)
        #expect(text.joined(separator: " ").contains("−94 % memory, −25 % bandwidth, Guard and V2Dir lost"), "\(text)")
        #expect(text.contains("A (control)") && text.contains("B") && text.contains("C"))
        #expect(description.contains("B · DirCache 0 −94 % memory, −25 % bandwidth, Guard and V2Dir lost"), "\(description)")
        #expect(description.contains("against the control A (5.00 GB, 40.0 Mbit/s)"), "\(description)")
    }

    /// One dot per relay at (Mbit/s written, end GB) in its group's colour; each mean at the group's
    /// mean bandwidth and end mean, its intervals around it (the bandwidth's from the analysis, the
    /// memory's bootstrapped the same deterministic way); the control ringed.
    @Test func dotsMeansAndIntervalsAreTheAnalysisNumbers() throws {
        let context = try Self.context()
        let fig = try #require(MemoryVsBandwidthChart().make(context).figure)
        let layers = Self.pointLayers(fig)
        let relays = layers.filter { $0.radius == 5 }
        #expect(relays.map(\.xs.count) == [3, 3, 3])
        #expect(relays[1].xs.map { ($0 * 1000).rounded() / 1000 } == [28, 30, 32])
        #expect(relays[1].ys.map { ($0 * 100).rounded() / 100 } == [0.28, 0.3, 0.32])
        #expect(relays.map(\.color) == (0..<3).map { fig.theme.series($0).withAlpha(0.55) })
        let means = layers.filter { !$0.labels.isEmpty }
        #expect(means.map(\.labels) == [["A (control)"], ["B"], ["C"]])
        let t = try #require(context.inputs.tradeoffs?.group("B")), g = try #require(context.inputs.groups?.stats("B"))
        let bMean = means[1]
        #expect(abs(bMean.xs[0] - 30) < 1e-6 && abs(bMean.ys[0] - g.endMean) < 1e-9)
        let bar = bMean.errorBars[0]
        #expect(bar.xLow == t.bandwidthLow && bar.xHigh == t.bandwidthHigh)
        #expect(bar.xLow < 30 && bar.xHigh > 30)
        #expect(bar.yLow < g.endMean && bar.yHigh > g.endMean && bar.yLow >= 0.28 - 1e-4 && bar.yHigh <= 0.32 + 1e-4)
        // C's relays are all alike: an interval of no width.
        #expect(means[2].errorBars[0].yLow == 2.5 && means[2].errorBars[0].yHigh == 2.5)
        let rings = layers.filter(\.hollow)
        #expect(rings.count == 1 && abs(rings[0].xs[0] - 40) < 1e-6 && rings[0].color == fig.theme.text)
        // The same data gives the same chart.
        #expect(MemoryVsBandwidthChart().make(try Self.context()).figure == fig)
    }

    @Test func theAxesSayWhatIsDrawn() throws {
        let fig = try #require(MemoryVsBandwidthChart().make(try Self.context()).figure)
        guard case .plot(let panel) = fig.panels[0], case .linear(let lo, let hi, let label) = panel.x else {
            Issue.record("expected a linear x axis"); return
        }
        // Every relay in the upper half of the range: the axis starts a little below the lowest (28).
        #expect(label.contains("Mbit/s written") && lo > 24 && lo < 28 && hi > 42 && hi < 45, "\(lo)…\(hi)")
        #expect(panel.y.label.hasPrefix("end memory per relay, GB") && panel.y.lo == 0 && panel.y.hi >= 5.2)
        #expect(panel.references.map(\.value) == [4])
    }

    /// A relay far below the others: the bandwidth axis starts at 0.
    @Test func aWideRangeOfBandwidthStartsAtZero() throws {
        var rs = Self.relays
        rs[3].mbps = 5
        let fig = try #require(MemoryVsBandwidthChart().make(try Self.context(rs)).figure)
        guard case .plot(let panel) = fig.panels[0], case .linear(let lo, _, _) = panel.x else { Issue.record("no linear x"); return }
        #expect(lo == 0)
    }

    /// With `--metric hwm` the chart and its words name VmHWM.
    @Test func anotherQuantityIsNamed() throws {
        let context = try Self.context(metric: .hwm)
        let fig = try #require(MemoryVsBandwidthChart().make(context).figure)
        guard case .plot(let panel) = fig.panels[0] else { Issue.record("no plot"); return }
        #expect(panel.y.label.hasPrefix("end VmHWM per relay, GB"), "\(panel.y.label)")
        let key = try #require(Self.key(fig))
        #expect(key.entries[1].phrases.first == "−94 % VmHWM")
        #expect(key.entries[0].phrases == ["control", "7.50 GB", "40.0 Mbit/s"])
    }

    @Test func withoutBandwidthItIsSkippedWithTheReason() throws {
        let none = MemoryVsBandwidthChart().make(try Self.context(facts: false))
        #expect(none.skipReason == MemoryVsBandwidthChart.noBandwidth)
        #expect(none.skipReason?.contains("read_bytes_day/written_bytes_day") == true)
        // Fact columns, but every bandwidth cell empty.
        let empty = Self.relays.map { r -> Relay in var r = r; r.mbps = nil; return r }
        #expect(MemoryVsBandwidthChart().make(try Self.context(empty)).skipReason == MemoryVsBandwidthChart.noBandwidth)
        // An experiment table has groups but no bandwidth.
        #expect(MemoryVsBandwidthChart().make(try ChartTestData.context("synthetic/experiment_25relays.csv")).skipReason
            == MemoryVsBandwidthChart.noBandwidth)
    }

    @Test func withoutGroupsItIsNotApplicable() throws {
        #expect(MemoryVsBandwidthChart().make(try ChartTestData.context("synthetic/monitor_daily_120.csv")).isNotApplicable)
        #expect(MemoryVsBandwidthChart().make(try ChartTestData.context("synthetic/snapshot_60relays.csv")).isNotApplicable)
        #expect(MemoryVsBandwidthChart().fileStem(prefix: "memory") == "chart5_memory_vs_bandwidth")
        #expect(MemoryVsBandwidthChart().fileStem(prefix: "host1") == "host1_chart5_memory_vs_bandwidth")
        let stems = ChartRegistry.all.map { $0.fileStem(prefix: "memory") }
        #expect(stems.firstIndex(of: "chart5_memory_vs_bandwidth") == stems.firstIndex(of: "chart4_group_spread").map { $0 + 1 })
    }

    /// A group without bandwidth is listed, not drawn; a relay without one is counted.
    @Test func aGroupWithoutBandwidthIsSaidSo() throws {
        var rs = Self.relays
        for i in 6..<9 { rs[i].mbps = nil }
        rs[0].mbps = nil
        let fig = try #require(MemoryVsBandwidthChart().make(try Self.context(rs)).figure)
        let key = try #require(Self.key(fig))
        #expect(key.entries[2].phrases == ["−50 % memory", "no bandwidth"])
        #expect(fig.subtitle?.contains("5 relays drawn, 4 without a bandwidth") == true, "\(fig.subtitle ?? "")")
        let all = try #require(MemoryVsBandwidthChart().make(try Self.context()).figure)
        #expect(all.subtitle == "3 groups · 9 relays · a dot per relay · control A", "\(all.subtitle ?? "")")
        #expect(Self.pointLayers(fig).filter { !$0.labels.isEmpty }.map(\.labels) == [["A (control)"], ["B"]])
    }

    /// Without a control each group says its own values.
    @Test func withoutAControlEachGroupSaysItsValues() throws {
        let fig = try #require(MemoryVsBandwidthChart().make(try Self.context(control: nil, labels: ["A": "jemalloc"])).figure)
        let key = try #require(Self.key(fig))
        #expect(key.title == "No control group: end value, bandwidth")
        #expect(key.entries[1].phrases == ["307 MB", "30.0 Mbit/s"])
        #expect(Self.pointLayers(fig).filter(\.hollow).isEmpty)
    }

    static let styles = [ChartStyle(), ChartStyle(theme: .light, width: 900, height: 600), ChartStyle(width: 1000)]

    /// Eight groups with IDs like `C_tcmalloc215_historical` and long labels: nothing overlaps,
    /// nothing leaves the canvas, every group is in the key, the plot keeps its room.
    @Test(arguments: styles)
    func eightGroupsWithLongIDsStayReadable(style: ChartStyle) throws {
        let ids = ["A_jemalloc530_current", "B_mimalloc209_current", "C_tcmalloc215_historical", "D_glibc_control",
                   "E_mimalloc301_current", "F_jemalloc530_historical", "G_glibc_dircache0_historical", "H_tcmalloc215_current"]
        var rs: [Relay] = []
        for (g, id) in ids.enumerated() {
            for k in 0..<6 {
                rs.append(Relay(name: "r\(g)_\(k)", group: id, gb: 0.6 + Double(g % 4) * 0.9 + Double(k) * 0.05,
                                mbps: 30 + Double(g) * 1.5 + Double(k), flags: g == 6 ? "Fast Running Valid" : Self.guardFlags))
            }
        }
        var labels: [String: String] = [:]
        for id in ids { labels[id] = "allocator experiment with a long label for \(id.prefix(1))" }
        let context = try Self.context(rs, control: "D_glibc_control", labels: labels, style: style)
        let fig = try #require(MemoryVsBandwidthChart().make(context).figure)
        let audit = LayoutAudit(fig)
        #expect(audit.problems.isEmpty, "\(audit.problems)")
        #expect(audit.plotShare > 0.5)
        #expect(audit.detachedCallouts.isEmpty)
        let strings = audit.canvas.strings, text = strings.joined(separator: " ")
        // Every group in the key: its ID at the start of its title's first line.
        for id in ids { #expect(strings.contains { $0.hasPrefix(id) && !$0.hasSuffix("(control)") }, "\(id)") }
        #expect(!strings.contains { $0.hasPrefix("and ") && $0.hasSuffix(" more") }, "every group is listed")
        #expect(text.contains("Guard, Stable and V2Dir lost"), "\(strings)")
        // The key's text stays right of the plot.
        let plot = try #require(audit.canvas.annotations.compactMap { a -> Rect? in if case .plotArea(let r) = a { r } else { nil } }.first)
        #expect(plot.width > fig.size.width * 0.45)
    }

    @Test(arguments: [Theme.dark, Theme.light])
    func layoutOfTheThreeGroups(theme: Theme) throws {
        let fig = try #require(MemoryVsBandwidthChart().make(try Self.context(style: ChartStyle(theme: theme))).figure)
        checkLayout(fig)
        #expect(LayoutAudit(fig).detachedCallouts.isEmpty)
    }
}
