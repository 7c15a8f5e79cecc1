import Testing
import TormemCore
import TormemData
@testable import TormemCollect

@Suite struct WatchLoopTests {
    @Test func framesRepeatTheDetail() throws {
        var frames: [String] = []
        try WatchLoop.run(name: "alpha", interval: 0.01, collector: FakeHost.collector(), clear: false, frames: 3) {
            frames.append($0)
        }
        #expect(frames.count == 3)
        let detail = try RelayDetail.read(name: "alpha", collector: FakeHost.collector()).text
        #expect(frames.allSatisfy { $0.hasSuffix(detail) })
        #expect(frames[0].hasPrefix("watching alpha every 0.01 s"))
        #expect(frames[1].hasPrefix("\n"))
    }

    @Test func clearingTheTerminal() throws {
        var first = ""
        try WatchLoop.run(name: "beta", interval: 2, collector: FakeHost.collector(), clear: true, frames: 1) { first = $0 }
        #expect(first.hasPrefix(WatchLoop.clearScreen + "watching beta every 2 s (Ctrl-C to stop)"))
    }

    @Test func unknownNameFailsBeforeTheFirstFrame() {
        var shown = 0
        #expect(throws: TormemError.self) {
            try WatchLoop.run(name: "nope", interval: 1, collector: FakeHost.collector(), clear: false, frames: 1) { _ in shown += 1 }
        }
        #expect(shown == 0)
    }
}
