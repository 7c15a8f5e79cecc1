import Testing
@testable import TormemCore

@Suite struct MessageTextListTests {
    @Test func aLongListSaysHowManyMore() {
        let names = (1...140).map { "relay\($0)" }
        #expect(MessageText.list(names, shown: 3) == "relay1, relay2, relay3 and 137 more")
        #expect(MessageText.list(Array(names.prefix(3)), shown: 3) == "relay1, relay2, relay3")
        #expect(MessageText.list([], shown: 3) == "")
    }
}
