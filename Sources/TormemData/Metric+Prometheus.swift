import TormemCore

extension Metric {
    /// The gauge `tormem collect --prometheus` writes for it (`PrometheusWriter`), which
    /// `export --openmetrics` writes and the Prometheus source reads: memory in bytes.
    public var prometheusName: String {
        switch self {
        case .rss: return "tormem_relay_resident_memory_bytes"
        case .hwm: return "tormem_relay_resident_memory_peak_bytes"
        case .vmsize: return "tormem_relay_virtual_memory_bytes"
        case .frag: return "tormem_relay_fragmentation_ratio"
        }
    }

    /// The name the gauge had before it left tor's `tor_relay_*` namespace:
    /// still read, for the samples stored before the upgrade.
    public var prometheusFormerName: String {
        switch self {
        case .rss: return "tor_relay_rss_bytes"
        case .hwm: return "tor_relay_hwm_bytes"
        case .vmsize: return "tor_relay_vmsize_bytes"
        case .frag: return "tor_relay_fragmentation_ratio"
        }
    }

    /// The gauge's `# HELP` text, as the collector writes it.
    public var prometheusHelp: String {
        switch self {
        case .rss: return "Resident set size of the relay process (VmRSS)."
        case .hwm: return "Peak resident set size of the relay process (VmHWM)."
        case .vmsize: return "Virtual memory size of the relay process (VmSize)."
        case .frag: return "Sum of Size over sum of Rss of the mappings larger than 1000 kB (smaps); 1 means all resident."
        }
    }

    /// A stored value (KiB for memory) as the gauge's value (bytes for memory).
    public func prometheusValue(_ stored: Double) -> Double { isMemory ? stored * 1024 : stored }

    /// A gauge's value (bytes for memory) as a stored value (KiB for memory).
    public func storedValue(prometheus value: Double) -> Double { isMemory ? value / 1024 : value }
}

/// The host gauges of the collector and of `export --openmetrics`, in `AggregateSample`'s order:
/// running relays, then their RSS summed, averaged, smallest, largest (bytes).
public enum PrometheusAggregate: Int, CaseIterable, Sendable {
    case running, total, avg, min, max

    public var name: String {
        switch self {
        case .running: return "tormem_relays_running"
        case .total: return "tormem_relays_resident_memory_bytes"
        case .avg: return "tormem_relays_resident_memory_avg_bytes"
        case .min: return "tormem_relays_resident_memory_min_bytes"
        case .max: return "tormem_relays_resident_memory_max_bytes"
        }
    }

    /// The name before tormem left tor's namespace: still read.
    public var formerName: String {
        switch self {
        case .running: return "tor_relays_running"
        case .total: return "tor_relays_rss_total_bytes"
        case .avg: return "tor_relays_rss_avg_bytes"
        case .min: return "tor_relays_rss_min_bytes"
        case .max: return "tor_relays_rss_max_bytes"
        }
    }

    public var help: String {
        switch self {
        case .running: return "Number of running relay processes."
        case .total: return "Sum of the resident set sizes of the running relays."
        case .avg: return "Mean resident set size of the running relays."
        case .min: return "Smallest resident set size of the running relays."
        case .max: return "Largest resident set size of the running relays."
        }
    }

    /// The aggregate a gauge name (new or former) is, if any.
    public init?(prometheusName: String) {
        guard let found = PrometheusAggregate.allCases.first(where: { $0.name == prometheusName || $0.formerName == prometheusName })
        else { return nil }
        self = found
    }
}

/// The collector's gauges that are neither a `Metric` nor an aggregate.
public enum PrometheusGauge {
    /// 1 or 0 per relay instance (formerly `tor_relay_running`).
    public static let running = "tormem_relay_running"
    /// VmPeak per relay (formerly `tor_relay_vmpeak_bytes`).
    public static let virtualMemoryPeak = "tormem_relay_virtual_memory_peak_bytes"
    /// When the textfile was written (formerly `tor_memory_collection_timestamp_seconds`).
    public static let collectionTimestamp = "tormem_collection_timestamp_seconds"
    /// The relay process's start time, Unix time (`/proc/PID/stat` starttime plus `btime`).
    public static let startTime = "tormem_relay_start_time_seconds"
    /// tor's own bandwidth history (its `state` file): bytes read in the last complete interval, per day.
    public static let readBytesPerDay = "tormem_relay_read_bytes_per_day"
    /// The same for bytes written.
    public static let writtenBytesPerDay = "tormem_relay_written_bytes_per_day"
    /// `w Bandwidth=` of the relay in the newest cached consensus.
    public static let consensusWeight = "tormem_relay_consensus_weight"
    /// 1 per relay, labelled `allocator` (and `version` when its file name says it) as mapped.
    public static let allocatorInfo = "tormem_relay_allocator_info"
    /// 1 per flag of the relay in the newest cached consensus, labelled `flag`.
    public static let flag = "tormem_relay_flag"
    /// The label naming the relay's tor-instance folder (`/etc/tor/instances/NAME`).
    public static let instanceFolderLabel = "tor_instance"
}
