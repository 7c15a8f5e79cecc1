import Foundation
import Testing
import TormemCairo
import TormemPlot
import TormemCore
import TormemTestSupport

@Suite("RecordingCanvas")
struct RecordingCanvasTests {
    @Test func recordsEveryCallInOrder() {
        let c = RecordingCanvas(size: Size(width: 100, height: 50))
        let path = Path.segment(Point(x: 0, y: 0), Point(x: 10, y: 10))
        let style = StrokeStyle(color: black, width: 2, dash: [1, 1])
        let item = TextItem("hi", at: Point(x: 5, y: 20), font: Font(size: 10), color: black)
        c.fill(path, color: white)
        c.pushClip(Rect(x: 0, y: 0, width: 50, height: 50))
        c.stroke(path, style: style)
        c.drawText(item)
        c.popClip()
        #expect(c.operations == [.fill(path, white), .pushClip(Rect(x: 0, y: 0, width: 50, height: 50)),
                                 .stroke(path, style), .text(item, box: CairoTextMeasurer.shared.box(of: item)), .popClip])
        #expect(c.strings == ["hi"])
        #expect(c.fills.count == 1 && c.strokes.count == 1)
        #expect(c.clipsBalanced)
        c.popClip()
        #expect(!c.clipsBalanced)
    }

    @Test func boxesEqualTheRenderedOnes() throws {
        let recording = RecordingCanvas(size: sampleSize)
        sampleDrawing(recording)
        var rendered: [Rect] = []
        _ = try CairoRenderer.render(size: sampleSize, format: .png) { c in
            rendered = recording.texts.map { c.box(of: $0.item) }
        }
        #expect(recording.texts.map(\.box) == rendered)
        #expect(recording.texts.count == 7)
    }

    @Test func detectsOverlappingTexts() {
        let c = RecordingCanvas(size: Size(width: 200, height: 100))
        let f = Font(size: 12)
        let a = TextItem("first label", at: Point(x: 10, y: 20), font: f, color: black)
        let b = TextItem("second", at: Point(x: 40, y: 25), font: f, color: black)          // overlaps a
        let d = TextItem("far away", at: Point(x: 120, y: 80), font: f, color: black)       // overlaps nothing
        let e = TextItem("up", at: Point(x: 45, y: 30), font: f, color: black, quarterTurns: 1) // overlaps a and b
        let blank = TextItem("   ", at: Point(x: 10, y: 20), font: f, color: black)          // draws nothing
        [a, b, d, e, blank].forEach(c.drawText)
        let pairs = c.overlappingTexts().map { "\($0.0.text)|\($0.1.text)" }
        #expect(pairs == ["first label|second", "first label|up", "second|up"])
    }

    @Test func touchingBoxesDoNotOverlap() {
        let c = RecordingCanvas(size: Size(width: 200, height: 100))
        let f = Font(size: 12)
        let end = 10 + c.measure("abc", font: f).width
        c.drawText(TextItem("abc", at: Point(x: 10, y: 20), font: f, color: black))
        c.drawText(TextItem("def", at: Point(x: end, y: 20), font: f, color: black))
        #expect(c.overlappingTexts().isEmpty)
        // With tolerance, slightly overlapping boxes are accepted too.
        c.drawText(TextItem("ghi", at: Point(x: end + c.measure("def", font: f).width - 0.5, y: 20), font: f, color: black))
        #expect(c.overlappingTexts().count == 1)
        #expect(c.overlappingTexts(tolerance: 0.5).isEmpty)
    }

    @Test func findsTextsOutsideTheCanvas() {
        let c = RecordingCanvas(size: Size(width: 100, height: 100))
        let f = Font(size: 12)
        c.drawText(TextItem("inside", at: Point(x: 50, y: 50), font: f, color: black, horizontal: .center, vertical: .middle))
        c.drawText(TextItem("cut off on the right", at: Point(x: 60, y: 50), font: f, color: black))
        c.drawText(TextItem("above", at: Point(x: 10, y: 5), font: f, color: black, vertical: .bottom))
        c.drawText(TextItem("rotated", at: Point(x: 5, y: 95), font: f, color: black, vertical: .top, quarterTurns: 1))
        #expect(c.textsOutsideCanvas().map(\.item.text) == ["cut off on the right", "above"])
    }
}

