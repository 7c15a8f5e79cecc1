import ArgumentParser
import TormemCollect

/// Where to look for relays: shared by every subcommand.
struct HostOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The proc file system to read processes from.", valueName: "DIR"))
    var procRoot: String = "/proc"

    @Option(name: .long, help: ArgumentHelp("The folder with one sub-folder (torrc, fingerprint) per tor instance.", valueName: "DIR"))
    var instancesDir: String = "/etc/tor/instances"

    @Option(name: .long, help: ArgumentHelp("Where instance NAME keeps its DataDirectory (and tor its fingerprint file) when its torrc does not say.", valueName: "DIR"))
    var torDataRoot: String = RelayInstance.defaultDataRoot

    @Option(name: .long, help: ArgumentHelp(
        "The instances folder as the relay processes name it, when it differs from --instances-dir (a host's /proc and /etc mounted in a container).",
        valueName: "DIR"))
    var processInstancesDir: String?

    @Option(name: .long, help: ArgumentHelp("relay_config.csv (fingerprint,nickname,group,...): adds each relay's group.", valueName: "FILE"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("The server name written into rows (default: the host name).", valueName: "NAME"))
    var server: String?

    func validate() throws {
        for (name, value) in [("--proc-root", procRoot), ("--instances-dir", instancesDir), ("--tor-data-root", torDataRoot),
                              ("--process-instances-dir", processInstancesDir ?? "/"), ("--config", config ?? "-")] where value.isEmpty {
            throw ValidationError("\(name): expected a path, found an empty one")
        }
        if let server, server.isEmpty || server.contains(where: \.isNewline) {
            throw ValidationError("--server \"\(server)\": expected a host name on one line")
        }
    }

    var collector: Collector {
        var settings = CollectorSettings(procRoot: procRoot, instancesDirectory: instancesDir,
                                         processInstancesDirectory: processInstancesDir, configPath: config, server: server)
        settings.dataRoot = torDataRoot
        return Collector(settings: settings)
    }
}
