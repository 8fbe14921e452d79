import Foundation
import XCTest

/// The real binary in tmux: search moves the map, Ctrl-L repairs a garbled screen, q closes the help,
/// and a citation reaches the terminal's clipboard as OSC 52.
final class LinkedViewsEndToEndTests: XCTestCase {
    private var tmux: Tmux!

    override func setUpWithError() throws {
        try XCTSkipUnless(Tmux.available, "tmux is not installed (.ci/run installs it)")
        tmux = Tmux()
    }

    override func tearDown() { tmux?.stop() }

    private func launch(width: Int = 120, height: Int = 40) throws {
        let sample = Tmux.repo.appendingPathComponent("Tests/Fixtures/sample").path
        let command = "env SWIFT_BACKTRACE=interactive=no LANG=C.UTF-8 TERM=xterm-256color '\(Tmux.binary.path)' --data '\(sample)'; echo \"EXIT=$?\""
        try tmux.start(command, width: width, height: height)
        try tmux.waitFor(text: "Timeline 2/13")
    }

    func testSearchingGyorThenTheMapShowsGyorSelected() throws {
        try launch()
        try tmux.literal("/gyor")
        try tmux.waitFor(text: "[Town] Győr")
        try tmux.keys("Enter")
        try tmux.waitFor(text: "Population 1956: 70,000")
        try tmux.keys("2")
        // The status bar names the map's selection; the map labels it.
        let screen = try tmux.waitFor(text: "Győr · braille")
        let mapRows = screen.split(separator: "\n").prefix(12)
        XCTAssertTrue(mapRows.contains { $0.contains("Győr") }, "Győr is labelled on the map:\n\(screen)")
        XCTAssertTrue(screen.contains("Population 1956: 70,000"), "focusing the map keeps Győr's page")
    }

    func testCtrlLRedrawsAfterGarbageIsWrittenToTheTerminal() throws {
        try launch()
        let tty = try tmux.tmux("display-message", "-p", "-t", tmux.session, "#{pane_tty}").trimmingCharacters(in: .whitespacesAndNewlines)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: tty), "open \(tty)")
        handle.write(Data("\u{1B}[5;5HGARBAGE-GARBAGE-GARBAGE\u{1B}[20;30HMORE-GARBAGE".utf8))
        try handle.close()
        try tmux.waitFor(text: "GARBAGE-GARBAGE")
        try tmux.keys("C-l")
        let screen = try tmux.waitFor("the garbage to go") { !$0.contains("GARBAGE") }
        XCTAssertTrue(screen.contains("Timeline 2/13"), screen)
        XCTAssertTrue(screen.contains("Students march in solidarity with Poland"), "every pane is drawn again:\n\(screen)")
        XCTAssertFalse(screen.contains("EXIT="))
    }

    func testQInTheHelpClosesTheHelpAndQuitsOnlyFromTheMainScreen() throws {
        try launch()
        try tmux.keys("?")
        try tmux.waitFor(text: "Tanács keys")
        try tmux.keys("q")
        let screen = try tmux.waitFor("the help to close") { !$0.contains("Tanács keys") }
        XCTAssertTrue(screen.contains("Timeline 2/13"), screen)
        XCTAssertFalse(screen.contains("EXIT="), "q in the help did not quit:\n\(screen)")
        try tmux.keys("q")
        try tmux.waitFor(text: "EXIT=0")
    }

    func testACitationReachesTheTerminalAsOSC52() throws {
        try launch()
        // tmux keeps what an application sends with OSC 52 as a paste buffer when set-clipboard is on.
        try tmux.tmux("set-option", "-s", "set-clipboard", "on")
        try tmux.keys("y")
        let screen = try tmux.waitFor(text: "Copied: ")
        var buffer = ""
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            buffer = (try? tmux.tmux("show-buffer")) ?? ""
            if buffer.contains("Kosuth, Dennis") { break }
            usleep(30_000)
        }
        // The event cites Haynes and Kosuth: both, as the status bar shows.
        XCTAssertTrue(buffer.hasPrefix("Haynes, Mike. “Hungary: workers’ councils against Russian tanks.”"), "the clipboard holds the citation: \(buffer)")
        XCTAssertTrue(buffer.contains("Kosuth, Dennis. “Hungary 1956"), buffer)
        XCTAssertTrue(screen.contains("Copied: Haynes, Mike."), screen)
    }
}
