/// Which allocator a relay uses: the libraries mapped in `/proc/PID/maps` (jemalloc, mimalloc,
/// tcmalloc), which is what is really loaded; glibc when maps is readable and shows none of them.
/// Only when maps cannot be read does an `LD_PRELOAD` in `/proc/PID/environ` count (a preload that
/// failed is no proof); unknown when neither can be read.
public enum AllocatorProbe {
    /// The alternatives looked for, in order.
    static let alternatives: [Allocator.Kind] = [.jemalloc, .mimalloc, .tcmalloc]

    public static func probe(pid: Int32, proc: ProcReader) -> Allocator {
        let maps = proc.maps(pid)
        return detect(environment: maps == nil ? proc.environment(pid) : nil, maps: maps)
    }

    public static func detect(environment: [String]?, maps: String?) -> Allocator {
        if let maps { return mapped(maps) }
        if let environment {
            for entry in environment where entry.hasPrefix("LD_PRELOAD=") {
                if let kind = alternative(in: String(entry.dropFirst("LD_PRELOAD=".count))) {
                    return Allocator(kind: kind, evidence: .preload)
                }
            }
        }
        return Allocator(kind: .unknown, evidence: .none)
    }

    /// The allocator a `maps` text shows: the first alternative's shared object mapped (with the
    /// version its file name gives, for mimalloc), else glibc.
    public static func mapped(_ maps: String) -> Allocator {
        for line in maps.split(whereSeparator: \.isNewline) {
            // The path is the last field; only shared objects count.
            guard let slash = line.lastIndex(of: "/") else { continue }
            var file = String(line[line.index(after: slash)...]).trimmingWhitespace
            // A library replaced on disk since it was loaded (a package upgrade) is still the one in use.
            if file.hasSuffix(" (deleted)") { file = String(file.dropLast(" (deleted)".count)) }
            guard file.hasPrefix("lib"), file.contains(".so") else { continue }
            if let kind = alternative(in: file) {
                return Allocator(kind: kind, evidence: .maps, version: kind == .mimalloc ? version(file) : nil)
            }
        }
        return Allocator(kind: .glibc, evidence: .maps)
    }

    /// The version after `.so.` in a file name (`libmimalloc.so.2.0` → `2.0`); nil when there is
    /// none or it is not dotted digits. (jemalloc's and tcmalloc's numbers there are the ABI's, not
    /// the release's: not written.)
    static func version(_ file: String) -> String? {
        guard let so = file.firstRange(of: ".so.") else { return nil }
        let v = file[so.upperBound...]
        guard !v.isEmpty, v.count <= 16, v.allSatisfy({ $0.isASCIIDigit || $0 == "." }),
              v.first != ".", v.last != "." else { return nil }
        return String(v)
    }

    /// The first alternative allocator a library list or file name mentions.
    static func alternative(in text: String) -> Allocator.Kind? {
        let lower = text.lowercased()
        return alternatives.first { lower.contains($0.rawValue) }
    }
}
