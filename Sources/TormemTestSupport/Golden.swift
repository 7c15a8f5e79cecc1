import Foundation
import TormemCairo

/// The outcome of comparing rendered bytes with a golden file.
public enum GoldenResult: Equatable, Sendable {
    /// Byte-identical.
    case identical
    /// PNGs that differ in bytes but whose pixels agree within the tolerance.
    case withinTolerance(differingPixels: Int, totalPixels: Int)
    /// Recording mode: the golden file was (re)written (or already held these bytes). Not a pass:
    /// a recording run compares nothing, so it must not look like a green one.
    case recorded(path: String)
    /// Missing or different golden file; the message explains and says how to re-record.
    case failed(message: String, actualPath: String?)

    public var passed: Bool {
        switch self {
        case .identical, .withinTolerance: return true
        case .recorded, .failed: return false
        }
    }

    /// A one-line description, suitable as a test failure comment.
    public var message: String {
        switch self {
        case .identical: return "identical"
        case .withinTolerance(let d, let t): return "\(d) of \(t) pixels differ, within tolerance"
        case .recorded(let path): return "re-recorded \(path); run again without \(Golden.recordVariable)=1 to compare"
        case .failed(let message, _): return message
        }
    }
}

/// How much two PNGs may differ and still match (fonts and antialiasing can vary slightly
/// between machines).
public struct PixelTolerance: Equatable, Sendable {
    /// Largest per-channel difference (0...255) for a pixel to count as equal.
    public var channel: Int
    /// Largest fraction of pixels allowed to differ by more than `channel`.
    public var differingFraction: Double

    public init(channel: Int = 16, differingFraction: Double = 0.001) {
        self.channel = channel; self.differingFraction = differingFraction
    }

    public static let `default` = PixelTolerance()
}

/// Golden-file comparisons against `Fixtures/golden/`.
public enum Golden {
    /// Set to `1` to (re)write golden files instead of comparing.
    public static let recordVariable = "TORMEM_RECORD_GOLDEN"

    /// Whether this process runs in recording mode.
    public static var isRecording: Bool { ProcessInfo.processInfo.environment[recordVariable] == "1" }

    /// `Fixtures/golden` in the package.
    public static var directory: String { Fixtures.url("golden") }

    /// Where actual bytes of failed comparisons are written (never inside the repository).
    public static var actualDirectory: String {
        (NSTemporaryDirectory() as NSString).appendingPathComponent("tormem-golden")
    }

    /// Compares `bytes` with `<goldenDirectory>/<relativePath>`, or writes them there when
    /// `record` is true. PNGs (recognised by their signature) that differ in bytes are decoded
    /// and pass when few enough pixels differ (see `PixelTolerance`); other formats must be
    /// byte-identical. On failure the actual bytes are written to
    /// `<actualDirectory>/<relativePath with .actual before the extension>`.
    public static func check(_ bytes: [UInt8], against relativePath: String,
                             goldenDirectory: String = Golden.directory,
                             record: Bool = Golden.isRecording,
                             actualDirectory: String = Golden.actualDirectory,
                             tolerance: PixelTolerance = .default) -> GoldenResult {
        let goldenPath = (goldenDirectory as NSString).appendingPathComponent(relativePath)
        let rerecord = "re-record with \(recordVariable)=1 swift test"

        if record {
            do {
                if let existing = FileManager.default.contents(atPath: goldenPath), [UInt8](existing) == bytes {
                    return .recorded(path: goldenPath)
                }
                try write(bytes, to: goldenPath)
                return .recorded(path: goldenPath)
            } catch {
                return .failed(message: "could not record golden file \(goldenPath): \(error.localizedDescription)",
                               actualPath: nil)
            }
        }

        func failure(_ reason: String) -> GoldenResult {
            let actualPath = (actualDirectory as NSString).appendingPathComponent(actualName(for: relativePath))
            do {
                try write(bytes, to: actualPath)
                return .failed(message: "\(reason); actual output written to \(actualPath); \(rerecord)",
                               actualPath: actualPath)
            } catch {
                return .failed(message: "\(reason) (could not write actual output to \(actualPath)); \(rerecord)",
                               actualPath: nil)
            }
        }

        guard let data = FileManager.default.contents(atPath: goldenPath) else {
            return failure("golden file \(goldenPath) does not exist")
        }
        let golden = [UInt8](data)
        if golden == bytes { return .identical }

        guard isPNG(golden), isPNG(bytes) else {
            let common = min(golden.count, bytes.count)
            let offset = (0..<common).first { golden[$0] != bytes[$0] } ?? common
            return failure("\(relativePath) differs from its golden file (\(bytes.count) bytes vs \(golden.count), "
                + "first difference at byte \(offset))")
        }
        let expected: DecodedImage, actual: DecodedImage
        do {
            expected = try CairoRenderer.decodePNG(golden)
            actual = try CairoRenderer.decodePNG(bytes)
        } catch {
            return failure("\(relativePath): could not decode png for comparison: \(error.localizedDescription)")
        }
        guard expected.width == actual.width, expected.height == actual.height else {
            return failure("\(relativePath) is \(actual.width)×\(actual.height) pixels, "
                + "its golden file \(expected.width)×\(expected.height)")
        }
        let total = expected.argb.count
        let differing = differingPixels(expected.argb, actual.argb, channelTolerance: tolerance.channel)
        if Double(differing) <= Double(total) * tolerance.differingFraction {
            return .withinTolerance(differingPixels: differing, totalPixels: total)
        }
        let percent = (Double(differing) / Double(max(total, 1)) * 10_000).rounded() / 100
        return failure("\(relativePath): \(differing) of \(total) pixels (\(percent)%) differ from the golden file "
            + "by more than \(tolerance.channel)/255 in some channel")
    }

