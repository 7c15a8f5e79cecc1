import Foundation
import Testing
@testable import TormemData

/// The `bimodal` rule on built groups: separated clusters are found with their sizes, while
/// unimodal groups (normal and log-normal, seeded, 4 to 80 relays) and one far relay are not split.
struct EndClustersTests {
    /// A Box–Muller normal from SplitMix64 (seeded, so the cases are the same on every run).
    static func normals(_ n: Int, seed: UInt64) -> [Double] {
        var rng = SplitMix64(seed: seed)
        return (0..<n).map { _ in
            let u = max(Double(rng.next() >> 11) / Double(1 << 53), 1e-12), v = Double(rng.next() >> 11) / Double(1 << 53)
            return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
        }
    }

    static func named(_ v: [Double]) -> [(name: String, gb: Double)] { v.enumerated().map { ("r\($0.offset)", $0.element) } }

    @Test func unimodalGroupsAreOneCluster() {
        var split = 0
        for seed in UInt64(1)...1500 {
            let n = 4 + Int(seed % 77)
            let z = Self.normals(n, seed: seed)
            let normal = z.map { 3.0 + 0.3 * $0 }              // 10 % spread
            let lognormal = z.map { 2.0 * exp(0.25 * $0) }       // right-skewed, as fragmentation is
            if EndClusters(Self.named(normal)).isSeparated { split += 1 }
            if EndClusters(Self.named(lognormal)).isSeparated { split += 1 }
        }
        #expect(split == 0)
    }

    @Test func leftoverRelaysAreACluster() {
        // Three relays of an earlier DirCache 0 test at 0.4 GB in a jemalloc group at 2.1 GB.
        let values = [0.39, 0.40, 0.42] + Self.normals(10, seed: 7).map { 2.1 + 0.08 * $0 }
        let c = EndClusters(Self.named(values))
        #expect(c.clusters.map(\.n) == [3, 10])
        #expect(abs(c.clusters[0].mean - 0.40333333333333) < 1e-9)
        #expect(c.clusters[0].members == ["r0", "r1", "r2"])
    }

    @Test func threeClustersOfAControlSharingRelays() {
        let values = [1.18, 1.20, 1.22, 2.05, 2.10, 2.15] + (0..<10).map { 5.6 + 0.02 * Double($0) }
        #expect(EndClusters(Self.named(values)).clusters.map(\.n) == [3, 3, 10])
    }

    @Test func oneFarRelayIsNotACluster() {
        // A single relay far away is `unlike` its group, not a cluster of its own.
        let values = [0.4] + (0..<9).map { 2.0 + 0.01 * Double($0) }
        #expect(!EndClusters(Self.named(values)).isSeparated)
    }

    @Test func aGapWithinNoiseOrBelowTheFloorDoesNotSplit() {
        // Two tight halves 0.08 GB apart: below the 0.1 GB floor.
        #expect(!EndClusters(Self.named([1.00, 1.00, 1.01, 1.08, 1.09, 1.09])).isSeparated)
        // A gap of 6× the pooled spread but under 15 % of the median (4.8 GB): not split.
        #expect(!EndClusters(Self.named([4.50, 4.55, 4.60, 4.65, 5.00, 5.05, 5.10, 5.15])).isSeparated)
        // Two halves 1 GB apart with a spread of 0.3 GB (gap ≈ 3.3 σ): not clearly separated.
        let wide = Self.normals(20, seed: 3).map { 0.3 * $0 }
        let halves = wide.prefix(10).map { 2.0 + $0 } + wide.suffix(10).map { 3.0 + $0 }
        #expect(!EndClusters(Self.named(halves)).isSeparated)
    }

    @Test func nothingToCluster() {
        #expect(EndClusters([]).clusters.isEmpty)
        #expect(EndClusters([("a", .nan), ("b", 1.0)]).clusters.map(\.n) == [1])
    }
}
