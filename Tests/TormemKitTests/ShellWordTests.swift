import Foundation
import Testing
@testable import TormemKit

@Suite struct ShellWordTests {
    @Test func plainWordsStayAsTheyAre() {
        #expect(ShellWord.quote("reports/2025-09-18-co-guard") == "reports/2025-09-18-co-guard")
        #expect(ShellWord.quote("") == "''")
        #expect(ShellWord.quote("-rf") == "./-rf")
        #expect(ShellWord.quote("it's") == "'it'\\''s'")
    }

    /// Every word reaches the program as it was, through `sh -c`.
    @Test(arguments: ["a b", "$(id)", "`id`", "'", "a\nb", "\\", "*", "~root", "x;y", "é ü", "a\tb", "\"", "!x", "#c"])
    func wordsRoundTripThroughTheShell(word: String) throws {
        let sh = Process()
        sh.executableURL = URL(fileURLWithPath: "/bin/sh")
        sh.arguments = ["-c", "printf '%s' " + ShellWord.quote(word)]
        let out = Pipe()
        sh.standardOutput = out
        try sh.run()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        sh.waitUntilExit()
        #expect(printed == word)
    }
}
