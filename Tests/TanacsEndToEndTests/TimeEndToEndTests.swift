import Foundation
import XCTest

/// The go-to line and play in the real binary, on the bundled data.
final class TimeEndToEndTests: XCTestCase {
    private var tmux: Tmux!

    override func setUpWithError() throws {
        try XCTSkipUnless(Tmux.available, "tmux is not installed (.ci/run installs it)")
        tmux = Tmux()
    }

    override func tearDown() { tmux?.stop() }

    private func launch(_ arguments: String = "") throws {
        let command = "env SWIFT_BACKTRACE=interactive=no LANG=C.UTF-8 TERM=xterm-256color '\(Tmux.binary.path)' \(arguments); echo \"EXIT=$?\""
        try tmux.start(command, width: 120, height: 40)
        try tmux.waitFor(text: "Map Tue 23 Oct 1956")
    }

    func testGoToTheCentralWorkersCouncilsFoundingDayWithBudapestMarked() throws {
        try launch()
        try tmux.keys(":")
        try tmux.literal("1956-11-14")
        try tmux.waitFor(text: "→ Wed 14 Nov 1956")
        try tmux.keys("Enter")
        let screen = try tmux.waitFor(text: "Map Wed 14 Nov 1956")
        XCTAssertTrue(screen.contains("Wed 14 Nov 1956 ◆"), "the day's heading is in view and marked:\n\(screen)")
        XCTAssertTrue(screen.contains("Central Workers' Council of Greater Budapest founded"), screen)
        // The name sits on whichever side of the mark keeps it off other towns' marks.
        XCTAssertTrue(screen.range(of: "✱■ ?Budapest|Budapest ?✱■", options: .regularExpression) != nil,
                      "Budapest has an event and a council at work:\n\(screen)")
        // Back returns to where we were.
        try tmux.keys("BSpace")
        try tmux.waitFor(text: "Map Tue 23 Oct 1956")
        try tmux.keys("q")
        XCTAssertTrue(try tmux.waitForExit().contains("EXIT=0"))
    }

    func testPlayStepsTheDaysAndAKeyPauses() throws {
        try launch()
        func mapDay(_ screen: String) -> String? {
            screen.range(of: "Map [A-Z][a-z]{2} [0-9]{1,2} [A-Z][a-z]{2} 19[0-9]{2}", options: .regularExpression).map { String(screen[$0]) }
        }
        try tmux.keys("P")
        // A day lasts 0.7 s on screen; a loaded machine may not capture each one, so wait for any day
        // past the first two rather than for one exact day.
        try tmux.waitFor("play to pass 24 Oct") { screen in
            guard let day = mapDay(screen) else { return false }
            return day != "Map Tue 23 Oct 1956" && day != "Map Wed 24 Oct 1956"
        }
        try tmux.keys("x")
        try tmux.waitFor(text: "Paused")
        let paused = try XCTUnwrap(mapDay(try tmux.screen()))
        XCTAssertNotEqual(paused, "Map Tue 23 Oct 1956")
        // Paused, the day stays put while the screen is redrawn by other keys.
        try tmux.keys("?")
        try tmux.waitFor(text: "Tanács keys")
        try tmux.keys("Escape")
        let later = try tmux.waitFor("help to close") { !$0.contains("Tanács keys") }
        XCTAssertEqual(mapDay(later), paused, later)
        try tmux.keys("q")
        XCTAssertTrue(try tmux.waitForExit().contains("EXIT=0"))
    }
}
