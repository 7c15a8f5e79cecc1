import ArgumentParser

/// `tormem`: memory of the tor relays running on this host.
struct Tormem: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tormem",
        abstract: "Collect and show the memory of the tor relays running on this host.",
        discussion: """
        Relays are the instance folders under --instances-dir (tor -f <instances-dir>/NAME/torrc); \
        their memory comes from /proc/PID/status and, when readable, /proc/PID/smaps. Nothing is \
        changed: no torrc is edited, no relay restarted, nothing run with sudo.

        Exit status: 0 success, 2 usage error, 3 input error (instances folder or proc root \
        missing or unreadable, bad relay config), 4 output error (cannot write).
        """,
        version: "0.1.0",
        subcommands: [Collect.self, Status.self, CSV.self, Detail.self, Watch.self, Verify.self])
}
