import Foundation
import Testing
import TormemTestSupport

/// The README's commands work when pasted: every command line of its `sh` code blocks runs in a
/// temporary folder holding the example files the README names, with the built `tormem-charts`
/// and `tormem` first on the `PATH`, and exits 0 without a warning. Lines that cannot run on a
/// machine without relays are named by `ReadmeCommands.notRun`, each with its reason.
@Suite struct ReadmeCommandsTests {
    @Test func everyCommandRunsAsWritten() throws {
        let readme = try ReadmeCommands.readme()
        let commands = ReadmeCommands.shellCommands(in: readme)
        let work = try ReadmeCommands.exampleFolder()
        var ran = 0
        var rulesUsed = Set<String>()
        for command in commands {
            if let rule = ReadmeCommands.notRun.first(where: { $0.matches(command.text) }) {
                rulesUsed.insert(rule.name)
                if let check = rule.check { #expect(check(command.text), "README.md:\(command.line): \(command.text): \(rule.name)") }
                continue
            }
            let result = try ReadmeCommands.runInShell(command.script, in: work)
            #expect(result.status == command.expectedStatus,
                    "README.md:\(command.line): `\(command.text)` exited \(result.status)\n\(result.stderr)")
            // A warning is a README example that does not do what it says (several files with
            // their headers concatenated into one stream, say).
            #expect(command.expectedStatus != 0 || result.stderr.isEmpty,
                    "README.md:\(command.line): `\(command.text)` warned:\n\(result.stderr)")
            ran += 1
        }
        // The blocks of drawing, reports, CI and the fake host: a parsing slip cannot pass silently.
        #expect(ran >= 12, "ran \(ran) README commands")
        // A rule that no line needs any more goes.
        #expect(rulesUsed == Set(ReadmeCommands.notRun.map(\.name)), "unused rules: \(Set(ReadmeCommands.notRun.map(\.name)).subtracting(rulesUsed))")
    }

    @Test func everyOptionInTheCodeBlocksIsInItsCommandsHelp() throws {
        let uses = ReadmeCommands.optionUses(in: try ReadmeCommands.readme())
        #expect(uses.count >= 30, "found \(uses.count) options in the README's code blocks")
        var helps: [String: String] = [:]
        for use in uses {
            let key = use.program + " " + use.subcommand
            if helps[key] == nil {
                let r = try run((use.subcommand.isEmpty ? [] : [use.subcommand]) + ["--help"], executable: executable(use.program))
                #expect(r.status == 0, "\(key) --help")
                helps[key] = r.stdout
            }
            #expect(ReadmeCommands.help(helps[key] ?? "", names: use.option),
                    "README.md:\(use.line): \(use.option) is not an option of `\(key)`")
        }
    }

    @Test func theSystemdUnitsShownAreTheShippedOnes() throws {
        let shown = ReadmeCommands.codeBlocks(in: try ReadmeCommands.readme()).filter { $0.language == "ini" }
            .map { $0.lines.joined(separator: "\n") + "\n" }
        let shipped = try ["tormem-collect.service", "tormem-collect.timer"].map {
            try String(contentsOfFile: Fixtures.packageRoot + "/contrib/systemd/" + $0, encoding: .utf8)
        }
        #expect(shown == shipped)
    }

    @Test func aBrokenCommandFails() throws {
        // What the first test relies on: a command that fails is seen to fail, with its message.
        let work = try ReadmeCommands.exampleFolder()
        let broken = try ReadmeCommands.runInShell("tormem-charts --data nowhere.csv --output-dir charts/", in: work)
        #expect(broken.status == 3)
        #expect(broken.stderr.contains("nowhere.csv"))
        let commands = ReadmeCommands.shellCommands(in: "```sh\ntormem-charts --data a.csv \\\n  --title x   # (exit status 3)\n```\n")
        #expect(commands.map(\.text) == ["tormem-charts --data a.csv --title x   # (exit status 3)"])
        #expect(commands.first?.expectedStatus == 3)
    }
}

/// Reading the README's code blocks, and what the tests above need to run them.
enum ReadmeCommands {
    struct CodeBlock {
        var language: String
        /// The README line number of each line.
        var numbers: [Int]
        var lines: [String]
    }

    /// One command line of a `sh` block, continuation lines joined.
    struct Command {
        var line: Int
        var text: String
        /// The block's variable assignments before it (`F=Fixtures/collect`), then the command.
        var script: String
        /// 0, or the N of a comment `(exit status N)`.
        var expectedStatus: Int32
    }

    /// A kind of line that is not run, and why.
    struct Rule: Sendable {
        var name: String
        var matches: @Sendable (String) -> Bool
        /// What is checked instead, when anything can be.
        var check: (@Sendable (String) -> Bool)?
    }

