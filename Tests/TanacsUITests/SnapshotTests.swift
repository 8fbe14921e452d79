import Foundation
import XCTest
import TanacsModel
@testable import TanacsUI

/// Whole screens rendered headless and compared with the text in Tests/Fixtures/snapshots.
/// Run with TANACS_RECORD=1 to rewrite them after an intended change, then read the diff.
final class SnapshotTests: XCTestCase {
    private func assertSnapshot(_ state: AppState, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let canvas = Screen.render(state)
        XCTAssertEqual(canvas.lines.count, state.height, file: file, line: line)
        for text in canvas.lines { XCTAssertEqual(TextWidth.of(text), state.width, "every line fills the width exactly", file: file, line: line) }
        let url = Fixture.repo.appendingPathComponent("Tests/Fixtures/snapshots/\(name).txt")
        let actual = canvas.text + "\n"
        let recording = ProcessInfo.processInfo.environment["TANACS_RECORD"] == "1"
        guard !recording, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            if !recording { XCTFail("no snapshot \(name) yet: recorded it, check it and run again", file: file, line: line) }
            return
        }
        if let diff = LineDiff.describe(expected: expected, actual: actual) {
            XCTFail("screen differs from \(url.path)\n\(diff)\n(TANACS_RECORD=1 rewrites it after an intended change)", file: file, line: line)
        }
    }

    /// The failure message itself: names the changed lines and where in them the change starts.
    func testSnapshotFailuresNameTheLinesThatDiffer() {
        XCTAssertNil(LineDiff.describe(expected: "a\nb\n", actual: "a\nb\n"))
        XCTAssertEqual(LineDiff.describe(expected: "Győr\nsame\nMiskolc\n", actual: "Győr\nsame\nMiskolcz\n"),
                       "1 of 4 lines differ (- snapshot, + now):\nline 3, column 8:\n  - Miskolc\n  + Miskolcz")
        let longer = LineDiff.describe(expected: "x", actual: "x\ny")
        XCTAssertEqual(longer, "1 of 2 lines differ (- snapshot, + now):\nline 2, column 1:\n  - (no line)\n  + y")
        let many = LineDiff.describe(expected: String(repeating: "a\n", count: 20), actual: String(repeating: "b\n", count: 20), limit: 3)
        XCTAssertTrue(many?.hasPrefix("20 of 21 lines differ") ?? false, many ?? "")
        XCTAssertTrue(many?.hasSuffix("… and 17 more lines") ?? false, many ?? "")
    }

    func testThreePanesAt120x40() throws {
        try assertSnapshot(Fixture.state(120, 40, keys: Fixture.keys("jjj")), "main-120x40")
    }

    func testTwoPanesAt80x24() throws {
        try assertSnapshot(Fixture.state(80, 24, keys: Fixture.keys("jjj")), "main-80x24")
    }

    /// An event's sentences with their footnote marks and the numbered quotations, in the small layout.
    func testEventStatementsAt80x24() throws {
        var s = Fixture.state(80, 24, keys: [.char("j"), .char("3")])
        try assertSnapshot(s, "event-statements-80x24")
        s = AppState(model: Fixture.model, width: 80, height: 24, glyphs: .ascii)
        Fixture.press(&s, .char("j"), .char("3"))
        try assertSnapshot(s, "event-statements-ascii-80x24")
    }

    func testTownDetailAt80x24() throws {
        try assertSnapshot(Fixture.state(80, 24, keys: [.tab, .char("h"), .enter]), "town-gyor-80x24")
    }

    func testCouncilDetailAt120x40() throws {
        // Győr's page, then its first council.
        var s = Fixture.state(120, 40, keys: [.tab, .char("h"), .enter])
        XCTAssertTrue(Fixture.select(&s, .council("council:gyor-national-council")))
        Reducer.reduce(&s, .key(.enter))
        try assertSnapshot(s, "council-gyor-120x40")
    }

    func testMapInBrailleAt120x40() throws {
        // On 26 Oct 1956: Győr's event that day, Miskolc's events on other days.
        var s = Fixture.state(120, 40, keys: [.char("2"), .char("h")])
        s.currentDate = Day(year: 1956, month: 10, day: 26)!
        try assertSnapshot(s, "map-braille-120x40")
    }

    func testMapInASCIIAt80x24() throws {
        var s = AppState(model: Fixture.model, width: 80, height: 24, glyphs: .ascii)
        Reducer.reduce(&s, .key(.char("2")))
        s.currentDate = Day(year: 1956, month: 10, day: 27)!
        try assertSnapshot(s, "map-ascii-80x24")
    }

    func testBudapestViewAt60x20() throws {
        try assertSnapshot(Fixture.state(60, 20, keys: [.char("2"), .char("b")]), "map-budapest-60x20")
    }

    func testTabsAt60x20() throws {
        try assertSnapshot(Fixture.state(60, 20, keys: Fixture.keys("jj")), "tabs-60x20")
    }

    func testHelpAt80x24() throws {
        try assertSnapshot(Fixture.state(80, 24, keys: [.char("?")]), "help-80x24")
    }

    /// Every kind of page at both standard sizes.
    func testEveryViewAtBothSizes() throws {
        let scenarios: [(String, (inout AppState) -> Void)] = [
            ("person", { s in Fixture.press(&s, .char("p"), .enter) }),
            ("figure", { s in Fixture.press(&s, .char("F"), .enter) }),
            ("figures-index", { s in Fixture.press(&s, .char("F")) }),
            ("councils-index", { s in Fixture.press(&s, .char("G"), .char("c")) }),
            ("towns-index", { s in Fixture.press(&s, .char("G"), .char("t")) }),
            ("events-index", { s in Fixture.press(&s, .char("e")) }),
            ("reader", { s in Fixture.press(&s, .char("j"), .char("3"), .char("G"), .enter) }),
            ("search", { s in Fixture.press(&s, .char("/")); Fixture.type(&s, "miskolc") }),
            ("filter-menu", { s in Fixture.press(&s, .char("f")) }),
        ]
        for (name, drive) in scenarios {
            for (w, h) in [(80, 24), (120, 40)] {
                var s = Fixture.state(w, h)
                drive(&s)
                try assertSnapshot(s, "\(name)-\(w)x\(h)")
            }
        }
    }

    func testTooSmall() throws {
        let text = Screen.render(Fixture.state(30, 8)).text
        XCTAssertTrue(text.contains("needs 40×10, have 30×8"), text)
        // Even a 1×1 terminal draws without a crash.
        XCTAssertEqual(Screen.render(Fixture.state(1, 1)).lines.count, 1)
        XCTAssertEqual(Screen.render(Fixture.state(0, 0)).lines.count, 0)
    }

    func testASCIIGlyphs() {
        let text = Screen.render(AppState(model: Fixture.model, width: 80, height: 24, glyphs: .ascii)).text
        XCTAssertTrue(text.hasPrefix("+- Timeline 1/13 "), text)
        XCTAssertFalse(text.contains("─"))
    }
}
