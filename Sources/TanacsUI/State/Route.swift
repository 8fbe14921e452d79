import TanacsModel

/// The lists of records the detail pane can show.
public enum IndexKind: String, Sendable, Hashable, CaseIterable {
    case towns, councils, people, events, figures, sources

    public var title: String {
        switch self {
        case .towns: return "Towns and places"
        case .councils: return "Councils"
        case .people: return "People"
        case .events: return "Events by kind"
        case .figures: return "Figures"
        case .sources: return "Sources"
        }
    }
}

/// What the detail pane shows: a record, an index of records, or search results.
public enum Route: Sendable, Hashable {
    case event(String), place(String), council(String), person(String), figure(String), excerpt(String)
    /// A source's quotations in the article's order, each with the records citing it.
    case source(String)
    /// A source's whole article (from `--sources`), scrolled to a quotation when one is given.
    case article(String, at: String?)
    case index(IndexKind)
    case search(String)

    /// The route for a record id, chosen by its kind prefix.
    public init?(id: String) {
        switch id.split(separator: ":", maxSplits: 1).first {
        case "event": self = .event(id)
        case "place": self = .place(id)
        case "council": self = .council(id)
        case "person": self = .person(id)
        case "figure": self = .figure(id)
        case "excerpt": self = .excerpt(id)
        case "source": self = .source(id)
        default: return nil
        }
    }

    /// The record shown, if the page is a record's.
    public var recordID: String? {
        switch self {
        case .event(let id), .place(let id), .council(let id), .person(let id), .figure(let id), .excerpt(let id),
             .source(let id): return id
        case .article, .index, .search: return nil
        }
    }

    /// The kind of page, named as the data names it: a site is a "Site", not a "Town".
    public func kindName(in m: Model) -> String {
        if case .place(let id) = self, let place = m.placeByID[id] { return place.kind.rawValue.capitalized }
        return kindName
    }

    public var kindName: String {
        switch self {
        case .event: return "Event"
        case .place: return "Place"
        case .council: return "Council"
        case .person: return "Person"
        case .figure: return "Figure"
        case .excerpt: return "Reader"
        case .source: return "Source"
        case .article: return "Article"
        case .index(let kind): return kind.title
        case .search: return "Search"
        }
    }
}
