import TormemCore

/// Gathers one server's samples as rows stream by and turns them into a sorted series,
/// reporting out-of-order and duplicated timestamps.
struct SeriesBuilder {
    let server: String
    private(set) var samples: [AggregateSample] = []
    private var firstOutOfOrderLine: Int?
    private var lastTime = Int64.min

    init(server: String) { self.server = server }

    mutating func add(_ s: AggregateSample, line: Int, checkOrder: Bool = true) {
        if checkOrder, s.time < lastTime, firstOutOfOrderLine == nil { firstOutOfOrderLine = line }
        lastTime = max(lastTime, s.time)
        samples.append(s)
    }

    /// Appends the samples of the part of the file after this one (line numbers shifted).
    mutating func absorb(_ other: SeriesBuilder, lineOffset: Int) {
        if firstOutOfOrderLine == nil {
            if let l = other.firstOutOfOrderLine {
                firstOutOfOrderLine = l + lineOffset
            } else if let t = other.samples.first?.time, t < lastTime {
                firstOutOfOrderLine = lineOffset + 1
            }
        }
        samples += other.samples
        lastTime = max(lastTime, other.lastTime)
    }

    func build(file: String) -> (AggregateSeries, [Diagnostic]) {
        let (series, duplicates) = AggregateSeries.from(server: server, samples: samples)
        var notes: [Diagnostic] = []
        if let line = firstOutOfOrderLine {
            notes.append(Diagnostic(file: file, line: line,
                                    message: "timestamps are not in time order (server \(server)); rows were sorted"))
        }
        if duplicates > 0 {
            notes.append(Diagnostic(file: file, message:
                "\(duplicates) duplicated timestamp\(duplicates == 1 ? "" : "s") (server \(server)); the later row was kept"))
        }
        return (series, notes)
    }
}
