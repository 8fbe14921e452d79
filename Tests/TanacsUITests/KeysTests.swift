import XCTest
import TanacsModel
@testable import TanacsUI

/// Keys behave as users of less, tig, lazygit and vim expect; labels name things rightly.
final class KeysTests: XCTestCase {
    func testCtrlLAsksForAFullRedrawFromAnywhere() {
        var s = Fixture.state(120, 40)
        Fixture.press(&s, .ctrl("l"))
        XCTAssertEqual(s.effects, [.redrawAll])
        var t = Fixture.state(120, 40, keys: [.char("/")])
        Fixture.press(&t, .ctrl("l"))
        XCTAssertEqual(t.effects, [.redrawAll])
        XCTAssertEqual(t.search?.query, "", "and is not typed into the search")
    }

    func testQClosesWhatIsOnTopAndQuitsOnlyFromTheMainScreen() {
        var s = Fixture.state(120, 40)
        Fixture.press(&s, .char("?"), .char("q"))
        XCTAssertFalse(s.showHelp, "q closes the help")
        XCTAssertTrue(s.running)
        Fixture.press(&s, .char("f"), .char("q"))
        XCTAssertNil(s.filterMenu, "q closes the filter menu")
        XCTAssertTrue(s.running)
        Fixture.press(&s, .char("/"), .char("q"))
        XCTAssertEqual(s.search?.query, "q", "q typed into a prompt is text")
        Fixture.press(&s, .escape)
        let event = s.detail.route
        XCTAssertTrue(Fixture.select(&s, .excerpt(s.model.eventByID[s.selectedEvent!.id]!.citations[0])))
        Fixture.press(&s, .enter)
        XCTAssertEqual(s.layout.panes.map(\.pane), [.detail], "reading")
        Fixture.press(&s, .char("q"))
        XCTAssertEqual(s.detail.route, event, "q closes the reader")
        XCTAssertTrue(s.running)
        Fixture.press(&s, .char("z"), .char("q"))
        XCTAssertFalse(s.maximised, "q restores a maximised pane")
        XCTAssertTrue(s.running)
        Fixture.press(&s, .char("q"))
        XCTAssertFalse(s.running, "q on the main screen quits")
    }

    func testShiftQAndCtrlCQuitAtOnce() {
        for keys: [Key] in [[.char("?"), .char("Q")], [.char("Q")], [.char("/"), .ctrl("c")], [.char("f"), .ctrl("c")], [.ctrl("c")]] {
            var s = Fixture.state(80, 24)
            for key in keys { Fixture.press(&s, key) }
            XCTAssertFalse(s.running, "\(keys)")
        }
        var s = Fixture.state(80, 24, keys: [.char("/"), .char("Q")])
        XCTAssertTrue(s.running, "Q typed into the search line is text")
        Fixture.press(&s, .escape)
    }

    func testEscClosesOrGoesBackEverywhere() {
        var s = Fixture.state(120, 40)
        Fixture.press(&s, .char("?"), .escape)
        XCTAssertFalse(s.showHelp)
        Fixture.press(&s, .char("f"), .escape)
        XCTAssertNil(s.filterMenu)
        Fixture.press(&s, .char("/"), .escape)
        XCTAssertNil(s.search)
        Fixture.press(&s, .char("c"))
        XCTAssertEqual(s.detail.route, .index(.councils))
        Fixture.press(&s, .escape)
        XCTAssertEqual(s.detail.route, .event("event:1953-nagy-replaces-rakosi"), "Esc goes back")
        Fixture.press(&s, .char("2"), .char("z"), .escape)
        XCTAssertFalse(s.maximised, "Esc restores a maximised pane")
    }

    func testAnUnboundKeySaysWhichKeyShowsHelp() {
        var s = Fixture.state(120, 40)
        Fixture.press(&s, .char("W"))
        XCTAssertEqual(s.notice, "W does nothing here: press ? for the keys")
        Fixture.press(&s, .ctrl("t"))
        XCTAssertEqual(s.notice, "Ctrl-T does nothing here: press ? for the keys")
        XCTAssertTrue(Screen.render(s).text.contains("press ? for the keys"))
    }

