import XCTest
import TanacsModel
@testable import TanacsUI

final class ReducerTests: XCTestCase {
    func testTimelineMovesAndClamps() {
        var s = Fixture.state(120, 40)
        XCTAssertEqual(s.detail.route, .event("event:1953-nagy-replaces-rakosi"), "detail follows the first event")
        Fixture.press(&s, .char("j"), .down)
        XCTAssertEqual(s.timeline.selected, 2)
        XCTAssertEqual(s.detail.route, .event("event:1956-10-23-stalin-statue"))
        XCTAssertEqual(s.currentDate.description, "1956-10-23", "the selected event's date is the current date")
        Fixture.press(&s, .char("k"))
        XCTAssertEqual(s.timeline.selected, 1)
        Fixture.press(&s, .char("G"))
        XCTAssertEqual(s.timeline.selected, 12)
        Fixture.press(&s, .down)
        XCTAssertEqual(s.timeline.selected, 12, "stays on the last event")
        Fixture.press(&s, .home)
        XCTAssertEqual(s.timeline.selected, 0)
        Fixture.press(&s, .up, .ctrl("n"), .ctrl("p"))
        XCTAssertEqual(s.timeline.selected, 0)
        Fixture.press(&s, .pageDown)
        XCTAssertGreaterThan(s.timeline.selected, 5)
        Fixture.press(&s, .pageUp)
        XCTAssertEqual(s.timeline.selected, 0)
        Fixture.press(&s, .end, .char("g"))
        XCTAssertEqual(s.timeline.selected, 0)
    }

    func testTimelineMarksPhasesAndApproximateDates() {
        var s = AppState(model: Fixture.bundled, width: 120, height: 40)
        Reducer.start(&s)
        let phases = s.timelineRows.compactMap { row -> Phase? in if case .phase(let p, false) = row { return p } else { return nil } }
        XCTAssertEqual(phases, Phase.allCases, "each phase is introduced once, in order")
        let text = Screen.render(s).text
        XCTAssertTrue(text.contains("23–28 October: the uprising"))
        let headings = s.timelineRows.compactMap { row -> String? in if case .day(let d) = row { return d.heading } else { return nil } }
        XCTAssertTrue(headings.contains("1953, month not stated"), "a year-only date says so")
        XCTAssertTrue(headings.contains("Jun 1956, day not stated"))
    }

    func testNoEventIsShownInsideAPhaseItsDateLeaves() {
        let s = AppState(model: Fixture.bundled, width: 120, height: 40)
        for (id, phase) in Fixture.eventsByPhase(s) {
            let date = s.model.eventByID[id]!.date
            if let phase {
                // A date whose end no source states sits where its start does.
                XCTAssertTrue(phase.days.first <= date.start && date.statedEnd <= phase.days.last, "\(id) (\(date.text)) under \(phase.title)")
            } else {
                XCTAssertNil(Phase.containing(date), "\(id) is under an across-phases heading but fits a phase")
            }
        }
        // "Nov 1956"-style groups come after the dated days they cover; one with no stated end
        // comes where it starts, before the next day.
        let rows = s.timelineRows
        func row(_ id: String) -> Int { rows.firstIndex(of: .event(id))! }
        let november = row("event:1956-11-general-strike-output-collapse")
        for e in s.model.events where e.date.isSingleDay && e.date.start.year == 1956 && e.date.start.month == 11 {
            XCTAssertLessThan(row(e.id), november, "\(e.id) is a November day")
        }
        XCTAssertGreaterThan(row("event:1956-10-gero-replaced-by-kadar"), row("event:1956-10-23-radio-building"))
        XCTAssertLessThan(row("event:1956-10-gero-replaced-by-kadar"), row("event:1956-10-24-martial-law"))
    }

    func testTabCyclesFocusAndShiftTabGoesBack() {
        var s = Fixture.state(120, 40)
        Fixture.press(&s, .tab)
        XCTAssertEqual(s.focus, .map)
        XCTAssertEqual(s.detail.route, .event("event:1953-nagy-replaces-rakosi"), "changing focus keeps the page")
        Fixture.press(&s, .tab)
        XCTAssertEqual(s.focus, .detail)
        Fixture.press(&s, .tab)
        XCTAssertEqual(s.focus, .timeline)
        Fixture.press(&s, .backTab)
        XCTAssertEqual(s.focus, .detail)
        Fixture.press(&s, .char("2"))
        XCTAssertEqual(s.focus, .map)
        Fixture.press(&s, .char("1"))
        XCTAssertEqual(s.focus, .timeline)
        Fixture.press(&s, .char("3"), .escape)
        XCTAssertEqual(s.focus, .timeline, "Esc with no history leaves the detail pane for the list")
        Fixture.press(&s, .char("3"), .char("h"))
        XCTAssertEqual(s.focus, .timeline)
    }

