import TanacsModel

/// An excerpt in its passage: the sentences around it, verbatim, with the quotation highlighted; its
/// source and place in it; the sentences it supports; and every record that cites it.
enum ReaderPage {
    static func items(_ x: Excerpt, _ state: AppState) -> [DetailItem] {
        let m = state.model, g = state.glyphs
        var items: [DetailItem] = []
        if let reader = state.detail.reader, let n = reader.excerpts.firstIndex(of: x.id), let name = m.name(of: reader.record) {
            let what = reader.record.hasPrefix("source:") ? "Quotation \(n + 1) of \(reader.excerpts.count) from \(name), in the article's order"
                : reader.statement == nil ? "Excerpt \(n + 1) of \(reader.excerpts.count) cited by \(name)"
                : "Quotation \(n + 1) of \(reader.excerpts.count) behind a sentence of \(name)"
            items.append(.subtitle(what + "  (> next, < previous)"))
        }
        let source = m.sourceByID[x.source]
        if let s = source {
            items.append(.title(s.title))
            items.append(.field("Author", s.author))
            items.append(.field("Publication", s.publication + (s.date == "unknown" ? "" : ", \(s.date)")))
            if let p = m.passages[x.id], p.page != nil {
                items.append(.field("Page and line", p.location()))
            } else {
                items.append(.field("Paragraph", "\(x.paragraph)" + (x.isNote ? " (an endnote)" : "")))
            }
        }
        items.append(.blank)
        if let p = m.passages[x.id] {
            items.append(.heading("In its passage"))
            if let previous = p.previous { items += [.context(previous), .blank] }
            if !p.before.isEmpty { items.append(.context(p.before)) }
            items.append(.highlight(p.quote))
            if !p.after.isEmpty { items.append(.context(p.after)) }
            if let next = p.next { items += [.blank, .context(next)] }
            items.append(.subtitle("— \(source.map(DetailDocument.shortName) ?? x.source), \(DetailDocument.location(x, m, g))"))
        } else {
            items.append(.citation(excerpt: x.id, claim: nil))
        }
        if let reader = state.detail.reader {
            // Which of the record's sentences this quotation supports: the one it was opened from first.
            var supported = statements(of: reader.record, m).filter { $0.citations.contains(x.id) }.map(\.text)
            if let from = reader.statement, let i = supported.firstIndex(of: from) { supported.insert(supported.remove(at: i), at: 0) }
            items += DetailDocument.section("Supports", supported.map { .text("• " + $0) })
        }
        if state.sourceTexts[x.source] != nil {
            items += [.blank, .link(label: "Read the whole article from here", note: "a", target: .article(x.source, at: x.id))]
        } else {
            items += [.blank, .text("The whole article: start tanacs with --sources DIR (the folder of the source articles) or set TANACS_SOURCES.")]
        }
        items += DetailDocument.section("Cited by", DetailDocument.links(m.citedBy[x.id] ?? [], m) { Route(id: $0)?.kindName(in: m) ?? "" })
        return items
    }

    /// Every sentence of a record in the project's words: statements, roles and demands.
    static func statements(of id: String, _ m: Model) -> [Statement] {
        if let e = m.eventByID[id] { return e.statements }
        if let p = m.placeByID[id] { return p.statements }
        if let c = m.councilByID[id] { return c.statements + c.demands + c.people.map { Statement(text: $0.role, citations: $0.citations) } }
        if let p = m.personByID[id] { return p.roles + p.statements }
        if let f = m.figureByID[id] { return f.statements }
        return []
    }
}
