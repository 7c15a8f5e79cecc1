import Testing
@testable import TormemCollect

@Suite struct NumberTextTests {
    @Test(arguments: [(1.005, 2, "1.01"), (2.0, 2, "2.00"), (0.004, 2, "0.00"), (-1.5, 1, "-1.5"),
                      (12.345, 0, "12"), (2.3331, 2, "2.33"), (99.999, 2, "100.00")])
    func fixedDecimals(_ x: Double, _ d: Int, _ expected: String) {
        #expect(NumberText.fixed(x, decimals: d) == expected)
    }

    @Test func gigabytesAre1048576KiB() {
        #expect(NumberText.gigabytes(kb: 1_048_576) == "1.00")
        #expect(NumberText.gigabytes(kb: 1_572_864) == "1.50")
        #expect(NumberText.fixed(.nan, decimals: 2) == "")
    }

    @Test func shortDropsTrailingZeros() {
        #expect(NumberText.short(5) == "5")
        #expect(NumberText.short(0.5) == "0.5")
        #expect(NumberText.short(0.01) == "0.01")
        #expect(NumberText.short(120) == "120")
    }
}
