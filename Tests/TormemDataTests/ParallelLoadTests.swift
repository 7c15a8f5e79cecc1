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
}
