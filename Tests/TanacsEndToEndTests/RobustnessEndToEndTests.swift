import Foundation
import XCTest
import TanacsUI

/// The real binary in tmux under stress: bad data, hostile text, terminal types, LANG=C, signals,
/// suspend and resume, a crash, resize storms and key floods. After each, the terminal must be back
/// in canonical mode with echo.
final class RobustnessEndToEndTests: XCTestCase {
    private var tmux: Tmux!
    static let sample = Tmux.repo.appendingPathComponent("Tests/Fixtures/sample").path
    static let hostile = Tmux.repo.appendingPathComponent("Tests/Fixtures/hostile").path
    /// Printed after the explorer ends: its status and the terminal's mode. The quotes keep the typed
    /// command line from matching "MODE-END" before the shell has run it.
    static let report = "echo \"EXIT=$?\"; stty -a | tr ' ' '\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' '; echo MODE-\"END\""

    override func setUpWithError() throws {
        try XCTSkipUnless(Tmux.available, "tmux is not installed (.ci/run installs it)")
        tmux = Tmux()
    }

    override func tearDown() { tmux?.stop() }

    private func fresh() {
        tmux.stop()
        tmux = Tmux()
    }

    private func command(env: String = "LANG=C.UTF-8 TERM=xterm-256color", data: String = sample, arguments: String = "") -> String {
        "env \(env) SWIFT_BACKTRACE=interactive=no '\(Tmux.binary.path)' --data '\(data)' \(arguments)"
    }

    /// Runs the explorer, then the report.
    private func launch(width: Int = 100, height: Int = 30, env: String = "LANG=C.UTF-8 TERM=xterm-256color",
                        data: String = sample, arguments: String = "") throws {
        try tmux.start(command(env: env, data: data, arguments: arguments) + "; " + Self.report, width: width, height: height)
    }

    private func assertRestored(_ screen: String, exit: String = "EXIT=0", file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(screen.contains(exit), "expected \(exit):\n\(screen)", file: file, line: line)
        XCTAssertTrue(screen.contains("icanon echo"), "terminal back in canonical mode with echo:\n\(screen)", file: file, line: line)
    }

    private func signalExplorer(_ signal: String) throws {
        let shell = try tmux.tmux("display-message", "-p", "-t", tmux.session, "#{pane_pid}").trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try Tmux.run(["pkill", "-\(signal)", "-P", shell, "-x", "tanacs"])
    }

    // MARK: bad data

    func testBadDataLeavesNoScreenAndAUsableTerminal() throws {
        let cases: [(String, (URL) throws -> Void, String)] = [
            ("truncated", { try Data("[{\"id\": \"event:x\",".utf8).write(to: $0.appendingPathComponent("events.json")) }, "events.json:1:"),
            ("missing field", { try Data("[{\"id\": \"person:x\"}]".utf8).write(to: $0.appendingPathComponent("people.json")) }, "people.json:1:2, record person:x, field name: missing required field"),
            ("bad date", { folder in
                try CLI.edit(folder, "events.json") { $0[3]["date"] = "1956-02-30" }
            }, "field date: invalid date \"1956-02-30\""),
            ("not UTF-8", { try Data([0x5B, 0xFF, 0x5D]).write(to: $0.appendingPathComponent("figures.json")) }, "figures.json:1:2: the file is not valid UTF-8"),
        ]
        for (name, breakIt, expected) in cases {
            fresh()
            let folder = try CLI.copyOfSample()
            defer { try? FileManager.default.removeItem(at: folder) }
            try breakIt(folder)
            try launch(width: 220, data: folder.path)
            let screen = try tmux.waitFor(text: "MODE-END")
            XCTAssertTrue(screen.contains(expected), "\(name):\n\(screen)")
            XCTAssertFalse(screen.contains("Timeline"), "\(name): no explorer frame:\n\(screen)")
            assertRestored(screen, exit: "EXIT=65")
        }
        // A folder that is not a dataset at all.
        fresh()
        try launch(data: Tmux.repo.appendingPathComponent("Sources").path)
        let screen = try tmux.waitFor(text: "MODE-END")
        XCTAssertTrue(screen.contains("not a Tanács dataset"), screen)
        assertRestored(screen, exit: "EXIT=66")
    }

