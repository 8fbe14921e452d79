import Foundation
import TanacsModel
import XCTest
@testable import TanacsUI

/// Text operations stay linear in their input (or bounded by the screen) whatever the data holds: a
/// huge town name selected on the map, a huge word in a summary, thousands of words, a query typed or
/// pasted for ever. Each bound is generous (the quadratic versions took minutes); a result check makes
/// sure the fast path still does the right thing.
final class TextCostTests: XCTestCase {
    private func seconds(_ work: () throws -> Void) rethrows -> TimeInterval {
        let start = Date()
        try work()
        return Date().timeIntervalSince(start)
    }

    /// A copy of the sample with one field of one record replaced, loaded.
    private func model(_ file: String, id: String, field: String, value: Any) throws -> Model {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tanacs-cost-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Fixture.repo.appendingPathComponent("Tests/Fixtures/sample"), to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(file)
        var records = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
        let index = try XCTUnwrap(records.firstIndex { $0["id"] as? String == id })
        records[index][field] = value
        try JSONSerialization.data(withJSONObject: records).write(to: url)
        return try DataLoader.load(from: folder)
    }

    func testAHugeTownNameSelectedOnTheMapDrawsQuickly() throws {
        let name = String(repeating: "Győrszentiván", count: 8_000) // about 100 KB
        let m = try model("places.json", id: "place:gyor", field: "name", value: name)
        var state = AppState(model: m, width: 120, height: 40)
        let elapsed = seconds {
            Reducer.start(&state, at: "place:gyor", date: nil)
            let canvas = Screen.render(state)
            XCTAssertEqual(canvas.width, 120)
        }
        XCTAssertLessThan(elapsed, 20, "one frame with a 100 KB selected name (it took 12 minutes when labels shrank a column at a time)")
    }

    func testARequiredLabelIsFittedToTheMap() {
        let huge = String(repeating: "x", count: 200_000)
        var labels: [MapLabel] = []
        let elapsed = seconds {
            labels = MapLabels.place([MapLabels.Request(id: "a", text: huge, x: 10, y: 5, required: true)],
                                     markers: [(10, 5)], width: 60, height: 20)
        }
        XCTAssertLessThan(elapsed, 10)
        XCTAssertEqual(labels.count, 1)
        XCTAssertLessThanOrEqual(labels[0].width, 60)
        XCTAssertTrue(labels[0].text.hasSuffix("…"))
        XCTAssertGreaterThanOrEqual(labels[0].x, 0)
    }

    func testWrappingAHugeWordIsLinear() {
        let word = String(repeating: "ő", count: 800_000)
        var lines: [String] = []
        let elapsed = seconds { lines = Text.wrap("before " + word + " after", width: 40) }
        XCTAssertLessThan(elapsed, 20, "an 800 KB word (8.7 s when each line re-copied the rest)")
        XCTAssertEqual(lines.count, 20_002)
        XCTAssertEqual(lines.first, "before")
        XCTAssertEqual(lines.last, "after")
        XCTAssertTrue(lines.dropFirst().dropLast().allSatisfy { TextWidth.of($0) == 40 })
    }

    func testWrappingManyWordsIsLinear() {
        let words = (0..<200_000).map { "w\($0 % 97)" }.joined(separator: " ")
        var lines: [String] = []
        let elapsed = seconds { lines = Text.wrap(words, width: 50) }
        XCTAssertLessThan(elapsed, 20)
        XCTAssertTrue(lines.allSatisfy { TextWidth.of($0) <= 50 })
        XCTAssertEqual(lines.joined(separator: " ").split(separator: " ").count, 200_000, "no word lost")
    }

    func testWrapStillBreaksAndJoinsAsBefore() {
        XCTAssertEqual(Text.wrap("aa bb cc", width: 5), ["aa bb", "cc"])
        XCTAssertEqual(Text.wrap("abcdefgh ij", width: 3), ["abc", "def", "gh", "ij"])
        XCTAssertEqual(Text.wrap("ab abcdefg", width: 4), ["ab", "abcd", "efg"])
        XCTAssertEqual(Text.wrap("", width: 4), [""])
        XCTAssertEqual(Text.wrap("漢字漢字", width: 3), ["漢", "字", "漢", "字"])
        XCTAssertEqual(Text.wrap("漢字", width: 1), [""], "a wide character cannot go on a one-column line")
        XCTAssertEqual(Text.wrap("\u{065F}  d", width: 15), ["\u{065F} d"], "a word of marks alone is kept (found by the text fuzzer)")
        // A prepended concatenation mark would swallow the space after it (found by the text fuzzer).
        XCTAssertEqual(TextWidth.of(Text.pad(" \u{FFFD}\u{06DD}", to: 15)), 15)
        XCTAssertEqual(Sanitizer.clean("a\u{0600}1\u{06DD}b"), "a1b")
    }

