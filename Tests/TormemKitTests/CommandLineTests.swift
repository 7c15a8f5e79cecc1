import Foundation
import Testing
import TormemTestSupport

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
