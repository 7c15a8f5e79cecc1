import TormemCore
import TormemData

/// The `--json` document of a comparison: its folders with their controls, every configuration
/// with each experiment's numbers against its own control, the groups matched nowhere, and the
/// charts. Values are GB per relay (or the metric's ratio), percentages in percent.
public struct CompareSummary: Sendable {
    public var comparison: ExperimentComparison
    public var folders: [ReportFolder]
    public var written: [String]

    public var json: String { document.text }

    public var document: JSONValue {
        let c = comparison
        func number(_ v: Double) -> JSONValue { v.isFinite ? .number(v) : .null }
        func entry(_ e: ExperimentComparison.Entry) -> [(String, JSONValue)] {
            [("folder", .string(c.experiments[e.experiment].folder)), ("name", .string(c.experiments[e.experiment].name)),
             ("group", .string(e.group)), ("label", .string(c.experiments[e.experiment].labels.label(e.group))),
             ("n", .int(e.relays)), ("mean_end_gb", number(e.endMean)), ("window_days", e.windowDays.map(JSONValue.int) ?? .null)]
        }
        let configurations: [JSONValue] = c.configurations.map { cfg in
            .object([("name", .string(cfg.name)), ("matched_by", .string(cfg.byOption ? "match" : "label")),
                     ("experiments", .array(cfg.entries.map { e in
                         let vs: JSONValue = e.vsControl.map { v in
                             .object([("percent", number(v.percent)), ("ci_low", v.low.map(number) ?? .null),
                                      ("ci_high", v.high.map(number) ?? .null), ("at", .int(v.atDay)),
                                      ("no_interval", .string(v.whyNoInterval))])
                         } ?? .null
                         let control = c.controls[e.experiment]
                         return .object(entry(e) + [("vs_control", vs),
                                                    ("control_mean_end_gb", control.map { number($0.endMean) } ?? .null)])
                     })),
                     ("direction_agrees", cfg.agrees.map(JSONValue.bool) ?? .null),
                     ("intervals_overlap", cfg.intervalsOverlap.map(JSONValue.bool) ?? .null)])
        }
        let folderList: [JSONValue] = c.experiments.indices.map { i in
            .object([("folder", .string(c.experiments[i].folder)), ("name", .string(c.experiments[i].name)),
                     ("path", .string(folders[i].commandPath)),
                     ("control", c.controls[i].map { .object(entry($0).filter { !["folder", "name"].contains($0.0) }) } ?? .null)])
        }
        return .object([
            ("metric", .string(c.metric.name)),
            ("folders", .array(folderList)),
            ("configurations", .array(configurations)),
            ("unmatched", .array(c.unmatched.map { m in
                .object([("folder", .string(c.experiments[m.experiment].folder)), ("group", .string(m.group)),
                         ("label", .string(c.experiments[m.experiment].labels.label(m.group)))])
            })),
            ("written", .array(written.map(JSONValue.string))),
        ])
    }
}