    func testLinksBothWaysWithHistory() throws {
        // Town → council → leader → back, back; forward again.
        // The map starts on Budapest; Győr is the nearest town to its west.
        var s = Fixture.state(120, 40, keys: [.char("2"), .char("h")])
        XCTAssertEqual(s.selectedTown?.name, "Győr")
        Fixture.press(&s, .enter)
        XCTAssertEqual(s.focus, .detail)
        XCTAssertEqual(s.detail.route, .place("place:gyor"))
        XCTAssertTrue(Fixture.select(&s, .council("council:gyor-national-council")))
        let selectedOnGyor = s.detail.cursor
        Fixture.press(&s, .enter)
        XCTAssertEqual(s.detail.route, .council("council:gyor-national-council"))
        XCTAssertTrue(Fixture.select(&s, .council("council:transdanubian-national-council")))
        Fixture.press(&s, .char("l"))
        XCTAssertEqual(s.detail.route, .council("council:transdanubian-national-council"))
        XCTAssertTrue(Fixture.select(&s, .council("council:gyor-national-council")), "links go both ways: delegates from Győr")
        Fixture.press(&s, .backspace)
        XCTAssertEqual(s.detail.route, .council("council:gyor-national-council"))
        Fixture.press(&s, .ctrl("o"))
        XCTAssertEqual(s.detail.route, .place("place:gyor"))
        XCTAssertEqual(s.detail.cursor, selectedOnGyor, "back restores the selection and scroll")
        Fixture.press(&s, .char("L"))
        XCTAssertEqual(s.detail.route, .council("council:gyor-national-council"))
        Fixture.press(&s, .char("H"), .char("H"))
        XCTAssertEqual(s.detail.route, .place("place:gyor"), "back reaches the town we started from")
        XCTAssertEqual(s.selectedTown?.name, "Győr")
        Fixture.press(&s, .char("H"))
        XCTAssertEqual(s.notice, "Nothing to go back to")
    }

    /// Each sentence carries the marks of its quotations; Enter on it reads those quotations only,
    /// and the reader says which sentences the quotation supports.
    func testASentenceLeadsToTheQuotationsBehindIt() throws {
        var s = Fixture.state(120, 40, keys: [.char("j")])
        let page = Screen.render(s).text
        XCTAssertTrue(page.contains("Students call a demonstration in Budapest in solidarity with Poland.¹"), page)
        // In double marks, or single ones round a quotation that holds the source's own double marks.
        XCTAssertTrue(page.contains("¹ “") || page.contains("¹ ‘“"), "the numbered quotation the mark points at")
        XCTAssertTrue(page.contains("² “"), "the record's other quotation is numbered too")
        XCTAssertTrue(Fixture.selectStatement(&s, startingWith: "Students call"))
        Fixture.press(&s, .enter)
        XCTAssertEqual(s.detail.route, .excerpt("excerpt:kosuth-p40-1"))
        XCTAssertEqual(s.detail.reader?.excerpts, ["excerpt:kosuth-p40-1"], "only the sentence's own quotations")
        XCTAssertEqual(s.detail.reader?.statement, "Students call a demonstration in Budapest in solidarity with Poland.")
        let reader = Screen.render(s).text
        XCTAssertTrue(reader.contains("Quotation 1 of 1 behind a sentence of Students march in solidarity with Poland"), reader)
        XCTAssertTrue(reader.contains("Supports"))
        XCTAssertTrue(reader.contains("• Students call a demonstration in Budapest in solidarity with Poland."))
        XCTAssertTrue(reader.contains("• The revolution begins."), "every sentence of the record this quotation backs")
        Fixture.press(&s, .char(">"))
        XCTAssertEqual(s.notice, "Last excerpt of this record")
        Fixture.press(&s, .backspace)
        XCTAssertEqual(s.detail.route, .event("event:1956-10-23-demonstration"))
    }

    func testMarksFallBackToASCII() {
        var s = AppState(model: Fixture.model, width: 120, height: 40, glyphs: .ascii)
        Fixture.press(&s, .char("j"))
        let page = Screen.render(s).text
        XCTAssertTrue(page.contains("in solidarity with Poland.[1]"), page)
        XCTAssertTrue(page.contains("[2] \""))
        XCTAssertEqual(Glyphs.unicode.marks([1, 12]), "¹,¹²")
        XCTAssertEqual(Glyphs.ascii.marks([1, 12]), "[1,12]")
        XCTAssertEqual(Glyphs.unicode.marks([]), "")
    }

