/// Where a collector looks: the proc root, the instances folder, the optional group file and host name.
public struct CollectorSettings: Sendable {
    public var procRoot: String
    public var instancesDirectory: String
    /// Where instance NAME keeps its DataDirectory when its torrc does not say (Debian:
    /// `/var/lib/tor-instances`).
    public var dataRoot: String = RelayInstance.defaultDataRoot
    /// The instances folder as the relay processes name it, when it differs from
    /// `instancesDirectory` (a host's /proc and /etc mounted inside a container).
    public var processInstancesDirectory: String?
    /// `relay_config.csv` (`fingerprint,nickname,group,...`).
    public var configPath: String?
    /// The server name written into rows; nil: the host name.
    public var server: String?
    public var clock: Clock

    public init(procRoot: String = "/proc", instancesDirectory: String = "/etc/tor/instances",
                processInstancesDirectory: String? = nil, configPath: String? = nil, server: String? = nil,
                clock: Clock = .system) {
        self.procRoot = procRoot; self.instancesDirectory = instancesDirectory
        self.processInstancesDirectory = processInstancesDirectory
        self.configPath = configPath; self.server = server; self.clock = clock
    }
}
