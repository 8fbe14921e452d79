import Foundation
import XCTest

/// `tanacs --at ID` and `tanacs --date DAY` in a real (tmux) terminal.
final class DeepLinkEndToEndTests: XCTestCase {
    private var tmux: Tmux!

    override func setUpWithError() throws {
        try XCTSkipUnless(Tmux.available, "tmux is not installed (.ci/run installs it)")
        tmux = Tmux()
    }

    override func tearDown() { tmux?.stop() }

    private func launch(_ arguments: String) throws {
        let command = "env SWIFT_BACKTRACE=interactive=no LANG=C.UTF-8 TERM=xterm-256color '\(Tmux.binary.path)' "
            + "--data '\(CLI.sample.path)' \(arguments); echo \"EXIT\"=$?"
        try tmux.start(command, width: 120, height: 40)
    }

    func testAtOpensTheRecord() throws {
        try launch("--at place:gyor")
        let screen = try tmux.waitFor(all: ["Population 1956: 70,000", "─ Town "])
        XCTAssertTrue(screen.contains("─ Town "), screen)
        try tmux.keys("2")
        let map = try tmux.waitFor(all: ["Győr · braille", "─ Map "])
        XCTAssertTrue(map.contains("─ Map "), "the town is selected on the map:\n\(map)")
        try tmux.keys("q")
        XCTAssertTrue(try tmux.waitForExit().contains("EXIT=0"))
    }

    func testDateSelectsTheFirstEventOnOrAfterIt() throws {
        try launch("--date 1956-11-01")
        let screen = try tmux.waitFor(text: "Timeline ")
        XCTAssertFalse(screen.contains("Timeline 1/13") || screen.contains("Timeline 2/13"), "moved past 23 October:\n\(screen)")
        try tmux.keys("q")
        try tmux.waitFor(text: "EXIT=0")
    }
}