    func testReaderOpensFullWidthAndStepsThroughARecordsExcerpts() throws {
        var s = Fixture.state(120, 40, keys: [.char("j")])  // the 23 October demonstration, cited twice
        let citations = s.model.eventByID["event:1956-10-23-demonstration"]!.citations
        XCTAssertEqual(citations.count, 2)
        XCTAssertTrue(Fixture.select(&s, .excerpt(citations[0])))
        Fixture.press(&s, .enter)
        XCTAssertEqual(s.detail.route, .excerpt(citations[0]))
        XCTAssertEqual(s.layout.panes.map(\.pane), [.detail])
        XCTAssertEqual(s.layout.panes[0].rect.width, 120, "the reader is full width")
        let text = Screen.render(s).text
        XCTAssertTrue(text.contains("Excerpt 1 of 2 cited by Students march in solidarity with Poland"))
        XCTAssertTrue(text.contains("Dennis Kosuth"))
        XCTAssertTrue(text.contains("Cited by"))
        Fixture.press(&s, .char(">"))
        XCTAssertEqual(s.detail.route, .excerpt(citations[1]))
        Fixture.press(&s, .char(">"))
        XCTAssertEqual(s.notice, "Last excerpt of this record")
        Fixture.press(&s, .char("<"))
        XCTAssertEqual(s.detail.route, .excerpt(citations[0]))
        Fixture.press(&s, .backspace)
        XCTAssertEqual(s.detail.route, .event("event:1956-10-23-demonstration"))
    }

    func testIndexesShowWhatExistedOnTheCurrentDate() {
        var s = Fixture.state(120, 40)
        Fixture.press(&s, .char("c"))
        XCTAssertEqual(s.detail.route, .index(.councils))
        XCTAssertEqual(s.focus, .detail)
        func existing() -> String? {
            s.detailItems.compactMap { item -> String? in
                if case .field("At work that day", let value) = item { return value }
                return nil
            }.first
        }
        // Jump the date to 13 November, then step over the 14th when the central council formed.
        Fixture.press(&s, .char("1"), .char("G"), .char("k"), .char("k"))
        XCTAssertEqual(s.currentDate.description, "1956-11-12")
        Fixture.press(&s, .char("c"))
        XCTAssertEqual(existing(), "1 of 4", "only Győr's committee is at work on 12 Nov")
        Fixture.press(&s, .char("]"), .char("]"))
        XCTAssertEqual(s.currentDate.description, "1956-11-14")
        XCTAssertEqual(s.detail.route, .index(.councils), "stepping the date keeps the page")
        XCTAssertEqual(existing(), "2 of 4")
        Fixture.press(&s, .char("["))
        XCTAssertEqual(s.currentDate.description, "1956-11-13")
        for (key, kind) in [("t", IndexKind.towns), ("p", .people), ("e", .events), ("F", .figures)] {
            Fixture.press(&s, .char(Character(key)))
            XCTAssertEqual(s.detail.route, .index(kind))
        }
    }

    func testDateStepSelectsThatDaysFirstEvent() {
        var s = Fixture.state(120, 40, keys: [.char("j")])  // 23 Oct
        Fixture.press(&s, .char("]"))
        XCTAssertEqual(s.currentDate.description, "1956-10-24")
        XCTAssertEqual(s.selectedEvent?.id, "event:1956-10-24-gyor-demonstration")
        Fixture.press(&s, .char("]"), .char("]"), .char("]"), .char("]"))
        XCTAssertEqual(s.currentDate.description, "1956-10-28")
        XCTAssertEqual(s.selectedEvent?.id, "event:1956-10-27-miskolc-council-rule", "no event that day: selection stays")
    }

    func testSearchIsIncrementalRankedAndJumps() {
        var s = Fixture.state(120, 40)
        Fixture.press(&s, .char("/"))
        XCTAssertNotNil(s.search)
        Fixture.type(&s, "gyo")
        XCTAssertEqual(s.detail.route, .search("gyo"))
        Fixture.type(&s, "r")
        let first = s.detailItems.first { $0.target != nil }
        XCTAssertEqual(first?.target, .place("place:gyor"), "gyor finds Győr first")
        Fixture.press(&s, .enter)
        XCTAssertNil(s.search)
        XCTAssertEqual(s.detail.route, .place("place:gyor"))
        XCTAssertEqual(s.lastQuery, "gyor")
        Fixture.press(&s, .backspace)
        XCTAssertEqual(s.focus, .timeline, "back returns to where the search began")

        Fixture.press(&s, .char("/"))
        Fixture.type(&s, "racz")
        XCTAssertEqual(s.detailItems.first { $0.target != nil }?.target, .person("person:sandor-racz"), "racz finds Rácz")
        Fixture.press(&s, .backspace)
        XCTAssertEqual(s.search?.query, "rac")
        Fixture.press(&s, .escape)
        XCTAssertNil(s.search)
        XCTAssertEqual(s.focus, .timeline, "Esc cancels")
        XCTAssertEqual(s.detail.route, .event("event:1953-nagy-replaces-rakosi"))
    }

