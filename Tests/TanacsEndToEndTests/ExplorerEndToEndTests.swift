import Foundation
import XCTest

/// The real binary in a real (tmux) terminal: first frame, keys, resize, help, and a clean exit.
final class ExplorerEndToEndTests: XCTestCase {
    private var tmux: Tmux!

    override func setUpWithError() throws {
        try XCTSkipUnless(Tmux.available, "tmux is not installed (.ci/run installs it)")
        tmux = Tmux()
    }

    override func tearDown() { tmux?.stop() }

    /// Runs the explorer on the sample data, then reports its exit status and the terminal mode.
    private func launch(width: Int, height: Int, extra: String = "", arguments: String = "") throws {
        let sample = Tmux.repo.appendingPathComponent("Tests/Fixtures/sample").path
        let command = "env SWIFT_BACKTRACE=interactive=no LANG=C.UTF-8 TERM=xterm-256color \(extra) '\(Tmux.binary.path)' --data '\(sample)' \(arguments); "
            + "echo \"EXIT=$?\"; stty -a | tr ' ' '\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' '; echo MODE-\"END\""
        try tmux.start(command, width: width, height: height)
    }

    func testBrowseResizeHelpAndQuitCleanly() throws {
        try launch(width: 120, height: 40)
        var screen = try tmux.waitFor(all: ["Timeline 2/13", "Map Tue 23 Oct 1956", "Nagy replaces Rákosi"])
        XCTAssertTrue(screen.contains("Map Tue 23 Oct 1956"), "opens on the day the revolution began:\n\(screen)")
        XCTAssertTrue(screen.contains("Nagy replaces Rákosi"), "accents arrive intact")

        try tmux.keys("j")
        screen = try tmux.waitFor(all: ["Timeline 3/13", "where they toppled a huge"])
        XCTAssertTrue(screen.contains("where they toppled a huge"), "the detail pane follows the selection with its quotes:\n\(screen)")

        // Into the map, west from Budapest to Győr, and open it.
        try tmux.keys("Tab", "Left", "Enter")
        screen = try tmux.waitFor(all: ["Population 1956: 70,000", "Györ had a population of"])
        XCTAssertTrue(screen.contains("Györ had a population of"), screen)

        try tmux.resize(60, 20)
        screen = try tmux.waitFor(all: ["3 Detail", "Győr"])
        XCTAssertTrue(screen.contains("Győr"), "the detail page survives the resize")
        try tmux.resize(30, 8)
        try tmux.waitFor(text: "have 30×8")
        try tmux.resize(120, 40)
        screen = try tmux.waitFor(all: ["Timeline 3/13", "Population 1956: 70,000"])
        XCTAssertTrue(screen.contains("Population 1956: 70,000"), "selections survive the resize round trip")

        try tmux.keys("?")
        try tmux.waitFor(text: "Tanács keys")
        try tmux.keys("Escape")
        try tmux.waitFor("help to close") { !$0.contains("Tanács keys") }

        try tmux.keys("q")
        screen = try tmux.waitFor(text: "MODE-END")
        XCTAssertTrue(screen.contains("EXIT=0"), screen)
        XCTAssertTrue(screen.contains("icanon echo"), "terminal back in canonical mode with echo:\n\(screen)")
    }

    /// At 80×24: the opening event's sentences carry footnote marks; Enter on a sentence reads the
    /// quotation behind it, which names the sentences it supports; Backspace returns.
    func testFromASentenceToItsQuotationAt80x24() throws {
        try launch(width: 80, height: 24)
        var screen = try tmux.waitFor(text: "Timeline 2/13")
        XCTAssertTrue(screen.contains("in solidarity with Poland.¹"), "sentences carry footnote marks:\n\(screen)")
        try tmux.keys("3", "Enter")
        screen = try tmux.waitFor(text: "Quotation 1 of 1")
        XCTAssertTrue(screen.contains("Supports"), screen)
        XCTAssertTrue(screen.contains("In solidarity with our Polish"), "the quotation itself:\n\(screen)")
        try tmux.keys("BSpace")
        try tmux.waitFor(text: "Sources")
        try tmux.keys("q")
        screen = try tmux.waitFor(text: "MODE-END")
        XCTAssertTrue(screen.contains("EXIT=0"), screen)
    }

    func testMarksInAnASCIITerminal() throws {
        try launch(width: 80, height: 24, arguments: "--ascii")
        let screen = try tmux.waitFor(text: "Timeline 2/13")
        XCTAssertTrue(screen.contains("with Poland.[1]"), "ASCII footnote marks:\n\(screen)")
        try tmux.keys("q")
        try tmux.waitFor(text: "MODE-END")
    }

