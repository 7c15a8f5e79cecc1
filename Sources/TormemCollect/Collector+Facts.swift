#if canImport(Glibc)
import Glibc
#endif
import TormemCore
import TormemData

/// What a running relay gives for its memory, beside it: when its process started, the allocator
/// it has mapped, tor's bandwidth history and its consensus flags and weight. A file that cannot
/// be read is not known (an empty cell); one that is there but says nothing usable gives one
/// warning naming it.
extension Collector {
    /// The biggest `state` file read (tor's is a few KiB).
    static let stateLimit = 4 << 20

    /// `relays` with their facts, the consensus used and the warnings. The consensus is the newest
    /// in any of `instances`' DataDirectories, read once for all relays.
    func withFacts(_ relays: [RelayReading], instances: [RelayInstance], now: Timestamp)
        -> (relays: [RelayReading], consensusPath: String?, warnings: [Diagnostic]) {
        var warnings: [Diagnostic] = []
        var out = relays
        var boot: Int??   // read once, when a relay runs
        for i in out.indices where out[i].isRunning {
            guard let pid = out[i].pid else { continue }
            if boot == nil {
                switch proc.bootTime() {
                case .success(let seconds)?: boot = .some(seconds)
                case .failure(let error)?:
                    warnings.append(Diagnostic(file: proc.hostStatPath, message: "cannot tell when relays started (\(error.reason)); started is left empty"))
                    boot = .some(nil)
                case nil: boot = .some(nil)
                }
            }
            if let bootTime = boot ?? nil {
                out[i].started = startTime(pid: pid, bootTime: bootTime, now: now, warnings: &warnings)
            }
            out[i].allocator = proc.maps(pid).map(AllocatorProbe.mapped)
            out[i].bandwidth = bandwidth(of: out[i].instance, warnings: &warnings)
        }
        let wanted = Set(out.filter(\.isRunning).map(\.instance.fingerprint).filter { !$0.isEmpty })
        var directories: [String] = []
        for d in instances.compactMap(\.dataDirectory) where !directories.contains(d) { directories.append(d) }
        guard !wanted.isEmpty, !directories.isEmpty else { return (out, nil, warnings) }
        let (consensus, problems) = CachedConsensus.read(directories: directories, fingerprints: wanted)
        warnings += problems
        if let consensus {
            for i in out.indices where out[i].isRunning { out[i].consensus = consensus.entries[out[i].instance.fingerprint] }
        }
        return (out, consensus?.path, warnings)
    }

    func startTime(pid: Int32, bootTime: Int, now: Timestamp, warnings: inout [Diagnostic]) -> Timestamp? {
        let path = proc.path(pid, "stat")
        do {
            guard let ticks = try proc.startTicks(pid)?.get() else { return nil }
            return Timestamp(seconds: try ProcessStart.seconds(bootTime: bootTime, ticks: ticks,
                                                               ticksPerSecond: ProcReader.ticksPerSecond, now: now.seconds))
        } catch {
            warnings.append(Diagnostic(file: path, message: "cannot tell when the relay started (\(error.reason)); started is left empty"))
            return nil
        }
    }

    /// The history in the instance's `state` file; nil when there is none.
    func bandwidth(of instance: RelayInstance, warnings: inout [Diagnostic]) -> BandwidthHistory? {
        guard let folder = instance.dataDirectory else { return nil }
        let path = folder + "/state"
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path, limit: Self.stateLimit)
        } catch {
            if error.code != ENOENT {
                warnings.append(Diagnostic(file: path, message: "cannot read tor's state file (\(error.reason)); read_bytes_day and written_bytes_day are left empty"))
            }
            return nil
        }
        if bytes.contains(0) {
            warnings.append(Diagnostic(file: path, message: "not a text file (it holds NUL bytes), expected tor's state file; read_bytes_day and written_bytes_day are left empty"))
            return nil
        }
        let (history, problem) = BandwidthHistory.parse(String(decoding: bytes, as: UTF8.self))
        if let problem {
            warnings.append(Diagnostic(file: path, message: "\(problem); that direction's bytes per day are left empty"))
        }
        return history.isEmpty ? nil : history
    }
}
