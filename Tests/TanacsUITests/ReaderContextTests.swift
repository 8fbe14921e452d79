import XCTest
import TanacsModel
@testable import TanacsUI

/// The reader: a quotation in its passage, and with the source texts, in its whole article.
final class ReaderContextTests: XCTestCase {
    static let seeds: URL? = {
        if let env = ProcessInfo.processInfo.environment["TANACS_SOURCES"], !env.isEmpty { return URL(fileURLWithPath: env) }
        let shared = Fixture.repo.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        return FileManager.default.fileExists(atPath: shared.path) ? shared : nil
    }()

    private func reader(_ excerpt: String, texts: Bool, width: Int = 120, height: Int = 40) throws -> AppState {
        var s = AppState(model: MapTests.bundled, width: width, height: height)
        if texts {
            let seeds = try XCTUnwrap(Self.seeds.map { $0 }, "source articles")
            s.sourceTexts = try SourceText.load(from: seeds, sources: s.model.sources)
        }
        XCTAssertTrue(Reducer.open(&s, id: excerpt))
        return s
    }

    func testTheQuotationIsShownInItsPassageWithASentenceEachSide() throws {
        let s = try reader("excerpt:blog-p3-2", texts: false)
        let passage = try XCTUnwrap(s.model.passages["excerpt:blog-p3-2"])
        XCTAssertTrue(s.detailItems.contains(.context(passage.before)), "the sentence before, verbatim")
        XCTAssertTrue(s.detailItems.contains(.context(passage.after)), "the sentence after, verbatim")
        XCTAssertTrue(s.detailItems.contains(.highlight(passage.quote)))
        let text = Screen.render(s).text
        XCTAssertTrue(text.contains("By nightfall, the demonstration"), "the sentence before is on screen:\n\(text)")
        XCTAssertTrue(text.contains("“In what must be two of the most"), "the quotation is marked:\n\(text)")
        XCTAssertTrue(text.contains("The next day a new government"), "the sentence after is on screen")
        XCTAssertTrue(text.contains("start tanacs with --sources DIR"), "without the texts it says how to get the article")
        // The quotation is drawn highlighted (bold), its context plainly.
        let canvas = Screen.render(s)
        let rows = canvas.text.components(separatedBy: "\n")
        let row = try XCTUnwrap(rows.firstIndex { $0.contains("“In what must") })
        let column = try XCTUnwrap(rows[row].range(of: "In what").map { rows[row].distance(from: rows[row].startIndex, to: $0.lowerBound) })
        XCTAssertTrue(canvas[column, row].style.bold, "the quotation is highlighted")
        let before = try XCTUnwrap(rows.firstIndex { $0.contains("By nightfall") })
        XCTAssertFalse(canvas[rows[before].distance(from: rows[before].startIndex, to: rows[before].range(of: "By nightfall")!.lowerBound), before].style.bold)
    }

    func testThePDFAccountIsCitedByPageAndLine() throws {
        let s = try reader("excerpt:prole-p2-1", texts: false)
        let text = Screen.render(s).text
        XCTAssertTrue(text.contains("Page and line: p. 2, lines 18–19"), text)
        XCTAssertTrue(text.contains("p. 2, lines 18–19"))
        XCTAssertFalse(text.contains("Paragraph: 2"))
    }