    func testSearchToTownToCouncilToExcerptAndBackTwice() throws {
        try launch(width: 120, height: 40)
        try tmux.waitFor(text: "Timeline 2/13")
        try tmux.keys("/")
        try tmux.literal("gyor")
        var screen = try tmux.waitFor(all: ["Search: gyor", "[Town] Győr"])
        XCTAssertTrue(screen.contains("[Town] Győr"), screen)
        try tmux.keys("Enter")
        screen = try tmux.waitFor(text: "Population 1956: 70,000")
        // Győr's page: the population quote, its sentences (each selectable), then its councils.
        let places = try JSONSerialization.jsonObject(with: Data(contentsOf: CLI.sample.appendingPathComponent("places.json"))) as! [[String: Any]]
        let sentences = (places.first { $0["id"] as? String == "place:gyor" }?["statements"] as? [Any])?.count ?? 0
        for _ in 0...sentences { try tmux.keys("j") }
        try tmux.keys("Enter")
        screen = try tmux.waitFor(text: "Town council")
        XCTAssertTrue(screen.contains("Győr National Revolutionary Committee"), screen)
        // The council page ends with the quotations behind it; open the last one in the reader.
        try tmux.keys("G", "Enter")
        screen = try tmux.waitFor(all: ["Cited by", "International Socialism, Issue 112", "Paragraph: 32"])
        XCTAssertTrue(screen.contains("International Socialism, Issue 112"), "the reader names the source:\n\(screen)")
        XCTAssertTrue(screen.contains("Paragraph: 32"), screen)
        try tmux.keys("BSpace")
        try tmux.waitFor(text: "─ Council ")
        try tmux.keys("BSpace")
        screen = try tmux.waitFor(all: ["Population 1956: 70,000", "─ Town "])
        XCTAssertTrue(screen.contains("─ Town "), screen)
        try tmux.keys("q")
        XCTAssertTrue(try tmux.waitFor(text: "MODE-END").contains("EXIT=0"))
    }

    func testSteppingTheDateChangesTheCouncilIndex() throws {
        try launch(width: 120, height: 40)
        try tmux.waitFor(text: "Timeline 2/13")
        try tmux.keys("G", "k", "k", "c")
        try tmux.waitFor(text: "At work that day: 1 of 4")
        try tmux.keys("]", "]")
        let screen = try tmux.waitFor(all: ["At work that day: 2 of 4", "Wed 14 Nov 1956"])
        XCTAssertTrue(screen.contains("Wed 14 Nov 1956"), screen)
        try tmux.keys("q")
        try tmux.waitFor(text: "MODE-END")
    }

    func testMapDrawsInBrailleHalfBlocksAndASCII() throws {
        try launch(width: 120, height: 40)
        try tmux.waitFor(text: "Timeline 2/13")
        try tmux.keys("2")
        var screen = try tmux.waitFor("the map in braille") { screen in
            screen.contains("braille") && ["Budapest", "Győr", "Miskolc"].allSatisfy(screen.contains)
                && screen.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) }
        }
        XCTAssertTrue(screen.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) }, "braille outlines:\n\(screen)")
        for town in ["Budapest", "Győr", "Miskolc"] { XCTAssertTrue(screen.contains(town), "\(town) labelled:\n\(screen)") }
        try tmux.keys("m")
        screen = try tmux.waitFor("the map in half blocks") { $0.contains("half blocks") && $0.contains { "▀▄█".contains($0) } }
        XCTAssertTrue(screen.contains { "▀▄█".contains($0) }, screen)
        try tmux.keys("m")
        // The status bar says ASCII before the whole map may be repainted: wait for the braille to go.
        screen = try tmux.waitFor("the map in ASCII") { screen in
            screen.contains("ASCII") && screen.contains("Győr") && !screen.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) }
        }
        XCTAssertFalse(screen.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) }, screen)
        XCTAssertTrue(screen.contains("Győr"), screen)
        try tmux.keys("]")
        try tmux.waitFor(text: "Map Wed 24 Oct 1956")
        try tmux.keys("q")
        screen = try tmux.waitFor(text: "MODE-END")
        XCTAssertTrue(screen.contains("EXIT=0"), screen)

        // With --ascii the whole map is ASCII from the start.
        tmux.stop()
        tmux = Tmux()
        try launch(width: 100, height: 30, extra: "", arguments: "--ascii")
        try tmux.waitFor(text: "Timeline 2/13")
        try tmux.keys("2")
        screen = try tmux.waitFor(all: ["ASCII", "+- Map"])
        XCTAssertTrue(screen.contains("+- Map"), screen)
        XCTAssertFalse(screen.unicodeScalars.contains { (0x2500...0x28FF).contains($0.value) }, screen)
    }

    func testSigtermRestoresTheTerminal() throws {
        try launch(width: 100, height: 30)
        try tmux.waitFor(text: "Timeline 2/13")
        // Signal only this test's explorer: the child of this pane's shell, not any other tanacs running.
        let shell = try tmux.tmux("display-message", "-p", "-t", tmux.session, "#{pane_pid}").trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try Tmux.run(["pkill", "-TERM", "-P", shell, "-x", "tanacs"])
        let screen = try tmux.waitFor(text: "MODE-END")
        XCTAssertTrue(screen.contains("EXIT=143"), screen)
        XCTAssertTrue(screen.contains("icanon echo"), screen)
    }

    func testBadDataGivesOneLineErrorAndNoScreen() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tanacs-bad-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Tmux.repo.appendingPathComponent("Tests/Fixtures/sample"), to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "[{\"id\": \"person:x\"}]".write(to: folder.appendingPathComponent("people.json"), atomically: true, encoding: .utf8)
        let result = try Tmux.run([Tmux.binary.path, "--data", folder.path])
        XCTAssertEqual(result.status, 65)
        XCTAssertTrue(result.output.contains("people.json:1:2, record person:x, field name: missing required field"), result.output)
    }

    func testNotATerminalExits69() throws {
        let sample = Tmux.repo.appendingPathComponent("Tests/Fixtures/sample").path
        let result = try Tmux.run([Tmux.binary.path, "--data", sample])
        XCTAssertEqual(result.status, 69)
        XCTAssertTrue(result.output.contains("needs a terminal"), result.output)
    }
}
