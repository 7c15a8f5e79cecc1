import Testing
import TormemCore

@Suite struct MemoryTests {
    @Test func unitsConvertThroughKiB() {
        #expect(Memory(gb: 1).kib == 1_048_576)
        #expect(Memory(mib: 1024).gb == 1)
        #expect(Memory(kib: 524_288).gb == 0.5)
        #expect(Memory(kib: 3) + Memory(kib: 4) == Memory(kib: 7))
        #expect(Memory(gb: 2) > Memory(gb: 1))
        #expect(!Memory.unknown.isKnown && Memory.zero.isKnown)
        #expect(Memory.gb(fromKiB: [1_048_576, 2_097_152]) == [1, 2])
    }
}