    func testUnknownFieldWarnsAndStillStarts() throws {
        let folder = try CLI.copyOfSample()
        defer { try? FileManager.default.removeItem(at: folder) }
        try CLI.edit(folder, "people.json") { $0[0]["nickname"] = "x" }
        try launch(data: folder.path)
        try tmux.waitFor(text: "Timeline 2/13")
        try tmux.keys("q")
        let screen = try tmux.waitFor(text: "MODE-END")
        XCTAssertTrue(screen.contains("tanacs: warning: "), "the warning stays on the screen after the explorer:\n\(screen)")
        XCTAssertTrue(screen.contains("people.json, record person:") && screen.contains("field nickname: unknown field (ignored)"), screen)
        assertRestored(screen)
    }

    // MARK: hostile text

    func testHostileTextNeverReachesTheTerminal() throws {
        let raw = FileManager.default.temporaryDirectory.appendingPathComponent("tanacs-raw-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: raw) }
        // Record every byte the explorer writes, from before it starts.
        try Tmux.run(["tmux", "-L", tmux.socket, "-f", "/dev/null", "new-session", "-d", "-s", tmux.session, "-x", "120", "-y", "40", "sh"], detached: true)
        try tmux.tmux("set-option", "-g", "remain-on-exit", "on")
        try tmux.tmux("pipe-pane", "-t", tmux.session, "-o", "cat >> '\(raw.path)'")
        let titleBefore = try tmux.tmux("display-message", "-p", "-t", tmux.session, "#{pane_title}")
        try tmux.literal(command(data: Self.hostile) + "; " + Self.report)
        try tmux.keys("Enter")
        try tmux.waitFor(text: "Timeline 2/13")
        // Each step waits for the screen it leads to before checking it; Escape in particular takes
        // effect only after the terminal's escape delay, so the search line stays up for a moment.
        let steps: [([String], String, (String) -> Bool)] = [
            (["j", "j", "Enter"], "an event's page", { $0.contains("Timeline 4/13") && $0.contains("─ Event") }),
            // G, not End: tmux sends End as ESC [ 4 ~, which TERM=xterm-256color does not know, so the
            // explorer would read Escape, "[" (a day back), "4" and "~".
            (["3", "PageDown", "PageDown", "G"], "its last link or quotation", { $0.range(of: #"\b(\d+) of \1\b"#, options: .regularExpression) != nil }),
            (["p", "Enter"], "a person's page", { $0.contains("─ Person") }),
            (["c", "Enter"], "a council's page", { $0.contains("─ Council") }),
            (["F", "Enter"], "a figure's page", { $0.contains("─ Figure") }),
            (["j", "Enter"], "the figure's event", { $0.contains("─ Event") }),
            (["e"], "the events index", { $0.contains("─ Events by kind") }),
            (["/"], "the search line", { $0.contains("Search:") }),
            (["P", "W", "N", "E", "D", "Escape"], "the search line closed", { !$0.contains("Search:") && $0.contains("─ Events by kind") }),
            (["?"], "the help", { $0.contains("Tanács keys") }),
            (["Escape"], "the help closed", { !$0.contains("Tanács keys") && $0.contains("─ Events by kind") }),
            (["t", "Enter"], "a town's page", { $0.contains("─ Town") }),
            (["2"], "the map focused", { $0.contains("· braille") }),
        ]
        for (keys, what, shown) in steps {
            for key in keys { try tmux.keys(key) }
            let screen = try tmux.waitFor("\(what) after \(keys)", shown)
            for line in screen.split(separator: "\n") {
                XCTAssertLessThanOrEqual(TextWidth.of(String(line)), 120, "after \(keys), a line overflows: \(line)")
            }
            XCTAssertFalse(screen.contains("PWNED"), "after \(keys):\n\(screen)")
        }
        try tmux.keys("q")
        assertRestored(try tmux.waitFor(text: "MODE-END"))
        XCTAssertEqual(try tmux.tmux("display-message", "-p", "-t", tmux.session, "#{pane_title}"), titleBefore, "no title was set")
        let bytes = try Data(contentsOf: raw)
        XCTAssertGreaterThan(bytes.count, 10_000, "pipe-pane recorded the session")
        let text = String(decoding: bytes, as: UTF8.self)
        for marker in ["PWNED", "4242", "]52;", "\u{1B}]0;", "\u{1B}P", "\u{9B}", "\u{9D}", "\u{85}", "\u{202E}", "\u{2066}", "\u{200B}", "\u{FEFF}", "\u{07}"] {
            XCTAssertFalse(text.contains(marker), "\(marker.debugDescription) reached the terminal")
        }
        XCTAssertTrue(text.contains("Zalgo") || text.contains("Z\u{301}") || text.contains("工人"), "the hostile records were drawn")
    }

    // MARK: terminals

    func testTerminalTypes() throws {
        for term in ["vt100", "linux", "screen", "tmux-256color", "xterm-256color"] {
            fresh()
            try launch(env: "LANG=C.UTF-8 TERM=\(term)")
            try tmux.waitFor(text: "Timeline 2/13")
            try tmux.keys("j")
            try tmux.waitFor(text: "Timeline 3/13")
            try tmux.keys("q")
            assertRestored(try tmux.waitFor(text: "MODE-END"))
        }
        for (env, message) in [("-u TERM LANG=C.UTF-8", "TERM is unset"), ("TERM=dumb LANG=C.UTF-8", "TERM is \"dumb\""),
                               ("TERM=no-such-terminal LANG=C.UTF-8", "cannot open the terminal type \"no-such-terminal\"")] {
            fresh()
            try launch(env: env)
            let screen = try tmux.waitFor(text: "MODE-END")
            XCTAssertTrue(screen.contains(message), screen)
            assertRestored(screen, exit: "EXIT=69")
        }
    }

    func testLangCDrawsASCIIAndFoldsAccents() throws {
        try launch(width: 120, height: 40, env: "LANG=C LC_ALL=C TERM=xterm-256color")
        try tmux.waitFor(text: "Timeline 2/13")
        try tmux.keys("/")
        try tmux.literal("gyor")
        try tmux.keys("Enter")
        let screen = try tmux.waitFor(all: ["Population 1956: 70,000", "+- Timeline", "Gyor", "Nagy replaces Rakosi"])
        XCTAssertTrue(screen.unicodeScalars.allSatisfy { $0.isASCII }, "only ASCII on the screen:\n\(screen)")
        XCTAssertTrue(screen.contains("+- Timeline"), "ASCII borders:\n\(screen)")
        XCTAssertTrue(screen.contains("Gyor"), "accents folded, not garbage:\n\(screen)")
        XCTAssertTrue(screen.contains("Nagy replaces Rakosi"), screen)
        XCTAssertFalse(screen.contains("M-") || screen.contains("~A"), "no ncurses meta notation:\n\(screen)")
        try tmux.keys("q")
        assertRestored(try tmux.waitFor(text: "MODE-END"))
    }

    func testResizeStormEndsOnASaneScreen() throws {
        try launch(width: 100, height: 30)
        try tmux.waitFor(text: "Timeline 2/13")
        try tmux.keys("j", "j", "j")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<60 {
            try tmux.resize(Int.random(in: 5...220, using: &generator), Int.random(in: 3...70, using: &generator))
        }
        try tmux.resize(120, 40)
        let screen = try tmux.waitFor("the timeline at 120x40") {
            // The wide layout (timeline beside the map) shows the last resize was applied, not one on the way.
            $0.contains("Timeline 5/13") && $0.hasPrefix("┌") && $0.contains("─ Map ")
                && $0.split(separator: "\n", omittingEmptySubsequences: false).count >= 40
        }
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("┌"), screen)
        for line in lines.prefix(40) { XCTAssertLessThanOrEqual(TextWidth.of(line), 120, line) }
        // Every row between the top and bottom borders starts with a border.
        let bottom = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("└") }, screen)
        for line in lines[1..<bottom] { XCTAssertTrue(line.hasPrefix("│"), "row out of place:\n\(screen)") }
        try tmux.keys("q")
        assertRestored(try tmux.waitFor(text: "MODE-END"))
    }

    func testHundredsOfKeysAtOnce() throws {
        try launch(width: 100, height: 30)
        try tmux.waitFor(text: "Timeline 2/13")
        try tmux.literal(String(repeating: "j", count: 400))
        try tmux.waitFor(text: "Timeline 13/13")
        try tmux.literal(String(repeating: "jkJK[]2131?", count: 60))
        try tmux.keys("Escape", "1", "g")
        // 660 keys, each drawn, a third of them on the map or the help: on a loaded machine that takes
        // far longer than one key. Wait for the last one's effect, however long the queue takes.
        try tmux.waitFor(text: "Timeline 1/13", timeout: 120)
        try tmux.keys("q")
        assertRestored(try tmux.waitFor(text: "MODE-END"))
    }

    // MARK: signals

    /// The explorer alone on the command line (a shell abandons the rest of a line whose command died
    /// of SIGINT), then the report typed once the shell is back.
    private func reportAfterExit(exit: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try tmux.waitFor("the shell", file: file, line: line) { !$0.contains("Timeline 2/13") }
        try tmux.literal(Self.report)
        try tmux.keys("Enter")
        assertRestored(try tmux.waitFor(text: "MODE-END", file: file, line: line), exit: exit, file: file, line: line)
    }

    func testInterruptHangupAndControlC() throws {
        for (signal, exit) in [("INT", "EXIT=130"), ("HUP", "EXIT=129"), ("TERM", "EXIT=143"), ("QUIT", "EXIT=131")] {
            fresh()
            try tmux.start(command(), width: 100, height: 30)
            try tmux.waitFor(text: "Timeline 2/13")
            try signalExplorer(signal)
            try reportAfterExit(exit: exit)
        }
        fresh()
        try tmux.start(command(), width: 100, height: 30)
        try tmux.waitFor(text: "Timeline 2/13")
        try tmux.keys("C-c")
        try reportAfterExit(exit: "EXIT=130")
    }

    func testSuspendAndResume() throws {
        // The explorer alone on the command line, so the shell's job control can stop and resume it.
        try tmux.start(command(), width: 100, height: 30)
        try tmux.waitFor(text: "Timeline 2/13")
        try tmux.keys("j")
        try tmux.waitFor(text: "Timeline 3/13")
        try tmux.keys("C-z")
        try tmux.waitFor("the shell after C-z") { !$0.contains("Timeline 3/13") }
        try tmux.literal("stty -a | tr ' ' '\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' '; echo SUSPENDED-\"END\"")
        try tmux.keys("Enter")
        let suspended = try tmux.waitFor(text: "SUSPENDED-END")
        XCTAssertTrue(suspended.contains("icanon echo"), "while suspended the terminal is the shell's:\n\(suspended)")
        try tmux.literal("fg")
        try tmux.keys("Enter")
        // Redrawn whole: the timeline, the detail pane and the status bar, not only what changed.
        try tmux.waitFor("the explorer redrawn") { $0.contains("Timeline 3/13") && $0.contains("─ Event") && $0.contains("3 of 13") }
        try tmux.keys("j")
        try tmux.waitFor(text: "Timeline 4/13")
        try tmux.keys("q")
        try tmux.waitFor("the shell") { !$0.contains("Timeline 4/13") }
        try tmux.literal(Self.report)
        try tmux.keys("Enter")
        assertRestored(try tmux.waitFor(text: "MODE-END"))
    }

    func testACrashGivesTheTerminalBack() throws {
        try launch(env: "LANG=C.UTF-8 TERM=xterm-256color TANACS_CRASH_TEST=1")
        let screen = try tmux.waitFor(text: "MODE-END")
        XCTAssertFalse(screen.contains("EXIT=0"), screen)
        XCTAssertTrue(screen.contains("EXIT=132") || screen.contains("EXIT=133") || screen.contains("EXIT=134"), "ended by the crash signal:\n\(screen)")
        XCTAssertTrue(screen.contains("icanon echo"), "canonical mode and echo after a crash:\n\(screen)")
    }
}
