import Foundation
import Testing
import TormemTestSupport

/// Every file in `Fixtures/bad/` through the command line: the exit status, and a message that names
/// the file, the line and column where they apply, and what was expected.
@Suite struct BadInputTests {
    struct Case: Sendable, CustomStringConvertible {
        var file: String
        var status: Int32
        var expected: [String]
        var description: String { file }
    }

    static let cases: [Case] = [
        Case(file: "binary_garbage.csv", status: 3, expected: [":1: unrecognised header", "expected one of: monitor"]),
        Case(file: "empty.csv", status: 3, expected: ["empty.csv: empty file: expected a header row"]),
        Case(file: "only_comments.csv", status: 3, expected: ["only_comments.csv: empty file"]),
        Case(file: "unknown_header.csv", status: 3, expected: ["unknown_header.csv:1: unrecognised header \"name,value\"", "unified", "experiment", "snapshot"]),
        Case(file: "monitor_header_only.csv", status: 3, expected: ["monitor_header_only.csv: no data rows after the header"]),
        Case(file: "monitor_all_rows_bad.csv", status: 3, expected: ["no readable rows (all 2 skipped)", "monitor_all_rows_bad.csv:2: column date: expected a date YYYY-MM-DD, found \"x\""]),
        Case(file: "monitor_non_numeric_total.csv", status: 0, expected: ["monitor_non_numeric_total.csv:3: column total_mb: expected a non-negative number of MiB, found \"abc\""]),
        Case(file: "monitor_negative_relays.csv", status: 0, expected: ["monitor_negative_relays.csv:3: column num_relays: expected a whole number of relays, found \"-5\""]),
        Case(file: "monitor_nan_inf.csv", status: 0, expected: [":3: column total_kb", "found \"nan\"", ":4: column total_kb", "found \"inf\"", ":5: column total_kb", "found \"1e999\""]),
        Case(file: "monitor_bad_date.csv", status: 0, expected: ["monitor_bad_date.csv:3: column date: expected a date YYYY-MM-DD, found \"2025-13-45\""]),
        Case(file: "monitor_bad_time.csv", status: 0, expected: ["monitor_bad_time.csv:3: column time: expected a time HH:MM:SS, found \"25:61:00\""]),
        Case(file: "monitor_ragged_row.csv", status: 0, expected: ["monitor_ragged_row.csv:3: expected 7 fields, found 4"]),
        Case(file: "monitor_out_of_order.csv", status: 0, expected: ["monitor_out_of_order.csv:3: timestamps are not in time order", "rows were sorted"]),
        Case(file: "monitor_duplicate_times.csv", status: 0, expected: ["monitor_duplicate_times.csv: 1 duplicated timestamp", "the later row was kept"]),
        Case(file: "monitor_truncated.csv", status: 0, expected: ["monitor_truncated.csv:7: expected 7 fields, found 4"]),
        Case(file: "monitor_unterminated_quote.csv", status: 0, expected: ["monitor_unterminated_quote.csv:4: unterminated quoted field: expected a closing \""]),
        Case(file: "monitor_nul_bytes.csv", status: 0, expected: ["monitor_nul_bytes.csv:3: column total_mb", "found \"40?96\""]),
        Case(file: "monitor_invalid_utf8.csv", status: 0, expected: ["monitor_invalid_utf8.csv:3: column total_mb: expected a non-negative number of MiB"]),
        Case(file: "monitor_kb_text.csv", status: 0, expected: ["monitor_kb_text.csv:3: column total_kb: expected a non-negative number of KiB, found \"lots\""]),
        Case(file: "unified_bad_type.csv", status: 0, expected: ["unified_bad_type.csv:3: column type: expected \"aggregate\" or \"relay\", found \"relayy\""]),
        Case(file: "unified_bad_timestamp.csv", status: 0, expected: ["unified_bad_timestamp.csv:3: column timestamp: expected an ISO 8601 time", "found \"2025-01-01 7pm\""]),
        Case(file: "unified_bad_rss.csv", status: 0, expected: ["unified_bad_rss.csv:3: column rss_kb: expected a non-negative number of KiB, found \"12x\""]),
        Case(file: "unified_no_identity.csv", status: 0, expected: ["unified_no_identity.csv:3: column nickname: expected a nickname or fingerprint"]),
        Case(file: "unified_aggregate_without_total.csv", status: 0, expected: ["unified_aggregate_without_total.csv:2: column total_kb: expected the total memory of an aggregate row"]),
        Case(file: "unified_ragged_row.csv", status: 0, expected: ["unified_ragged_row.csv:3: expected 15 fields, found 5"]),
        Case(file: "unified_negative_count.csv", status: 0, expected: ["unified_negative_count.csv:2: column count: expected a whole number of relays, found \"-3\""]),
        Case(file: "unified_all_not_running.csv", status: 3, expected: ["unified_all_not_running.csv: nothing to chart", "no aggregate time series"]),
        Case(file: "experiment_bad_value.csv", status: 0, expected: ["experiment_bad_value.csv:3: column day3: expected a non-negative number of GB, found \"x\""]),
        Case(file: "experiment_negative.csv", status: 0, expected: ["experiment_negative.csv:3: column day2: expected a non-negative number of GB, found \"-1.0\""]),
        Case(file: "experiment_duplicate_relay.csv", status: 0, expected: ["experiment_duplicate_relay.csv:3: column relay: relay \"r1\" already appears on an earlier row (row 2)"]),
        Case(file: "experiment_no_relay_name.csv", status: 0, expected: ["experiment_no_relay_name.csv:3: column relay: expected a relay nickname, found none"]),
        Case(file: "experiment_all_empty.csv", status: 3, expected: ["experiment_all_empty.csv: nothing to chart", "no group has any value"]),
        Case(file: "snapshot_bad_rss.csv", status: 0, expected: ["snapshot_bad_rss.csv:4: column rss_gb: expected a non-negative number, found \"big\""]),
        Case(file: "snapshot_bad_pid.csv", status: 0, expected: ["snapshot_bad_pid.csv:4: column pid: expected a process id, found \"12a\""]),
        Case(file: "snapshot_ragged_row.csv", status: 0, expected: ["snapshot_ragged_row.csv:3: expected 6 fields, found 3"]),
        // Found by the fuzzer (out of memory in the histogram before values were bounded).
        Case(file: "fuzz_oom_histogram_1.csv", status: 3, expected: ["fuzz_oom_histogram_1.csv: no readable rows (all 10 skipped)", "fuzz_oom_histogram_1.csv:2: expected 15 fields, found 2"]),
        Case(file: "fuzz_oom_histogram_2.csv", status: 3, expected: ["fuzz_oom_histogram_2.csv: no readable rows (all 6 skipped)", "fuzz_oom_histogram_2.csv:2: expected 15 fields, found 9"]),
        Case(file: "fuzz_no_day0_values.csv", status: 0, expected: []),
        Case(file: "snapshot_all_not_running.csv", status: 3, expected: ["snapshot_all_not_running.csv: nothing to chart", "no relay was running in the snapshot"]),
        // Hardening round 2: numbers in headers, line ends, long values in messages.
        Case(file: "experiment_huge_day.csv", status: 0, expected: ["experiment_huge_day.csv: column day9223372036854775807: expected a day column day0 to day36500; this column is not read"]),
        Case(file: "experiment_day_overflow.csv", status: 0, expected: ["column day99999999999999999999: expected a day column day0 to day36500"]),
        Case(file: "experiment_duplicate_day.csv", status: 0, expected: ["column day01: day 1 has two columns; only the first is read", "column day-2: expected a day column"]),
        Case(file: "monitor_cr_only.csv", status: 3, expected: ["monitor_cr_only.csv:1: line ends are CR only; expected LF or CRLF line ends"]),
        Case(file: "monitor_combining_marks.csv", status: 0, expected: ["monitor_combining_marks.csv:3: column total_mb: expected a non-negative number of MiB, found \"", "…\""]),
        Case(file: "unknown_long_header.csv", status: 3, expected: ["unknown_long_header.csv:1: unrecognised header \"xxxx", "x…\"; expected one of: monitor"]),
        // A header nearly unified names the column it lacks, and the one probably meant.
        Case(file: "unified_misspelled_column.csv", status: 3, expected: ["unified_misspelled_column.csv:1: header looks like the unified format but lacks the column rss_kb (\"rsskb\" is probably rss_kb)"]),
    ]

