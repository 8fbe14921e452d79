import TanacsModel

/// One item of a detail page. Links and citations can be selected and followed.
public enum DetailItem: Sendable, Equatable {
    case title(String)
    case subtitle(String)
    case heading(String)
    case text(String)
    case field(String, String)
    case link(label: String, note: String, target: Route)
    /// A cited excerpt, shown as a marked quote with its source; `claim` names what it supports.
    case citation(excerpt: String, claim: String?)
    /// Words of a source around a quotation, or of its article between quotations: verbatim, unmarked.
    case context(String)
    /// A quotation inside its article, highlighted and marked, leading to the reader.
    case quoted(excerpt: String, text: String)
    /// The quotation the reader shows, highlighted and marked inside its passage.
    case highlight(String)
    /// A sentence in the project's words with the footnote marks of the quotations behind it;
    /// selecting it and pressing Enter reads those quotations. `bullet` lists it ("• ").
    case statement(text: String, marks: String, excerpts: [String], bullet: Bool)
    /// One of the page's numbered quotations, with the mark its sentences carry.
    case quotation(mark: String, excerpt: String)
    case blank

    public var target: Route? {
        switch self {
        case .link(_, _, let target): return target
        case .citation(let excerpt, _): return .excerpt(excerpt)
        case .quoted(let excerpt, _): return .excerpt(excerpt)
        case .statement(_, _, let excerpts, _): return excerpts.first.map { .excerpt($0) }
        case .quotation(_, let excerpt): return .excerpt(excerpt)
        default: return nil
        }
    }
}

/// A page's quotations numbered in the order its sentences first cite them, then the record's other
/// citations: the numbers behind each sentence's footnote marks.
struct PageNotes {
    private(set) var order: [String] = []
    private var number: [String: Int] = [:]

    init(_ lists: [[Statement]], then others: [String] = []) {
        for list in lists { for s in list { for id in s.citations { add(id) } } }
        for id in others { add(id) }
    }

    private mutating func add(_ id: String) {
        guard number[id] == nil else { return }
        order.append(id)
        number[id] = order.count
    }

    /// Statements as items, each with its marks; a register term in one adds the outside mark.
    func items(_ list: [Statement], bullet: Bool = false, outside: [OutsideKnowledge] = [], _ g: Glyphs) -> [DetailItem] {
        list.map { s in
            var marks = g.marks(s.citations.compactMap { number[$0] })
            if outside.contains(where: { s.text.folded.contains($0.term.folded) }) { marks += g.outside }
            return .statement(text: s.text, marks: marks, excerpts: s.citations, bullet: bullet)
        }
    }

    /// The numbered quotations grouped under each source ("What Haynes says"), in the order the
    /// sources are listed, so what each says stands apart.
    func bySource(_ m: Model, _ g: Glyphs) -> [DetailItem] {
        var items: [DetailItem] = []
        for source in m.sources {
            let own = order.enumerated().filter { m.excerptByID[$0.element]?.source == source.id }
            guard !own.isEmpty else { continue }
            items += [.blank, .heading("What \(DetailDocument.shortName(source)) says (\(Text.count(own.count, "quotation")))")]
            items += own.map { .quotation(mark: g.marks([$0.offset + 1]), excerpt: $0.element) }
        }
        return items
    }

    /// The numbered quotations, under "Sources".
    func section(_ g: Glyphs) -> [DetailItem] {
        DetailDocument.section("Sources", order.enumerated().map { .quotation(mark: g.marks([$0.offset + 1]), excerpt: $0.element) })
    }
}

/// A wrapped screen line of a detail page.
public struct DetailLine: Sendable, Equatable {
    public let item: Int
    public let text: String
    public let style: Style
    public let indent: Int
}

/// Builds any detail page from the state, and wraps pages into screen lines.
public enum DetailDocument {
    public static func items(for route: Route?, in state: AppState) -> [DetailItem] {
        let m = state.model, g = state.glyphs
        guard let route else { return [.text("Nothing selected. Move in the timeline or the towns list.")] }
        switch route {
        case .event(let id): return m.eventByID[id].map { EventPage.items($0, m, g) } ?? missing(id)
        case .place(let id): return m.placeByID[id].map { PlacePage.items($0, state) } ?? missing(id)
        case .council(let id): return m.councilByID[id].map { CouncilPage.items($0, state) } ?? missing(id)
        case .person(let id): return m.personByID[id].map { PersonPage.items($0, m, g) } ?? missing(id)
        case .figure(let id): return m.figureByID[id].map { FigurePage.items($0, m, g) } ?? missing(id)
        case .excerpt(let id): return m.excerptByID[id].map { ReaderPage.items($0, state) } ?? missing(id)
        case .source(let id): return m.sourceByID[id].map { SourcePage.items($0, state) } ?? missing(id)
        case .article(let id, _): return m.sourceByID[id].map { ArticlePage.items($0, state) } ?? missing(id)
        case .index(let kind): return IndexPages.items(kind, state)
        case .search(let query): return SearchPage.items(query, state)
        }
    }

