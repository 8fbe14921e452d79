import TanacsModel

/// An excerpt in full, with its source and every record that cites it.
enum ReaderPage {
    static func items(_ x: Excerpt, _ state: AppState) -> [DetailItem] {
        let m = state.model
        var items: [DetailItem] = []
        if let reader = state.detail.reader, let n = reader.excerpts.firstIndex(of: x.id), let name = m.name(of: reader.record) {
            items.append(.subtitle("Excerpt \(n + 1) of \(reader.excerpts.count) cited by \(name)  (> next, < previous)"))
        }
        if let s = m.sourceByID[x.source] {
            items.append(.title(s.title))
            items.append(.field("Author", s.author))
            items.append(.field("Publication", s.publication + (s.date == "unknown" ? "" : ", \(s.date)")))
            items.append(.field("Paragraph", "\(x.paragraph)"))
        }
        items.append(.blank)
        items.append(.citation(excerpt: x.id, claim: nil))
        items += DetailDocument.section("Cited by", DetailDocument.links(m.citedBy[x.id] ?? [], m) { Route(id: $0)?.kindName ?? "" })
        return items
    }
}
