import XCTest
import TanacsModel
@testable import TanacsUI

/// One selection across the three panes: however a record is opened, the timeline and the map move to
/// it; changing focus never replaces the page; whatever replaces it can be gone back to.
final class LinkedPanesTests: XCTestCase {
    private func search(_ s: inout AppState, _ query: String, pick target: Route) {
        Fixture.press(&s, .char("/"))
        Fixture.type(&s, query)
        let items = s.detailItems
        guard let n = DetailDocument.selectable(items).firstIndex(where: { items[$0].target == target }) else {
            return XCTFail("/\(query) does not find \(target)")
        }
        for _ in 0..<n { Fixture.press(&s, .down) }
        Fixture.press(&s, .enter)
    }

    func testSearchForATownSelectsItOnTheMap() {
        var s = Fixture.state(120, 40)
        XCTAssertNotEqual(s.selectedTown?.id, "place:gyor")
        search(&s, "gyor", pick: .place("place:gyor"))
        XCTAssertEqual(s.detail.route, .place("place:gyor"))
        XCTAssertEqual(s.selectedTown?.id, "place:gyor", "the map shows what search opened")
        XCTAssertEqual(MapReducer.scene(s).selectedID, "place:gyor")
    }

    func testSearchForAnEventSelectsItsRowDayAndPlace() {
        var s = Fixture.state(120, 40)
        search(&s, "miskolc radio", pick: .event("event:1956-10-25-miskolc-broadcast"))
        XCTAssertEqual(s.selectedEvent?.id, "event:1956-10-25-miskolc-broadcast", "the timeline selects the event")
        XCTAssertEqual(s.currentDate.description, "1956-10-25", "the day is the event's")
        XCTAssertEqual(s.selectedTown?.id, "place:miskolc", "the map selects its place")
        XCTAssertTrue(MapReducer.scene(s).linkedIDs.contains("place:miskolc"), "and lights it")
    }

    /// An event the timeline's filter hides cannot be selected there: the notice says so and how to clear it.
    func testAnEventHiddenByTheFilterSaysSo() {
        var s = Fixture.state(120, 40)
        s.setFilter(TimelineFilter(kinds: [.council]))
        XCTAssertNotEqual(s.model.eventByID["event:1956-10-25-miskolc-broadcast"]?.kind, .council)
        search(&s, "miskolc radio", pick: .event("event:1956-10-25-miskolc-broadcast"))
        XCTAssertEqual(s.detail.route, .event("event:1956-10-25-miskolc-broadcast"))
        XCTAssertEqual(s.notice, "The timeline's filter hides this event: X clears the filter")
        XCTAssertEqual(s.selectedTown?.id, "place:miskolc", "the map still moves")
        Fixture.press(&s, .char("1"), .char("X"))
        Fixture.press(&s, .char("3"))
        var again = s
        search(&again, "miskolc radio", pick: .event("event:1956-10-25-miskolc-broadcast"))
        XCTAssertEqual(again.selectedEvent?.id, "event:1956-10-25-miskolc-broadcast", "unfiltered, the row is selected")
        XCTAssertNil(again.notice)
    }

    func testIndexLinkToACouncilSelectsItsSeat() {
        var s = Fixture.state(120, 40)
        Fixture.press(&s, .char("c"))
        XCTAssertTrue(Fixture.select(&s, .council("council:gyor-national-council")))
        Fixture.press(&s, .enter)
        XCTAssertEqual(s.detail.route, .council("council:gyor-national-council"))
        XCTAssertEqual(s.selectedTown?.id, "place:gyor", "a council selects its seat")
    }

    func testLinkFromAnEventToATownAndToAPerson() {
        var s = Fixture.state(120, 40)
        Fixture.press(&s, .char("j"))  // the 23 October demonstration in Budapest
        search(&s, "gyor forms", pick: .event("event:1956-10-26-gyor-committee"))
        XCTAssertEqual(s.selectedEvent?.id, "event:1956-10-26-gyor-committee")
        XCTAssertTrue(Fixture.select(&s, .place("place:gyor")))
        Fixture.press(&s, .enter)
        XCTAssertEqual(s.selectedTown?.id, "place:gyor")
        // A person lights their towns on the map and selects the first of them.
        Fixture.press(&s, .char("p"))
        XCTAssertTrue(Fixture.select(&s, .person("person:sandor-racz")))
        Fixture.press(&s, .enter)
        let linked = MapReducer.scene(s).linkedIDs
        XCTAssertFalse(linked.isEmpty, "a person's towns light up")
        XCTAssertTrue(linked.contains(s.selectedTown!.id) || linked.contains(MapReducer.scene(s).selectedID!))
    }