    func testSearchLineHistoryWithUpAndDown() {
        var s = Fixture.state(120, 40)
        for query in ["gyor", "racz", "miskolc"] {
            Fixture.press(&s, .char("/"))
            Fixture.type(&s, query)
            Fixture.press(&s, query == "racz" ? .escape : .enter)
            Fixture.press(&s, .char("1"))
        }
        XCTAssertEqual(s.searchHistory, ["gyor", "racz", "miskolc"], "searched and cancelled queries both kept, oldest first")
        Fixture.press(&s, .char("/"), .up)
        XCTAssertEqual(s.search?.query, "miskolc")
        XCTAssertEqual(s.detail.route, .search("miskolc"), "a recalled query shows its results")
        Fixture.press(&s, .up, .up, .up)
        XCTAssertEqual(s.search?.query, "gyor", "stops at the oldest")
        Fixture.press(&s, .down)
        XCTAssertEqual(s.search?.query, "racz")
        Fixture.press(&s, .down, .down)
        XCTAssertEqual(s.search?.query, "", "past the newest: an empty line again")
        // Once something is typed, the arrows move through the results instead.
        Fixture.type(&s, "csepel")
        Fixture.press(&s, .down)
        XCTAssertEqual(s.search?.query, "csepel")
        XCTAssertEqual(s.detail.cursor.selected, 1)
        Fixture.press(&s, .enter)
        XCTAssertEqual(s.searchHistory.last, "csepel")
        Fixture.press(&s, .char("/"))
        Fixture.type(&s, "gyor")
        Fixture.press(&s, .enter)
        XCTAssertEqual(s.searchHistory, ["racz", "miskolc", "csepel", "gyor"], "each query once, newest last")
    }

    func testNAndShiftNMoveThroughMatchesInTheCurrentList() {
        var s = Fixture.state(120, 40)
        Fixture.press(&s, .char("/"))
        Fixture.type(&s, "miskolc")
        Fixture.press(&s, .escape)
        XCTAssertEqual(s.lastQuery, "", "a cancelled search is not what n and N look for")
        Fixture.press(&s, .char("/"))
        Fixture.type(&s, "miskolc")
        Fixture.press(&s, .enter, .char("1"))
        Fixture.press(&s, .char("n"))
        XCTAssertEqual(s.selectedEvent?.id, "event:1956-10-25-miskolc-broadcast")
        Fixture.press(&s, .char("n"))
        XCTAssertEqual(s.selectedEvent?.id, "event:1956-10-26-miskolc-shooting")
        Fixture.press(&s, .char("N"))
        XCTAssertEqual(s.selectedEvent?.id, "event:1956-10-25-miskolc-broadcast")
        Fixture.press(&s, .char("2"), .char("n"))
        XCTAssertEqual(s.selectedTown?.name, "Miskolc")
    }

    func testFilterByKindAndTownCombineAndClear() {
        var s = Fixture.state(120, 40)
        Fixture.press(&s, .char("f"))
        XCTAssertNotNil(s.filterMenu)
        // Kinds are listed in their declared order; "council" is the fifth.
        Fixture.press(&s, .char("j"), .char("j"), .char("j"), .char("j"), .char(" "))
        XCTAssertEqual(s.filter.kinds, [.council])
        XCTAssertTrue(s.timelineEvents.allSatisfy { s.model.eventByID[$0]?.kind == .council })
        Fixture.press(&s, .escape)
        XCTAssertNil(s.filterMenu)
        // Now only Győr's council events: open Győr, then filter by it.
        Fixture.press(&s, .char("2"), .char("h"), .enter, .char("f"))
        let entries = FilterMenuEntry.entries(s)
        let only = entries.firstIndex(of: .onlyPlace("place:gyor"))!
        for _ in 0..<only { Fixture.press(&s, .char("j")) }
        Fixture.press(&s, .enter)
        XCTAssertEqual(s.filter, TimelineFilter(kinds: [.council], place: "place:gyor"))
        XCTAssertEqual(s.timelineEvents, ["event:1956-10-26-gyor-committee"])
        XCTAssertEqual(s.focus, .timeline)
        XCTAssertTrue(Screen.render(s).text.contains("filtered: council · Győr"))
        Fixture.press(&s, .escape, .char("X"))
        XCTAssertTrue(s.filter.isEmpty)
        XCTAssertEqual(s.eventCount, 13)
        XCTAssertEqual(s.selectedEvent?.id, "event:1956-10-26-gyor-committee", "the selection survives clearing")
    }

