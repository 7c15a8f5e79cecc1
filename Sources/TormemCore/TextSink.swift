/// Text written piece by piece and handed on in blocks of about `blockSize` bytes: a large output
/// (`export --openmetrics` of years of history) is never held whole in memory.
public struct TextSink {
    private var buffer: [UInt8] = []
    private let blockSize: Int
    private let output: ([UInt8]) throws(TormemError) -> Void

    /// `output` receives each block, and the rest on `flush()`.
    public init(blockSize: Int = 1 << 20, _ output: @escaping ([UInt8]) throws(TormemError) -> Void) {
        self.blockSize = blockSize
        self.output = output
        buffer.reserveCapacity(blockSize + 4096)
    }

    public mutating func write(_ text: String) throws(TormemError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= blockSize { try flush() }
    }

    /// Hands on what is buffered.
    public mutating func flush() throws(TormemError) {
        guard !buffer.isEmpty else { return }
        try output(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
