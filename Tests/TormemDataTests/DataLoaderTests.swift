import Testing
@testable import TormemData

@Suite struct DataLoaderTests {
    @Test func monitorPrefersKibColumns() throws {
        let f = try load(monitorHeader
            + "2025-01-01,00:00:00,2,1000,500,400,600,1024100,512050,409600,614400\n"
            + "2025-01-01,01:00:00,2,1100,550,450,650,,,,\n")
        #expect(f.format == .monitor)
        #expect(f.rows == 2 && f.skipped == 0)
        let s = try #require(f.servers.first)
        #expect(s.count == 2)
        #expect(s.totalKB == [1_024_100, 1100 * 1024])
        #expect(s.relays == [2, 2])
        #expect(s.maxKB[0] == 614_400)
    }

    @Test func monitorWithoutKibColumns() throws {
        let f = try load("date,time,num_relays,total_mb,avg_mb,min_mb,max_mb\n2025-01-01,00:00:00,3,3072,1024,900,1200\n")
        #expect(f.servers[0].totalKB == [3072 * 1024])
        #expect(f.servers[0].avgKB == [1024 * 1024])
    }

    @Test func commentsBlankLinesCrlfBomAndQuotes() throws {
        let text = "\u{FEFF}# collected by cron\r\n" + monitorHeader.replacingOccurrences(of: "\n", with: "\r\n")
            + "\r\n\"2025-01-01\",\"00:00:00\",2,1,1,1,1,1024,512,500,524\r\n# note\r\n"
        let f = try load(text)
        #expect(f.rows == 1 && f.skipped == 0)
        #expect(f.servers[0].totalKB == [1024])
    }

    @Test func badRowsAreSkippedWithLineAndColumn() throws {
        let f = try load(monitorHeader
            + "2025-01-01,00:00:00,2,1000,500,400,600,1024000,512000,409600,614400\n"
            + "2025-01-01,01:00:00,2,abc,500,400,600,abc,512000,409600,614400\n"
            + "2025-13-01,02:00:00,2,1000,500,400,600,1024000,512000,409600,614400\n")
        #expect(f.rows == 3)
        #expect(f.skipped == 2)
        #expect(f.servers[0].count == 1)
        let lines = f.warnings.compactMap(\.line)
        #expect(lines.contains(3) && lines.contains(4))
        let text = f.warnings.map(\.description).joined(separator: "\n")
        #expect(text.contains("data.csv:3"))
        #expect(text.contains("total_kb") || text.contains("total_mb"))
    }

    @Test func emptyAndHeaderOnlyFilesAreErrors() {
        #expect(loadError("") != nil)
        #expect(loadError("# only a comment\n\n") != nil)
        let headerOnly = loadError(monitorHeader)
        #expect(headerOnly?.exitCode == 3)
        #expect(headerOnly?.description.hasPrefix("data.csv") == true)
    }

    @Test func unknownHeaderIsAnInputError() throws {
        let e = try #require(loadError("foo,bar\n1,2\n", name: "x.csv"))
        #expect(e.exitCode == 3)
        #expect(e.description.contains("x.csv:1"))
        #expect(e.description.contains("monitor"))
        #expect(e.description.contains("unified"))
    }

    @Test func outOfOrderAndDuplicateTimestampsAreSortedAndMerged() throws {
        let f = try load(monitorHeader
            + "2025-01-02,00:00:00,2,1,1,1,1,2048,1024,1000,1048\n"
            + "2025-01-01,00:00:00,2,1,1,1,1,1024,512,500,524\n"
            + "2025-01-01,00:00:00,2,1,1,1,1,1024,512,500,524\n")
        let s = f.servers[0]
        #expect(s.times == s.times.sorted())
        #expect(s.count == 2)
        #expect(!f.warnings.isEmpty)
    }

    @Test func unifiedUsesAggregateRows() throws {
        let f = try load(unifiedHeader
            + "2025-01-01T00:00:00,alpha,aggregate,,,,,,,,2,3000,1500,1000,2000\n"
            + "2025-01-01T00:00:00,alpha,relay,,r1,A,1000,,,,,,,,\n"
            + "2025-01-01T00:00:00,alpha,relay,,r2,A,2000,,,,,,,,\n")
        #expect(f.format == .unified)
        let s = try #require(f.servers.first)
        #expect(s.server == "alpha")
        #expect(s.totalKB == [3000] && s.relays == [2] && s.minKB == [1000] && s.maxKB == [2000])
    }

    @Test func unifiedWithoutAggregateRowsComputesThemFromRelays() throws {
        let f = try load(unifiedHeader
            + "2025-01-01T00:00:00,alpha,relay,,r1,A,1000,,,,,,,,\n"
            + "2025-01-01T00:00:00,alpha,relay,,r2,A,3000,,,,,,,,\n"
            + "2025-01-01T00:00:00,alpha,relay,,r3,A,NOT_RUNNING,,,,,,,,\n"
            + "2025-01-01T01:00:00,alpha,relay,,r1,A,2000,,,,,,,,\n")
        let s = try #require(f.servers.first)
        #expect(s.times.count == 2)
        #expect(s.totalKB == [4000, 2000])
        #expect(s.relays == [2, 1])
        #expect(s.avgKB == [2000, 2000])
        #expect(s.minKB == [1000, 2000] && s.maxKB == [3000, 2000])
    }

    @Test func unifiedWithSeveralServers() throws {
        let f = try load(unifiedHeader
            + "2025-01-01T00:00:00,alpha,aggregate,,,,,,,,1,1000,1000,1000,1000\n"
            + "2025-01-01T00:00:00,beta,aggregate,,,,,,,,2,5000,2500,2000,3000\n"
            + "2025-01-01T01:00:00,beta,aggregate,,,,,,,,2,6000,3000,2000,4000\n"
            + "2025-01-01T02:00:00,alpha,aggregate,,,,,,,,1,1500,1500,1500,1500\n")
        #expect(f.servers.map(\.server).sorted() == ["alpha", "beta"])
        let d = AggregateDataset(servers: f.servers)
        #expect(d.servers.count == 2)
        // Between its first and last sample a server contributes its latest value; after its last, nothing.
        #expect(d.combined.totalKB == [6000, 7000, 1500])
        #expect(d.combined.relays == [3, 3, 1])
    }

    @Test func realFixtureLoads() throws {
        let f = try DataLoader.load(path: fixture("real-2025-09-18/measurements.csv"))
        #expect(f.format == .unified)
        #expect(f.skipped == 0)
        let s = try #require(f.servers.first)
        #expect(s.server == "co")
        #expect(s.count == 7)
        #expect(s.times == s.times.sorted())
        #expect(s.totalKB.allSatisfy { $0 > 0 })
        let summary = try #require(MemorySummary(s))
        #expect(summary.latestRelays > 0)
        #expect(summary.maxRelays >= summary.latestRelays)
    }

    @Test func serverNameFromPath() {
        #expect(serverName(fromPath: "/x/y/relayhost.csv") == "relayhost")
        #expect(serverName(fromPath: "data.csv").isEmpty == false)
    }
}