    @Test func everyBadFixtureHasACase() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.url("bad")).sorted()
        #expect(files.count >= 30)
        #expect(files == Self.cases.map(\.file).sorted())
    }

    @Test(arguments: cases)
    func messageAndStatus(_ c: Case) throws {
        let out = try temporaryFolder("bad-\(c.file)") + "/charts"
        let r = try run(["--data", Fixtures.url("bad/" + c.file), "--output-dir", out])
        #expect(r.status == c.status, "\(c.file): \(r.stderr)")
        for e in c.expected { #expect(r.stderr.contains(e), "\(c.file): missing \(e) in \(r.stderr)") }
        // A message quotes at most about 80 bytes of the input: no line is long.
        for line in r.stderr.split(separator: "\n") { #expect(line.utf8.count < 2000, "\(c.file): \(line.utf8.count) bytes") }
        // No crash, and nothing written when the input is unusable.
        if c.status != 0 { #expect(!FileManager.default.fileExists(atPath: out)) }
        // --strict turns every skipped row into a failure.
        let rowProblem = r.stderr.range(of: #"\.csv:[0-9]+: (column|expected [0-9]+ fields|unterminated)"#, options: .regularExpression) != nil
        if c.status == 0, rowProblem {
            let strict = try run(["--data", Fixtures.url("bad/" + c.file), "--output-dir", out + "-strict", "--strict"])
            #expect(strict.status == 3, "\(c.file) --strict")
            #expect(!FileManager.default.fileExists(atPath: out + "-strict"))
        }
    }

    /// Found by the fuzzer: no day-0 value made the baseline NaN, and the summary trapped printing it.
    @Test func noDayZeroValuesMeansNoBaseline() throws {
        let r = try run(["--data", Fixtures.url("bad/fuzz_no_day0_values.csv"), "--output-dir", try temporaryFolder() + "/out"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("groups (no period before the change, so no baseline)"))
        #expect(r.stdout.contains("chart2_final_comparison"))
    }

    @Test func fiveMegabyteFieldIsReportedShortly() throws {
        let dir = try temporaryFolder()
        var text = "date,time,num_relays,total_mb,avg_mb,min_mb,max_mb\n2025-01-01,02:00:00,4,4096,1024,924,1124\n"
        text += "2025-01-02,02:00:00,4," + String(repeating: "9", count: 5 << 20) + "x,1024,924,1124\n"
        text += "2025-01-03,02:00:00,4,4096,1024,924,1124\n"
        try write(text, to: dir + "/big.csv")
        let r = try run(["--data", dir + "/big.csv", "--output-dir", dir + "/out"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("big.csv:3: column total_mb"))
        #expect(r.stderr.count < 1000)          // the value is shortened in the message
    }

    @Test func unusableDataPaths() throws {
        let dir = try temporaryFolder()
        let asDir = try run(["--data", dir, "--output-dir", dir + "/out"])
        #expect(asDir.status == 3)
        #expect(asDir.stderr.contains(dir) && asDir.stderr.contains("directory"))
        let fifo = dir + "/pipe.csv"
        #expect(mkfifo(fifo, 0o600) == 0)
        // A FIFO is read as a stream, but one without a writer is not waited for.
        let r = try run(["--data", fifo, "--output-dir", dir + "/out"])
        #expect(r.status == 3)
        #expect(r.stderr.contains("pipe.csv: nothing was written to this fifo (no writer; it is not waited for)"))
        let device = try run(["--data", "/dev/null", "--output-dir", dir + "/out"])
        #expect(device.status == 3)
        #expect(device.stderr.contains("/dev/null: is a character device, expected a regular csv file"))
        let missing = try run(["--data", dir + "/missing.csv", "--output-dir", dir + "/out"])
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("missing.csv"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }

    @Test func unwritableOutputs() throws {
        let notDir = try run(["--data", realData, "--output-dir", "/dev/null/charts"])
        #expect(notDir.status == 4)
        #expect(notDir.stderr.contains("/dev/null"))
        let dir = try temporaryFolder()
        try write("x", to: dir + "/file")
        let onFile = try run(["--data", realData, "--output-dir", dir + "/file"])
        #expect(onFile.status == 4)
        #expect(onFile.stderr.contains("not a directory"))
    }
}