    func testTruncationLooksOnlyAtWhatItShows() {
        let huge = String(repeating: "é", count: 2_000_000)
        var cut = ""
        let elapsed = seconds { for _ in 0..<200 { cut = Text.truncate(clean: huge, to: 30) } }
        XCTAssertLessThan(elapsed, 10, "200 cuts of a 2-million-character text cost 200 screen widths")
        XCTAssertEqual(cut, String(repeating: "é", count: 29) + "…")
        XCTAssertEqual(Text.truncate("abcdef", to: 6), "abcdef")
        XCTAssertEqual(Text.truncate("abcdefg", to: 6), "abcde…")
        XCTAssertEqual(Text.truncate("ab漢字", to: 4), "ab…")
        XCTAssertEqual(Text.truncate("abc", to: 1), "…")
        XCTAssertEqual(Text.tail("abcdefg", to: 4), "…efg")
        XCTAssertEqual(Text.tail("abc", to: 4), "abc")
        XCTAssertEqual(Text.tail("a\u{1B}b\u{7}c", to: 4), "abc")
        let tail = seconds { for _ in 0..<200 { cut = Text.tail(huge, to: 30) } }
        XCTAssertLessThan(tail, 10)
        XCTAssertEqual(cut, "…" + String(repeating: "é", count: 29))
    }

    func testAHugeWordInASummaryRendersQuickly() throws {
        let word = String(repeating: "a", count: 800_000)
        let citation = try XCTUnwrap(Fixture.model.placeByID["place:gyor"]?.citations.first)
        let m = try model("places.json", id: "place:gyor", field: "statements", value: [["text": word, "citations": [citation]]])
        var state = AppState(model: m, width: 100, height: 30)
        let elapsed = seconds {
            Reducer.start(&state, at: "place:gyor", date: nil)
            _ = Screen.render(state)
            Fixture.press(&state, .pageDown, .pageDown)
            _ = Screen.render(state)
            XCTAssertTrue(state.running)
        }
        XCTAssertLessThan(elapsed, 30)
        Fixture.press(&state, .char("q"))
        XCTAssertFalse(state.running, "q still quits")
    }

    /// The query is capped, so each key costs the same however long the typing goes on, and the
    /// search line shows its end (where the typing is), never wider than the screen.
    func testAQueryTypedForeverCostsTheSamePerKey() {
        var state = Fixture.state(100, 30, keys: [.char("/")])
        for _ in 0..<20_000 { Reducer.reduce(&state, .key(.char("x"))) }
        XCTAssertEqual(state.search?.query.count, SearchState.maxQuery)
        var frames = 0
        let elapsed = seconds {
            for c in String(repeating: "budapest ", count: 40) {
                Reducer.reduce(&state, .key(.char(c)))
                _ = Screen.render(state)
                frames += 1
            }
        }
        XCTAssertLessThan(elapsed, 60, "\(frames) keys, each searched and drawn")
        let canvas = Screen.render(state)
        let status = canvas.lines[29]
        XCTAssertTrue(status.contains("/ …"), status)
        XCTAssertLessThanOrEqual(TextWidth.of(status), 100)
    }

    func testManySearchWordsAreBounded() {
        let query = (0..<16_000).map { "word\($0)" }.joined(separator: " ")
        let index = SearchIndex(model: Fixture.model)
        let elapsed = seconds { _ = index.search(query) }
        XCTAssertLessThan(elapsed, 10, "16,000 words (7 s before the query was capped)")
        XCTAssertEqual(index.search("budapest" + String(repeating: " ", count: 10_000)).map(\.id),
                       index.search("budapest").map(\.id), "the capped part is what counts")
    }

    func testAPasteGoesIntoTheSearchLineAndNowhereElse() {
        var state = Fixture.state(100, 30)
        let before = state.timeline.selected
        Reducer.reduce(&state, .paste("jjjjq"))
        XCTAssertTrue(state.running, "a pasted q does not quit")
        XCTAssertEqual(state.timeline.selected, before, "pasted j's do not move")
        Fixture.press(&state, .char("/"))
        Reducer.reduce(&state, .paste("csepel\nq"))
        XCTAssertEqual(state.search?.query, "csepel q")
        Reducer.reduce(&state, .paste(String(repeating: "z", count: 10_000)))
        XCTAssertEqual(state.search?.query.count, SearchState.maxQuery)
    }
}
