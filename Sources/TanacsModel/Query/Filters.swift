/// Which events a query or an export covers. Every field is optional; an empty filter keeps everything.
public struct EventFilter: Sendable, Equatable {
    /// Keeps events that can fall on or after this day (an event's last possible day is compared; for
    /// an end no source states, the last day its start can mean, since nothing later is claimed).
    public var from: Day?
    /// Keeps events that can fall on or before this day (an event's first possible day is compared).
    public var to: Day?
    /// A place id: events there or at any place inside it.
    public var place: String?
    /// A council id: events that involve it.
    public var council: String?
    public var kind: EventKind?

    public init(from: Day? = nil, to: Day? = nil, place: String? = nil, council: String? = nil, kind: EventKind? = nil) {
        self.from = from
        self.to = to
        self.place = place
        self.council = council
        self.kind = kind
    }

    public var isEmpty: Bool { self == EventFilter() }

    /// Matching events, in the model's date order.
    public func apply(to m: Model) -> [Event] {
        let atPlace = place.map { Set(m.eventsByPlace[$0] ?? []) }
        return m.events.filter { e in
            if let from, e.date.statedEnd < from { return false }
            if let to, e.date.start > to { return false }
            if let kind, e.kind != kind { return false }
            if let council, !e.councils.contains(council) { return false }
            if let atPlace, !atPlace.contains(e.id) { return false }
            return true
        }
    }
}

/// Which councils a query covers.
public struct CouncilFilter: Sendable, Equatable {
    public var level: CouncilLevel?
    /// A place id: councils seated there or at any place inside it.
    public var place: String?
    /// Councils at work on this day (see `Model.councilAtWork`).
    public var on: Day?

    public init(level: CouncilLevel? = nil, place: String? = nil, on: Day? = nil) {
        self.level = level
        self.place = place
        self.on = on
    }

    public func apply(to m: Model) -> [Council] {
        let atPlace = place.map { Set(m.councilsByPlace[$0] ?? []) }
        return m.councils.filter { c in
            if let level, c.level != level { return false }
            if let atPlace, !atPlace.contains(c.id) { return false }
            if let on, !m.councilAtWork(c, on: on) { return false }
            return true
        }
    }
}

/// Finds the record a person means by an argument: an exact id, an id without its kind prefix,
/// or a name (any of a record's names, accent- and case-insensitive).
public enum RecordLookup {
    public enum Result: Sendable, Equatable {
        case found(String)
        case ambiguous([String])
        case notFound
    }

    /// Resolves among every kind of record, or only those whose ids start with `prefix` ("place:").
    public static func resolve(_ argument: String, in m: Model, prefix: String? = nil) -> Result {
        let all = allIDs(m).filter { prefix == nil || $0.hasPrefix(prefix!) }
        if all.contains(argument) { return .found(argument) }
        let bare = all.filter { $0.split(separator: ":", maxSplits: 1).last.map(String.init) == argument }
        if bare.count == 1 { return .found(bare[0]) }
        if bare.count > 1 { return .ambiguous(bare) }
        let q = argument.folded
        let named = all.filter { id in names(of: id, in: m).contains { $0.folded == q } }
        if named.count == 1 { return .found(named[0]) }
        if named.count > 1 { return .ambiguous(named) }
        return .notFound
    }

    static func allIDs(_ m: Model) -> [String] {
        m.events.map(\.id) + m.places.map(\.id) + m.councils.map(\.id) + m.people.map(\.id)
            + m.figures.map(\.id) + m.excerpts.map(\.id) + m.sources.map(\.id)
    }

    static func names(of id: String, in m: Model) -> [String] {
        if let p = m.placeByID[id] { return [p.name] + p.names }
        if let c = m.councilByID[id] { return [c.name] + c.names }
        if let p = m.personByID[id] { return [p.name] + p.names }
        if let e = m.eventByID[id] { return [e.title] }
        if let f = m.figureByID[id] { return [f.topic] }
        return []
    }
}
