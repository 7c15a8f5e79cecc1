import Testing
@testable import TormemCSV

@Suite struct CSVReaderTests {
    @Test func plainRows() throws {
        let parsed = try parse("a,b,c\n1,2,3\n")
        #expect(parsed.records == [Record(line: 1, ["a", "b", "c"]), Record(line: 2, ["1", "2", "3"])])
        #expect(parsed.comments.isEmpty)
    }

    @Test func quotedFieldsWithCommasAndEscapedQuotes() throws {
        let parsed = try parse(#""a,b","say ""hi""","""x""""# + "\n" + #""",plain,"""# + "\n")
        #expect(
            parsed.records == [
                Record(line: 1, ["a,b", #"say "hi""#, #""x""#]),
                Record(line: 2, ["", "plain", ""]),
            ])
    }

    @Test func embeddedNewlinesCountTowardsLineNumbers() throws {
        let parsed = try parse("h1,h2\n\"two\nlines\",x\n\"three\n\nlines\"\nlast,row\n")
        #expect(
            parsed.records == [
                Record(line: 1, ["h1", "h2"]),
                Record(line: 2, ["two\nlines", "x"]),
                Record(line: 4, ["three\n\nlines"]),
                Record(line: 7, ["last", "row"]),
            ])
    }

    @Test func crlfLineEnds() throws {
        let parsed = try parse("a,b\r\n\"q\",\"r\"\r\n\"multi\r\nline\",z\r\nend,x\r\n")
        #expect(
            parsed.records == [
                Record(line: 1, ["a", "b"]),
                Record(line: 2, ["q", "r"]),
                Record(line: 3, ["multi\r\nline", "z"]),
                Record(line: 5, ["end", "x"]),
            ])
    }

    @Test func loneCarriageReturnIsData() throws {
        let parsed = try parse("a\rb,c\r,d\n\"e\r\"\n")
        #expect(parsed.records == [Record(line: 1, ["a\rb", "c\r", "d"]), Record(line: 2, ["e\r"])])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        #expect(try parse(bom + Array("a,b\n".utf8)).records == [Record(line: 1, ["a", "b"])])
        #expect(try parse(bom + Array("#c\nx".utf8)).comments == [Comment(line: 1, text: "c")])
        #expect(try parse(bom).records.isEmpty)
        // Only at the very start: elsewhere it is data.
        let later = try parse(Array("a\n".utf8) + bom + Array("b\n".utf8))
        #expect(later.records == [Record(line: 1, ["a"]), Record(line: 2, bytes: [bom + Array("b".utf8)])])
    }

