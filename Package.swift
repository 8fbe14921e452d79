// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "tanacs",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tanacs", targets: ["tanacs"]),
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
        // Records, loading, validation and indices. Knows nothing of terminals.
        .target(name: "TanacsModel"),
        // Canvas, layout, state, reducer and views. Never imports ncurses.
        .target(name: "TanacsUI", dependencies: ["TanacsModel"]),
        // The one module that calls ncurses.
        .target(name: "TanacsTerminal", dependencies: ["CNcursesw", "TanacsUI"]),
        .executableTarget(
            name: "tanacs",
            dependencies: [
                "TanacsModel", "TanacsUI", "TanacsTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fixtures live in Tests/Fixtures and are found from each test file's path.
        .testTarget(name: "TanacsModelTests", dependencies: ["TanacsModel"]),
        .testTarget(name: "TanacsUITests", dependencies: ["TanacsUI", "TanacsModel"]),
        // Drives the built binary in tmux; depends on it so `swift test` builds it first.
        .testTarget(name: "TanacsEndToEndTests", dependencies: ["tanacs", "TanacsUI"]),
    ]
)
