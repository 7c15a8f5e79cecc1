import Testing
import TormemPlot

@Suite struct LayerTests {
    /// Series along the x axis give their xs (the axis's sampling interval and the renderer's work
    /// estimate read them); layers drawn per category or bin have none.
    @Test func seriesLayersGiveTheirXs() {
        let xs: [Double] = [1, 2, 4]
        let c = Theme.dark.accent
        #expect(Layer.line(LineLayer(xs: xs, ys: [0, 1, 2], color: c)).xs == xs)
        #expect(Layer.area(AreaLayer(xs: xs, ys: [0, 1, 2], color: c)).xs == xs)
        #expect(Layer.band(BandLayer(xs: xs, lower: [0, 0, 0], upper: [1, 1, 1], color: c)).xs == xs)
        #expect(Layer.bars(BarLayer(values: [1, 2], color: c)).xs.isEmpty)
        #expect(Layer.histogram(HistogramLayer(edges: [0, 1, 2], counts: [3, 4], color: c)).xs.isEmpty)
        #expect(Layer.spread(SpreadLayer(columns: [])).xs.isEmpty)
    }
}
