#if canImport(Glibc)
import Glibc
#endif
import TormemCore
import TormemData

/// Discovers the instances, finds their processes and reads their memory: one `HostSnapshot`.
public struct Collector: Sendable {
    public let settings: CollectorSettings
    public let proc: ProcReader
    public let directory: InstanceDirectory

    public init(settings: CollectorSettings) {
        self.settings = settings
        proc = ProcReader(root: settings.procRoot)
        directory = InstanceDirectory(path: settings.instancesDirectory, dataRoot: settings.dataRoot)
    }

    /// Reads every instance now. `smaps: false` skips the fragmentation ratio (faster).
    public func snapshot(smaps: Bool = true) throws(TormemError) -> HostSnapshot {
        let time = settings.clock.now()
        let config = try loadConfig()
        let instances = try directory.instances()
        let pids = try findProcesses(Set(instances.map(\.name)))
        let relays = instances.map { instance in
            read(instance, pid: pids[instance.name], config: config, smaps: smaps)
        }
        let facts = withFacts(relays, instances: instances, now: time)
        return HostSnapshot(time: time, server: serverName(), relays: facts.relays, consensusPath: facts.consensusPath,
                            warnings: facts.warnings)
    }

    /// One instance now (for `detail` and `watch`), with the consensus used and the warnings.
    public func reading(of instance: RelayInstance) throws(TormemError) -> (reading: RelayReading, consensusPath: String?, warnings: [Diagnostic]) {
        let config = try loadConfig()
        let pids = try findProcesses([instance.name])
        let reading = read(instance, pid: pids[instance.name], config: config, smaps: true)
        // The consensus may be cached by any instance of the host.
        let all = (try? directory.instances()) ?? [instance]
        let facts = withFacts([reading], instances: all, now: settings.clock.now())
        return (facts.relays[0], facts.consensusPath, facts.warnings)
    }

    func read(_ instance: RelayInstance, pid: Int32?, config: RelayConfig?, smaps: Bool) -> RelayReading {
        let group = config?.group(of: RelayInfo(nickname: instance.nickname, fingerprint: instance.fingerprint)) ?? ""
        guard let pid, let memory = proc.status(pid), memory.rssKB != nil else {
            return RelayReading(instance: instance, group: group)
        }
        return RelayReading(instance: instance, group: group, pid: pid, memory: memory,
                            smaps: smaps ? proc.smaps(pid) : nil)
    }

    func findProcesses(_ names: Set<String>) throws(TormemError) -> [String: Int32] {
        let finder = ProcessFinder(directories: ProcessFinder.spellings(
            of: directory.path, processView: settings.processInstancesDirectory))
        do {
            return try finder.find(names: names, in: proc)
        } catch {
            throw .input(Diagnostic(file: proc.root, message:
                "cannot list processes (\(error.reason)); expected a proc file system (set it with --proc-root)"))
        }
    }

    /// The group file, when one is given.
    public func loadConfig() throws(TormemError) -> RelayConfig? {
        guard let path = settings.configPath else { return nil }
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path)
        } catch {
            throw .input(Diagnostic(file: path, message:
                "cannot read the relay config (\(error.reason)); expected a CSV file with fingerprint,nickname,group columns"))
        }
        return try RelayConfig.parse(bytes, file: path)
    }

    /// `--server`, else the proc root's host name, else `gethostname`.
    public func serverName() -> String {
        if let s = settings.server, !s.isEmpty { return s }
        if let h = proc.hostName() { return h }
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "localhost" : name
    }
}