    /// Checks a folder of produced charts against `<goldenDirectory>/<goldenFolder>/`: every name
    /// in `expected` must have been produced and match its golden file, and nothing else may have
    /// been produced. In recording mode the expected files are written and the whole check fails
    /// with "re-recorded N files".
    public static func checkFolder(_ producedDirectory: String, expected: [String], against goldenFolder: String,
                                   goldenDirectory: String = Golden.directory, record: Bool = Golden.isRecording,
                                   actualDirectory: String = Golden.actualDirectory,
                                   tolerance: PixelTolerance = .default) -> [GoldenResult] {
        let produced = Set((try? FileManager.default.contentsOfDirectory(atPath: producedDirectory)) ?? [])
        var results: [GoldenResult] = []
        for name in expected {
            guard let data = FileManager.default.contents(atPath: producedDirectory + "/" + name) else {
                results.append(.failed(message: "expected chart \(name) was not produced in \(producedDirectory)", actualPath: nil))
                continue
            }
            results.append(check([UInt8](data), against: goldenFolder + "/" + name, goldenDirectory: goldenDirectory,
                                 record: record, actualDirectory: actualDirectory, tolerance: tolerance))
        }
        for name in produced.subtracting(expected).sorted() {
            results.append(.failed(message: "\(name) was produced but is not expected (add it to the expected charts and record its golden file)",
                                   actualPath: nil))
        }
        // A golden file whose chart is no longer expected means a chart silently disappeared.
        let extensions = Set(expected.map { ($0 as NSString).pathExtension })
        let goldens = (try? FileManager.default.contentsOfDirectory(atPath: goldenDirectory + "/" + goldenFolder)) ?? []
        for name in goldens.sorted() where extensions.contains((name as NSString).pathExtension) && !expected.contains(name) {
            results.append(.failed(message: "golden file \(goldenFolder)/\(name) has no expected chart any more (remove it, or expect the chart again)",
                                   actualPath: nil))
        }
        let recorded = results.filter { if case .recorded = $0 { return true } else { return false } }.count
        if record, recorded > 0 {
            results.append(.failed(message: "re-recorded \(recorded) file\(recorded == 1 ? "" : "s") under \(goldenDirectory)/\(goldenFolder); "
                                        + "run again without \(recordVariable)=1 to compare", actualPath: nil))
        }
        return results
    }

    // MARK: Helpers

    static func isPNG(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    /// Pixels where some channel differs by more than `channelTolerance`.
    static func differingPixels(_ a: [UInt32], _ b: [UInt32], channelTolerance: Int) -> Int {
        var count = 0
        for (p, q) in zip(a, b) where p != q {
            for shift in stride(from: 0, to: 32, by: 8) {
                let d = abs(Int((p >> UInt32(shift)) & 0xff) - Int((q >> UInt32(shift)) & 0xff))
                if d > channelTolerance { count += 1; break }
            }
        }
        return count
    }

    /// `charts/a.png` → `charts/a.actual.png`.
    static func actualName(for relativePath: String) -> String {
        let ns = relativePath as NSString
        let ext = ns.pathExtension
        let base = ns.deletingPathExtension
        return ext.isEmpty ? base + ".actual" : base + ".actual." + ext
    }

    private static func write(_ bytes: [UInt8], to path: String) throws {
        let dir = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
