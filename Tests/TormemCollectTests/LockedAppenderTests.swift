import Foundation
import Testing
import TormemCore
import TormemData
@testable import TormemCollect

@Suite struct LockedAppenderTests {
    let header = "a,b\n"

    @Test func headerOnlyIntoAnEmptyFile() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        let appender = LockedAppender(path: tmp.file("x.csv"), header: header)
        #expect(try appender.append("1,2\n").wroteHeader)
        #expect(try !appender.append("3,4\n").wroteHeader)
        #expect(try tmp.read("x.csv") == "a,b\n1,2\n3,4\n")
        try tmp.write("", to: "empty.csv")
        try LockedAppender(path: tmp.file("empty.csv"), header: header).append("5,6\n")
        #expect(try tmp.read("empty.csv") == "a,b\n5,6\n")
    }

    @Test func restartDiscardsEarlierRows() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        let appender = LockedAppender(path: tmp.file("x.csv"), header: header)
        try appender.append("1,2\n")
        #expect(try appender.append("3,4\n", restart: true).wroteHeader)
        #expect(try tmp.read("x.csv") == "a,b\n3,4\n")
    }

    @Test func anUnfinishedLastLineIsEndedFirst() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        try tmp.write("a,b\n1,", to: "x.csv")
        try LockedAppender(path: tmp.file("x.csv"), header: header).append("3,4\n")
        #expect(try tmp.read("x.csv") == "a,b\n1,\n3,4\n")
    }

    @Test func commentsAboveTheHeaderAreAccepted() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        try tmp.write("\u{FEFF}# host x\n\na,b\r\n", to: "x.csv")
        try LockedAppender(path: tmp.file("x.csv"), header: header).append("3,4\n")
        #expect(try tmp.read("x.csv").hasSuffix("a,b\r\n3,4\n"))
    }

    @Test func anotherHeaderIsRefusedAndTheFileLeftAlone() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        try tmp.write("date,time,num_relays,total_mb\n", to: "x.csv")
        do {
            try LockedAppender(path: tmp.file("x.csv"), header: header).append("3,4\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.exitCode == 4)
            #expect(error.description.contains(tmp.file("x.csv")))
            // The refusal never suggests a command that would discard the file's rows.
            #expect(!error.description.contains("--init"))
            #expect(error.description.contains("collect into a new file with --output"))
        }
        #expect(try tmp.read("x.csv") == "date,time,num_relays,total_mb\n")
    }

    @Test func aMissingFolderIsAnOutputError() {
        do {
            try LockedAppender(path: "/nonexistent-dir/x.csv", header: header).append("1,2\n")
            Issue.record("expected an error")
        } catch {
            #expect(error == .output(path: "/nonexistent-dir/x.csv",
                                     reason: "no such file or directory; expected a writable file in an existing folder"))
        }
    }

    @Test func racingFirstAppendsWriteOneHeader() throws {
        // Fresh files, each hit by 8 threads at once, each pausing between looking at the file's
        // length and writing: only the lock keeps a second header out.
        let tmp = TempDirectory()
        defer { tmp.remove() }
        for round in 0..<20 {
            let path = tmp.file("\(round).csv")
            DispatchQueue.concurrentPerform(iterations: 8) { i in
                var appender = LockedAppender(path: path, header: "n,s\n")
                appender.betweenCheckAndWrite = { usleep(2000) }
                _ = try? appender.append("\(i),x\n")
            }
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            #expect(lines.first == "n,s")
            #expect(lines.filter { $0 == "n,s" }.count == 1, "round \(round): \(lines)")
            #expect(Set(lines.dropFirst()) == Set((0..<8).map { "\($0),x" }))
        }
    }

    @Test func concurrentAppendsFromThreadsNeverInterleave() async throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        let path = tmp.file("x.csv")
        let rows = String(repeating: "0123456789,abcdefghij\n", count: 500)  // 11 KB per append
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    for _ in 0..<10 { _ = try? LockedAppender(path: path, header: "n,s\n").append(rows) }
                }
            }
        }
        let lines = try tmp.read("x.csv").split(separator: "\n")
        #expect(lines.first == "n,s")
        #expect(lines.filter { $0 == "n,s" }.count == 1)
        #expect(lines.count == 1 + 8 * 10 * 500)
        #expect(lines.dropFirst().allSatisfy { $0 == "0123456789,abcdefghij" })
    }

    // MARK: Hostile folders (root from cron)

    /// A file outside the folder that a planted link points to.
    private func victim(_ tmp: TempDirectory, _ text: String = "root:x:0:0\n") throws -> String {
        try tmp.write(text, to: "outside/victim")
        return tmp.file("outside/victim")
    }

    @Test(arguments: [false, true])
    func aLinkAtTheOutputIsRefusedAndItsTargetUntouched(restart: Bool) throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        // The victim even starts with our header: --init would otherwise cut it.
        let victim = try victim(tmp, header + "1,2\n")
        try FileManager.default.createSymbolicLink(atPath: tmp.file("m.csv"), withDestinationPath: victim)
        do {
            try LockedAppender(path: tmp.file("m.csv"), header: header).append("3,4\n", restart: restart)
            Issue.record("expected an error")
        } catch {
            #expect(error.exitCode == 4)
            #expect(error.description == tmp.file("m.csv") + ": cannot write: is a symbolic link; refusing to write through it (expected a regular file)")
        }
        #expect(try tmp.read("outside/victim") == header + "1,2\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: tmp.file("m.csv")) == victim)
    }

    @Test func aDanglingLinkCreatesNothingElsewhere() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        try FileManager.default.createDirectory(atPath: tmp.file("cron.d"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: tmp.file("m.csv"), withDestinationPath: tmp.file("cron.d/job"))
        #expect(throws: TormemError.self) { try LockedAppender(path: tmp.file("m.csv"), header: header).append("3,4\n") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.file("cron.d")) == [])
    }

    @Test func aFileWithSeveralHardLinksIsRefused() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        try tmp.write(header, to: "shadow")
        try FileManager.default.linkItem(atPath: tmp.file("shadow"), toPath: tmp.file("m.csv"))
        for restart in [false, true] {
            #expect(throws: TormemError.self) {
                try LockedAppender(path: tmp.file("m.csv"), header: header).append("3,4\n", restart: restart)
            }
        }
        #expect(try tmp.read("shadow") == header)
    }

    @Test(arguments: ["date,time,num_relays,total_mb\n2025-01-01,00:00:00,3,100\n", "# notes only\n\n"])
    func initRefusesAFileOfAnotherFormatAndNeverSuggestsDiscardingIt(content: String) throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        try tmp.write(content, to: "x.csv")
        do {
            try LockedAppender(path: tmp.file("x.csv"), header: header).append("3,4\n", restart: true)
            Issue.record("expected an error")
        } catch {
            #expect(error.exitCode == 4)
            #expect(!error.description.contains("--init"))
            #expect(error.description.contains("it is left as it is"))
        }
        #expect(try tmp.read("x.csv") == content)
    }
}
