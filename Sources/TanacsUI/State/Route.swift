import TanacsModel

/// The lists of records the detail pane can show.
public enum IndexKind: String, Sendable, Hashable, CaseIterable {
    case towns, councils, people, events, figures

    public var title: String {
        switch self {
        case .towns: return "Towns and places"
        case .councils: return "Councils"
        case .people: return "People"
        case .events: return "Events by kind"
        case .figures: return "Figures"
        }
    }
}

/// What the detail pane shows: a record, an index of records, or search results.
public enum Route: Sendable, Hashable {
    case event(String), place(String), council(String), person(String), figure(String), excerpt(String)
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
        default: return nil
        }
    }

    /// The record shown, if the page is a record's.
    public var recordID: String? {
        switch self {
        case .event(let id), .place(let id), .council(let id), .person(let id), .figure(let id), .excerpt(let id): return id
        case .index, .search: return nil
        }
    }

    public var kindName: String {
        switch self {
        case .event: return "Event"
        case .place: return "Town"
        case .council: return "Council"
        case .person: return "Person"
        case .figure: return "Figure"
        case .excerpt: return "Reader"
        case .index(let kind): return kind.title
        case .search: return "Search"
        }
    }
}
