// swift-tools-version: 6.0
import Foundation
import PackageDescription

let package = Package(
    name: "tormem",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tormem-charts", targets: ["tormem-charts"]),
        .executable(name: "tormem", targets: ["tormem"]),
        .library(name: "TormemKit", targets: ["TormemKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Tests only: parses the generated Markdown to check its tables are tables.
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
    ],
    // Module graph: each module depends only on the ones listed (see ARCHITECTURE.md).
    //   TormemCore     CSHA256                         errors, files, numbers, memory, time
    //   TormemCSV      Core, CZlib                     bytes (plain or gzip) -> CSV records
    //   TormemData     Core, CSV                       records -> series; data sources; the one analysis
    //   TormemPlot     Core                            Figure -> Canvas calls (knows no relay, no CSV)
    //   TormemCharts   Core, Data, Plot                analysis -> Figure, one file per chart
    //   TormemCairo    Plot, CCairo, CZlib             Canvas -> PNG / SVG / PDF bytes
    //   TormemPrometheus Core, Data, Foundation       a Prometheus server's raw samples -> the data of a run
    //   TormemKit      Core, Data, Prometheus, Charts, Plot, Cairo  jobs: load, plan, render, write, reports
    //   TormemCollect  Core, CSV, Data                 /proc -> unified rows
    //   tormem-charts  Kit (+ ArgumentParser);  tormem  Core, Collect (+ ArgumentParser)
    targets: [
        // Cairo C library, found through pkg-config; only TormemCairo imports it.
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]
        ),
        // zlib, found through pkg-config: gzip input (TormemCSV) and PNG encoding (TormemCairo).
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // SHA-256 blocks with the processor's SHA instructions (x86-64 SHA-NI, detected at run time);
        // only TormemCore's `SHA256` calls it, and falls back to its portable code elsewhere.
        .target(name: "CSHA256"),
        // What every layer shares: the error and diagnostic types, atomic writes, the number formatter,
        // memory quantities, calendar time, the report-folder naming rule, the unified column list.
        .target(name: "TormemCore", dependencies: ["CSHA256"]),
        // Bytes -> CSV records (RFC 4180, streaming, line numbers).
        .target(name: "TormemCSV", dependencies: ["TormemCore", "CZlib"]),
        // Records -> typed datasets and analysis (formats, series, weekly buckets, summary); the data
        // sources (`DataSource`, `CSVFileSource`) and `ChartInputs`, everything the charts and reports read.
        .target(name: "TormemData", dependencies: ["TormemCore", "TormemCSV"]),
        // The plot engine: Figure values, the Canvas protocol, scales, ticks, layout, text measurement,
        // decimation, colours and themes. Knows nothing of relays, CSV or Cairo (numbers and calendar
        // time from TormemCore only).
        .target(name: "TormemPlot", dependencies: ["TormemCore"]),
        // The charts: one file per chart, each a `Chart` in `ChartRegistry.all`, data -> Figure.
        .target(name: "TormemCharts", dependencies: ["TormemCore", "TormemData", "TormemPlot"]),
        // The Cairo canvas: PNG, SVG and PDF surfaces.
        .target(name: "TormemCairo", dependencies: ["TormemPlot", "CCairo", "CZlib"]),
        // A data source reading a Prometheus server's HTTP API (URLSession: Foundation), kept out of
        // TormemData so that the static `tormem` collector, which links TormemData, links no Foundation.
        .target(name: "TormemPrometheus", dependencies: ["TormemCore", "TormemData"]),
        // Use cases the executables call: load, build charts, render, write atomically, reports.
        .target(name: "TormemKit", dependencies: ["TormemCore", "TormemData", "TormemPrometheus", "TormemCharts", "TormemPlot", "TormemCairo"]),
        .executableTarget(
            name: "tormem-charts",
            dependencies: [
                "TormemKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Host-side collection: relay discovery and memory from /proc, unified rows, locking appends.
        .target(name: "TormemCollect", dependencies: ["TormemCore", "TormemCSV", "TormemData"]),
        .executableTarget(
            name: "tormem",
            dependencies: [
                "TormemCore",
                "TormemCollect",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Stage timings for `make bench` (parse throughput, load).
        .executableTarget(name: "tormem-bench", dependencies: ["TormemCSV", "TormemData"]),
        // Test helpers (recording canvas, layout check, golden files, fixture paths); ships in no product.
        .target(name: "TormemTestSupport", dependencies: ["TormemPlot", "TormemCairo"]),
        .testTarget(name: "TormemCoreTests", dependencies: ["TormemCore"]),
        .testTarget(name: "TormemCSVTests", dependencies: ["TormemCore", "TormemCSV", "TormemTestSupport"]),
        .testTarget(name: "TormemDataTests", dependencies: ["TormemCore", "TormemData", "TormemTestSupport"]),
        .testTarget(name: "TormemPlotTests", dependencies: ["TormemCore", "TormemPlot", "TormemTestSupport"]),
        .testTarget(name: "TormemChartsTests", dependencies: ["TormemCore", "TormemData", "TormemCharts", "TormemPlot", "TormemTestSupport"]),
        .testTarget(name: "TormemCairoTests", dependencies: ["TormemCore", "TormemPlot", "TormemCairo", "TormemTestSupport"]),
        .testTarget(name: "TormemPrometheusTests", dependencies: ["TormemCore", "TormemData", "TormemPrometheus", "TormemTestSupport"]),
        .testTarget(name: "TormemCollectTests", dependencies: ["TormemCore", "TormemData", "TormemCollect", "TormemTestSupport"]),
        .testTarget(
            name: "TormemKitTests",
            dependencies: ["TormemCore", "TormemData", "TormemCharts", "TormemKit", "TormemTestSupport",
                           .product(name: "Ink", package: "Ink")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// The libFuzzer target exists only for fuzzing builds (it has no main of its own):
//   TORMEM_FUZZ=1 swift build -c debug --product tormem-fuzz -Xswiftc -sanitize=fuzzer,address --scratch-path .build-fuzz
if ProcessInfo.processInfo.environment["TORMEM_FUZZ"] == "1" {
    package.products.append(.executable(name: "tormem-fuzz", targets: ["tormem-fuzz"]))
    package.targets.append(.executableTarget(name: "tormem-fuzz", dependencies: ["TormemCSV", "TormemData", "TormemCharts", "TormemKit", "TormemCollect"]))
} 
