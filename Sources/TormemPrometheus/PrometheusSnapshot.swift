import Foundation
import TormemCore
import TormemData

/// The samples a Prometheus source read, kept: a unified CSV file (`PrometheusSamples.unifiedCSV`)
/// that a report folder holds as its data file, so that it is drawn again without the server, with
/// the window it was read for (both ends inclusive, absolute) and the servers it holds.
public struct PrometheusSnapshot: Sendable {
    /// The CSV file's bytes: the same samples give the same bytes.
    public var csv: [UInt8]
    /// The window read, in seconds since the epoch.
    public var from: Int64
    public var to: Int64
    /// The servers of the samples (by the server label), sorted.
    public var servers: [String]
}

extension PrometheusSource {
    /// Reads the samples of `window` as a `PrometheusSnapshot`, the window made absolute first (a
    /// `last` or a missing `until` resolved against `now`), so that the snapshot says exactly what it
    /// holds; an input error when there are none.
    public func snapshot(window: TimeWindow, windowOptions: String, now: Int64 = Int64(Date().timeIntervalSince1970),
                         warn: (Diagnostic) -> Void) throws(TormemError) -> PrometheusSnapshot {
        let (from, to) = PrometheusSource.bounds(window, now: now)
        let (samples, _, _) = try samples(window: TimeWindow(since: from, until: to), windowOptions: windowOptions, warn: warn)
        let servers = Set(samples.relays.values.map(\.server)).union(samples.aggregates.keys).sorted()
        return PrometheusSnapshot(csv: samples.unifiedCSV(), from: from, to: to, servers: servers)
    }
}
