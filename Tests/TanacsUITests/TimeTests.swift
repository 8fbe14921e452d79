import XCTest
import TanacsModel
@testable import TanacsUI

/// The current date: one ◆, the day in view after a step, the go-to line, play, and the map's marks.
final class TimeTests: XCTestCase {
    func state(_ width: Int = 120, _ height: Int = 40) -> AppState {
        var s = AppState(model: Fixture.bundled, width: width, height: height)
        Reducer.start(&s)
        return s
    }

    func type(_ s: inout AppState, _ text: String) { for c in text { Reducer.reduce(&s, .key(.char(c))) } }

    func diamonds(_ s: AppState) -> Int {
        s.timelineRows.filter { if case .day(let d) = $0 { return TimelineView.isCurrent(d, s) } else { return false } }.count
    }

    func testOneDiamondAndTheDayInViewAfterASteps() {
        var s = state()
        XCTAssertEqual(diamonds(s), 1)
        for _ in 0..<12 {
            Reducer.reduce(&s, .key(.char("]")))
            XCTAssertLessThanOrEqual(diamonds(s), 1)
            guard let first = s.firstEventOnDay[s.currentDate] else { continue }
            // The day's heading is the top row, its first event selected just below it.
            let row = s.timelineEventRows[first]
            XCTAssertEqual(s.timeline.selected, first)
            XCTAssertTrue(s.timeline.offset <= row - 1 && row - 1 < s.timeline.offset + s.visibleRows(.timeline))
            if case .day(let d) = s.timelineRows[s.timeline.offset] { XCTAssertEqual(d.start, s.currentDate) }
            else if case .phase = s.timelineRows[s.timeline.offset] {} else { XCTFail("top row is not the day's heading") }
        }
    }

    func testAVagueEventNeverMakesTheMapOrStatusBarInventADay() {
        var s = state()
        XCTAssertTrue(Reducer.open(&s, id: "event:1956-10-gero-replaced-by-kadar"))
        let text = Screen.render(s).text
        XCTAssertEqual(s.currentPeriod?.text, "1956-10-23/..")
        XCTAssertTrue(text.contains("Map from 23 Oct 1956"), "the map shows the period as the sources give it")
        XCTAssertFalse(text.contains("Map Tue 23 Oct 1956"))
        XCTAssertFalse(text.contains("31 Dec 1956"), "no end the sources do not state")
        XCTAssertEqual(diamonds(s), 1, "the period's heading has the ◆")
        // The map of a period with no stated end shows what is known of its first day, not every
        // event and council of the years after it.
        var firstDay = s
        firstDay.currentPeriod = nil
        firstDay.currentDate = Day(year: 1956, month: 10, day: 23)!
        func marks(_ state: AppState) -> [String: MapMark] {
            Dictionary(MapReducer.scene(state).markers.map { ($0.id, $0.mark) }, uniquingKeysWith: { a, _ in a })
        }
        XCTAssertEqual(marks(s), marks(firstDay))
        XCTAssertTrue(s.currentSpan == (Day(year: 1956, month: 10, day: 23)!, Day(year: 1956, month: 10, day: 23)!))
    }

    func testAnEventWithNoStatedEndSitsInThePhaseOfItsStart() {
        let s = state()
        var seen = 0
        for (id, phase) in Fixture.eventsByPhase(s) {
            guard let e = s.model.eventByID[id], e.date.isOpenEnded else { continue }
            seen += 1
            XCTAssertEqual(phase, Phase.of(e.date.start), "\(id) (\(e.date.text)) is told in the phase it starts in")
        }
        XCTAssertGreaterThan(seen, 0)
    }

    func testGoToADayInEveryFormAndBack() {
        for text in ["1956-11-14", "14 nov", "nov 14 1956", "14.11.1956"] {
            var s = state()
            let before = s.location
            Reducer.reduce(&s, .key(.char(":")))
            XCTAssertNotNil(s.goTo)
            type(&s, text)
            XCTAssertTrue(Screen.render(s).text.contains("→ Wed 14 Nov 1956"), "the line previews where Enter goes: \(text)")
            Reducer.reduce(&s, .key(.enter))
            XCTAssertNil(s.goTo)
            XCTAssertEqual(s.currentDate, Day(year: 1956, month: 11, day: 14))
            XCTAssertEqual(s.selectedEvent?.id, "event:1956-11-14-cwc-founded")
            XCTAssertEqual(s.detail.route, .event("event:1956-11-14-cwc-founded"))
            let screen = Screen.render(s).text
            XCTAssertTrue(screen.contains("Map Wed 14 Nov 1956"))
            XCTAssertTrue(screen.contains("Wed 14 Nov 1956 ◆"))
            // The councils index follows the date.
            Reducer.reduce(&s, .key(.char("c")))
            XCTAssertTrue(s.detailItems.contains { if case .field("At work that day", _) = $0 { return true } else { return false } })
            Reducer.reduce(&s, .key(.backspace))
            Reducer.reduce(&s, .key(.backspace))
            XCTAssertEqual(s.location, before, "Back returns to where the go-to started")
            XCTAssertEqual(s.currentDate, AppState.openingDay)
        }
    }