    func testDisputedDatesShowEverySourceMarked() throws {
        // The sample keeps one disputed founding date: add a second claim to a council in memory.
        let m = Fixture.model
        let items = DetailDocument.dated("Formed", [
            DateClaim(date: HistoricalDate("1956-10-26")!, citation: m.excerpts[0].id),
            DateClaim(date: HistoricalDate("1956-10-27")!, citation: m.excerpts[1].id),
        ], m, .unicode)
        XCTAssertEqual(items.first, .field("⚑ Formed", "DISPUTED, sources give different dates:"))
        XCTAssertEqual(items.count, 3)
        XCTAssertEqual(DetailDocument.dated("Formed", [DateClaim(date: HistoricalDate("1956-10-26")!, citation: m.excerpts[0].id)], m, .ascii).first,
                       .field("Formed", "26 Oct 1956"))
    }

    func testHelpListsTheCurrentViewsKeysAndQuit() {
        var s = Fixture.state(80, 24)
        Fixture.press(&s, .char("?"))
        XCTAssertTrue(s.showHelp)
        XCTAssertEqual(HelpView.sections(for: s).first?.title, "Timeline")
        Fixture.press(&s, .char("j"))
        XCTAssertEqual(s.timeline.selected, 0, "keys scroll the help, not the list underneath")
        XCTAssertEqual(s.helpScroll, 1)
        Fixture.press(&s, .escape)
        XCTAssertFalse(s.showHelp)
        Fixture.press(&s, .char("3"), .char("?"))
        XCTAssertEqual(HelpView.sections(for: s).first?.title, "Detail")
        Fixture.press(&s, .char("?"), .char("q"))
        XCTAssertFalse(s.running)
        var t = Fixture.state(80, 24)
        Fixture.press(&t, .ctrl("c"))
        XCTAssertFalse(t.running)
    }

    func testResizeKeepsSelectionVisible() {
        var s = Fixture.state(120, 40, keys: [.char("G")])
        Reducer.reduce(&s, .resize(width: 60, height: 12))
        XCTAssertEqual(s.timeline.selected, 12)
        let row = s.timelineEventRows[12]
        XCTAssertTrue((s.timeline.offset..<(s.timeline.offset + s.visibleRows(.timeline))).contains(row))
        XCTAssertTrue(Screen.render(s).text.contains("Csepel workers met with tanks"))
        Reducer.reduce(&s, .resize(width: 120, height: 40))
        XCTAssertEqual(s.timeline.offset, 0, "everything fits again")
    }

    func testMouseClickSelectsThenOpens() {
        var s = Fixture.state(120, 40)
        // Rows: 1 phase, 2 "1953", 3 its event, 4 phase, 5 "23 Oct", 6 its first event.
        Reducer.reduce(&s, .click(x: 5, y: 6))
        XCTAssertEqual(s.timeline.selected, 1)
        XCTAssertEqual(s.focus, .timeline)
        Reducer.reduce(&s, .click(x: 5, y: 6))
        XCTAssertEqual(s.focus, .detail, "a second click opens")
        Reducer.reduce(&s, .scroll(x: 5, y: 10, lines: 3))
        XCTAssertEqual(s.focus, .timeline)
        XCTAssertEqual(s.timeline.selected, 4)
    }

    func testNarrowLayoutsSwitchPanes() {
        var s = Fixture.state(100, 30)
        XCTAssertEqual(s.layout.panes.map(\.pane), [.timeline, .detail])
        Fixture.press(&s, .tab)
        XCTAssertEqual(s.layout.panes.map(\.pane), [.map, .detail])
        var n = Fixture.state(60, 20)
        XCTAssertEqual(n.layout.panes.map(\.pane), [.timeline])
        XCTAssertNotNil(n.layout.tabBar)
        Fixture.press(&n, .enter)
        XCTAssertEqual(n.layout.panes.map(\.pane), [.detail])
        XCTAssertTrue(Fixture.state(39, 20).layout.tooSmall)
        XCTAssertTrue(Fixture.state(80, 9).layout.tooSmall)
    }
}
