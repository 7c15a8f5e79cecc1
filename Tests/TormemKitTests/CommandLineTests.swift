import Foundation
import Testing
import TormemTestSupport
@testable import TormemKit

/// The `tormem-charts` executable end to end: arguments, exit statuses, files.
@Suite struct CommandLineTests {
    @Test func helpDocumentsOptionsAndExitStatuses() throws {
        let r = try run(["--help"])
        #expect(r.status == 0)
        for option in ["--data", "--output-dir", "--title", "--color", "--prefix", "--theme", "--format",
                       "--width", "--height", "--strict", "Exit status"] {
            #expect(r.stdout.contains(option), "help mentions \(option)")
        }
    }

    @Test func drawsChartsFromRealData() throws {
        let dir = try temporaryFolder() + "/out"
        let r = try run(["--data", realData, "--output-dir", dir])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(listing(dir) == realCharts)
        #expect(r.stdout.contains("skipped memory_outliers"))
        #expect(r.stdout.contains("period"))
        let quiet = try run(["--data", realData, "--output-dir", dir, "-q"])
        #expect(quiet.status == 0 && quiet.stdout.isEmpty)
    }

    @Test(arguments: [
        ["--output-dir", "x"],                                  // no --data
        ["--data", "a.csv", "--format", "gif"],
        ["--data", "a.csv", "--theme", "pink"],
        ["--data", "a.csv", "--width", "5"],
        ["--data", "a.csv", "--color", "teal"],
        ["--data", "a.csv", "--bogus"],
    ])
    func usageErrorsExitTwo(arguments: [String]) throws {
        let r = try run(arguments)
        #expect(r.status == 2, "\(arguments): \(r.stderr)")
        #expect(!r.stderr.isEmpty)
    }

    @Test func inputErrorsExitThreeAndNameTheFile() throws {
        let dir = try temporaryFolder()
        try write("foo,bar\n1,2\n", to: dir + "/bad.csv")
        let r = try run(["--data", dir + "/bad.csv", "--output-dir", dir + "/out"])
        #expect(r.status == 3)
        #expect(r.stderr.contains("bad.csv:1"))
        #expect(r.stderr.contains("monitor"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))

        let missing = try run(["--data", dir + "/nope.csv", "--output-dir", dir + "/out"])
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("nope.csv"))
    }

    @Test func outputErrorsExitFour() throws {
        let dir = try temporaryFolder()
        try write("not a folder", to: dir + "/file")
        let r = try run(["--data", realData, "--output-dir", dir + "/file"])
        #expect(r.status == 4, "\(r.stderr)")
        #expect(r.stderr.contains(dir + "/file"))
    }

    @Test func warningsNameFileAndLine() throws {
        let dir = try temporaryFolder()
        try write("date,time,num_relays,total_mb,avg_mb,min_mb,max_mb\n2025-01-01,00:00:00,2,2048,1024,1000,1048\n"
                  + "2025-01-02,00:00:00,2,abc,1024,1000,1048\n", to: dir + "/d.csv")
        let r = try run(["--data", dir + "/d.csv", "--output-dir", dir + "/out"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("d.csv:3"))
        #expect(r.stderr.contains("total_mb"))
        let strict = try run(["--data", dir + "/d.csv", "--output-dir", dir + "/strict", "--strict"])
        #expect(strict.status == 3)
    }
}

/// Mistyped commands and the examples at the end of each command's help.
@Suite struct CommandHelpTests {
    @Test(arguments: [
        ("regenrate", "unknown command \"regenrate\"; did you mean 'regenerate'?"),
        ("reprot", "unknown command \"reprot\"; did you mean 'report'?"),
        ("colour", "unknown command \"colour\"; did you mean the option '--color'?"),
        ("measurements.csv", "unknown command \"measurements.csv\"; did you mean --data \"measurements.csv\"?"),
        ("frobnicate", "unknown command \"frobnicate\"; expected one of: draw, report, regenerate"),
    ])
    func mistypedCommandsGetASuggestion(word: String, message: String) throws {
        let r = try run([word, "--data", realData])
        #expect(r.status == 2)
        #expect(r.stderr.contains("tormem-charts: error: " + message), "\(r.stderr)")
    }

    @Test func theCollectorSuggestsToo() throws {
        let r = try run(["stauts"], executable: executable("tormem"))
        #expect(r.status == 2)
        #expect(r.stderr.contains("unknown command \"stauts\"; did you mean 'status'?"))
    }