    @Test func commentLinesAreDeliveredWithLineNumbers() throws {
        let text = "# Collected: 2025-12-25 02:00:00\n#Host: relayhost\r\na,b\n#\n1,\"2\n#not a comment\"\n# tail"
        let parsed = try parse(text)
        #expect(
            parsed.comments == [
                Comment(line: 1, text: " Collected: 2025-12-25 02:00:00"),
                Comment(line: 2, text: "Host: relayhost"),
                Comment(line: 4, text: ""),
                Comment(line: 7, text: " tail"),
            ])
        #expect(parsed.records == [Record(line: 3, ["a", "b"]), Record(line: 5, ["1", "2\n#not a comment"])])
    }

    @Test func hashOutsideTheFirstByteIsData() throws {
        let parsed = try parse(" #a,b\nc,#d\n\"#e\",f\n")
        #expect(parsed.comments.isEmpty)
        #expect(
            parsed.records == [
                Record(line: 1, [" #a", "b"]), Record(line: 2, ["c", "#d"]), Record(line: 3, ["#e", "f"]),
            ])
    }

    @Test func commentsAreSkippedWithoutACallback() throws {
        var reader = CSVReader(bytes: Array("#x\na\n#y\nb".utf8), name: "t.csv")
        var lines: [Int] = []
        try reader.forEachRow { lines.append($0.line) }
        #expect(lines == [2, 4])
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let parsed = try parse("\n\na\n   \n\t \r\n\r\nb\n\n")
        #expect(parsed.records == [Record(line: 3, ["a"]), Record(line: 7, ["b"])])
        // A quoted empty field or a comma is a record, not a blank line.
        let quoted = try parse("\"\"\n\" \"\n,\n")
        #expect(quoted.records == [Record(line: 1, [""]), Record(line: 2, [" "]), Record(line: 3, ["", ""])])
    }

    @Test func emptyCells() throws {
        let parsed = try parse("a,,b\na,b,\n,a\n,,\n")
        #expect(
            parsed.records == [
                Record(line: 1, ["a", "", "b"]),
                Record(line: 2, ["a", "b", ""]),
                Record(line: 3, ["", "a"]),
                Record(line: 4, ["", "", ""]),
            ])
        #expect(try parse("a,").records == [Record(line: 1, ["a", ""])])
    }

    @Test func raggedRowsAreReportedAsIs() throws {
        let parsed = try parse("a,b,c\n1\n1,2,3,4,5\n")
        #expect(parsed.records.map { $0.fields.count } == [3, 1, 5])
    }

    @Test func unterminatedQuoteAtEndOfInput() throws {
        let parsed = try parse("a,b\n1,\"open\nstill \"\"open")
        #expect(
            parsed.records == [
                Record(line: 1, ["a", "b"]),
                Record(line: 2, ["1", "open\nstill \"open"], unterminated: true),
            ])
        #expect(try parse("\"").records == [Record(line: 1, [""], unterminated: true)])
        // A closing quote as the very last byte is not unterminated.
        #expect(try parse("\"x\"").records == [Record(line: 1, ["x"])])
    }

    @Test func lastRecordNeedsNoTrailingNewline() throws {
        #expect(try parse("a,b\nc,d").records == [Record(line: 1, ["a", "b"]), Record(line: 2, ["c", "d"])])
        #expect(try parse("a,b\r\nc,d\r").records == [Record(line: 1, ["a", "b"]), Record(line: 2, ["c", "d"])])
        #expect(try parse("x,\"q\"").records == [Record(line: 1, ["x", "q"])])
        #expect(try parse("  ").records.isEmpty)
    }

    @Test func emptyInputs() throws {
        #expect(try parse("") == Parsed())
        #expect(try parse("\n\n\n") == Parsed())
        #expect(try parse("#only\n#comments").records.isEmpty)
    }

    @Test func strayQuotesAreLenient() throws {
        let parsed = try parse("ab\"c,d\"\n\"ab\"c,\"x\" y\n\"q\"\"\"z\"\n")
        #expect(
            parsed.records == [
                Record(line: 1, ["ab\"c", "d\""]),
                Record(line: 2, ["abc", "x y"]),
                Record(line: 3, ["q\"z\""]),
            ])
        // Text after a closing quote, then CRLF: the CR is the line end, not data.
        #expect(try parse("\"a\"b\r\nc\r\n").records == [Record(line: 1, ["ab"]), Record(line: 2, ["c"])])
    }

    @Test func nulBytesAndInvalidUTF8AreData() throws {
        let bytes: [UInt8] = [0x61, 0x00, 0x62, 0x2C, 0xFF, 0xFE, 0x0A, 0x22, 0x00, 0xC3, 0x22, 0x0A, 0x00]
        let parsed = try parse(bytes)
        #expect(
            parsed.records == [
                Record(line: 1, bytes: [[0x61, 0x00, 0x62], [0xFF, 0xFE]]),
                Record(line: 2, bytes: [[0x00, 0xC3]]),
                Record(line: 3, bytes: [[0x00]]),
            ])
        var reader = CSVReader(bytes: bytes, name: "t.csv")
        var strings: [[String]] = []
        var valid: [Bool] = []
        try reader.forEachRow { row in
            strings.append(row.strings)
            valid.append(contentsOf: row.map(\.isValidUTF8))
        }
        #expect(strings == [["a\u{0}b", "\u{FFFD}\u{FFFD}"], ["\u{0}\u{FFFD}"], ["\u{0}"]])
        #expect(valid == [true, false, false, true])
    }

    @Test(arguments: [false, true])
    func fiveMegabyteField(quoted: Bool) throws {
        var big = [UInt8](repeating: UInt8(ascii: "x"), count: 5 << 20)
        if quoted {
            for i in stride(from: 1000, to: big.count, by: 100_000) { big[i] = UInt8(ascii: "\n") }
        }
        let newlines = big.count { $0 == UInt8(ascii: "\n") }
        var input = Array("a,b\n1,".utf8)
        if quoted { input += [UInt8(ascii: "\"")] + big + [UInt8(ascii: "\"")] } else { input += big }
        input += Array(",2\nlast\n".utf8)
        let expected = [
            Record(line: 1, ["a", "b"]),
            Record(line: 2, bytes: [[UInt8(ascii: "1")], big, [UInt8(ascii: "2")]]),
            Record(line: 3 + newlines, ["last"]),
        ]
        #expect(try parse(input).records == expected)
        #expect(try parse(input, chunkSize: 4096).records == expected)
    }

    @Test func quotedFieldWithManyEscapesAcrossChunks() throws {
        let content = String(repeating: "ab\"\"c,\n", count: 20_000)
        let input = "\"" + content + "\",end\n"
        let expected = [
            Record(line: 1, [String(repeating: "ab\"c,\n", count: 20_000), "end"])
        ]
        for chunk in [3, 1000, 65536] {
            #expect(try parse(input, chunkSize: chunk).records == expected)
        }
    }

    /// A corpus mixing every construct; parsing it with tiny reads must give exactly what
    /// one big read gives.
    static let mixedCorpus: [UInt8] = {
        var text = "\u{FEFF}# header comment\r\n"
        text += "date,time,\"quoted, header\",x\n"
        text += "\n  \n\t\r\n"
        text += "2024-01-01,02:00:00,\"multi\nline \"\"value\"\"\",1.5\r\n"
        text += "#comment, with \"quote\n"
        text += "a,,b,\na\"b,\"c\"d,\"\",\"\"\"\"\n"
        text += "ragged\n1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20\n"
        text += "\"" + String(repeating: "long field ", count: 50) + "\",\"é😀\"\r\n"
        text += "lone\rcr,\"cr\r\"\n"
        text += "#\n"
        var bytes = Array(text.utf8)
        bytes += [0x00, 0x2C, 0xFF, 0x0A]
        bytes += Array("last,\"unterminated\n,field".utf8)
        return bytes
    }()

    @Test(arguments: [1, 2, 3, 4, 5, 7, 8, 13, 64, 1000])
    func recordsSpanningChunkBoundaries(chunkSize: Int) throws {
        let reference = try parse(Self.mixedCorpus, chunkSize: 1 << 20)
        #expect(reference.records.count == 10)
        #expect(reference.comments.count == 3)
        #expect(reference.records.last?.unterminated == true)
        #expect(try parse(Self.mixedCorpus, chunkSize: chunkSize) == reference)
    }

    @Test func mixedCorpusContents() throws {
        let parsed = try parse(Self.mixedCorpus)
        #expect(
            parsed.comments == [
                Comment(line: 1, text: " header comment"),
                Comment(line: 8, text: "comment, with \"quote"),
                Comment(line: 15, text: ""),
            ])
        #expect(parsed.records.map(\.line) == [2, 6, 9, 10, 11, 12, 13, 14, 16, 17])
        #expect(parsed.records[1].strings == ["2024-01-01", "02:00:00", "multi\nline \"value\"", "1.5"])
        #expect(parsed.records[3].strings == ["a\"b", "cd", "", "\""])
        #expect(parsed.records[6].strings == [String(repeating: "long field ", count: 50), "é😀"])
        #expect(parsed.records[9] == Record(line: 17, ["last", "unterminated\n,field"], unterminated: true))
    }

    @Test func callbackErrorsStopReading() throws {
        struct Stop: Error {}
        var reader = CSVReader(bytes: Array("a\nb\nc\n".utf8), name: "t.csv")
        var seen: [String] = []
        #expect(throws: Stop.self) {
            try reader.forEachRow { row in
                seen.append(row[0].string)
                if row.line == 2 { throw Stop() }
            }
        }
        #expect(seen == ["a", "b"])
    }

    @Test func readingTwiceGivesTheSameRows() throws {
        var reader = CSVReader(bytes: Self.mixedCorpus, name: "t.csv", chunkSize: 10)
        let first = try collect(&reader)
        let second = try collect(&reader)
        #expect(first == second)
        #expect(reader.name == "t.csv")
    }
}
