import TanacsModel

/// What the detail pane shows: one record, named by its id.
public enum Route: Sendable, Hashable {
    case event(String), place(String), council(String), person(String), figure(String), excerpt(String)

    /// The route for an id, chosen by its kind prefix.
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

    public var id: String {
        switch self {
        case .event(let id), .place(let id), .council(let id), .person(let id), .figure(let id), .excerpt(let id): return id
        }
    }

    public var kindName: String {
        switch self {
        case .event: return "Event"
        case .place: return "Town"
        case .council: return "Council"
        case .person: return "Person"
        case .figure: return "Figure"
        case .excerpt: return "Excerpt"
        }
    }
}