    @Test(arguments: [
        (["--dat", "x.csv"], "unknown option \"--dat\"; did you mean '--data'?", "draw"),
        (["draw", "--data", "x.csv", "--outptu-dir", "o"], "unknown option \"--outptu-dir\"; did you mean '--output-dir'?", "draw"),
        (["report", "--chek", "reports/x"], "unknown option \"--chek\"; did you mean '--check'?", "report"),
        (["regenerate", "reports", "--themes", "both"], "unknown option \"--themes\"; did you mean '--theme'?", "regenerate"),
        (["--data", "x.csv", "--check"], "unknown option \"--check\" for 'draw'; it is an option of 'report', 'regenerate' and 'compare'", "draw"),
    ])
    func mistypedOptionsGetASuggestion(arguments: [String], message: String, command: String) throws {
        let r = try run(arguments)
        #expect(r.status == 2)
        #expect(r.stderr == "tormem-charts: error: \(message)\nSee 'tormem-charts \(command) --help' for its options.\n")
    }

    @Test(arguments: [
        (["collect", "--outptu", "f"], "unknown option \"--outptu\"; did you mean '--output'?", "collect"),
        (["status", "--instance-dir", "/x"], "unknown option \"--instance-dir\"; did you mean '--instances-dir'?", "status"),
        (["verify", "--requre", "maxmem"], "unknown option \"--requre\"; did you mean '--require'?", "verify"),
        (["detail", "guard01", "--interval", "3"], "unknown option \"--interval\" for 'detail'; it is an option of 'watch'", "detail"),
    ])
    func theCollectorSuggestsOptionsToo(arguments: [String], message: String, command: String) throws {
        let r = try run(arguments, executable: executable("tormem"))
        #expect(r.status == 2)
        #expect(r.stderr == "tormem: error: \(message)\nSee 'tormem \(command) --help' for its options.\n")
    }

    @Test(arguments: [(["--help"], "tormem-charts --data"), (["report", "--help"], "tormem-charts report"),
                      (["help", "regenerate"], "tormem-charts regenerate"), (["draw", "-h"], "tormem-charts --data"),
                      (["export", "--help"], "tormem-charts export")])
    func helpEndsWithExamplesThatNameRealOptions(arguments: [String], prefix: String) throws {
        let r = try run(arguments)
        #expect(r.status == 0)
        let tail = try #require(r.stdout.components(separatedBy: "\nEXAMPLES:\n").last)
        let lines = tail.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect((2...3).contains(lines.count), "\(lines)")
        #expect(lines.allSatisfy { $0.contains(prefix) })
        // Every option an example uses is one the command has.
        let help = r.stdout.components(separatedBy: "\nEXAMPLES:\n")[0]
        for line in lines {
            for word in line.split(separator: " ") where word.hasPrefix("--") {
                let name = String(word.dropFirst(2).prefix { $0 != "=" })
                #expect(help.contains("--" + name), "\(arguments): \(line) uses --\(name)")
            }
        }
    }

    @Test func reportHelpNamesEveryFileReportNewCopies() throws {
        let r = try run(["report", "--help"])
        #expect(r.status == 0)
        // Help text is wrapped at spaces: compare with the words joined again.
        let help = r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("copies into it the data file FILE"), "\(help)")
        for name in ReportJob.copiedSideFiles + ["groups/group_*.txt", "relays_file"] {
            #expect(help.contains(name), "report --help names \(name)")
        }
    }

    @Test func theFirstDrawExampleRunsAsWritten() throws {
        let dir = try temporaryFolder()
        let r = try run(["--data", realData, "--output-dir", dir + "/charts/"])
        #expect(r.status == 0)
        let gz = try run(["--data", realData, "--last", "30d", "--theme", "both", "--output-dir", dir + "/both/"])
        #expect(gz.status == 0, "\(gz.stderr)")
    }

    @Test func everyCollectorCommandHasExamples() throws {
        for command in ["collect", "status", "csv", "detail", "watch", "verify"] {
            let r = try run([command, "--help"], executable: executable("tormem"))
            #expect(r.status == 0)
            let tail = r.stdout.components(separatedBy: "\nEXAMPLES:\n")
            #expect(tail.count == 2, "\(command)")
            let lines = tail.last?.split(separator: "\n") ?? []
            #expect((2...3).contains(lines.count), "\(command): \(lines)")
            let help = tail[0]
            for line in lines {
                // The command's own options (not those of a program it is piped into).
                let own = line.split(separator: "|")[0]
                for word in own.split(separator: " ") where word.hasPrefix("--") {
                    #expect(help.contains(String(word.prefix { $0 != "=" && $0 != "'" })), "\(command): \(line)")
                }
            }
        }
    }
}
