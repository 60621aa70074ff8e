// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Tandem",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "TandemCore", targets: ["TandemCore"]),
        .library(name: "TandemSQLite", targets: ["TandemSQLite"]),
        .library(name: "TandemViewModel", targets: ["TandemViewModel"]),
        .library(name: "TandemConnectors", targets: ["TandemConnectors"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
    ],
    targets: [
        // Domain, mappings, sync engine, matching and job model. No I/O of its own.
        .target(name: "TandemCore"),
        // The sample data inside the binary (base64 text made by scripts/embed-sample-data.py).
        .target(name: "TandemSampleData"),
        // The embedded default: three SQLite files (ERP, CRM, workspace) through GRDB.
        .target(
            name: "TandemSQLite",
            dependencies: ["TandemCore", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        // The shared workspace: both sides and the integration state in one PostgreSQL database,
        // through PostgresNIO, driven synchronously from the engine's threads.
        .target(
            name: "TandemPostgres",
            dependencies: ["TandemCore", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        // The remote sides: Business Central API v2.0 and the Dataverse Web API, each kept in a local
        // replica (the same SQLite side database the embedded default uses). All HTTP goes through
        // one transport seam (`HTTPTransport`), libcurl in production.
        .target(name: "TandemConnectors", dependencies: ["TandemCore", "CCurl"]),
        // libcurl for Swift: a module map and typed wrappers of its variadic calls. The connectors' HTTP.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // The whole terminal UI without a terminal: state, keys, reducer, effects, and frames of cells.
        .target(name: "TandemViewModel", dependencies: ["TandemCore"]),
        // ncursesw for Swift: a module map and a shim for what Swift cannot import (macros, globals).
        .systemLibrary(name: "CNCursesW", providers: [.apt(["libncurses-dev"])]),
        // The only code that touches the terminal: start, keys, paint, restore.
        .target(name: "TandemTerminal", dependencies: ["CNCursesW", "TandemViewModel", "TandemCore"]),
        // The command line: every action the screens offer, for scripts.
        .executableTarget(
            name: "tandem",
            dependencies: ["TandemCore", "TandemSQLite", "TandemPostgres", "TandemConnectors", "TandemTerminal", "TandemSampleData",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Benchmarks: a release-mode executable that measures each operation against a raw-SQLite floor
        // program doing the same I/O, in alternating rounds, and prints a table (docs/performance.md).
        .executableTarget(
            name: "tandem-bench",
            dependencies: ["TandemCore", "TandemSQLite", "TandemViewModel", "TandemEmulator", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        // Loopback HTTP emulators of Business Central API v2.0 and the Dataverse Web API v9.2, for tests
        // without internet. Foundation and Glibc only; no dependency on the other targets.
        .target(name: "TandemEmulator"),
        // Helpers shared by the test targets (a hand-moved clock, temporary folders and databases, hostile strings).
        .target(name: "TandemTestSupport", dependencies: ["TandemCore", "TandemPostgres"], path: "Tests/Support"),
        // The replica of a remote side: pulls, resumed pulls, deletion sweeps, conditional remote writes.
        .testTarget(name: "TandemReplicaTests", dependencies: ["TandemConnectors", "TandemSQLite", "TandemPostgres", "TandemCore",
                                                              "TandemTestSupport"]),
        // The connectors end to end over real HTTP against the emulators of both services.
        .testTarget(name: "TandemConnectorContractTests",
                    dependencies: ["TandemConnectors", "TandemEmulator", "TandemSQLite", "TandemCore", "TandemTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "TandemCoreTests", dependencies: ["TandemCore", "TandemTestSupport"]),
        .testTarget(name: "TandemSQLiteTests", dependencies: ["TandemSQLite", "TandemPostgres", "TandemCore", "TandemSampleData",
                                                             "TandemTestSupport"]),
        .testTarget(name: "TandemViewModelTests", dependencies: ["TandemViewModel", "TandemCore", "TandemSQLite", "TandemTestSupport"],
                    exclude: ["Golden"]),
        // The paint layer against ncurses on /dev/null, and the built binary inside tmux.
        .testTarget(name: "TandemTerminalTests",
                    dependencies: ["TandemTerminal", "CNCursesW", "TandemViewModel", "tandem", "TandemTestSupport", "TandemEmulator"]),
        // Runs the built `tandem` binary on temporary workspaces and checks output and exit codes.
        // Also real separate `tandem` processes on one workspace: concurrency, and SIGKILL at seeded points.
        .testTarget(name: "TandemCLITests", dependencies: ["tandem", "TandemCore", "TandemTestSupport", "TandemEmulator",
                                                           .product(name: "GRDB", package: "GRDB.swift")]),
    ],
    swiftLanguageModes: [.v6]
)