    /// Indices of the items that can be selected.
    public static func selectable(_ items: [DetailItem]) -> [Int] {
        items.indices.filter { items[$0].target != nil }
    }

    private static func missing(_ id: String) -> [DetailItem] { [.text("No record \(id).")] }

    /// The register's entries for a record, marked on its page: what comes from outside the sources.
    static func outside(_ entries: [OutsideKnowledge], _ g: Glyphs) -> [DetailItem] {
        section("Outside the sources", entries.map { .text("\(g.outside) \($0.term): \($0.reason)") })
    }

    /// Links to records by id, skipping unknown ids; `note` adds a short remark to each.
    static func links(_ ids: [String], _ m: Model, note: (String) -> String = { _ in "" }) -> [DetailItem] {
        ids.compactMap { id in
            guard let route = Route(id: id), let name = m.name(of: id) else { return nil }
            return .link(label: name, note: note(id), target: route)
        }
    }

    static func section(_ title: String, _ body: [DetailItem]) -> [DetailItem] {
        body.isEmpty ? [] : [.blank, .heading(title)] + body
    }

    static func sources(_ citations: [String]) -> [DetailItem] {
        section("Sources", citations.map { .citation(excerpt: $0, claim: nil) })
    }

    static func eventDate(_ m: Model) -> (String) -> String {
        { id in m.eventByID[id]?.date.display ?? "" }
    }

    /// A date with its citations, or every source's date marked as disputed when they differ.
    static func dated(_ label: String, _ claims: [DateClaim], _ m: Model, _ g: Glyphs) -> [DetailItem] {
        guard !claims.isEmpty else { return [] }
        if Set(claims.map(\.date.text)).count > 1 {
            return [.field("\(g.disputed) \(label)", "DISPUTED, sources give different dates:")]
                + claims.map { .citation(excerpt: $0.citation, claim: "\($0.date.display) (\(sourceName(of: $0.citation, m)))") }
        }
        return [.field(label, claims[0].date.display + basisNote(claims[0]))]
            + claims.flatMap { claim -> [DetailItem] in
                var items: [DetailItem] = [.citation(excerpt: claim.citation, claim: nil)]
                if let anchor = claim.anchor, anchor.citation != claim.citation {
                    items.append(.citation(excerpt: anchor.citation, claim: "anchor: " + anchor.reckoning))
                }
                return items
            }
    }

    /// "", " (derived: the day after …)" or " (approx.)": how a date is known, when not stated outright.
    static func basisNote(_ claim: DateClaim) -> String {
        switch claim.basis {
        case .derived: return " (derived: \(claim.anchor?.reckoning ?? "reckoned"))"
        case .approximate: return " (approx.)"
        default: return ""
        }
    }

    /// The same dates on one line, for the top of a page; the quotations follow further down.
    static func datedLine(_ label: String, _ claims: [DateClaim], _ m: Model, _ g: Glyphs) -> DetailItem? {
        guard !claims.isEmpty else { return nil }
        if Set(claims.map(\.date.text)).count > 1 {
            let each = claims.map { "\($0.date.display) (\(sourceName(of: $0.citation, m)))" }.joined(separator: " · ")
            return .field("\(g.disputed) \(label)", "DISPUTED: " + each)
        }
        return .field(label, claims[0].date.display + (claims[0].basis == .approximate ? " (approx.)" : ""))
    }

    static func sourceName(of excerpt: String, _ m: Model) -> String {
        m.excerptByID[excerpt].flatMap { m.sourceByID[$0.source] }.map(shortName) ?? "?"
    }

    /// A short way to name a source: its author's surname, or where it appeared when the author is unknown.
    public static func shortName(_ s: Source) -> String {
        let author = s.author.lowercased()
        if author == "unknown" || author == "anonymous" || author.hasPrefix("unknown") {
            // Name it by where it appeared: "libcom.org", "blog post".
            let venue = s.publication.components(separatedBy: ",")[0].components(separatedBy: " with ")[0]
            return (author == "anonymous" ? "anon., " : "") + Text.truncate(venue, to: 24)
        }
        return s.author.split(separator: " ").last.map(String.init) ?? s.author
    }

    /// Where an excerpt stands in its source: "¶12", or "p. 3, lines 12–14" for the PDF-derived account.
    public static func location(_ x: Excerpt, _ m: Model, _ g: Glyphs) -> String {
        m.passages[x.id]?.location(paragraphMark: g.paragraph) ?? "\(g.paragraph)\(x.paragraph)"
    }