@Suite("Fixtures")
struct FixturesTests {
    @Test func findsThePackageRoot() {
        #expect(FileManager.default.fileExists(atPath: Fixtures.packageRoot + "/Package.swift"))
        #expect(Fixtures.url("golden/a.png") == Fixtures.packageRoot + "/Fixtures/golden/a.png")
        #expect(Fixtures.url("/x") == Fixtures.packageRoot + "/Fixtures/x")
        #expect(Fixtures.root == Fixtures.packageRoot + "/Fixtures")
    }
}

@Suite("Golden")
struct GoldenTests {
    /// A fresh temporary directory pair (golden files, actual outputs).
    func temporaryDirectories() throws -> (golden: String, actual: String) {
        let base = (NSTemporaryDirectory() as NSString).appendingPathComponent("tormem-golden-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        return (base + "/golden", base + "/actual")
    }

    func png(_ draw: (CairoCanvas) -> Void) throws -> [UInt8] {
        try CairoRenderer.render(size: Size(width: 100, height: 100), format: .png) { c in
            c.fill(Rect(x: 0, y: 0, width: 100, height: 100), color: white)
            draw(c)
        }
    }

    @Test func recordsThenMatches() throws {
        let dirs = try temporaryDirectories()
        let bytes = try png { _ in }
        let missing = Golden.check(bytes, against: "sub/chart.png", goldenDirectory: dirs.golden, record: false, actualDirectory: dirs.actual)
        #expect(!missing.passed)
        #expect(missing.message.contains("does not exist"))
        #expect(missing.message.contains("TORMEM_RECORD_GOLDEN=1 swift test"))

        let recorded = Golden.check(bytes, against: "sub/chart.png", goldenDirectory: dirs.golden, record: true, actualDirectory: dirs.actual)
        #expect(recorded == .recorded(path: dirs.golden + "/sub/chart.png"))
        #expect(!recorded.passed, "recording compares nothing: it must not count as a pass")
        #expect(recorded.message.contains("run again without TORMEM_RECORD_GOLDEN=1"))
        #expect(FileManager.default.contents(atPath: dirs.golden + "/sub/chart.png").map { [UInt8]($0) } == bytes)

        #expect(Golden.check(bytes, against: "sub/chart.png", goldenDirectory: dirs.golden, record: false, actualDirectory: dirs.actual) == .identical)
    }

    @Test func aFolderCheckFailsForMissingAndUnexpectedChartsAndForRecording() throws {
        let dirs = try temporaryDirectories()
        let produced = dirs.actual + "-produced"
        try FileManager.default.createDirectory(atPath: produced, withIntermediateDirectories: true)
        let bytes = try png { _ in }
        try Data(bytes).write(to: URL(fileURLWithPath: produced + "/a.png"))
        try Data(bytes).write(to: URL(fileURLWithPath: produced + "/extra.png"))

        let recording = Golden.checkFolder(produced, expected: ["a.png"], against: "set", goldenDirectory: dirs.golden,
                                           record: true, actualDirectory: dirs.actual)
        #expect(recording.contains { $0.message.hasPrefix("re-recorded 1 file under") })
        #expect(!recording.allSatisfy { $0.passed })

        let compared = Golden.checkFolder(produced, expected: ["a.png", "b.png"], against: "set", goldenDirectory: dirs.golden,
                                          record: false, actualDirectory: dirs.actual)
        #expect(compared.filter(\.passed).count == 1)
        #expect(compared.contains { $0.message.contains("expected chart b.png was not produced") })
        #expect(compared.contains { $0.message.contains("extra.png was produced but is not expected") })

        try FileManager.default.removeItem(atPath: produced + "/extra.png")
        #expect(Golden.checkFolder(produced, expected: ["a.png"], against: "set", goldenDirectory: dirs.golden,
                                   record: false, actualDirectory: dirs.actual).allSatisfy { $0.passed })
    }

    @Test func toleratesAFewDifferentPixels() throws {
        let dirs = try temporaryDirectories()
        _ = Golden.check(try png { _ in }, against: "a.png", goldenDirectory: dirs.golden, record: true)
        // 10 of 10 000 pixels (0.1%) changed completely: still a match.
        let few = try png { c in c.fill(Rect(x: 0, y: 0, width: 10, height: 1), color: black) }
        #expect(Golden.check(few, against: "a.png", goldenDirectory: dirs.golden, record: false, actualDirectory: dirs.actual)
            == .withinTolerance(differingPixels: 10, totalPixels: 10_000))
        // Slight colour changes everywhere are within the per-channel tolerance.
        let faint = try png { c in c.fill(Rect(x: 0, y: 0, width: 100, height: 100), color: Color(red: 0.97, green: 0.97, blue: 0.97)) }
        #expect(Golden.check(faint, against: "a.png", goldenDirectory: dirs.golden, record: false, actualDirectory: dirs.actual).passed)
        #expect(!FileManager.default.fileExists(atPath: dirs.actual))
    }

    @Test func failsOnRealDifferencesAndKeepsTheActualOutput() throws {
        let dirs = try temporaryDirectories()
        _ = Golden.check(try png { _ in }, against: "charts/b.png", goldenDirectory: dirs.golden, record: true)
        let different = try png { c in c.fill(Rect(x: 0, y: 0, width: 11, height: 1), color: black) }
        let result = Golden.check(different, against: "charts/b.png", goldenDirectory: dirs.golden, record: false, actualDirectory: dirs.actual)
        #expect(!result.passed)
        #expect(result.message.contains("11 of 10000 pixels"))
        #expect(result.message.contains("TORMEM_RECORD_GOLDEN=1 swift test"))
        let actualPath = dirs.actual + "/charts/b.actual.png"
        #expect(result == .failed(message: result.message, actualPath: actualPath))
        #expect(FileManager.default.contents(atPath: actualPath).map { [UInt8]($0) } == different)
        // The golden file itself is untouched.
        #expect(FileManager.default.contents(atPath: dirs.golden + "/charts/b.png").map { [UInt8]($0) } == (try png { _ in }))
    }

    @Test func differentSizesFail() throws {
        let dirs = try temporaryDirectories()
        _ = Golden.check(try png { _ in }, against: "c.png", goldenDirectory: dirs.golden, record: true)
        let small = try CairoRenderer.render(size: Size(width: 10, height: 10), format: .png) { _ in }
        let result = Golden.check(small, against: "c.png", goldenDirectory: dirs.golden, record: false, actualDirectory: dirs.actual)
        #expect(!result.passed)
        #expect(result.message.contains("10×10"))
    }

    @Test func vectorFormatsMustBeIdentical() throws {
        let dirs = try temporaryDirectories()
        let svg = try CairoRenderer.render(size: sampleSize, format: .svg, draw: sampleDrawing)
        #expect(Golden.check(svg, against: "d.svg", goldenDirectory: dirs.golden, record: true) == .recorded(path: dirs.golden + "/d.svg"))
        #expect(Golden.check(svg, against: "d.svg", goldenDirectory: dirs.golden, record: false, actualDirectory: dirs.actual) == .identical)
        var changed = svg
        changed[changed.count - 10] ^= 1
        let result = Golden.check(changed, against: "d.svg", goldenDirectory: dirs.golden, record: false, actualDirectory: dirs.actual)
        #expect(!result.passed)
        #expect(result.message.contains("first difference at byte \(svg.count - 10)"))
        #expect(FileManager.default.fileExists(atPath: dirs.actual + "/d.actual.svg"))
    }

    @Test func recordingModeFollowsTheEnvironment() {
        #expect(Golden.isRecording == (ProcessInfo.processInfo.environment["TORMEM_RECORD_GOLDEN"] == "1"))
        #expect(Golden.directory == Fixtures.url("golden"))
        #expect(!Golden.actualDirectory.hasPrefix(Fixtures.packageRoot))
    }
}

