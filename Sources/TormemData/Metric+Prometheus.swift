import TormemCore

extension Metric {
    /// The gauge `tormem collect --prometheus` writes for it (`PrometheusWriter`), which
    /// `export --openmetrics` writes and the Prometheus source reads: memory in bytes.
    public var prometheusName: String {
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
