import TormemCore

/// The fragmentation ratio from `/proc/PID/smaps`: over the mappings larger than a threshold
/// (1000 kB), the sum of their `Size` divided by the sum of their `Rss`. A heap that has grown and
/// is only partly resident gives a ratio well above 1.
public struct SmapsRatio: Equatable, Sendable {
    /// Mappings counted (those larger than the threshold).
    public var mappings: Int
    public var sizeKB: Int
    public var rssKB: Int

    /// Only mappings with a `Size` above this many KiB count.
    public static let thresholdKB = 1000

    public init(mappings: Int, sizeKB: Int, rssKB: Int) {
        self.mappings = mappings; self.sizeKB = sizeKB; self.rssKB = rssKB
    }

    /// `sizeKB / rssKB`, or nil when nothing large is resident.
    public var ratio: Double? { rssKB > 0 ? Double(sizeKB) / Double(rssKB) : nil }

    public static func parse(_ bytes: [UInt8], thresholdKB: Int = thresholdKB) -> SmapsRatio {
        var result = SmapsRatio(mappings: 0, sizeKB: 0, rssKB: 0)
        var size: Int?
        var rss = 0
        func finishMapping() {
            if let s = size, s > thresholdKB {
                result.mappings += 1
                result.sizeKB = result.sizeKB.saturatingAdd(s)
                result.rssKB = result.rssKB.saturatingAdd(rss)
            }
            size = nil
            rss = 0
        }
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 10 { end += 1 }
            let line = bytes[start..<end]
            if isMappingHeader(line) {
                finishMapping()
            } else if line.starts(with: sizeKey) {
                size = number(in: line.dropFirst(sizeKey.count))
            } else if line.starts(with: rssKey) {
                rss = number(in: line.dropFirst(rssKey.count)) ?? 0
            }
            start = end + 1
        }
        finishMapping()
        return result
    }

    private static let sizeKey = Array("Size:".utf8)
    private static let rssKey = Array("Rss:".utf8)

    /// A mapping starts with `start-end perms ...`: hex digits then `-`.
    private static func isMappingHeader(_ line: ArraySlice<UInt8>) -> Bool {
        var i = line.startIndex
        while i < line.endIndex, isHex(line[i]) { i += 1 }
        return i > line.startIndex && i < line.endIndex && line[i] == UInt8(ascii: "-")
    }

    private static func isHex(_ b: UInt8) -> Bool {
        (48...57).contains(b) || (97...102).contains(b) || (65...70).contains(b)
    }

    /// The first run of digits, e.g. `     1024 kB` → 1024; held at `MemoryStatus.maxKB`.
    private static func number(in s: ArraySlice<UInt8>) -> Int? {
        var i = s.startIndex
        while i < s.endIndex, s[i] == 32 || s[i] == 9 { i += 1 }
        var v = 0
        var digits = 0
        while i < s.endIndex, (48...57).contains(s[i]) {
            v = min(v * 10 + Int(s[i] - 48), MemoryStatus.maxKB)
            digits += 1
            i += 1
        }
        return digits > 0 ? v : nil
    }
}
