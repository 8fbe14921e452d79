import TanacsModel

/// Search results, labelled by kind and ranked.
enum SearchPage {
    static let limit = 300

    static func label(_ kind: SearchKind) -> String {
        switch kind {
        case .place: return "Town"
        case .council: return "Council"
        case .person: return "Person"
        case .event: return "Event"
        case .figure: return "Figure"
        case .excerpt: return "Quote"
        case .source: return "Source"
        }
    }

    static func items(_ query: String, _ state: AppState) -> [DetailItem] {
        let parsed = state.searchIndex.parse(query)
        let hits = state.searchIndex.search(parsed, limit: limit)
        var items: [DetailItem] = [.title("Search: \(query)")]
        if query.trimmingCharacters(in: .whitespaces).isEmpty {
            return items + [.text("Type to search towns, councils, people, events, figures and quotations.")]
        }
        items.append(.subtitle((hits.isEmpty ? "No matches" : "\(hits.count)\(hits.count == limit ? "+" : "") matches")
            + (parsed.truncated ? " (only the first \(SearchQuery.maxWords) words count)" : "")))
        for hit in hits {
            guard let route = Route(id: hit.id) else { continue }
            // A place is named by its kind: a site is not a town.
            let kind = hit.kind == .place ? state.model.placeByID[hit.id].map { $0.kind.rawValue.capitalized } ?? "Place" : Self.label(hit.kind)
            let label = "[\(kind)] " + hit.label
            items.append(.link(label: label, note: hit.context, target: route))
        }
        return items
    }
}
