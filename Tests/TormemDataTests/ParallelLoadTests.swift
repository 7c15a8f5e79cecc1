import Foundation
import Testing
@testable import TormemData
import TormemCore

/// Loading a file in two parts on two cores must give exactly what one sequential pass gives.
@Suite struct ParallelLoadTests {
    func writeTemp(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "tormem-parallel-\(UUID().uuidString).csv"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func unified(hours: Int, relays: Int, aggregate: Bool, badLine: Int? = nil) -> String {
        var lines = [unifiedHeader.dropLast().description]
        for h in 0..<hours {
            let t = Timestamp(seconds: 1_760_000_000 + Int64(h) * 3600).iso8601
            var total = 0
            for r in 0..<relays where (h + r) % 11 != 0 {
                let kb = 500_000 + (h * 7919 + r * 104_729) % 4_000_000
                total += kb
                lines.append("\(t),host,relay,,relay\(r),\(["A", "B"][r % 2]),\(kb),,,,,,,,")
            }
            if aggregate { lines.append("\(t),host,aggregate,,,,,,,,\(relays),\(total),\(total / relays),1,2") }
        }
        if let bad = badLine { lines.insert("2025-01-01T00:00:00,host,relay,,relayX,A,abc,,,,,,,,", at: bad - 1) }
        return lines.joined(separator: "\n") + "\n"
    }

    func assertSame(_ a: LoadedFile, _ b: LoadedFile) {
        #expect(a.rows == b.rows)
        #expect(a.skipped == b.skipped)
        #expect(a.servers == b.servers)
        #expect(a.relays == b.relays)
        #expect(a.warnings == b.warnings)
    }

    @Test(arguments: [true, false])
    func twoPartsEqualOnePass(aggregate: Bool) throws {
        let path = try writeTemp(unified(hours: 300, relays: 23, aggregate: aggregate, badLine: 5000))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let sequential = try DataLoader.load(path: path, parallelThreshold: .max)
        let parallel = try DataLoader.load(path: path, parallelThreshold: 0)
        assertSame(sequential, parallel)
        #expect(sequential.skipped == 1)
        #expect(parallel.warnings.first?.line == 5000)          // in the second part: its line numbers are shifted
        #expect(parallel.relays.count == 23)
    }

    @Test func quotedFieldsFallBackToOnePass() throws {
        var text = unified(hours: 100, relays: 5, aggregate: true)
        text = text.replacingOccurrences(of: ",relay3,", with: ",\"relay,3\",")
        let path = try writeTemp(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        assertSame(try DataLoader.load(path: path, parallelThreshold: .max), try DataLoader.load(path: path, parallelThreshold: 0))
        #expect(try DataLoader.load(path: path, parallelThreshold: 0).relays.relays.contains { $0.info.nickname == "relay,3" })
    }

    /// A nickname read twice in one collection of the second half of a file loaded in two parts
    /// is warned like one in the first half (the later part's duplicates were dropped).
    @Test func aDuplicateInTheSecondPartIsWarned() throws {
        var text = unified(hours: 200, relays: 7, aggregate: false)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Relay 3's row of a collection near the end, once more with another value.
        let late = try #require(lines.lastIndex { $0.contains(",relay3,") && $0.hasPrefix(Timestamp(seconds: 1_760_000_000 + 190 * 3600).iso8601) })
        var copy = lines
        copy.insert(lines[late].replacingOccurrences(of: ",relay3,A,", with: ",relay3,A,9").replacingOccurrences(of: ",relay3,B,", with: ",relay3,B,9"), at: late + 1)
        text = copy.joined(separator: "\n")
        let path = try writeTemp(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let sequential = try DataLoader.load(path: path, parallelThreshold: .max)
        let parallel = try DataLoader.load(path: path, parallelThreshold: 0)
        assertSame(sequential, parallel)
        let warned = parallel.warnings.filter { $0.message.contains("two relays with the nickname relay3") }
        #expect(warned.count == 1)
        #expect(warned.first?.line == late + 1)
        #expect(parallel.relays.relays.contains { $0.info.nickname == "relay3#2" })
    }

    /// The same through the public loader with a file above the real two-part threshold (24 MiB).
    @Test func aDuplicateInTheSecondHalfOfALargeFileIsWarned() throws {
        var out = [UInt8]()
        out.reserveCapacity(27 << 20)
        out += Array(unifiedHeader.utf8)
        var hour = 0
        var line = 1
        var duplicateLine = 0
        while out.count < 26 << 20 {
            let t = Timestamp(seconds: 1_760_000_000 + Int64(hour) * 3600).iso8601
            for r in 0..<40 {
                out += Array("\(t),host,relay,,relay\(r),A,\(500_000 + r * 1000 + hour % 97),,,,,,,,\n".utf8)
                line += 1
            }
            if out.count > 20 << 20, duplicateLine == 0 {
                out += Array("\(t),host,relay,,relay5,A,777777,,,,,,,,\n".utf8)
                line += 1
                duplicateLine = line
            }
            hour += 1
        }
        let path = NSTemporaryDirectory() + "tormem-large-dup-\(UUID().uuidString).csv"
        try Data(out).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(out.count >= DataLoader.parallelThreshold)
        let loaded = try DataLoader.load(path: path)
        let warned = loaded.warnings.filter { $0.message.contains("two relays with the nickname relay5") }
        #expect(warned.count == 1)
        #expect(warned.first?.message.contains("lines \(duplicateLine - 35) and \(duplicateLine)") == true)
    }
}
