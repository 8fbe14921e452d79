import XCTest
import TanacsModel
@testable import TanacsUI

/// Every key the help overlay lists, run through the reducer from a state where it has an effect, with
/// that effect checked. The table is keyed by the help's own sections and labels, so a key added to the
/// help without an entry here, or an entry whose key left the help, fails the test.
final class KeyTableTests: XCTestCase {
    /// One help line: the keys it names and, for each, the state to press it in and what must follow.
    struct Entry: Sendable {
        var keys: [Key]
        /// Builds the state the key is pressed in.
        var given: @Sendable () -> AppState
        /// Checks the state after the key; `before` is the state it was pressed in.
        var then: @Sendable (_ before: AppState, _ after: AppState, _ key: Key) -> Void
    }

    /// Help lines that explain marks on screen rather than name keys.
    static let legends: Set<String> = ["Timeline/letters", "Timeline/◆", "Map/✱ *", "Map/■ #", "Map/● o", "Map/· +",
                                       "Map/reverse", "Detail/⚑", "Everywhere/mouse", "Map/✱■ *#", "Timeline/day not stated",
                                       // Not a key: MapTests.testAClickSelectsTheTownUnderThePointerAndASecondClickOpensIt.
                                       "Map/click"]

    // The sample at 120×12: thirteen events, a timeline page of fewer than twelve rows.
    static func base(_ keys: [Key] = []) -> AppState { Fixture.state(120, 12, keys: keys) }

    /// The timeline with the sixth event selected.
    static func middle() -> AppState { base(Fixture.keys("jjjjj")) }

    /// The reader on the first of the 23 October demonstration's two quotations.
    static func reader() -> AppState {
        var s = base([.char("j")])
        let citations = s.model.eventByID["event:1956-10-23-demonstration"]!.citations
        _ = Fixture.select(&s, .excerpt(citations[0]))
        Fixture.press(&s, .enter)
        return s
    }

    static func detailOnEvent() -> AppState { base([.char("j"), .enter]) }

    static func searching(_ text: String) -> AppState {
        var s = base([.char("/")])
        Fixture.type(&s, text)
        return s
    }

    static func town(_ s: AppState) -> Place { s.selectedTown! }

    /// The demonstration's first quotation, and its source's text loaded (as --sources would): here
    /// the article is the quotation itself.
    static func withArticle(_ s: AppState) -> AppState {
        var s = s
        let excerpt = s.model.excerptByID[s.model.eventByID["event:1956-10-23-demonstration"]!.citations[0]]!
        s.sourceTexts[excerpt.source] = SourceText(excerpt.text)
        return s
    }

