import TanacsModel

/// One source: what it is, then its quotations in the article's order, each with the records citing
/// it, so one author's account can be followed through the revolution.
enum SourcePage {
    static func items(_ s: Source, _ state: AppState) -> [DetailItem] {
        let m = state.model
        let quotes = inArticleOrder(s.id, m)
        var items: [DetailItem] = [.title(s.title), .field("Author", s.author),
                                   .field("Publication", s.publication + (s.date == "unknown" ? "" : ", \(s.date)")),
                                   .field("Quotations", "\(quotes.count)")]
        if !s.notes.isEmpty { items.append(.field("Notes", s.notes)) }
        if state.sourceTexts[s.id] != nil {
            items += [.blank, .link(label: "Read the whole article", note: "every quotation marked", target: .article(s.id, at: nil))]
        }
        items += [.blank, .heading("Quotations in the article's order")]
        for x in quotes {
            items.append(.citation(excerpt: x.id, claim: nil))
            items += DetailDocument.links(m.citedBy[x.id] ?? [], m) { Route(id: $0)?.kindName(in: m) ?? "" }
        }
        return items
    }

    /// A source's excerpts by paragraph, then by where they start in it (when passages say), then id.
    static func inArticleOrder(_ source: String, _ m: Model) -> [Excerpt] {
        m.excerpts.filter { $0.source == source }.sorted {
            ($0.paragraph, m.passages[$0.id]?.offset ?? 0, $0.id) < ($1.paragraph, m.passages[$1.id]?.offset ?? 0, $1.id)
        }
    }
}