    func testGoToARecordByNameAccentInsensitiveWithCompletion() {
        var s = state()
        Reducer.reduce(&s, .key(.char(":")))
        type(&s, "gyor nat")
        XCTAssertEqual(GoToLine.completion(s.goTo!.query, s)?.id, "council:gyor-national-council")
        Reducer.reduce(&s, .key(.tab))
        XCTAssertEqual(s.goTo?.query, "Győr National Council", "Tab completes the name")
        Reducer.reduce(&s, .key(.enter))
        XCTAssertEqual(s.detail.route, .council("council:gyor-national-council"))
        Reducer.reduce(&s, .key(.backspace))
        XCTAssertNotEqual(s.detail.route, .council("council:gyor-national-council"))
        // An id works too.
        Reducer.reduce(&s, .key(.char(":")))
        type(&s, "place:szeged")
        Reducer.reduce(&s, .key(.enter))
        XCTAssertEqual(s.detail.route, .place("place:szeged"))
        // After other text q is a letter; on the empty line it closes the line (issue 14), never quits.
        Reducer.reduce(&s, .key(.char(":")))
        type(&s, "iq")
        XCTAssertTrue(s.running)
        XCTAssertEqual(s.goTo?.query, "iq")
        Reducer.reduce(&s, .key(.escape))
        XCTAssertNil(s.goTo)
        Reducer.reduce(&s, .key(.char(":")))
        type(&s, "q")
        XCTAssertTrue(s.running)
        XCTAssertNil(s.goTo)
    }

    func testGoToSaysClearlyWhatItCannotTake() {
        var s = state()
        let before = s.location
        for text in ["31 nov", "nov 1956", "xyzzy"] {
            Reducer.reduce(&s, .key(.char(":")))
            type(&s, text)
            Reducer.reduce(&s, .key(.enter))
            XCTAssertEqual(s.location, before, text)
            XCTAssertNotNil(s.notice, text)
        }
        Reducer.reduce(&s, .key(.char(":")))
        type(&s, "31 nov")
        Reducer.reduce(&s, .key(.enter))
        XCTAssertEqual(s.notice, "There is no such day as “31 nov”")
    }

    func testADayCoveredOnlyByVagueEventsOpensThere() {
        var s = AppState(model: Fixture.bundled, width: 120, height: 40)
        Reducer.start(&s, date: Day(year: 1957, month: 3, day: 1)!)
        XCTAssertEqual(s.currentDate, Day(year: 1957, month: 3, day: 1))
        let event = s.selectedEvent!
        XCTAssertTrue(event.date.contains(Day(year: 1957, month: 3, day: 1)!), "\(event.id) covers the day")
        XCTAssertEqual(event.date.start.year, 1957, "the shortest vague date covering it, not a later year")
    }

    func testPlayStepsTheDayAndAnyKeyPauses() {
        var s = state()
        Reducer.reduce(&s, .tick)
        XCTAssertEqual(s.currentDate, AppState.openingDay, "ticks do nothing unless playing")
        Reducer.reduce(&s, .key(.char("P")))
        XCTAssertTrue(s.playing)
        Reducer.reduce(&s, .tick)
        Reducer.reduce(&s, .tick)
        XCTAssertEqual(s.currentDate, Day(year: 1956, month: 10, day: 25))
        XCTAssertEqual(s.selectedEvent?.date.start, Day(year: 1956, month: 10, day: 25), "the timeline follows")
        Reducer.reduce(&s, .key(.char("j")))
        XCTAssertFalse(s.playing, "any key pauses")
        XCTAssertEqual(s.selectedEvent?.date.start, Day(year: 1956, month: 10, day: 25), "and does nothing else")
        Reducer.reduce(&s, .tick)
        XCTAssertEqual(s.currentDate, Day(year: 1956, month: 10, day: 25))
        // Played to the end, it stops by itself.
        Reducer.reduce(&s, .key(.char("P")))
        var ticks = 0
        while s.playing && ticks < 5000 { Reducer.reduce(&s, .tick); ticks += 1 }
        XCTAssertFalse(s.playing)
        XCTAssertLessThan(ticks, 5000)
    }

    func testBothMarksShowInEveryDrawingMode() {
        var s = state()
        Reducer.go(&s, to: Day(year: 1956, month: 11, day: 14)!)
        let budapest = MapReducer.scene(s).markers.first { $0.id == "place:budapest" }
        XCTAssertEqual(budapest?.mark, .eventAndCouncil)
        for (drawing, glyphs, both) in [(MapDrawing.braille, Glyphs.unicode, "✱■"), (.halfBlocks, .unicode, "✱■"), (.ascii, .ascii, "*#")] {
            var t = s
            t.glyphs = glyphs
            t.map.drawing = drawing
            let text = Screen.render(t).text
            XCTAssertTrue(text.contains(both + "Budapest") || text.contains(both + " Budapest") || text.contains(both), "\(drawing): \(both) drawn")
            XCTAssertTrue(text.contains("\(both) event + council at work"), "\(drawing): the legend explains \(both)")
        }
    }
}
