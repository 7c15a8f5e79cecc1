import Foundation
import Testing
import TormemCore
@testable import TormemKit

/// Data at the edges of what the loaders accept goes through the whole pipeline (load, analyse,
/// build, lay out, render) without trapping; beyond the edges it is a reported row problem.
@Suite struct ExtremeDataTests {
    static let monitor = "date,time,num_relays,total_mb,avg_mb,min_mb,max_mb\n"
    static let unified = UnifiedColumns.memory.joined(separator: ",") + "\n"

    static let cases: [(String, String)] = [
        ("one-row.csv", monitor + "2025-01-01,00:00:00,1,100,100,100,100\n"),
        ("zeros.csv", monitor + "2025-01-01,00:00:00,0,0,0,0,0\n2025-01-02,00:00:00,0,0,0,0,0\n"),
        ("largest.csv", monitor + "2025-01-01,00:00:00,1000000000,1e13,1e13,0,1e13\n2025-01-02,00:00:00,1,1,1,1,1\n"),
        ("tiny.csv", monitor + "2025-01-01,00:00:00,1,1e-300,1e-300,0,1e-300\n2025-01-01,00:00:01,1,2e-300,2e-300,0,2e-300\n"),
        ("eight-millennia.csv", monitor + "0001-01-01,00:00:00,1,100,100,100,100\n9999-12-31,23:59:59,2,200,100,90,110\n"),
        ("same-second.csv", monitor + "2025-01-01,00:00:00,1,100,100,100,100\n2025-01-01,00:00:00,1,200,200,200,200\n"),
        ("relays-across-millennia.csv", unified + "0001-01-01T00:00:00,h,relay,,a,A,5,,,,,,,,\n9999-12-31T00:00:00,h,relay,,a,A,5000000,,,,,,,,\n9999-12-31T00:00:00,h,relay,,b,B,1e13,,,,,,,,\n"),
        ("experiment-extremes.csv", "group,relay,day0,day99999\nA,r,1e13,0\nB,s,0,1e-300\nC,t,,\n"),
        ("snapshot-extremes.csv", "relay,pid,rss_gb,vmsize_gb,hwm_gb,frag_ratio\nr,1,1e13,1e13,1e13,1e13\ns,2,0,0,0,0\n"),
    ]

    @Test func edgesDrawWithoutTrapping() throws {
        let dir = try temporaryFolder()
        for (name, text) in Self.cases {
            try write(text, to: dir + "/" + name)
            for format in ["png", "svg"] {
                let r = try run(["--data", dir + "/" + name, "--output-dir", dir + "/out-\(name)-\(format)", "--format", format, "-q"])
                // Every edge is data the tool draws: exit 0, and every chart file is there.
                #expect(r.status == 0, "\(name): \(r.status) \(r.stderr.prefix(300))")
                #expect(!listing(dir + "/out-\(name)-\(format)").isEmpty, "\(name): charts written")
                #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("crashed"), "\(name): \(r.stderr.prefix(300))")
            }
        }
    }

    @Test func beyondTheEdgesIsARowProblem() throws {
        let dir = try temporaryFolder()
        try write(Self.monitor + "2025-01-01,00:00:00,1,100,100,100,100\n2025-01-02,00:00:00,1,1e300,100,100,100\n"
                  + "2025-01-03,00:00:00,99999999999,100,100,100,100\n", to: dir + "/m.csv")
        let r = try run(["--data", dir + "/m.csv", "--output-dir", dir + "/out"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("m.csv:3: column total_mb: expected a value of at most 1e13, found \"1e300\""))
        #expect(r.stderr.contains("m.csv:4: column num_relays: expected a value of at most 1e9"))
    }
}