    /// Jumping to an event out of view shows it under its day's heading, however it was opened.
    func testAJumpShowsTheEventUnderItsDaysHeading() {
        let id = "event:1956-10-30-csepel-central-council"
        func check(_ s: AppState, _ how: String) {
            XCTAssertEqual(s.selectedEvent?.id, id, how)
            let visible = s.timelineRows[s.timeline.offset..<min(s.timelineRows.count, s.timeline.offset + s.visibleRows(.timeline))]
            XCTAssertTrue(visible.contains(.event(id)), "\(how): the event is in view")
            let day = s.model.eventByID[id]!.date.start
            XCTAssertTrue(visible.contains { if case .day(let d) = $0 { return d.start == day } else { return false } }, "\(how): and its day's heading")
        }
        var deep = AppState(model: MapTests.bundled, width: 80, height: 24)
        Reducer.start(&deep, at: id)
        check(deep, "--at")
        var searched = AppState(model: MapTests.bundled, width: 80, height: 24)
        Reducer.start(&searched)
        search(&searched, "csepel founded", pick: .event(id))
        check(searched, "search")
    }

    func testDeepLinksSyncThePanes() {
        var s = Fixture.state(120, 40)
        Reducer.start(&s, at: "place:gyor")
        XCTAssertEqual(s.selectedTown?.id, "place:gyor")
        XCTAssertEqual(s.focus, .detail)
        var e = Fixture.state(120, 40)
        Reducer.start(&e, at: "event:1956-10-26-miskolc-shooting")
        XCTAssertEqual(e.selectedEvent?.id, "event:1956-10-26-miskolc-shooting")
        XCTAssertEqual(e.selectedTown?.id, "place:miskolc")
        XCTAssertEqual(e.currentDate.description, "1956-10-26")
        var c = Fixture.state(120, 40)
        XCTAssertTrue(Reducer.open(&c, id: "council:ujpest-revolutionary-council"))
        XCTAssertEqual(c.selectedTown?.id, "place:ujpest")
    }

    /// A place the map draws no mark for (a region) selects the drawn town it lies in.
    func testAPlaceWithoutAMarkSelectsTheTownItIsIn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tanacs-region-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Fixture.repo.appendingPathComponent("Tests/Fixtures/sample"), to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("places.json")
        var places = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
        var region = places[1]
        region["id"] = "place:north-pest"
        region["name"] = "North Pest"
        region["names"] = [String]()
        region["kind"] = "region"
        region["parent"] = "place:ujpest"
        places.append(region)
        try JSONSerialization.data(withJSONObject: places).write(to: url)
        var s = AppState(model: try DataLoader.load(from: folder), width: 120, height: 40)
        XCTAssertFalse(s.townIDs.contains("place:north-pest"), "a region has no mark")
        XCTAssertNotEqual(s.selectedTown?.id, "place:ujpest")
        XCTAssertTrue(Reducer.open(&s, id: "place:north-pest"))
        XCTAssertEqual(s.detail.route, .place("place:north-pest"))
        XCTAssertEqual(s.selectedTown?.id, "place:ujpest", "the map selects the drawn place it is in")
    }

    func testFocusChangesNeverReplaceThePage() {
        var s = Fixture.state(120, 40, keys: [.char("j")])
        let page = s.detail.route
        for key: Key in [.tab, .tab, .tab, .backTab, .char("1"), .char("2"), .char("3"), .char("1")] {
            Fixture.press(&s, key)
            XCTAssertEqual(s.detail.route, page, "after \(key)")
        }
        // A click on the map's border focuses it without selecting anything.
        let map = s.layout.rect(of: .map)!
        Reducer.reduce(&s, .click(x: map.x, y: map.y))
        XCTAssertEqual(s.focus, .map)
        XCTAssertEqual(s.detail.route, page)
        // At 80 columns the list pane switches under the detail pane, which keeps its page.
        var n = Fixture.state(80, 24, keys: [.char("j")])
        let shown = n.detail.route
        Fixture.press(&n, .tab)
        XCTAssertEqual(n.layout.panes.map(\.pane), [.map, .detail])
        XCTAssertEqual(n.detail.route, shown)
    }

    func testWhateverReplacesAnOpenedPageGoesIntoHistory() {
        var s = Fixture.state(120, 40)
        Fixture.press(&s, .char("c"))  // an index, opened on purpose
        Fixture.press(&s, .char("1"), .char("j"))  // moving in the timeline replaces it
        XCTAssertEqual(s.detail.route, .event("event:1956-10-23-demonstration"))
        Fixture.press(&s, .char("j"))  // a followed page is replaced without a history entry
        Fixture.press(&s, .backspace)
        XCTAssertEqual(s.detail.route, .index(.councils), "Back restores the page the timeline replaced")
        Fixture.press(&s, .char("2"), .char("h"))  // and so does moving on the map
        XCTAssertEqual(s.detail.route, .place("place:gyor"))
        Fixture.press(&s, .backspace)
        XCTAssertEqual(s.detail.route, .index(.councils))
    }

    func testMaximiseAndRestoreTheFocusedPane() {
        var s = Fixture.state(120, 40, keys: [.char("2")])
        Fixture.press(&s, .char("z"))
        XCTAssertEqual(s.layout.panes.map(\.pane), [.map])
        XCTAssertEqual(s.layout.panes[0].rect.width, 120)
        Fixture.press(&s, .char("z"))
        XCTAssertEqual(s.layout.panes.count, 3)
        Fixture.press(&s, .char("z"), .escape)
        XCTAssertEqual(s.layout.panes.count, 3, "Esc restores too")
    }
}