    func testTheWholeArticleScrollsFromTheQuotationWithEveryCitedPassageMarked() throws {
        try XCTSkipIf(Self.seeds == nil, "source articles not found")
        var s = try reader("excerpt:blog-p3-2", texts: true)
        Fixture.press(&s, .char("a"))
        XCTAssertEqual(s.detail.route, .article("source:blog", at: "excerpt:blog-p3-2"))
        let items = s.detailItems
        let selected = items[s.detailSelectable[s.detail.cursor.selected]]
        XCTAssertEqual(selected, .quoted(excerpt: "excerpt:blog-p3-2", text: s.model.passages["excerpt:blog-p3-2"]!.quote),
                       "the article opens on the quotation")
        let row = try XCTUnwrap(s.detailLines(width: s.detailTextWidth).firstIndex { $0.item == s.detailSelectable[s.detail.cursor.selected] })
        XCTAssertTrue((0...2).contains(row - s.detail.cursor.offset), "near the top, to read on from: row \(row), offset \(s.detail.cursor.offset)")
        let marked = Set(items.compactMap { item -> String? in if case .quoted(let id, _) = item { return id } else { return nil } })
        let blog = s.model.excerpts.filter { $0.source == "source:blog" }
        // Every excerpt is marked, on its own or inside an overlapping one.
        for x in blog where !marked.contains(x.id) {
            XCTAssertTrue(items.contains { if case .quoted(_, let t) = $0 { return t.contains(SourceText.collapse(x.text)) } else { return false } }, x.id)
        }
        XCTAssertGreaterThan(marked.count, blog.count / 2)
        // Each mark is followed by links to the records citing it.
        let i = try XCTUnwrap(items.firstIndex(of: selected))
        let citing = s.model.citedBy["excerpt:blog-p3-2"] ?? []
        XCTAssertFalse(citing.isEmpty)
        XCTAssertEqual(items[(i + 1)...].prefix(citing.count).compactMap(\.target), citing.compactMap { Route(id: $0) })
        // The text between quotations is the article's, verbatim.
        let words = items.compactMap { item -> String? in
            switch item {
            case .context(let t), .quoted(_, let t): return t
            default: return nil
            }
        }.joined()
        XCTAssertTrue(words.contains("It began spontaneously on the morning of 23rd October"))
        let text = Screen.render(s).text
        XCTAssertTrue(text.contains("“In what must be two"), "the screen shows the quotation:\n\(text)")
        // Going on from the article: Enter reads the quotation, q and Esc come back.
        Fixture.press(&s, .enter)
        XCTAssertEqual(s.detail.route, .excerpt("excerpt:blog-p3-2"))
        Fixture.press(&s, .char("q"))
        XCTAssertEqual(s.detail.route, .article("source:blog", at: "excerpt:blog-p3-2"))
        XCTAssertTrue(s.running, "q closes the reader, it does not quit")
    }

    /// In the whole article > and < jump between marked passages; a quotation opened on its own steps
    /// through its source in the article's order.
    func testNextAndPreviousInTheArticleAndInAQuotationOpenedAlone() throws {
        try XCTSkipIf(Self.seeds == nil, "source articles not found")
        var s = try reader("excerpt:blog-p3-2", texts: true)
        XCTAssertNil(s.detail.reader, "opened on its own")
        let order = SourcePage.inArticleOrder("source:blog", s.model).map(\.id)
        let at = try XCTUnwrap(order.firstIndex(of: "excerpt:blog-p3-2"))
        Fixture.press(&s, .char(">"))
        XCTAssertEqual(s.detail.route, .excerpt(order[at + 1]), "the next quotation of the source")
        Fixture.press(&s, .char("<"), .char("<"))
        XCTAssertEqual(s.detail.route, .excerpt(order[at - 1]))
        Fixture.press(&s, .char(">"), .char("a"))
        XCTAssertEqual(s.detail.route, .article("source:blog", at: "excerpt:blog-p3-2"))
        func marked(_ s: AppState) -> String? {
            if case .quoted(let id, _) = s.detailItems[s.detailSelectable[s.detail.cursor.selected]] { return id } else { return nil }
        }
        XCTAssertEqual(marked(s), "excerpt:blog-p3-2")
        let before = s.detail.cursor.selected
        Fixture.press(&s, .char(">"))
        XCTAssertGreaterThan(s.detail.cursor.selected, before + 1, "over the links of the records citing it")
        XCTAssertNotNil(marked(s), "onto the next marked passage")
        XCTAssertNotEqual(marked(s), "excerpt:blog-p3-2")
        Fixture.press(&s, .char("<"))
        XCTAssertEqual(s.detail.cursor.selected, before, "and back")
        Fixture.press(&s, .char("g"), .char("<"))
        XCTAssertEqual(s.detail.cursor.selected, 0)
        XCTAssertEqual(s.notice, "First quotation in this article")
        XCTAssertEqual(StatusBarView.hintItems(for: s).first, "> < quotations")
    }

