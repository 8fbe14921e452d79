import TanacsModel

/// An excerpt in full, with its source, the sentences it supports and every record that cites it.
enum ReaderPage {
    static func items(_ x: Excerpt, _ state: AppState) -> [DetailItem] {
        let m = state.model
        var items: [DetailItem] = []
        if let reader = state.detail.reader, let n = reader.excerpts.firstIndex(of: x.id), let name = m.name(of: reader.record) {
            let what = reader.statement == nil ? "Excerpt \(n + 1) of \(reader.excerpts.count) cited by \(name)"
                : "Quotation \(n + 1) of \(reader.excerpts.count) behind a sentence of \(name)"
            items.append(.subtitle(what + "  (> next, < previous)"))
        }
        if let s = m.sourceByID[x.source] {
            items.append(.title(s.title))
            items.append(.field("Author", s.author))
            items.append(.field("Publication", s.publication + (s.date == "unknown" ? "" : ", \(s.date)")))
            items.append(.field("Paragraph", "\(x.paragraph)" + (x.isNote ? " (an endnote)" : "")))
        }
        items.append(.blank)
        items.append(.citation(excerpt: x.id, claim: nil))
        if let reader = state.detail.reader {
            // Which of the record's sentences this quotation supports: the one it was opened from first.
            var supported = statements(of: reader.record, m).filter { $0.citations.contains(x.id) }.map(\.text)
            if let from = reader.statement, let i = supported.firstIndex(of: from) { supported.insert(supported.remove(at: i), at: 0) }
            items += DetailDocument.section("Supports", supported.map { .text("• " + $0) })
        }
        items += DetailDocument.section("Cited by", DetailDocument.links(m.citedBy[x.id] ?? [], m) { Route(id: $0)?.kindName ?? "" })
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