    static let table: [String: Entry] = [
        "Everywhere/?": Entry(keys: [.char("?")], given: { base() }, then: { _, s, _ in
            XCTAssertTrue(s.showHelp)
            var closed = s
            Fixture.press(&closed, .char("?"))
            XCTAssertFalse(closed.showHelp, "? again hides it")
            var menu = base([.char("f")])
            Fixture.press(&menu, .char("?"))
            XCTAssertTrue(menu.showHelp, "over the filter menu too")
            XCTAssertEqual(HelpView.sections(for: menu).first?.title, "Filter menu")
            Fixture.press(&menu, .char("q"))
            XCTAssertFalse(menu.showHelp)
            XCTAssertNotNil(menu.filterMenu, "closing the help comes back to the menu")
        }),
        "Everywhere/q": Entry(keys: [.char("q")], given: { middle() }, then: { _, s, _ in
            XCTAssertFalse(s.running, "on the main screen q quits")
            var reading = reader()
            Fixture.press(&reading, .char("q"))
            XCTAssertTrue(reading.running, "in the reader q closes it")
            XCTAssertEqual(reading.detail.route, .event("event:1956-10-23-demonstration"))
            var big = middle()
            Fixture.press(&big, .char("z"), .char("q"))
            XCTAssertTrue(big.running, "a maximised pane is restored first")
            XCTAssertFalse(big.maximised)
            var goTo = middle()
            Fixture.press(&goTo, .char(":"), .char("q"))
            XCTAssertNil(goTo.goTo, "an empty go-to line closes")
            XCTAssertTrue(goTo.running)
            Fixture.press(&goTo, .char(":"), .char("i"), .char("q"))
            XCTAssertEqual(goTo.goTo?.query, "iq", "after other text q is a letter")
        }),
        "Everywhere/Q  Ctrl-C": Entry(keys: [.char("Q"), .ctrl("c")], given: { reader() }, then: { b, s, _ in
            XCTAssertTrue(b.running)
            XCTAssertFalse(s.running, "quits at once, from the reader too")
        }),
        "Everywhere/Esc": Entry(keys: [.escape], given: { base(Fixture.keys("jjjc")) }, then: { _, s, _ in
            XCTAssertEqual(s.detail.route, .event("event:1956-10-23-first-workers-council"), "back to the page before")
            var first = detailOnEvent()
            XCTAssertTrue(first.back.isEmpty)
            Fixture.press(&first, .escape)
            XCTAssertEqual(first.focus, .timeline, "with no history, from the detail pane to the list")
            XCTAssertEqual(first.detail.route, detailOnEvent().detail.route)
            var big = middle()
            Fixture.press(&big, .char("z"), .escape)
            XCTAssertFalse(big.maximised, "closes a maximised pane first")
            XCTAssertEqual(big.detail.route, middle().detail.route)
        }),
        "Everywhere/Ctrl-L": Entry(keys: [.ctrl("l")], given: { searching("gy") }, then: { b, s, _ in
            XCTAssertEqual(s.effects, [.redrawAll])
            XCTAssertEqual(s.search, b.search, "on top of the search line too, which stays as it was")
        }),
        "Everywhere/z": Entry(keys: [.char("z")], given: { base([.char("2")]) }, then: { b, s, _ in
            XCTAssertEqual(b.layout.panes.count, 3)
            XCTAssertTrue(s.maximised)
            XCTAssertEqual(s.layout.panes.map(\.pane), [.map], "the focused pane has the screen")
            XCTAssertEqual(s.layout.panes.first?.rect.width, s.width)
            var restored = s
            Fixture.press(&restored, .char("z"))
            XCTAssertEqual(restored.layout.panes.count, 3, "z again restores the layout")
        }),
        "Everywhere/s": Entry(keys: [.char("s")], given: { middle() }, then: { b, s, _ in
            XCTAssertEqual(s.detail.route, .index(.sources))
            XCTAssertEqual(s.focus, .detail)
            XCTAssertEqual(s.back.last, b.location, "the page before is remembered")
            XCTAssertFalse(s.detailSelectable.isEmpty, "it lists the sources")
        }),
        "Everywhere/y": Entry(keys: [.char("y")], given: { reader() }, then: { b, s, _ in
            guard case .excerpt(let id) = b.detail.route, let excerpt = s.model.excerptByID[id],
                  let source = s.model.sourceByID[excerpt.source], case .copy(let text)? = s.effects.first else {
                return XCTFail("a citation is copied: \(s.effects)")
            }
            XCTAssertEqual(s.effects.count, 1)
            XCTAssertTrue(text.contains(String(source.author.split(separator: " ").last ?? "")) && text.contains("par. \(excerpt.paragraph)"), "the citation names the source and the paragraph: \(text)")
            XCTAssertEqual(s.notice, "Copied: " + text, "and shows what it copied")
        }),
        "Everywhere/Tab  Shift-Tab": Entry(keys: [.tab, .backTab], given: { base() }, then: { _, s, key in
            XCTAssertEqual(s.focus, key == .tab ? .map : .detail)
        }),
        "Everywhere/1 2 3": Entry(keys: [.char("1"), .char("2"), .char("3")], given: { base([.char("3")]) }, then: { _, s, key in
            XCTAssertEqual(s.focus, [Key.char("1"): Pane.timeline, .char("2"): .map, .char("3"): .detail][key])
        }),
        "Everywhere/j k  ↓ ↑": Entry(keys: [.char("j"), .char("k"), .down, .up], given: { middle() }, then: { b, s, key in
            let step = key == .char("j") || key == .down ? 1 : -1
            XCTAssertEqual(s.timeline.selected, b.timeline.selected + step)
            XCTAssertEqual(s.detail.route, s.selectedEvent.map { .event($0.id) }, "the detail pane follows")
        }),
        "Everywhere/PgDn PgUp  Space": Entry(keys: [.pageDown, .pageUp, .char(" "), .ctrl("d"), .ctrl("u")],
                                             given: { middle() }, then: { b, s, key in
            let page = b.visibleRows(.timeline) - 1
            XCTAssertTrue((2..<12).contains(page), "a page is more than a row and less than the list: \(page)")
            let down = [Key.pageDown, .char(" "), .ctrl("d")].contains(key)
            XCTAssertEqual(s.timeline.selected, down ? min(12, b.timeline.selected + page) : max(0, b.timeline.selected - page))
        }),
        "Everywhere/g G  Home End": Entry(keys: [.char("g"), .char("G"), .home, .end], given: { middle() }, then: { _, s, key in
            XCTAssertEqual(s.timeline.selected, key == .char("g") || key == .home ? 0 : 12)
        }),
        "Everywhere//": Entry(keys: [.char("/")], given: { middle() }, then: { _, s, _ in
            XCTAssertEqual(s.search?.query, "")
            XCTAssertEqual(s.detail.route, .search(""))
        }),
        "Everywhere/n N": Entry(keys: [.char("n"), .char("N")], given: {
            var s = searching("miskolc")
            Fixture.press(&s, .enter, .char("1"), .char("g"))
            return s
        }, then: { _, s, key in
            // Miskolc's events are the 6th, 7th and 9th; from the first event, n finds the 6th and N wraps to the 9th.
            XCTAssertEqual(s.selectedEvent?.id, key == .char("n") ? "event:1956-10-25-miskolc-broadcast" : "event:1956-10-27-miskolc-council-rule")
        }),
        "Everywhere/t c p e F": Entry(keys: [.char("t"), .char("c"), .char("p"), .char("e"), .char("F")], given: { middle() }, then: { b, s, key in
            let kinds: [Key: IndexKind] = [.char("t"): .towns, .char("c"): .councils, .char("p"): .people, .char("e"): .events, .char("F"): .figures]
            XCTAssertEqual(s.detail.route, kinds[key].map { .index($0) })
            XCTAssertEqual(s.focus, .detail)
            XCTAssertEqual(s.back.last, b.location, "the page before is remembered")
        }),
        "Everywhere/Backspace  H  Ctrl-O": Entry(keys: [.backspace, .char("H"), .ctrl("o")], given: { base(Fixture.keys("jjjc")) }, then: { _, s, _ in
            XCTAssertEqual(s.detail.route, .event("event:1956-10-23-first-workers-council"))
            XCTAssertEqual(s.focus, .timeline)
            XCTAssertEqual(s.forward.last?.detail.route, .index(.councils), "and forward remembers where back left")
        }),
        "Everywhere/L": Entry(keys: [.char("L")], given: { base(Fixture.keys("jjjcH")) }, then: { _, s, _ in
            XCTAssertEqual(s.detail.route, .index(.councils))
            XCTAssertEqual(s.focus, .detail)
        }),
        "Everywhere/[ ]": Entry(keys: [.char("["), .char("]")], given: { middle() }, then: { b, s, key in
            XCTAssertEqual(s.currentDate, b.currentDate.adding(days: key == .char("]") ? 1 : -1))
        }),
        "Everywhere/:": Entry(keys: [.char(":")], given: { middle() }, then: { b, s, _ in
            XCTAssertNil(b.goTo)
            XCTAssertNotNil(s.goTo, "the go-to line opens")
        }),
        "Everywhere/P": Entry(keys: [.char("P")], given: { middle() }, then: { b, s, _ in
            XCTAssertFalse(b.playing)
            XCTAssertTrue(s.playing, "P starts playing")
            var paused = s
            Fixture.press(&paused, .char("j"))
            XCTAssertFalse(paused.playing, "any key pauses")
        }),
        "Everywhere/f": Entry(keys: [.char("f")], given: { middle() }, then: { _, s, _ in
            XCTAssertEqual(s.filterMenu, ListCursor())
        }),
        "Everywhere/X": Entry(keys: [.char("X")], given: {
            var s = middle()
            s.setFilter(TimelineFilter(kinds: [.council]))
            return s
        }, then: { b, s, _ in
            XCTAssertFalse(b.filter.isEmpty)
            XCTAssertTrue(s.filter.isEmpty)
            XCTAssertEqual(s.eventCount, 13)
        }),
        "Timeline/Enter  l  →": Entry(keys: [.enter, .char("l"), .right], given: { middle() }, then: { b, s, _ in
            XCTAssertEqual(s.focus, .detail)
            XCTAssertEqual(s.detail.route, b.selectedEvent.map { .event($0.id) })
            XCTAssertEqual(s.timeline.selected, b.timeline.selected)
        }),
        "Map/← → ↑ ↓  h l k j": Entry(keys: [.left, .right, .up, .down, .char("h"), .char("l"), .char("k"), .char("j")], given: {
            // Budapest has Győr to the west, Miskolc to the east and north; Miskolc has Budapest to the south.
            var s = base([.char("2")])
            XCTAssertEqual(s.selectedTown?.id, "place:budapest")
            s.towns.selected = s.townIDs.firstIndex(of: "place:budapest")!
            return s
        }, then: { b, s, key in
            let from = town(b), to = town(s)
            switch key {
            case .left, .char("h"): XCTAssertEqual(to.id, "place:gyor")
            case .right, .char("l"): XCTAssertEqual(to.id, "place:miskolc")
            case .up, .char("k"): XCTAssertGreaterThan(to.lat, from.lat)
            default:
                // Nothing lies south of Budapest at this scale: from Miskolc instead.
                var m = b
                m.towns.selected = m.townIDs.firstIndex(of: "place:miskolc")!
                Fixture.press(&m, key)
                XCTAssertLessThan(town(m).lat, 48.10327)
                XCTAssertNotEqual(town(m).id, "place:miskolc")
            }
            XCTAssertEqual(s.focus, .map, "the map keeps the focus")
        }),
        "Map/Enter": Entry(keys: [.enter], given: { base([.char("2"), .char("h")]) }, then: { _, s, _ in
            XCTAssertEqual(s.focus, .detail)
            XCTAssertEqual(s.detail.route, .place("place:gyor"))
        }),
        "Map/+  -  0": Entry(keys: [.char("+"), .char("-"), .char("0")], given: { base([.char("2"), .char("+"), .char("+")]) }, then: { b, s, key in
            XCTAssertEqual(b.map.zoom, 2)
            XCTAssertEqual(s.map.zoom, [Key.char("+"): 3, .char("-"): 1, .char("0"): 0][key])
        }),
        "Map/b": Entry(keys: [.char("b")], given: { base([.char("2")]) }, then: { _, s, _ in
            XCTAssertGreaterThan(s.map.zoom, 0)
            let center = s.map.center
            XCTAssertEqual(center?.lat ?? 0, 47.5, accuracy: 0.1)
            XCTAssertEqual(center?.lon ?? 0, 19.05, accuracy: 0.15)
            var back = s
            Fixture.press(&back, .char("b"))
            XCTAssertEqual(back.map.zoom, 0, "b again: the whole country")
        }),
        "Map/m": Entry(keys: [.char("m")], given: { base([.char("2")]) }, then: { b, s, _ in
            XCTAssertEqual(b.mapDrawing, .braille)
            XCTAssertEqual(s.mapDrawing, .halfBlocks)
        }),
        "Detail/j k": Entry(keys: [.char("j"), .char("k")], given: {
            var s = detailOnEvent()
            Fixture.press(&s, .char("j"))
            return s
        }, then: { b, s, key in
            XCTAssertEqual(b.detail.cursor.selected, 1)
            XCTAssertEqual(s.detail.cursor.selected, key == .char("j") ? 2 : 0)
        }),
        "Detail/Enter  l  →": Entry(keys: [.enter, .char("l"), .right], given: {
            var s = detailOnEvent()
            XCTAssertTrue(Fixture.select(&s, .place("place:budapest")))
            return s
        }, then: { b, s, _ in
            XCTAssertEqual(s.detail.route, .place("place:budapest"))
            XCTAssertEqual(s.back.last?.detail.route, b.detail.route)
        }),
        "Detail/h  ←": Entry(keys: [.char("h"), .left], given: { detailOnEvent() }, then: { b, s, _ in
            XCTAssertEqual(s.focus, .timeline)
            XCTAssertEqual(s.detail.route, b.detail.route, "the page stays")
        }),
        "Detail/a": Entry(keys: [.char("a")], given: {
            var s = withArticle(detailOnEvent())
            let id = s.model.eventByID["event:1956-10-23-demonstration"]!.citations[0]
            XCTAssertTrue(Fixture.select(&s, .excerpt(id)))
            return s
        }, then: { b, s, _ in
            let id = s.model.eventByID["event:1956-10-23-demonstration"]!.citations[0]
            XCTAssertEqual(s.detail.route, .article(s.model.excerptByID[id]!.source, at: id))
            XCTAssertEqual(s.back.last?.detail.route, b.detail.route)
            var without = detailOnEvent()
            XCTAssertTrue(Fixture.select(&without, .excerpt(id)))
            Fixture.press(&without, .char("a"))
            XCTAssertEqual(without.detail.route, b.detail.route, "without the texts the page stays")
            XCTAssertTrue(without.notice?.contains("--sources") ?? false, "and says how to get them")
        }),
        "Reader/> <  . ,": Entry(keys: [.char(">"), .char("<"), .char("."), .char(",")], given: {
            var s = reader()
            Fixture.press(&s, .char(">"))
            return s
        }, then: { b, s, key in
            let citations = s.model.eventByID["event:1956-10-23-demonstration"]!.citations
            XCTAssertEqual(b.detail.route, .excerpt(citations[1]))
            let forward = key == .char(">") || key == .char(".")
            XCTAssertEqual(s.detail.route, .excerpt(citations[forward ? 1 : 0]))
            if forward { XCTAssertEqual(s.notice, "Last excerpt of this record") }
        }),
        "Reader/Enter": Entry(keys: [.enter], given: {
            var s = reader()
            XCTAssertTrue(Fixture.select(&s, .event("event:1956-10-23-demonstration")))
            return s
        }, then: { _, s, _ in
            XCTAssertEqual(s.detail.route, .event("event:1956-10-23-demonstration"))
        }),
        "Reader/q  Esc  Backspace": Entry(keys: [.char("q"), .escape, .backspace], given: { reader() }, then: { _, s, _ in
            XCTAssertEqual(s.detail.route, .event("event:1956-10-23-demonstration"))
            XCTAssertTrue(s.running)
        }),
        "Reader/a": Entry(keys: [.char("a")], given: { withArticle(reader()) }, then: { b, s, _ in
            guard case .excerpt(let id) = b.detail.route else { return XCTFail("\(String(describing: b.detail.route))") }
            XCTAssertEqual(s.detail.route, .article(s.model.excerptByID[id]!.source, at: id))
            var back = s
            Fixture.press(&back, .char("q"))
            XCTAssertEqual(back.detail.route, b.detail.route, "q comes back to the reader")
        }),
        "Search line/typing": Entry(keys: [.char("g"), .char("ő")], given: { searching("gy") }, then: { _, s, key in
            guard case .char(let c) = key else { return XCTFail() }
            XCTAssertEqual(s.search?.query, "gy" + String(c))
            XCTAssertEqual(s.detail.route, .search("gy" + String(c)))
        }),
        "Search line/↓ ↑  Tab": Entry(keys: [.down, .up, .tab], given: {
            var s = searching("budapest")
            Fixture.press(&s, .down)
            return s
        }, then: { b, s, key in
            XCTAssertEqual(b.detail.cursor.selected, 1)
            XCTAssertEqual(s.detail.cursor.selected, key == .up ? 0 : 2)
            XCTAssertNotNil(s.search, "the search line stays open")
        }),
        "Search line/↑ ↓": Entry(keys: [.up, .down], given: {
            // Two earlier searches, the newer one recalled onto the line.
            var s = base()
            s.searchHistory = ["csepel", "gyor"]
            Fixture.press(&s, .char("/"))
            Fixture.press(&s, .up)
            XCTAssertEqual(s.search?.query, "gyor")
            return s
        }, then: { _, s, key in
            XCTAssertEqual(s.search?.query, key == .up ? "csepel" : "", "↑ recalls the older search, ↓ steps back to an empty line")
            XCTAssertEqual(s.search?.recalled, key == .up ? 0 : nil)
        }),
        "Search line/Enter": Entry(keys: [.enter], given: { searching("gyor") }, then: { _, s, _ in
            XCTAssertNil(s.search)
            XCTAssertEqual(s.detail.route, .place("place:gyor"))
            XCTAssertEqual(s.lastQuery, "gyor")
        }),
        "Search line/Esc": Entry(keys: [.escape], given: {
            var s = middle()
            Fixture.press(&s, .char("/"))
            Fixture.type(&s, "gyor")
            return s
        }, then: { _, s, _ in
            XCTAssertNil(s.search)
            XCTAssertEqual(s.location, middle().location, "back where the search began")
            XCTAssertEqual(s.lastQuery, "")
        }),
        "Filter menu/j k": Entry(keys: [.char("j"), .char("k")], given: { base([.char("f"), .char("j")]) }, then: { _, s, key in
            XCTAssertEqual(s.filterMenu?.selected, key == .char("j") ? 2 : 0)
        }),
        "Filter menu/Space  Enter": Entry(keys: [.char(" "), .enter], given: { base([.char("f"), .char("j")]) }, then: { _, s, _ in
            XCTAssertEqual(s.filter.kinds, [EventKind.allCases[1]])
            XCTAssertTrue(s.timelineEvents.allSatisfy { s.model.eventByID[$0]?.kind == EventKind.allCases[1] })
        }),
        "Filter menu/Esc  f  q": Entry(keys: [.escape, .char("f"), .char("q")], given: { base([.char("f")]) }, then: { _, s, _ in
            XCTAssertNil(s.filterMenu)
            XCTAssertTrue(s.filter.isEmpty)
            XCTAssertTrue(s.running, "q closes the menu, it does not quit")
        }),
    ]

