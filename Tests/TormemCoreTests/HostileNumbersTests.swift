import Testing
import TormemCore

/// Saturating arithmetic on numbers read from files, and bad input quoted shortly in messages.
@Suite struct HostileNumbersTests {
    @Test func saturatingArithmetic() {
        #expect(Int.max.saturatingAdd(1) == .max)
        #expect(Int.min.saturatingAdd(-1) == .min)
        #expect(2.saturatingAdd(3) == 5)
        #expect(Int.max.saturatingMultiply(1024) == .max)
        #expect(Int.min.saturatingMultiply(2) == .min)
        #expect((-3).saturatingMultiply(Int.max) == .min)
        #expect(6.saturatingMultiply(7) == 42)
        #expect([Int.max, Int.max, 5].saturatingSum() == .max)
        #expect([1, 2, 3].saturatingSum() == 6)
    }

    @Test func messagesQuoteAtMostEightyBytes() {
        #expect(MessageText.quoted("abc") == "\"abc\"")
        #expect(MessageText.quoted("a\nb\0") == "\"a?b?\"")
        let long = MessageText.quoted(String(repeating: "x", count: 1 << 20))
        #expect(long.utf8.count <= MessageText.maxBytes + 5 && long.hasSuffix("…\""))
        // One character of 10,000 combining marks is still cut at a scalar.
        let marks = MessageText.quoted("e" + String(repeating: "\u{301}", count: 10_000))
        #expect(marks.utf8.count <= MessageText.maxBytes + 5)
        let emoji = MessageText.quoted(String(repeating: "😀", count: 100))
        #expect(emoji.utf8.count <= MessageText.maxBytes + 5)
        #expect(emoji.unicodeScalars.filter { $0 == "😀" }.count == 20)
    }
}
