import Testing
import TormemPlot
import TormemTestSupport

/// `LayoutAudit` finds what it is for: plots squeezed by their labels, callouts away from their
/// marks, leader lines not drawn, labels out of time order.
@Suite struct LayoutAuditTests {
    let font = Font(size: 12)
    let ink = Color(hex: "#000000")!

    func label(_ c: RecordingCanvas, _ text: String, x: Double, y: Double) -> Rect {
        let item = TextItem(text, at: Point(x: x, y: y), font: font, color: ink, vertical: .top)
        c.drawText(item)
        return c.box(of: item)
    }

    @Test func aCalloutByItsMarkOrJoinedToItPasses() {
        let c = RecordingCanvas(size: Size(width: 400, height: 300))
        c.annotate(.plotArea(Rect(x: 0, y: 0, width: 400, height: 200)))
        let near = label(c, "near", x: 10, y: 10)
        c.annotate(.callout(text: "near", label: near, lineHeight: near.height, mark: Rect(x: 10, y: near.maxY + 4, width: 6, height: 6), leader: nil))
        let far = label(c, "far", x: 200, y: 10)
        let mark = Rect(x: 200, y: 150, width: 6, height: 6)
        let a = Point(x: 203, y: 150), b = Point(x: 203, y: far.maxY)
        c.stroke(.segment(a, b), style: StrokeStyle(color: ink, width: 1))
        c.annotate(.callout(text: "far", label: far, lineHeight: far.height, mark: mark, leader: [a, b]))
        #expect(LayoutAudit(canvas: c).problems.isEmpty, "\(LayoutAudit(canvas: c).problems)")
    }

    @Test func aCalloutAwayFromItsMarkWithoutALeaderIsFound() {
        let c = RecordingCanvas(size: Size(width: 400, height: 300))
        c.annotate(.plotArea(Rect(x: 0, y: 0, width: 400, height: 200)))
        let far = label(c, "far", x: 200, y: 10)
        let mark = Rect(x: 200, y: 150, width: 6, height: 6)
        c.annotate(.callout(text: "far", label: far, lineHeight: far.height, mark: mark, leader: nil))
        #expect(LayoutAudit(canvas: c).detachedCallouts.count == 1)
        // A leader line said but not drawn, or not reaching the mark.
        let a = Point(x: 203, y: 150), b = Point(x: 203, y: far.maxY)
        c.annotate(.callout(text: "far", label: far, lineHeight: far.height, mark: mark, leader: [a, b]))
        c.annotate(.callout(text: "far", label: far, lineHeight: far.height, mark: mark, leader: [Point(x: 203, y: 100), b]))
        #expect(LayoutAudit(canvas: c).detachedCallouts
                == ["far: \(Int(far.distance(to: mark).rounded())) from its mark, no leader line", "far: its leader line is not drawn",
                    "far: its leader line does not join it to its mark"])
    }

    @Test func plotsUnderAThirdOfTheHeightAreFound() {
        let c = RecordingCanvas(size: Size(width: 400, height: 300))
        _ = label(c, "x", x: 0, y: 250)
        c.annotate(.plotArea(Rect(x: 0, y: 0, width: 400, height: 60)))
        c.annotate(.plotArea(Rect(x: 0, y: 100, width: 400, height: 40)))
        #expect(abs(LayoutAudit(canvas: c).plotShare - 1.0 / 3) < 1e-9)
        #expect(LayoutAudit(canvas: c).problems == ["plots take 33 % of the height (at least 35 %)"])
        c.annotate(.plotArea(Rect(x: 0, y: 200, width: 400, height: 6)))
        #expect(LayoutAudit(canvas: c).problems.isEmpty)
    }

    @Test func labelsOfARowOutOfTimeOrderAreFound() {
        let c = RecordingCanvas(size: Size(width: 400, height: 300))
        let jan = label(c, "Jan", x: 10, y: 10), feb = label(c, "Feb", x: 100, y: 10), mar = label(c, "Mar", x: 50, y: 60)
        c.annotate(.axisLabel(text: "Jan", box: jan, value: 1, kind: "tick"))
        c.annotate(.axisLabel(text: "Feb", box: feb, value: 2, kind: "tick"))
        // Another row: not compared with the first.
        c.annotate(.axisLabel(text: "Mar", box: mar, value: 3, kind: "tick"))
        #expect(LayoutAudit(canvas: c).outOfOrderLabels.isEmpty)
        let early = label(c, "early", x: 300, y: 10)
        c.annotate(.axisLabel(text: "early", box: early, value: 0, kind: "tick"))
        #expect(LayoutAudit(canvas: c).outOfOrderLabels == ["tick “early” after “Jan”", "tick “early” after “Feb”"])
        // Labels of another kind are another sequence.
        c.annotate(.axisLabel(text: "event", box: early, value: -1, kind: "event"))
        #expect(LayoutAudit(canvas: c).outOfOrderLabels.count == 2)
    }

    /// A category axis of labels that cannot wrap is turned: the audit sees the plot squeezed.
    @Test func turnedCategoryLabelsThatSqueezeThePlotAreFound() {
        let long = String(repeating: "W", count: 60)
        let panel = PlotPanel(x: .categories([long + "1", long + "2", long + "3", long + "4"]), y: YAxis(label: "GB", lo: 0, hi: 1),
                              layers: [.bars(BarLayer(values: [1, 1, 1, 1], color: ink))])
        let figure = Figure(size: Size(width: 1200, height: 900), theme: .dark, title: "t", panels: [.plot(panel)])
        let audit = LayoutAudit(figure)
        #expect(audit.plotShare < LayoutAudit.minimumPlotShare)
        #expect(audit.problems.contains { $0.hasPrefix("plots take") })
        let short = PlotPanel(x: .categories(["A_jemalloc530_current", "B_x"]), y: YAxis(label: "GB", lo: 0, hi: 1), layers: [])
        #expect(LayoutAudit(Figure(size: Size(width: 1200, height: 900), theme: .dark, title: "t", panels: [.plot(short)])).problems.isEmpty)
    }
}