    func testEveryKeyInTheHelpHasItsEffect() {
        var listed: Set<String> = []
        for section in [HelpView.everywhere, HelpView.timeline, HelpView.map, HelpView.detail, HelpView.reader,
                        HelpView.search, HelpView.filter] {
            for (key, _) in section.keys { listed.insert("\(section.title)/\(key)") }
        }
        XCTAssertEqual(listed.subtracting(Self.legends).subtracting(Self.table.keys).sorted(), [], "help lines without an entry here")
        XCTAssertEqual(Set(Self.table.keys).subtracting(listed).sorted(), [], "entries for keys the help no longer lists")
        for (name, entry) in Self.table.sorted(by: { $0.key < $1.key }) {
            for key in entry.keys {
                let before = entry.given()
                var after = before
                Reducer.reduce(&after, .key(key))
                let failures = testRun?.failureCount ?? 0
                entry.then(before, after, key)
                if (testRun?.failureCount ?? 0) > failures { XCTFail("↑ in the entry \(name), key \(key)") }
            }
        }
    }

    /// The help says Ctrl-D and Ctrl-U page too; in the detail pane they move the selection a page
    /// (here through the events index: thirteen links).
    func testCtrlDAndCtrlUPageTheDetailPane() {
        var s = Fixture.state(80, 14, keys: [.char("e")])
        XCTAssertEqual(s.focus, .detail)
        let page = s.visibleRows(.detail) - 1
        let selectable = s.detailSelectable.count
        XCTAssertTrue(page >= 2 && page < selectable - 1, "a page is more than a step and less than the page's links: \(page) of \(selectable)")
        Fixture.press(&s, .ctrl("d"))
        XCTAssertEqual(s.detail.cursor.selected, page)
        Fixture.press(&s, .ctrl("d"))
        XCTAssertEqual(s.detail.cursor.selected, min(selectable - 1, 2 * page))
        Fixture.press(&s, .char("G"), .ctrl("u"))
        XCTAssertEqual(s.detail.cursor.selected, selectable - 1 - page)
        Fixture.press(&s, .ctrl("u"), .ctrl("u"))
        XCTAssertEqual(s.detail.cursor.selected, 0)
    }

