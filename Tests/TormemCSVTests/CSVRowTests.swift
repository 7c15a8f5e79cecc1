import Testing
@testable import TormemCSV

@Suite struct CSVRowTests {
    @Test func countSubscriptStringsAndLine() throws {
        var reader = CSVReader(bytes: Array("#c\na,\"b,c\",\n".utf8), name: "t.csv")
        var seen = 0
        try reader.forEachRow { row in
            seen += 1
            #expect(row.line == 2)
            #expect(row.count == 3)
            #expect(row[0].equals("a"))
            #expect(row[1].string == "b,c")
            #expect(row[2].isEmpty)
            #expect(row.strings == ["a", "b,c", ""])
            #expect(!row.unterminatedQuote)
        }
        #expect(seen == 1)
    }

    @Test func isARandomAccessCollectionOfFields() throws {
        var reader = CSVReader(bytes: Array("1,2,x,4\n".utf8), name: "t.csv")
        try reader.forEachRow { row in
            #expect(row.map(\.int64) == [1, 2, nil, 4])
            #expect(row.indices == 0..<4)
            #expect(row.firstIndex { $0.equals("x") } == 2)
            #expect(row.last?.string == "4")
        }
    }

    @Test func unterminatedQuoteFlag() throws {
        var reader = CSVReader(bytes: Array("a,\"b\nc".utf8), name: "t.csv")
        var flags: [Bool] = []
        try reader.forEachRow { flags.append($0.unterminatedQuote) }
        #expect(flags == [true])
    }
}
