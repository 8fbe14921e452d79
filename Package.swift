// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "tanacs",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tanacs", targets: ["tanacs"]),
        .executable(name: "tanacs-bench", targets: ["tanacs-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // ncursesw through a module map and a shim header; the only C the project touches.
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // The bundled dataset compiled into the binary (C23 #embed of data/*.json and data/geo/*.json).
        .target(name: "CTanacsData"),
        // The system's SQLite (with FTS5), for `export --format sqlite`.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // Records, loading, validation and indices. Knows nothing of terminals.
        .target(name: "TanacsModel", dependencies: ["CSQLite"]),
        // Canvas, layout, state, reducer and views. Never imports ncurses.
        .target(name: "TanacsUI", dependencies: ["TanacsModel"]),
        // The one module that calls ncurses.
        .target(name: "TanacsTerminal", dependencies: ["CNcursesw", "TanacsUI"]),
        .executableTarget(
            name: "tanacs",
            dependencies: [
                "TanacsModel", "TanacsUI", "TanacsTerminal", "CTanacsData",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmark: a synthetic dataset generator and the measurements, kept in a library so tests reach them.
        .target(name: "TanacsBench", dependencies: ["TanacsModel", "TanacsUI", "TanacsTerminal"]),
        .executableTarget(
            name: "tanacs-bench",
            dependencies: ["TanacsBench", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Fixtures live in Tests/Fixtures and are found from each test file's path.
        .testTarget(name: "TanacsModelTests", dependencies: ["TanacsModel"]),
        .testTarget(name: "TanacsUITests", dependencies: ["TanacsUI", "TanacsModel"]),
        .testTarget(name: "TanacsBenchTests", dependencies: ["TanacsBench", "TanacsModel", "TanacsUI"]),
        // Drives the built binary in tmux; depends on it so `swift test` builds it first.
        .testTarget(name: "TanacsEndToEndTests", dependencies: ["tanacs", "TanacsUI"]),
    ],
    cLanguageStandard: .gnu2x
)