    /// A new page after going back drops the forward history, as in a browser.
    func testANewNavigationClearsForwardHistory() {
        var s = Self.base([.char("t"), .char("c")])
        Fixture.press(&s, .backspace)
        XCTAssertEqual(s.detail.route, .index(.towns))
        XCTAssertEqual(s.forward.count, 1)
        Fixture.press(&s, .char("p"))
        XCTAssertEqual(s.forward.count, 0, "opening the people index forgets the councils index ahead")
        Fixture.press(&s, .char("L"))
        XCTAssertEqual(s.detail.route, .index(.people), "forward has nowhere to go")
        XCTAssertEqual(s.notice, "Nothing to go forward to")
        // Following a link clears it too.
        var t = Self.detailOnEvent()
        Fixture.press(&t, .char("t"), .backspace)
        XCTAssertEqual(t.forward.count, 1)
        XCTAssertTrue(Fixture.select(&t, .place("place:budapest")))
        Fixture.press(&t, .enter)
        XCTAssertEqual(t.forward.count, 0)
        // And so does a search that opens a result.
        var u = Self.base([.char("t")])
        Fixture.press(&u, .backspace)
        Fixture.press(&u, .char("/"))
        Fixture.type(&u, "gyor")
        Fixture.press(&u, .enter)
        XCTAssertEqual(u.forward.count, 0)
        Fixture.press(&u, .backspace, .char("L"))
        XCTAssertEqual(u.detail.route, .place("place:gyor"), "forward returns to the search's result")
    }
}