/// Writes a demo chart for a person to look at (and, next to it, the SVG and PDF versions):
/// `TORMEM_CAIRO_DEMO=/tmp/cairo-demo.png swift test --filter demo`.
@Test(.enabled(if: ProcessInfo.processInfo.environment["TORMEM_CAIRO_DEMO"] != nil))
func demo() throws {
    let path = ProcessInfo.processInfo.environment["TORMEM_CAIRO_DEMO"]!
    for format in OutputFormat.allCases {
        let bytes = try CairoRenderer.render(size: Size(width: 480, height: 320), format: format, draw: demoDrawing)
        let target = format == .png ? path : (path as NSString).deletingPathExtension + "." + format.fileExtension
        try Data(bytes).write(to: URL(fileURLWithPath: target))
    }
}

private func demoDrawing(_ c: Canvas) {
    let size = c.size
    c.fill(Rect(x: 0, y: 0, width: size.width, height: size.height), color: white)
    let plot = Rect(x: 75, y: 40, width: 380, height: 220)
    c.stroke(Path(rect: plot.inset(by: -0.5)), style: StrokeStyle(color: Color(hex: "#888")!, width: 1))
    c.pushClip(plot)
    for i in 0...4 {
        let y = (plot.minY + Double(i) * plot.height / 4).rounded() + 0.5
        c.stroke(Path.segment(Point(x: plot.minX, y: y), Point(x: plot.maxX, y: y)),
                 style: StrokeStyle(color: Color(hex: "#ddd")!, width: 1, dash: [3, 3]))
    }
    let points = (0...19).map { i in Point(x: plot.minX + Double(i) * 19, y: plot.maxY - 20 - Double((i * 37) % 150)) }
    c.fill(Path(polyline: [Point(x: plot.minX, y: plot.maxY)] + points + [Point(x: points.last!.x, y: plot.maxY)]),
           color: Color(hex: "#3366cc")!.withAlpha(0.15))
    c.stroke(Path(polyline: points), style: StrokeStyle(color: Color(hex: "#3366cc")!, width: 2))
    for p in points { c.fill(Path.circle(center: p, radius: 3), color: Color(hex: "#cc3333")!) }
    c.popClip()
    let f = Font(size: 11)
    for i in 0...4 {
        c.drawText(TextItem("\(1000 - i * 250) MiB", at: Point(x: plot.minX - 6, y: plot.minY + Double(i) * plot.height / 4),
                            font: f, color: black, horizontal: .right, vertical: .middle))
    }
    for (i, week) in ["W01", "W05", "W10", "W15", "W19"].enumerated() {
        c.drawText(TextItem(week, at: Point(x: plot.minX + Double(i) * 90, y: plot.maxY + 6), font: f, color: black,
                            horizontal: .center, vertical: .top))
    }
    c.drawText(TextItem("Resident memory of a Tor relay", at: Point(x: size.width / 2, y: 22),
                        font: Font(size: 15, weight: .bold), color: black, horizontal: .center, vertical: .baseline))
    c.drawText(TextItem("Memory (MiB)", at: Point(x: 12, y: plot.midY), font: f, color: black,
                        horizontal: .center, vertical: .top, quarterTurns: 1))
    c.drawText(TextItem("turned 3", at: Point(x: 470, y: plot.midY), font: f, color: black,
                        horizontal: .center, vertical: .top, quarterTurns: 3))
    c.drawText(TextItem("upside down", at: Point(x: plot.midX, y: 300), font: f, color: Color(hex: "#cc3333")!,
                        horizontal: .center, vertical: .middle, quarterTurns: 2))
}
