import Foundation
import TormemCSV
import TormemData

/// Measures the stages of tormem on one file, for `make bench`:
///   tormem-bench parse FILE   CSV records only (every field touched), throughput
///   tormem-bench load FILE    CSV → typed series (DataLoader)
/// Each prints the median of several runs.
let args = CommandLine.arguments
guard args.count >= 3, ["parse", "load"].contains(args[1]) else {
    FileHandle.standardError.write(Data("usage: tormem-bench parse|load FILE [RUNS]\n".utf8))
    exit(2)
}
let path = args[2]
let runs = args.count > 3 ? Int(args[3]) ?? 5 : 5
let size = (try? FileManager.default.attributesOfItem(atPath: (path as NSString).resolvingSymlinksInPath)[.size] as? Int) ?? 0

func measure(_ body: () throws -> Int) rethrows -> (Double, Int) {
    var times: [Double] = []
    var result = 0
    for _ in 0..<runs {
        let start = ContinuousClock.now
        result = try body()
        let d = ContinuousClock.now - start
        times.append(Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
    }
    times.sort()
    return (times[times.count / 2], result)
}

do {
    switch args[1] {
    case "parse":
        let (t, rows) = try measure {
            var reader = try CSVReader(path: path)
            var rows = 0, fields = 0
            try reader.forEachRow(comment: { _, _ in }) { row in rows += 1; fields &+= row.count }
            return rows
        }
        print("parse \(path): \(rows) rows, \(String(format: "%.1f", t * 1000)) ms, \(String(format: "%.2f", Double(size) / t / 1e9)) GB/s")
    default:
        let (t, rows) = try measure { try DataLoader.load(path: path).rows }
        print("load \(path): \(rows) rows, \(String(format: "%.1f", t * 1000)) ms, \(String(format: "%.2f", Double(size) / t / 1e9)) GB/s")
    }
} catch {
    FileHandle.standardError.write(Data("tormem-bench: \(error)\n".utf8))
    exit(3)
}