    static let notRun: [Rule] = [
        Rule(name: "builds tormem itself (this test runs inside that build); the make target must exist",
             matches: { $0.hasPrefix("make ") },
             check: { line in
                 let target = line.split(separator: " ")[1]
                 let makefile = (try? String(contentsOfFile: Fixtures.packageRoot + "/Makefile", encoding: .utf8)) ?? ""
                 return makefile.split(separator: "\n").contains { $0.hasPrefix(target + ":") }
             }),
        Rule(name: "another machine (scp, ssh)", matches: { $0.hasPrefix("scp ") || $0.hasPrefix("ssh ") }, check: nil),
        Rule(name: "root and the host's systemd (sudo, systemctl, journalctl)",
             matches: { ["sudo ", "systemctl ", "journalctl "].contains(where: $0.hasPrefix) }, check: nil),
        Rule(name: "root: a folder under /var/lib", matches: { $0.hasPrefix("mkdir -p /var/lib/") }, check: nil),
        // PrometheusOptionTests and ExportJobTests run these against a real server and promtool.
        Rule(name: "a Prometheus server of the operator's (--prometheus URL, promtool into its TSDB)",
             matches: { ($0.hasPrefix("tormem-charts ") && $0.contains("--prometheus http")) || $0.hasPrefix("promtool tsdb ") }, check: nil),
        // PrometheusReportTests refreshes a folder made from a real server.
        Rule(name: "a report folder made from the operator's Prometheus (--refresh asks its server again)",
             matches: { $0.hasPrefix("tormem-charts report ") && $0.contains(" --refresh") }, check: nil),
        Rule(name: "the relay host: tormem reads this host's /proc and /etc/tor/instances when given neither --proc-root nor --instances-dir",
             matches: { $0.hasPrefix("tormem ") && !$0.contains("--proc-root") && !$0.contains("--instances-dir") }, check: nil),
    ]

    static func readme() throws -> String {
        try String(contentsOfFile: Fixtures.packageRoot + "/README.md", encoding: .utf8)
    }

