import TormemCore
import TormemData

/// `tormem watch NAME`: shows the detail of one relay again every interval until SIGINT or SIGTERM
/// (see `StopSignal`), then returns normally.
public enum WatchLoop {
    /// Clears the terminal and moves the cursor home.
    public static let clearScreen = "\u{1B}[H\u{1B}[2J"

    /// Calls `show` with each frame's text. Returns when a stop signal arrives, or after `frames`
    /// frames when given. An unknown NAME is a usage error before the first frame.
    public static func run(name: String, interval: Double, collector: Collector, clear: Bool,
                           frames: Int? = nil, show: (String) -> Void) throws(TormemError) {
        let instance = try collector.directory.instance(named: name)
        var shown = 0
        repeat {
            let detail = try RelayDetail.read(instance: instance, collector: collector)
            let heading = "watching \(name) every \(NumberFormat.short(interval)) s"
                + " (Ctrl-C to stop)\n\n"
            show((clear ? clearScreen : (shown > 0 ? "\n" : "")) + heading + detail.text)
            shown += 1
            if let frames, shown >= frames { return }
        } while StopSignal.sleep(seconds: interval)
    }
}