    /// A reader opened with nothing before it (--at) still closes with q or Esc: onto the first
    /// record that cites the quotation, with the panes moved to it.
    func testQAndEscCloseAReaderOpenedFirst() throws {
        for key in [Key.char("q"), .escape] {
            var s = AppState(model: MapTests.bundled, width: 120, height: 40)
            Reducer.start(&s, at: "excerpt:kosuth-p40-3")
            XCTAssertEqual(s.detail.route, .excerpt("excerpt:kosuth-p40-3"))
            XCTAssertTrue(s.back.isEmpty)
            Fixture.press(&s, key)
            XCTAssertTrue(s.running, "\(key) closes the reader, it does not quit")
            let first = try XCTUnwrap(s.model.citedBy["excerpt:kosuth-p40-3"]?.first)
            XCTAssertEqual(s.detail.route, Route(id: first), "onto the first record citing it")
            XCTAssertFalse(Reducer.isReading(s))
            if case .event(let id)? = s.detail.route { XCTAssertEqual(s.selectedEvent?.id, id, "the timeline follows") }
        }
    }

    func testWithoutTheTextsTheArticleKeySaysHowToGetThem() throws {
        var s = try reader("excerpt:blog-p3-2", texts: false)
        Fixture.press(&s, .char("a"))
        XCTAssertEqual(s.detail.route, .excerpt("excerpt:blog-p3-2"))
        XCTAssertEqual(s.notice, "The whole article needs the source texts: start with --sources DIR or set TANACS_SOURCES")
    }

    func testPagedArticleShowsPagesAndProseWrapsAtAReadableMeasure() throws {
        try XCTSkipIf(Self.seeds == nil, "source articles not found")
        var s = try reader("excerpt:prole-p2-1", texts: true, width: 200, height: 60)
        Fixture.press(&s, .char("a"))
        XCTAssertTrue(s.detailItems.contains(.heading("Page 2")))
        let lines = s.detailLines(width: s.detailTextWidth)
        XCTAssertLessThanOrEqual(lines.map { $0.indent + TextWidth.of($0.text) }.max() ?? 0, 100, "prose wraps at about 100 columns at 200 wide")
    }