    /// Every fenced code block (```` ```LANG ```` … ```` ``` ````).
    static func codeBlocks(in text: String) -> [CodeBlock] {
        var blocks: [CodeBlock] = []
        var open: CodeBlock?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("```") {
                if let block = open {
                    blocks.append(block)
                    open = nil
                } else {
                    open = CodeBlock(language: String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces), numbers: [], lines: [])
                }
            } else if open != nil {
                open!.numbers.append(index + 1)
                open!.lines.append(String(line))
            }
        }
        return blocks
    }

    /// Logical lines of a block: continuation lines (ending in `\`) joined, blank and comment lines left out.
    static func logicalLines(of block: CodeBlock) -> [(line: Int, text: String)] {
        var out: [(line: Int, text: String)] = []
        var pending: (line: Int, text: String)?
        for (number, raw) in zip(block.numbers, block.lines) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if var p = pending {
                p.text += " " + line
                pending = p
            } else if line.isEmpty || line.hasPrefix("#") {
                continue
            } else {
                pending = (number, line)
            }
            if pending!.text.hasSuffix("\\") {
                pending!.text = String(pending!.text.dropLast()).trimmingCharacters(in: .whitespaces)
            } else {
                out.append(pending!)
                pending = nil
            }
        }
        return out
    }

    /// The command lines of the `sh` blocks; the folders the README runs them from (a clone's
    /// `.build/release/`, the package's `/usr/bin/`) are dropped, so the built executables run.
    static func shellCommands(in text: String) -> [Command] {
        var out: [Command] = []
        for block in codeBlocks(in: text) where block.language == "sh" {
            var assignments: [String] = []
            for (line, original) in logicalLines(of: block) {
                var command = original
                for folder in [".build/release/", ".build/debug/", "/usr/bin/", "/usr/local/bin/"] {
                    for program in ["tormem-charts ", "tormem "] {
                        command = command.replacingOccurrences(of: folder + program, with: program)
                    }
                }
                if isAssignment(command) {
                    assignments.append(command)
                    continue
                }
                out.append(Command(line: line, text: command, script: (assignments + [command]).joined(separator: "\n"),
                                   expectedStatus: expectedStatus(command)))
            }
        }
        return out
    }

    static func isAssignment(_ line: String) -> Bool {
        guard let eq = line.firstIndex(of: "="), !line.contains(" ") else { return false }
        let name = line[..<eq]
        return !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    static func expectedStatus(_ line: String) -> Int32 {
        guard let range = line.range(of: "(exit status ") else { return 0 }
        return Int32(line[range.upperBound...].prefix { $0.isNumber }) ?? 0
    }

    /// A temporary folder with the files the README's commands name, made from `Fixtures/`:
    /// `measurements.csv` (the real experiment, with its `experiment.json` and `relay_config.csv`),
    /// `.gz` and `.xz` copies of it, `host1.csv` and `host2.csv` (two servers), `Fixtures/` (for
    /// the fake host, as in a clone), and `bin/` with the built executables.
    static func exampleFolder() throws -> String {
        let work = try temporaryFolder("readme")
        let fm = FileManager.default
        for name in ["measurements.csv", "experiment.json", "relay_config.csv"] {
            try fm.copyItem(atPath: Fixtures.url("real-2025-09-18/" + name), toPath: work + "/" + name)
        }
        try fm.copyItem(atPath: Fixtures.url("real-2025-09-18/measurements.csv"), toPath: work + "/host1.csv")
        try fm.copyItem(atPath: Fixtures.url("synthetic/unified_12relays_7days.csv"), toPath: work + "/host2.csv")
        for compress in ["gzip -n -c measurements.csv > measurements.csv.gz", "xz -c measurements.csv > measurements.csv.xz"] {
            let r = try runInShell(compress, in: work)
            guard r.status == 0 else { throw ExampleFileFailed(command: compress, stderr: r.stderr) }
        }
        try fm.createSymbolicLink(atPath: work + "/Fixtures", withDestinationPath: Fixtures.root)
        try fm.createDirectory(atPath: work + "/bin", withIntermediateDirectories: true)
        for program in ["tormem-charts", "tormem"] {
            try fm.createSymbolicLink(atPath: work + "/bin/" + program, withDestinationPath: executable(program))
        }
        return work
    }

    struct ExampleFileFailed: Error {
        var command: String
        var stderr: String
    }

    /// Runs `script` with bash (the README's `<(…)` needs it) in `folder`, `folder/bin` first on
    /// the PATH, output into files (nothing blocks on a full pipe); killed after 5 minutes.
    static func runInShell(_ script: String, in folder: String) throws -> RunResult {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", "set -o pipefail\n" + script]
        p.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = folder + "/bin:" + (environment["PATH"] ?? "/usr/bin:/bin")
        p.environment = environment
        let id = UUID().uuidString.prefix(8)
        let outPath = NSTemporaryDirectory() + "readme-\(id).out", errPath = NSTemporaryDirectory() + "readme-\(id).err"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: outPath); try? FileManager.default.removeItem(atPath: errPath) }
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        try p.run()
        let deadline = Date().addingTimeInterval(300)
        while p.isRunning {
            if Date() > deadline { p.terminate() }
            usleep(20_000)
        }
        p.waitUntilExit()
        return RunResult(status: p.terminationStatus,
                         stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                         stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }

    /// An option a code block gives to `tormem-charts` or `tormem`.
    struct OptionUse {
        var line: Int
        var program: String
        /// `draw`, `report`, `regenerate`; `collect`, `status`, …; empty for `tormem` alone.
        var subcommand: String
        var option: String
    }

    static let subcommands = ["tormem-charts": ["draw", "report", "regenerate", "compare", "export"],
                              "tormem": ["collect", "status", "csv", "detail", "watch", "verify"]]

    /// Every `--option` given to one of the two programs in any code block (shell, cron, systemd
    /// units, shown sessions after `$ `), with the command it belongs to.
    static func optionUses(in text: String) -> [OptionUse] {
        var out: [OptionUse] = []
        for block in codeBlocks(in: text) {
            for (line, command) in logicalLines(of: block) {
                let words = command.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
                var segment: [String] = []
                for word in words + ["|"] {
                    if word.hasPrefix("#") { break }
                    if ["|", "&&", ";", ">", "<"].contains(word) {
                        out += uses(in: segment, line: line)
                        segment = []
                    } else {
                        segment.append(word)
                    }
                }
                out += uses(in: segment, line: line)
            }
        }
        return out
    }

    private static func uses(in words: [String], line: Int) -> [OptionUse] {
        // The program is the first word past a prompt, `sudo`, a cron schedule and assignments.
        guard let at = words.firstIndex(where: { w in
            !(w == "$" || w == "sudo" || w.allSatisfy({ "0123456789*/,-".contains($0) }) || (isAssignment(w) && !w.contains("tormem")))
        }) else { return [] }
        let word = words[at]
        let program = String((word.split(separator: "=").last ?? "").split(separator: "/").last ?? "")
        guard let known = subcommands[program] else { return [] }
        var subcommand = program == "tormem-charts" ? "draw" : ""
        if at + 1 < words.count, known.contains(words[at + 1]) { subcommand = words[at + 1] }
        return words[(at + 1)...].filter { $0.hasPrefix("--") }.map { word in
            let name = word.prefix { $0 != "=" }.prefix { $0.isLetter || $0.isNumber || $0 == "-" }
            return OptionUse(line: line, program: program, subcommand: subcommand, option: String(name))
        }
    }

    /// Whether `help` lists `option` as a whole word (`--check` is not found in `--check-pixels`).
    static func help(_ help: String, names option: String) -> Bool {
        var rest = help[...]
        while let range = rest.range(of: option) {
            let next = rest[range.upperBound...].first
            let before = range.lowerBound == help.startIndex ? nil : help[help.index(before: range.lowerBound)]
            let wordEnds = next.map { !($0.isLetter || $0.isNumber || $0 == "-") } ?? true
            let wordStarts = before.map { $0 == " " || $0 == "\n" || $0 == "," || $0 == "/" || $0 == "[" || $0 == "(" } ?? true
            if wordEnds && wordStarts { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }
}