    /// Wraps items into screen lines of `width` columns.
    public static func lines(_ items: [DetailItem], width: Int, in m: Model, glyphs g: Glyphs) -> [DetailLine] {
        var out: [DetailLine] = []
        for (i, item) in items.enumerated() { appendLines(of: item, at: i, width: width, in: m, glyphs: g, to: &out) }
        return out
    }

    /// Wraps one item, the `i`th of its page, into screen lines of `width` columns, appended to `out`.
    static func appendLines(of item: DetailItem, at i: Int, width: Int, in m: Model, glyphs g: Glyphs, to out: inout [DetailLine]) {
        // `hang` indents continuation lines, so a wrapped link or quote reads as one block.
        func add(_ i: Int, _ raw: String, _ style: Style, indent baseIndent: Int = 0, hang: Int = 0) {
            // Leading spaces in the text indent it; other runs of whitespace collapse.
            let indent = baseIndent + raw.prefix(while: { $0 == " " }).count
            let cleaned = g.fold(Sanitizer.clean(raw))
            let text = hasLooseSpaces(cleaned) ? cleaned.split(separator: " ").joined(separator: " ") : cleaned
            let first = Text.wrap(clean: text, width: max(1, width - indent))
            guard hang > 0, first.count > 1 else {
                for line in first { out.append(DetailLine(item: i, text: line, style: style, indent: indent)) }
                return
            }
            let head = first[0]
            out.append(DetailLine(item: i, text: head, style: style, indent: indent))
            let rest = String(text.dropFirst(head.count)).trimmingPrefixSpaces
            for line in Text.wrap(clean: rest, width: max(1, width - indent - hang)) {
                out.append(DetailLine(item: i, text: line, style: style, indent: indent + hang))
            }
        }
        switch item {
        case .title(let s): add(i, s, Theme.title)
        case .subtitle(let s): add(i, s, Theme.label)
        case .heading(let s): add(i, s, Theme.heading)
        case .text(let s): add(i, s, Theme.text, hang: s.hasPrefix("• ") ? 2 : 0)
        case .field(let label, let value): add(i, "\(label): \(value)", label.hasPrefix(g.disputed) ? Theme.disputed : Theme.text, hang: 2)
        case .link(let label, let note, _):
            add(i, "\(g.pointer) \(label)" + (note.isEmpty ? "" : "  (\(note))"), Theme.link, hang: 2)
        case .citation(let id, let claim):
            guard let x = m.excerptByID[id] else { add(i, "[missing excerpt \(id)]", Theme.disputed); return }
            let source = m.sourceByID[x.source].map(shortName) ?? x.source
            if let claim { add(i, claim, Theme.disputed, indent: 2) }
            add(i, g.quoted(x.text), Theme.quote, indent: 2, hang: 1)
            add(i, "— \(source), \(location(x, m, g))", Theme.source, indent: 4)
        // The space between two sentences of the source is not an indent.
        case .context(let s): add(i, s.trimmingPrefixSpaces, Theme.text)
        case .quoted(_, let s), .highlight(let s): add(i, g.quoted(s), Theme.highlight, hang: 1)
        case .statement(let text, let marks, _, let bullet):
            add(i, (bullet ? "• " : "") + text + marks, Theme.text, hang: bullet ? 2 : 0)
        case .quotation(let mark, let id):
            guard let x = m.excerptByID[id] else { add(i, "[missing excerpt \(id)]", Theme.disputed); return }
            let source = m.sourceByID[x.source].map(shortName) ?? x.source
            let lead = mark + " "
            add(i, lead + g.quoted(x.text), Theme.quote, indent: 0, hang: TextWidth.of(lead) + 1)
            add(i, "— \(source), \(location(x, m, g))" + (x.isNote ? ", endnote" : ""), Theme.source, indent: TextWidth.of(lead) + 2)
        case .blank: out.append(DetailLine(item: i, text: "", style: Theme.text, indent: 0))
        }
    }
}

/// True when splitting at spaces and joining again could change the text: it starts or ends with a
/// space or has two together. Most texts have neither and are wrapped as they are, unsplit.
func hasLooseSpaces(_ s: String) -> Bool {
    var previous: UInt8 = 0x20, any = false
    for byte in s.utf8 {
        if byte == 0x20 && previous == 0x20 { return true }
        previous = byte
        any = true
    }
    return any && previous == 0x20
}

extension String {
    var trimmingPrefixSpaces: String { String(drop(while: { $0 == " " })) }
}

extension Double {
    /// 30000 → "30,000"; 17.6 → "17.6".
    var formatted: String {
        self == rounded() && Swift.abs(self) < 1e15 ? Int(self).formatted : String(self)
    }
}
