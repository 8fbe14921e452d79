import XCTest
import TanacsModel
@testable import TanacsUI

final class ReducerTests: XCTestCase {
    func testTimelineMovesAndClamps() {
        var s = Fixture.state(120, 40)
        XCTAssertEqual(s.detail.route, .event("event:1953-nagy-replaces-rakosi"), "detail follows the first event")
        Reducer.reduce(&s, .key(.char("j")))
        Reducer.reduce(&s, .key(.down))
        XCTAssertEqual(s.timeline.selected, 2)
        XCTAssertEqual(s.detail.route, .event("event:1956-10-23-stalin-statue"))
        Reducer.reduce(&s, .key(.char("k")))
        XCTAssertEqual(s.timeline.selected, 1)
        Reducer.reduce(&s, .key(.char("G")))
        XCTAssertEqual(s.timeline.selected, 12)
        Reducer.reduce(&s, .key(.down))
        XCTAssertEqual(s.timeline.selected, 12, "stays on the last event")
        Reducer.reduce(&s, .key(.home))
        XCTAssertEqual(s.timeline.selected, 0)
        Reducer.reduce(&s, .key(.up))
        XCTAssertEqual(s.timeline.selected, 0)
        Reducer.reduce(&s, .key(.pageDown))
        XCTAssertGreaterThan(s.timeline.selected, 5)
    }

    func testTabCyclesFocusAndShiftTabGoesBack() {
        var s = Fixture.state(120, 40)
        XCTAssertEqual(s.focus, .timeline)
        Reducer.reduce(&s, .key(.tab))
        XCTAssertEqual(s.focus, .map)
        XCTAssertEqual(s.detail.route, .place("place:budapest"), "detail follows the map once it is used")
        Reducer.reduce(&s, .key(.tab))
        XCTAssertEqual(s.focus, .detail)
        Reducer.reduce(&s, .key(.tab))
        XCTAssertEqual(s.focus, .timeline)
        Reducer.reduce(&s, .key(.backTab))
        XCTAssertEqual(s.focus, .detail)
        Reducer.reduce(&s, .key(.char("2")))
        XCTAssertEqual(s.focus, .map)
    }

    func testEnterOpensAndFollowsLinksAndBackspaceReturns() {
        var s = Fixture.state(120, 40, keys: [.char("2")])
        // The map starts on Budapest; Győr is the nearest town to its west.
        XCTAssertEqual(s.selectedTown?.name, "Budapest")
        Reducer.reduce(&s, .key(.char("h")))
        XCTAssertEqual(s.selectedTown?.name, "Győr")
        Reducer.reduce(&s, .key(.enter))
        XCTAssertEqual(s.focus, .detail)
        XCTAssertEqual(s.detail.route, .place("place:gyor"))
        // The first selectable item of Győr's page is its population citation; the councils come next.
        let items = DetailDocument.items(for: s.detail.route, in: s.model)
        let links = DetailDocument.selectable(items).map { items[$0].target }
        let council = try! XCTUnwrap(links.firstIndex(of: .council("council:gyor-national-council")))
        Reducer.reduce(&s, .key(.ctrl("n")))
        for _ in 1..<council { Reducer.reduce(&s, .key(.char("j"))) }
        XCTAssertEqual(s.detail.cursor.selected, council)
        Reducer.reduce(&s, .key(.enter))
        XCTAssertEqual(s.detail.route, .council("council:gyor-national-council"))
        XCTAssertEqual(s.detail.back.count, 1)
        Reducer.reduce(&s, .key(.backspace))
        XCTAssertEqual(s.detail.route, .place("place:gyor"))
        XCTAssertEqual(s.detail.cursor.selected, council, "back restores the selection")
        Reducer.reduce(&s, .key(.escape))
        XCTAssertEqual(s.focus, .map, "Esc with nothing to go back to returns to the list")
    }

    func testCitationOpensExcerptWithCitedBy() throws {
        // The first event's last selectable item is its citation.
        let s = Fixture.state(120, 40, keys: [.char("3"), .char("G"), .enter])
        guard case .excerpt(let id) = s.detail.route else { return XCTFail("expected an excerpt, got \(String(describing: s.detail.route))") }
        let items = DetailDocument.items(for: s.detail.route, in: s.model)
        XCTAssertTrue(items.contains(.link(label: "Nagy replaces Rákosi", note: "Event", target: .event("event:1953-nagy-replaces-rakosi"))))
        XCTAssertEqual(s.model.excerptByID[id]?.source, "source:haynes")
    }

    func testHelpToggleAndQuit() {
        var s = Fixture.state(80, 24)
        Reducer.reduce(&s, .key(.char("?")))
        XCTAssertTrue(s.showHelp)
        Reducer.reduce(&s, .key(.char("j")))
        XCTAssertEqual(s.timeline.selected, 0, "keys scroll the help, not the list underneath")
        XCTAssertEqual(s.helpScroll, 1)
        Reducer.reduce(&s, .key(.escape))
        XCTAssertFalse(s.showHelp)
        XCTAssertTrue(s.running)
        Reducer.reduce(&s, .key(.char("q")))
        XCTAssertFalse(s.running)
        var t = Fixture.state(80, 24)
        Reducer.reduce(&t, .key(.ctrl("c")))
        XCTAssertFalse(t.running)
    }

    func testResizeKeepsSelectionVisible() {
        var s = Fixture.state(120, 40, keys: [.char("G")])
        Reducer.reduce(&s, .resize(width: 60, height: 12))
        XCTAssertEqual(s.timeline.selected, 12)
        let row = TimelineRow.row(ofEvent: 12, in: s.timelineRows)
        XCTAssertTrue((s.timeline.offset..<(s.timeline.offset + s.visibleRows(.timeline))).contains(row))
        XCTAssertTrue(Screen.render(s).text.contains("Csepel workers met with tanks"))
        Reducer.reduce(&s, .resize(width: 120, height: 40))
        XCTAssertEqual(s.timeline.offset, 0, "everything fits again")
    }

    func testMouseClickSelectsThenOpens() {
        var s = Fixture.state(120, 40)
        // Row 1 is the 1953 heading, row 2 its event, row 3 the 23 Oct heading, row 4 its first event.
        Reducer.reduce(&s, .click(x: 5, y: 4))
        XCTAssertEqual(s.timeline.selected, 1)
        XCTAssertEqual(s.focus, .timeline)
        Reducer.reduce(&s, .click(x: 5, y: 4))
        XCTAssertEqual(s.focus, .detail, "a second click opens")
        Reducer.reduce(&s, .scroll(x: 5, y: 10, lines: 3))
        XCTAssertEqual(s.focus, .timeline)
        XCTAssertEqual(s.timeline.selected, 4)
    }

    func testNarrowLayoutsSwitchPanes() {
        var s = Fixture.state(100, 30)
        XCTAssertEqual(s.layout.panes.map(\.pane), [.timeline, .detail])
        Reducer.reduce(&s, .key(.tab))
        XCTAssertEqual(s.layout.panes.map(\.pane), [.map, .detail])
        var n = Fixture.state(60, 20)
        XCTAssertEqual(n.layout.panes.map(\.pane), [.timeline])
        XCTAssertNotNil(n.layout.tabBar)
        Reducer.reduce(&n, .key(.enter))
        XCTAssertEqual(n.layout.panes.map(\.pane), [.detail])
        XCTAssertTrue(Fixture.state(39, 20).layout.tooSmall)
        XCTAssertTrue(Fixture.state(80, 9).layout.tooSmall)
    }
}
