import TanacsModel

/// A source's whole article from `--sources`, paragraph by paragraph (page by page for the
/// PDF-derived account), every cited passage highlighted and followed by the records citing it.
enum ArticlePage {
    static func items(_ s: Source, _ state: AppState) -> [DetailItem] {
        let m = state.model
        var items: [DetailItem] = [.title(s.title), .subtitle("\(s.author) · \(s.publication)")]
        guard let text = state.sourceTexts[s.id] else {
            return items + [.blank, .text("The article's text is not loaded: start tanacs with --sources DIR or set TANACS_SOURCES.")]
        }
        let excerpts = Dictionary(grouping: m.excerpts.filter { $0.source == s.id }, by: \.paragraph)
        for (n, paragraph) in text.paragraphs.enumerated() {
            items.append(.blank)
            if text.isPaged { items.append(.heading("Page \(n + 1)")) }
            // The quotations found in this paragraph, in order; one overlapping another is marked with it.
            let found = (excerpts[n + 1] ?? []).compactMap { x in text.locate(x.text, paragraph: n + 1).map { (x.id, $0) } }
                .sorted { ($0.1.lowerBound, $0.0) < ($1.1.lowerBound, $1.0) }
            let chars = Array(paragraph.text)
            var at = 0, i = 0
            while i < found.count {
                var (id, range) = found[i]
                var ids = [id]
                while i + 1 < found.count, found[i + 1].1.lowerBound < range.upperBound {
                    i += 1
                    range = range.lowerBound..<max(range.upperBound, found[i].1.upperBound)
                    ids.append(found[i].0)
                }
                if range.lowerBound > at { items.append(.context(String(chars[at..<range.lowerBound]))) }
                id = ids[0]
                items.append(.quoted(excerpt: id, text: String(chars[range])))
                let citing = ids.flatMap { m.citedBy[$0] ?? [] }.uniqued
                items += DetailDocument.links(citing, m) { "cites this · " + (Route(id: $0)?.kindName(in: m) ?? "") }
                at = range.upperBound
                i += 1
            }
            if at < chars.count { items.append(.context(String(chars[at...]))) }
        }
        return items
    }

    /// The selectable index of a quotation's mark on an article page, to scroll the article there.
    static func selection(of excerpt: String, in items: [DetailItem], _ m: Model) -> Int? {
        let selectable = DetailDocument.selectable(items)
        let wanted = m.excerptByID[excerpt].map { SourceText.collapse($0.text) } ?? ""
        func mark(_ i: Int) -> (String, String)? {
            if case .quoted(let id, let text) = items[i] { return (id, text) }
            return nil
        }
        // Its own mark, or the mark it was merged into where quotations overlap.
        return selectable.firstIndex { mark($0)?.0 == excerpt }
            ?? selectable.firstIndex { i in mark(i).map { !wanted.isEmpty && $0.1.contains(wanted) } ?? false }
    }
}
