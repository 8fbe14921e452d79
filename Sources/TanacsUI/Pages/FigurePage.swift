import TanacsModel

/// A figure topic: every source's claim side by side, marked when they disagree.
enum FigurePage {
    static func isDisputed(_ f: Figure, _ m: Model) -> Bool {
        f.isDisputed { m.excerptByID[$0]?.source }
    }

    /// "over 2,000 tanks": the value with the source's qualifier and unit.
    static func value(_ c: FigureClaim) -> String {
        (c.qualifier.map { $0 + " " } ?? "") + c.value.formatted + (c.high.map { "–" + $0.formatted } ?? "") + " " + c.unit
    }

    /// "30,000 men (Haynes) · 40,000 men (Kosuth)", with the disputed mark when they differ.
    static func claimsLine(_ f: Figure, _ m: Model, _ g: Glyphs) -> String {
        let claims = f.claims.map { c in "\(value(c)) (\(DetailDocument.sourceName(of: c.citation, m)))" }
        return (isDisputed(f, m) ? "\(g.disputed) DISPUTED: " : "") + claims.joined(separator: " · ")
    }

    static func items(_ f: Figure, _ m: Model, _ g: Glyphs) -> [DetailItem] {
        var items: [DetailItem] = [.title(f.topic)]
        let units = Set(f.claims.map { $0.unit.folded })
        if isDisputed(f, m) {
            items.append(.field("\(g.disputed) Disputed", "sources give different values; each is shown with its source"))
        } else if units.count > 1 {
            items.append(.subtitle("\(f.claims.count) quantities, not in dispute"))
        } else {
            items.append(.subtitle(f.claims.count == 1 ? "One claim" : "\(f.claims.count) claims that agree"))
        }
        if !f.statements.isEmpty {
            let notes = PageNotes([f.statements])
            // A figure's sentences cite its claims' quotations, which follow each claim below.
            items += [.blank] + notes.items(f.statements, g).map { item in
                guard case .statement(let text, _, let excerpts, let bullet) = item else { return item }
                let numbers = excerpts.compactMap { id in f.claims.firstIndex { $0.citation == id }.map { $0 + 1 } }
                return .statement(text: text, marks: g.marks(numbers), excerpts: excerpts, bullet: bullet)
            }
        }
        items.append(.blank)
        items.append(.heading("Claims"))
        for (n, claim) in f.claims.enumerated() {
            items.append(.field(value(claim), "“\(claim.asStated)”, \(DetailDocument.sourceName(of: claim.citation, m))"))
            items.append(.quotation(mark: g.marks([n + 1]), excerpt: claim.citation))
        }
        items += DetailDocument.section("Events", DetailDocument.links(m.eventsByFigure[f.id] ?? [], m, note: DetailDocument.eventDate(m)))
        return items
    }
}