    func testHelpKeyColumnNeverRunsIntoItsTextAndNeverSplitsWords() {
        for (w, h) in [(40, 10), (50, 14), (60, 20), (80, 24), (120, 40), (200, 60)] {
            for keys in [[], [Key.char("2")], [.char("3")], [.char("f")]] {
                var s = Fixture.state(w, h, keys: keys)
                Fixture.press(&s, .char("?"))
                XCTAssertTrue(s.showHelp, "\(w)×\(h) \(keys): ? shows the help")
                let width = min(w - 2, 80) - 4
                // On screen, a blank column each side inside the border: no text touches it.
                let canvas = Screen.render(s)
                let box = (x: (w - min(w - 2, 80)) / 2, width: min(w - 2, 80), y: (h - min(h - 2, 44)) / 2, height: min(h - 2, 44))
                XCTAssertEqual(canvas[box.x + box.width - 1, box.y + 1].grapheme, s.glyphs.vertical, "\(w)×\(h): the help's right border")
                for y in (box.y + 1)..<(box.y + box.height - 1) {
                    XCTAssertEqual(canvas[box.x + 1, y].grapheme, " ", "\(w)×\(h) row \(y): the left margin")
                    XCTAssertEqual(canvas[box.x + box.width - 2, y].grapheme, " ", "\(w)×\(h) row \(y): text against the right border")
                }
                let lines = HelpView.lines(for: s, width: width).map(\.0)
                let words = Set(HelpView.sections(for: s).flatMap { $0.keys.flatMap { ($0.key + " " + $0.action).split(separator: " ").map(String.init) } })
                for line in lines {
                    XCTAssertLessThanOrEqual(TextWidth.of(line), width, "\(w)×\(h): \(line)")
                    for word in line.split(separator: " ") where !word.isEmpty && !["Tanács", "keys"].contains(word) {
                        XCTAssertTrue(words.contains(String(word)) || HelpView.sections(for: s).contains { $0.title.contains(word) },
                                      "\(w)×\(h): “\(word)” is a split or glued word in “\(line)”")
                    }
                }
                // Every key is followed by at least two spaces, or stands on its own line.
                for section in HelpView.sections(for: s) {
                    for (key, _) in section.keys {
                        XCTAssertTrue(lines.contains { $0 == "  " + key || $0.hasPrefix("  " + key + "  ") }, "\(w)×\(h): \(key) runs into its text")
                    }
                }
            }
        }
    }

    func testStatusBarAlwaysShowsHelpKey() {
        for keys in [[], [Key.char("2")], [.char("3")], [.char("?")], [.char("f")], [.char("z")]] {
            var s = Fixture.state(120, 24, keys: keys)
            for w in 40...200 {
                Reducer.reduce(&s, .resize(width: w, height: 24))
                // The bar alone, as the screen draws it on its last row.
                var canvas = Canvas(width: w, height: 1)
                StatusBarView.render(s, in: Rect(x: 0, y: 0, width: w, height: 1), canvas: &canvas)
                XCTAssertTrue(canvas.text.contains("? help"), "\(w) columns \(keys): \(canvas.text)")
            }
        }
    }

    /// A maximised pane's bar says how to restore it, and no longer that q quits (q restores first).
    func testMaximisedBarSaysHowToRestore() {
        var s = Fixture.state(120, 24, keys: [.char("z")])
        XCTAssertTrue(s.maximised)
        XCTAssertEqual(StatusBarView.hintItems(for: s).first, "z restore")
        XCTAssertFalse(StatusBarView.hintItems(for: s).contains("q quit"))
        Fixture.press(&s, .char("z"))
        XCTAssertFalse(StatusBarView.hintItems(for: s).contains("z restore"))
        XCTAssertTrue(StatusBarView.hintItems(for: s).contains("q quit"))
    }