    func testSourcesIndexAndASourcesQuotationsInArticleOrder() throws {
        var s = AppState(model: MapTests.bundled, width: 120, height: 40)
        Fixture.press(&s, .char("s"))
        XCTAssertEqual(s.detail.route, .index(.sources))
        let text = s.detailLines(width: 100).map(\.text).joined(separator: "\n")
        XCTAssertTrue(text.contains("Mike Haynes · International Socialism, Issue 112"), text)
        let haynes = s.model.excerpts.filter { $0.source == "source:haynes" }.count
        XCTAssertTrue(s.detailItems.contains { if case .link(_, let note, .source("source:haynes")) = $0 { return note == "\(haynes) quotations" } else { return false } })
        XCTAssertTrue(Fixture.select(&s, .source("source:haynes")))
        Fixture.press(&s, .enter)
        XCTAssertEqual(s.detail.route, .source("source:haynes"))
        let order = s.detailItems.compactMap { item -> Excerpt? in
            if case .citation(let id, _) = item { return s.model.excerptByID[id] } else { return nil }
        }
        XCTAssertEqual(order.count, haynes)
        let keys = order.map { ($0.paragraph, s.model.passages[$0.id]?.offset ?? 0) }
        XCTAssertEqual(keys.map(\.0), keys.map(\.0).sorted(), "in the article's order")
        XCTAssertTrue(zip(keys, keys.dropFirst()).allSatisfy { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 <= $1.1) })
        // Each quotation is followed by the records citing it.
        let first = try XCTUnwrap(s.detailItems.firstIndex { if case .citation = $0 { return true } else { return false } })
        let citing = s.model.citedBy[order[0].id] ?? []
        XCTAssertEqual(s.detailItems[(first + 1)...].prefix(citing.count).compactMap(\.target), citing.compactMap { Route(id: $0) })
        // Read from there, the reader says whose quotation it is, not that the source cites it.
        XCTAssertTrue(Fixture.select(&s, .excerpt(order[0].id)))
        Fixture.press(&s, .enter)
        let reading = s.detailLines(width: 118).map(\.text).joined(separator: "\n")
        XCTAssertTrue(reading.contains("Quotation 1 of \(haynes) from "), reading)
        XCTAssertFalse(reading.contains("cited by Hungary"), reading)
    }

    func testAPersonsPageGroupsWhatEachSourceSays() throws {
        var s = AppState(model: MapTests.bundled, width: 120, height: 40)
        let person = try XCTUnwrap(s.model.people.first { p in
            Set(p.citations.compactMap { s.model.excerptByID[$0]?.source }).count >= 2
        })
        XCTAssertTrue(Reducer.open(&s, id: person.id))
        let headings = s.detailItems.compactMap { item -> String? in if case .heading(let h) = item, h.hasPrefix("What ") { return h } else { return nil } }
        XCTAssertGreaterThanOrEqual(headings.count, 2, "\(person.name): one group per source")
        // Under each heading, only that source's quotations.
        var current: String?
        for item in s.detailItems {
            if case .heading(let h) = item, h.hasPrefix("What ") { current = h }
            if case .quotation(_, let id) = item, let current, let source = s.model.excerptByID[id].flatMap({ s.model.sourceByID[$0.source] }) {
                XCTAssertTrue(current.contains(DetailDocument.shortName(source)), "\(id) under \(current)")
            }
        }
    }

    /// A quotation that opens with the source's own quotation mark is not marked again: no ““ in the
    /// reader, in a record's notes or in a source's list, for any excerpt.
    func testEveryQuotationIsMarkedExactlyOnce() throws {
        let m = MapTests.bundled
        let opening = m.excerpts.filter { $0.text.first.map { "“\"".contains($0) } ?? false }
        XCTAssertGreaterThanOrEqual(opening.count, 5, "the data has quotations that open with their own mark")
        let doubled = ["““", "””", "\"\"", "“\"", "\"”", "‘‘", "’’"]
        let s = AppState(model: m, width: 120, height: 40)
        for x in m.excerpts {
            let reader = DetailDocument.lines(ReaderPage.items(x, s), width: 100, in: m, glyphs: .unicode).map(\.text).joined(separator: "\n")
            let notes = DetailDocument.lines([.citation(excerpt: x.id, claim: nil), .quotation(mark: "¹", excerpt: x.id)], width: 100, in: m, glyphs: .unicode)
                .map(\.text).joined(separator: "\n")
            for text in [reader, notes] {
                for pair in doubled where text.contains(pair) && !x.text.contains(pair) {
                    XCTFail("\(x.id) shows \(pair):\n\(text)")
                }
            }
        }
        XCTAssertEqual(QuoteMarks.wrap("A plain sentence."), "“A plain sentence.”")
        XCTAssertEqual(QuoteMarks.wrap("“The whole of it is one quotation.”26"), "“The whole of it is one quotation.”26", "the source's marks alone")
        XCTAssertEqual(QuoteMarks.wrap("\"Straight marks too.\"[5]"), "\"Straight marks too.\"[5]")
        XCTAssertEqual(QuoteMarks.wrap("“Brothers,” students called."), "‘“Brothers,” students called.’", "outer marks single where the text has double ones")
        XCTAssertEqual(QuoteMarks.wrap("He said “yes” and “no”."), "‘He said “yes” and “no”.’")
        XCTAssertEqual(QuoteMarks.wrap("“A,” he said, “B.”"), "‘“A,” he said, “B.”’", "two quotations are not one")
        XCTAssertEqual(QuoteMarks.wrap("‘Single marks’, said he."), "“‘Single marks’, said he.”")
        XCTAssertEqual(QuoteMarks.wrap("“Both,” he said.", ascii: true), "'“Both,” he said.'")
        XCTAssertEqual(QuoteMarks.wrap("Plain.", ascii: true), "\"Plain.\"")
    }
}
