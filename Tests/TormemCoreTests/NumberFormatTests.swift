import Testing
import TormemCore

@Suite struct NumberFormatTests {
    @Test(arguments: [(1.005, 2, "1.01"), (2.0, 2, "2.00"), (0.004, 2, "0.00"), (-1.5, 1, "-1.5"),
                      (12.345, 0, "12"), (2.3331, 2, "2.33"), (99.999, 2, "100.00"), (1.25, 1, "1.3"),
                      (-0.0001, 2, "0.00"), (0.125, 2, "0.13"), (5, 0, "5")])
    func fixedRoundsHalfAwayFromZeroAsTheDecimalReads(_ x: Double, _ d: Int, _ expected: String) {
        #expect(NumberFormat.fixed(x, decimals: d) == expected)
    }

    @Test func nonFiniteAndHugeValuesNeverTrap() {
        #expect(NumberFormat.fixed(.nan, decimals: 2) == "–")
        #expect(NumberFormat.fixed(.infinity, decimals: 2) == "∞")
        #expect(NumberFormat.fixed(-.infinity, decimals: 0) == "-∞")
        #expect(NumberFormat.fixed(1e300, decimals: 2) == "1e+300")
        #expect(NumberFormat.fixed(3, decimals: -1) == "3")
    }

    @Test func shortDropsTrailingZeros() {
        #expect(NumberFormat.short(5) == "5")
        #expect(NumberFormat.short(0.5) == "0.5")
        #expect(NumberFormat.short(0.01) == "0.01")
        #expect(NumberFormat.short(120) == "120")
    }

    @Test func gigabytesFromMemory() {
        #expect(NumberFormat.gb2(Memory(kib: 1_048_576)) == "1.00")
        #expect(NumberFormat.gb2(Memory(kib: 1_572_864)) == "1.50")
        #expect(NumberFormat.gb(Memory(gb: 0.2734)) == "0.27")
        #expect(NumberFormat.gb(Memory(gb: 33.84)) == "33.8")
        #expect(NumberFormat.gb(Memory(gb: 412.4)) == "412")
        #expect(NumberFormat.gb(Memory(gb: 1234.4)) == "1,234")
        #expect(NumberFormat.gb(.unknown) == "–")
    }

    @Test func groupedAndPercent() {
        #expect(NumberFormat.grouped(1_234_567) == "1,234,567")
        #expect(NumberFormat.grouped(-1000) == "-1,000")
        #expect(NumberFormat.grouped(999) == "999")
        #expect(NumberFormat.grouped(Int.min) == "-9,223,372,036,854,775,808")
        #expect(NumberFormat.percent(110.66) == "+110.7%")
        #expect(NumberFormat.percent(-3.24) == "-3.2%")
        #expect(NumberFormat.ratio(1.234) == "1.23")
    }

    @Test func signedUsesATrueMinusAndNoSignOnZero() {
        #expect(NumberFormat.signed(0.954, decimals: 2) == "+0.95")
        #expect(NumberFormat.signed(-3.24, decimals: 1) == "−3.2")
        #expect(NumberFormat.signed(-0.004, decimals: 2) == "0.00")
        #expect(NumberFormat.signed(0.004, decimals: 2) == "0.00")
        #expect(NumberFormat.signed(-79.6, decimals: 0) == "−80")
        #expect(NumberFormat.signed(.nan, decimals: 1) == "–")
        #expect(NumberFormat.signed(-.infinity, decimals: 1) == "−∞")
    }
}
