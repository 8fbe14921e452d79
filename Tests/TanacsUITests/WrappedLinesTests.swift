import TanacsModel
import XCTest
@testable import TanacsUI

/// Detail pages are wrapped only as far as a key needs; the lines given are always those the whole
/// page wraps into, however they are asked for.
final class WrappedLinesTests: XCTestCase {
    /// Every kind of page of the bundled data.
    private func routes(_ m: Model) -> [Route] {
        var routes: [Route] = m.events.map { .event($0.id) } + m.places.map { .place($0.id) }
            + m.councils.map { .council($0.id) } + m.people.map { .person($0.id) } + m.figures.map { .figure($0.id) }
            + m.sources.map { .source($0.id) } + m.excerpts.prefix(40).map { .excerpt($0.id) }
        routes += IndexKind.allCases.map { .index($0) }
        routes += ["a", "workers council", "budapest", "no such words anywhere"].map { .search($0) }
        return routes
    }

    func testLinesAskedForInAnyOrderAreTheWholePagesLines() {
        let m = Fixture.bundled
        var state = AppState(model: m, width: 120, height: 40)
        var generator = SystemRandomNumberGenerator()
        var checked = 0
        for route in routes(m) {
            state.detail = DetailState(route: route, reader: nil)
            let items = state.detailItems
            for width in [1, 23, 72] {
                let whole = DetailDocument.lines(items, width: width, in: m, glyphs: state.glyphs)
                let lazy = WrappedLines(items: items, width: width, model: m, glyphs: state.glyphs)
                // A few asks in a random order, each checked against the whole page.
                for _ in 0..<4 {
                    switch Int.random(in: 0..<3, using: &generator) {
                    case 0:
                        let item = Int.random(in: 0..<max(1, items.count), using: &generator)
                        let expected = whole.indices.filter { whole[$0].item == item }
                        XCTAssertEqual(lazy.span(of: item).map(Array.init), expected.isEmpty ? nil : expected, "\(route) item \(item)")
                    case 1:
                        let from = Int.random(in: 0...whole.count + 2, using: &generator)
                        let range = from..<(from + Int.random(in: 0...50, using: &generator))
                        XCTAssertEqual(Array(lazy.lines(range)), Array(whole[min(range.lowerBound, whole.count)..<min(range.upperBound, whole.count)]), "\(route) lines \(range)")
                    default:
                        let n = Int.random(in: 0...whole.count + 2, using: &generator)
                        let count = lazy.count(atLeast: n)
                        XCTAssertEqual(min(n, count), min(n, whole.count), "\(route) count at least \(n)")
                        XCTAssertLessThanOrEqual(count, whole.count)
                    }
                }
                XCTAssertEqual(lazy.all, whole, "\(route) at \(width)")
                XCTAssertNil(lazy.span(of: items.count))
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 1_000)
    }

    /// Opening a long page and moving in it wraps the lines up to the selection and the rows on
    /// screen, not the page.
    func testAKeyWrapsWhatItShowsNotTheWholePage() throws {
        let m = Fixture.bundled
        var state = AppState(model: m, width: 120, height: 40)
        Reducer.start(&state, at: "place:budapest", date: nil)
        _ = Screen.render(state)
        let width = state.detailTextWidth, visible = state.visibleRows(.detail)
        let total = DetailDocument.lines(state.detailItems, width: width, in: m, glyphs: state.glyphs).count
        XCTAssertGreaterThan(total, 10 * visible, "the Budapest page is long enough to tell")
        let lazy = state.detailWrapped(width: width)
        // The screen and one more line, and the longest item can overshoot by its own lines.
        let longestItem = 12
        XCTAssertLessThanOrEqual(lazy.wrappedSoFar, visible + 1 + longestItem)
        Fixture.press(&state, .char("3"))
        for _ in 0..<10 { Fixture.press(&state, .char("j")) }
        _ = Screen.render(state)
        let selected = state.detailSelectable[state.detail.cursor.selected]
        let through = try XCTUnwrap(lazy.span(of: selected)).upperBound
        XCTAssertLessThanOrEqual(lazy.wrappedSoFar, max(through, state.detail.cursor.offset + visible) + 1 + longestItem)
        XCTAssertLessThan(lazy.wrappedSoFar, total / 2)
        // The last link wraps the page up to it, and the screen shows the whole page's lines there.
        Fixture.press(&state, .char("G"))
        let canvas = Screen.render(state)
        let whole = DetailDocument.lines(state.detailItems, width: width, in: m, glyphs: state.glyphs)
        let lastLink = try XCTUnwrap(state.detailSelectable.last)
        XCTAssertGreaterThan(lazy.wrappedSoFar, try XCTUnwrap(whole.lastIndex { $0.item == lastLink }))
        let offset = state.detail.cursor.offset
        XCTAssertGreaterThan(offset, 0)
        let rows = canvas.text.split(separator: "\n", omittingEmptySubsequences: false)
        // Found by the window's first line with text in it (a blank line is in every row).
        let k = try XCTUnwrap((offset..<offset + visible).first { !whole[$0].text.isEmpty }) - offset
        let top = try XCTUnwrap(rows.firstIndex { $0.contains(whole[offset + k].text) }) - k
        for (row, line) in whole[offset..<min(whole.count, offset + visible)].enumerated() {
            XCTAssertTrue(rows[top + row].contains(line.text), "row \(row): \(line.text)")
        }
    }

    /// The same keys on two explorers, one wrapping pages lazily and one made to wrap every page
    /// whole before each key, scroll to the same offsets and draw the same screens (the "more" and
    /// "end" marks included), on long pages, search results and the reader, at two sizes.
    func testLazyWrappingScrollsAndDrawsAsTheWholePageDoes() {
        let m = Fixture.bundled
        let walk: [Key] = [.char("3")] + Array(repeating: .char("j"), count: 25) + [.pageDown, .pageDown, .char("G"), .pageUp]
            + Array(repeating: .char("k"), count: 7) + [.char("g"), .ctrl("d"), .ctrl("d"), .end, .home]
        let starts = ["place:budapest", "source:haynes", "source:kosuth", "council:central-workers-council-of-greater-budapest", "person:imre-nagy"]
        for (width, height) in [(120, 40), (80, 24)] {
            for start in starts + ["/a", "/council"] {
                var lazy = AppState(model: m, width: width, height: height)
                var whole = AppState(model: m, width: width, height: height)
                func send(_ msg: Msg) {
                    _ = whole.detailLines(width: whole.detailTextWidth)
                    Reducer.reduce(&lazy, msg)
                    Reducer.reduce(&whole, msg)
                    _ = whole.detailLines(width: whole.detailTextWidth)
                    XCTAssertEqual(lazy.detail.cursor, whole.detail.cursor, "\(start) \(width)×\(height) after \(msg)")
                    XCTAssertEqual(Screen.render(lazy).text, Screen.render(whole).text, "\(start) \(width)×\(height) after \(msg)")
                }
                func press(_ key: Key) { send(.key(key)) }
                if start.hasPrefix("/") {
                    for key in [Key.char("/")] + start.dropFirst().map({ .char($0) }) + [.enter] { press(key) }
                } else {
                    Reducer.start(&lazy, at: start, date: nil)
                    Reducer.start(&whole, at: start, date: nil)
                }
                for key in walk { press(key) }
                // A resize wraps the page anew at another width, deep in it: the view keeps its place.
                for _ in 0..<12 { press(.pageDown) }
                send(.resize(width: width - 25, height: height - 3))
                send(.resize(width: width + 20, height: height))
                send(.resize(width: width, height: height))
                // Reading a quotation in its article, from the page's selection.
                press(.enter)
                for key in [Key.char("j"), .char("j"), .pageDown, .char("G"), .char("q")] { press(key) }
            }
        }
    }
}