    /// The help names each event kind's letter as the filter menu and the event page do.
    func testHelpLettersNameTheKindsAsTheFilterMenuDoes() throws {
        let letters = try XCTUnwrap(HelpView.timeline.keys.first { $0.key == "letters" }?.action)
        for kind in EventKind.allCases {
            XCTAssertTrue(letters.contains("\(TimelineView.marker(kind)) \(kind.rawValue)"), "\(kind) in “\(letters)”")
        }
    }

    func testKindsAndCountsAreNamedRight() throws {
        let m = MapTests.bundled
        var s = AppState(model: m, width: 120, height: 40)
        XCTAssertTrue(Reducer.open(&s, id: "place:radio-building"))
        XCTAssertTrue(Screen.render(s).text.contains("─ Site "), "a site's page is titled Site")
        Fixture.press(&s, .char("t"))
        let one = try XCTUnwrap(m.places.first { (m.eventsByPlace[$0.id] ?? []).count == 1 })
        let note = s.detailItems.compactMap { item -> String? in
            if case .link(_, let note, .place(one.id)) = item { return note } else { return nil }
        }.first
        XCTAssertTrue(note?.contains("1 event") ?? false, note ?? "")
        XCTAssertFalse(note?.contains("1 events") ?? true)
        // The towns index uses the map's marks with the map's meanings.
        let span = s.currentSpan
        for p in m.places {
            let n = s.detailItems.compactMap { item -> String? in if case .link(_, let note, .place(p.id)) = item { return note } else { return nil } }.first ?? ""
            let mark = MapScene.mark(p.id, in: m, from: span.from, to: span.to)
            if mark != .quiet { XCTAssertTrue(n.hasSuffix(mark.symbol(.unicode)), "\(p.id): \(n)") }
        }
        Fixture.press(&s, .char("/"))
        Fixture.type(&s, "radio")
        XCTAssertTrue(s.detailItems.contains { if case .link(let label, _, .place("place:radio-building")) = $0 { return label.hasPrefix("[Site]") } else { return false } })
    }

    func testPlainASCIIUsesPAndThreeDots() {
        var s = AppState(model: Fixture.model, width: 80, height: 24, glyphs: .ascii)
        Fixture.press(&s, .char("j"))
        XCTAssertTrue(Fixture.select(&s, .excerpt(s.model.eventByID[s.selectedEvent!.id]!.citations[0])))
        let text = Screen.render(s).text
        XCTAssertTrue(text.contains(", p."), text)
        XCTAssertFalse(text.contains("¶"))
        XCTAssertFalse(text.contains("…"))
        XCTAssertEqual(Text.truncate("Győr National Council", to: 10, glyphs: .ascii), "Győr Na...")
        XCTAssertEqual(Text.truncate("they said … ¶3", to: 40, glyphs: .ascii), "they said ... p.3", "data text is folded too")
        let lines = DetailDocument.lines([.text("and so … on")], width: 40, in: s.model, glyphs: .ascii)
        XCTAssertEqual(lines.map(\.text), ["and so ... on"])
    }

    func testYCopiesACitationAndShowsIt() {
        var s = Fixture.state(120, 40, keys: [.char("j")])
        let excerpt = s.model.eventByID[s.selectedEvent!.id]!.citations[0]
        XCTAssertTrue(Fixture.select(&s, .excerpt(excerpt)))
        Fixture.press(&s, .char("y"))
        let expected = Citation.format(excerpt, style: .chicago, in: s.model)!
        XCTAssertEqual(s.effects, [.copy(expected)])
        XCTAssertEqual(s.notice, "Copied: " + expected)
        XCTAssertTrue(expected.hasPrefix("Kosuth, Dennis. “Hungary 1956: Revolution in a ‘workers’ state’.”"), expected)
    }
}
