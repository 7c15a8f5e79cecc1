/// The memory lines of `/proc/PID/status` (`VmRSS:   123456 kB` ...), in file order, in KiB.
public struct MemoryStatus: Equatable, Sendable {
    public struct Field: Equatable, Sendable {
        public var name: String
        public var kilobytes: Int
    }

    /// Every `Name: N kB` line, in file order.
    public var fields: [Field]
    /// The `Name:` line (the command name), empty when absent.
    public var command: String

    public init(fields: [Field], command: String = "") { self.fields = fields; self.command = command }

    public subscript(name: String) -> Int? { fields.first(where: { $0.name == name })?.kilobytes }

    public var rssKB: Int? { self["VmRSS"] }
    public var vmSizeKB: Int? { self["VmSize"] }
    public var hwmKB: Int? { self["VmHWM"] }
    public var peakKB: Int? { self["VmPeak"] }

    /// The largest value read (1 PiB): a line claiming more is not a memory size of this machine and
    /// is left out, so every sum and conversion to bytes stays in range.
    public static let maxKB = 1 << 40

    public static func parse(_ text: String) -> MemoryStatus {
        var fields: [Field] = []
        var command = ""
        for line in text.split(whereSeparator: \.isNewline) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].split(whereSeparator: { $0 == " " || $0 == "\t" })
            if name == "Name" {
                command = value.joined(separator: " ")
                continue
            }
            guard value.count == 2, value[1] == "kB", let kb = Int(value[0]), (0...maxKB).contains(kb) else { continue }
            fields.append(Field(name: name, kilobytes: kb))
        }
        return MemoryStatus(fields: fields, command: command)
    }
}
