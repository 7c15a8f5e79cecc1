import ArgumentParser
import TormemKit

/// `--check` (by source stamps, the same verdict on every machine) or `--check-pixels` (by the bytes
/// of a fresh drawing, for the machine that drew the charts); `--check=pixels` and `--check=source`
/// are spelled that way on the command line too (see `spellings`).
enum CheckOption: String, EnumerableFlag {
    case check
    case checkPixels

    static func name(for value: CheckOption) -> NameSpecification {
        value == .check ? .customLong("check") : .customLong("check-pixels")
    }

    static func help(for value: CheckOption) -> ArgumentHelp? {
        switch value {
        case .check:
            return "Write nothing; exit 1 when a chart was drawn from other data, side files or options than it would be now (its source fingerprint), or a generated section or tormem.json would change."
        case .checkPixels:
            return "Like --check, but a chart is stale when a fresh drawing differs in any byte (--check=pixels; only on the machine that drew the charts)."
        }
    }

    var mode: ReportJob.CheckMode { self == .check ? .source : .pixels }

    /// `--check=MODE` as the flag it means (`--check=pixels` → `--check-pixels`), other arguments
    /// as they are; nothing after `--`.
    static func spellings(_ arguments: [String]) -> [String] {
        var out: [String] = []
        var rest = false
        for a in arguments {
            if a == "--" { rest = true }
            if !rest, a.hasPrefix("--check="), let mode = ReportJob.CheckMode(rawValue: String(a.dropFirst("--check=".count))) {
                out.append(mode == .source ? "--check" : "--check-pixels")
            } else {
                out.append(a)
            }
        }
        return out
    }
}
