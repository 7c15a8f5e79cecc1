/// Which allocator a relay uses: an `LD_PRELOAD` in `/proc/PID/environ` when readable, else the
/// libraries mapped in `/proc/PID/maps` (jemalloc, mimalloc, tcmalloc); glibc when maps is readable
/// and shows none of them; unknown when neither can be read.
public enum AllocatorProbe {
    /// The alternatives looked for, in order.
    static let alternatives: [Allocator.Kind] = [.jemalloc, .mimalloc, .tcmalloc]

    public static func probe(pid: Int32, proc: ProcReader) -> Allocator {
        detect(environment: proc.environment(pid), maps: proc.maps(pid))
    }

    public static func detect(environment: [String]?, maps: String?) -> Allocator {
        if let environment {
            for entry in environment where entry.hasPrefix("LD_PRELOAD=") {
                if let kind = alternative(in: String(entry.dropFirst("LD_PRELOAD=".count))) {
                    return Allocator(kind: kind, evidence: .preload)
                }
            }
        }
        guard let maps else { return Allocator(kind: .unknown, evidence: .none) }
        for line in maps.split(whereSeparator: \.isNewline) {
            // The path is the last field; only shared objects count.
            guard let slash = line.lastIndex(of: "/") else { continue }
            let file = line[line.index(after: slash)...]
            guard file.hasPrefix("lib"), file.contains(".so") else { continue }
            if let kind = alternative(in: String(file)) { return Allocator(kind: kind, evidence: .maps) }
        }
        return Allocator(kind: .glibc, evidence: .maps)
    }

    /// The first alternative allocator a library list or file name mentions.
    static func alternative(in text: String) -> Allocator.Kind? {
        let lower = text.lowercased()
        return alternatives.first { lower.contains($0.rawValue) }
    }
}
