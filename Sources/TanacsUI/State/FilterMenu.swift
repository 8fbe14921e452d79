import TanacsModel

/// The timeline filter menu's entries, derived from the state each time it is drawn or used.
public enum FilterMenuEntry: Sendable, Equatable {
    case kind(EventKind, on: Bool)
    case onlyPlace(String)
    case onlyCouncil(String)
    case clearPlace(String)
    case clearCouncil(String)
    case clearAll

    static func entries(_ state: AppState) -> [FilterMenuEntry] {
        var entries = EventKind.allCases.map { FilterMenuEntry.kind($0, on: state.filter.kinds.contains($0)) }
        switch state.detail.route {
        case .place(let id) where state.filter.place != id: entries.append(.onlyPlace(id))
        case .council(let id) where state.filter.council != id: entries.append(.onlyCouncil(id))
        default: break
        }
        if let place = state.filter.place { entries.append(.clearPlace(place)) }
        if let council = state.filter.council { entries.append(.clearCouncil(council)) }
        if !state.filter.isEmpty { entries.append(.clearAll) }
        return entries
    }

    func label(_ m: Model, _ g: Glyphs) -> String {
        switch self {
        case .kind(let kind, let on): return "[\(on ? "x" : " ")] \(TimelineView.marker(kind)) \(kind.rawValue)"
        case .onlyPlace(let id): return "Only events in \(m.name(of: id) ?? id)"
        case .onlyCouncil(let id): return "Only events of \(m.name(of: id) ?? id)"
        case .clearPlace(let id): return "Stop filtering by \(m.name(of: id) ?? id)"
        case .clearCouncil(let id): return "Stop filtering by \(m.name(of: id) ?? id)"
        case .clearAll: return "Clear every filter"
        }
    }

    func apply(to filter: TimelineFilter) -> TimelineFilter {
        var f = filter
        switch self {
        case .kind(let kind, let on): if on { f.kinds.remove(kind) } else { f.kinds.insert(kind) }
        case .onlyPlace(let id): f.place = id
        case .onlyCouncil(let id): f.council = id
        case .clearPlace: f.place = nil
        case .clearCouncil: f.council = nil
        case .clearAll: f = TimelineFilter()
        }
        return f
    }
}
