/// The whole dataset in memory, with the indices the explorer needs built once at load.
public struct Model: Sendable {
    public let sources: [Source]
    public let excerpts: [Excerpt]
    /// Places sorted by name.
    public let places: [Place]
    /// Councils sorted by name.
    public let councils: [Council]
    /// Events in chronological order (see `Chronology`).
    public let events: [Event]
    /// People sorted by name.
    public let people: [Person]
    public let figures: [Figure]
    /// Border, rivers and lakes for the map; empty when the dataset has no `geo/` folder.
    public var geography = Geography.empty
    /// Each excerpt's passage (the sentences around it), by excerpt id, from `passages.json` when the
    /// dataset has one. Only passages whose quote still matches their excerpt are kept.
    public var passages: [String: Passage] = [:] {
        didSet { passages = passages.filter { excerptByID[$0.key].map { SourceText.collapse($0.text) } == $0.value.quote } }
    }
    /// The register of names and facts from outside the sources (data/outside-knowledge.json).
    public var outsideKnowledge: [OutsideKnowledge] = [] {
        didSet { outsideByRecord = Dictionary(grouping: outsideKnowledge.flatMap { e in e.records.map { ($0, e) } }, by: \.0).mapValues { $0.map(\.1) } }
    }
    /// Register entries by the record they concern.
    public private(set) var outsideByRecord: [String: [OutsideKnowledge]] = [:]

    public let sourceByID: [String: Source]
    public let excerptByID: [String: Excerpt]
    public let placeByID: [String: Place]
    public let councilByID: [String: Council]
    public let eventByID: [String: Event]
    public let personByID: [String: Person]
    public let figureByID: [String: Figure]

    /// Events at a place or at any place inside it, in date order.
    public let eventsByPlace: [String: [String]]
    public let eventsByCouncil: [String: [String]]
    public let eventsByPerson: [String: [String]]
    public let eventsByFigure: [String: [String]]
    /// Councils seated at a place or inside it.
    public let councilsByPlace: [String: [String]]
    /// Councils that sent delegates to, or joined, a council.
    public let councilChildren: [String: [String]]
    public let councilsByPerson: [String: [String]]
    public let peopleByPlace: [String: [String]]
    /// Places directly inside a place (districts, sites).
    public let placeChildren: [String: [String]]
    /// Every record id that cites an excerpt, in a stable order.
    public let citedBy: [String: [String]]

    public init(sources: [Source], excerpts: [Excerpt], places: [Place], councils: [Council],
                events: [Event], people: [Person], figures: [Figure]) {
        self.sources = sources
        self.excerpts = excerpts
        self.places = Model.sortedByName(places, \.name)
        self.councils = Model.sortedByName(councils, \.name)
        self.events = Chronology.order(events)
        self.people = Model.sortedByName(people, \.name)
        self.figures = figures
        sourceByID = Model.index(sources)
        excerptByID = Model.index(excerpts)
        placeByID = Model.index(places)
        councilByID = Model.index(councils)
        eventByID = Model.index(events)
        personByID = Model.index(people)
        figureByID = Model.index(figures)

        var placeChildren: [String: [String]] = [:]
        for place in self.places { if let parent = place.parent { placeChildren[parent, default: []].append(place.id) } }
        self.placeChildren = placeChildren
        // A place and every place that lies inside it, guarding against parent cycles in bad data.
        let byID = placeByID
        func ancestorsAndSelf(_ id: String) -> [String] {
            var chain = [id], seen: Set<String> = [id], current = id
            while let parent = byID[current]?.parent, !seen.contains(parent) {
                chain.append(parent)
                seen.insert(parent)
                current = parent
            }
            return chain
        }

        var eventsByPlace: [String: [String]] = [:], eventsByCouncil: [String: [String]] = [:]
        var eventsByPerson: [String: [String]] = [:], eventsByFigure: [String: [String]] = [:]
        for event in self.events {
            var placesSeen: Set<String> = []
            for place in event.places {
                for id in ancestorsAndSelf(place) where placesSeen.insert(id).inserted {
                    eventsByPlace[id, default: []].append(event.id)
                }
            }
            for council in Set(event.councils) { eventsByCouncil[council, default: []].append(event.id) }
            for person in Set(event.people) { eventsByPerson[person, default: []].append(event.id) }
            for figure in Set(event.figures) { eventsByFigure[figure, default: []].append(event.id) }
        }
        self.eventsByPlace = eventsByPlace
        self.eventsByCouncil = eventsByCouncil
        self.eventsByPerson = eventsByPerson
        self.eventsByFigure = eventsByFigure

        var councilsByPlace: [String: [String]] = [:], councilChildren: [String: [String]] = [:]
        var councilsByPerson: [String: [String]] = [:]
        for council in self.councils {
            for id in council.place.map(ancestorsAndSelf) ?? [] { councilsByPlace[id, default: []].append(council.id) }
            if let parent = council.parent { councilChildren[parent, default: []].append(council.id) }
            for member in council.people where councilsByPerson[member.person]?.last != council.id {
                councilsByPerson[member.person, default: []].append(council.id)
            }
        }
        self.councilsByPlace = councilsByPlace
        self.councilChildren = councilChildren
        self.councilsByPerson = councilsByPerson

        var peopleByPlace: [String: Set<String>] = [:]
        for event in self.events {
            for place in event.places { for person in event.people { peopleByPlace[place, default: []].insert(person) } }
        }
        for council in self.councils {
            guard let place = council.place else { continue }
            for member in council.people { peopleByPlace[place, default: []].insert(member.person) }
        }
        // Each person's folded name once, not once per comparison.
        var foldedName: [String: String] = [:]
        for person in people where foldedName[person.id] == nil { foldedName[person.id] = person.name.folded }
        self.peopleByPlace = peopleByPlace.mapValues { ids in
            ids.map { (key: foldedName[$0] ?? $0, id: $0) }.sorted { $0.key < $1.key }.map(\.id)
        }

        var citedBy: [String: [String]] = [:]
        func cite(_ record: String, _ excerpts: [String]) {
            for excerpt in excerpts where citedBy[excerpt]?.last != record { citedBy[excerpt, default: []].append(record) }
        }
        for e in self.events { cite(e.id, e.everyCitation) }
        for p in self.places { cite(p.id, p.everyCitation) }
        for c in self.councils { cite(c.id, c.everyCitation) }
        for p in self.people { cite(p.id, p.everyCitation) }
        for f in figures { cite(f.id, f.everyCitation) }
        self.citedBy = citedBy
    }

    /// Records in folded-name order, then by id; each name is folded once.
    private static func sortedByName<T: Identifiable>(_ records: [T], _ name: KeyPath<T, String>) -> [T] where T.ID == String {
        let keys = records.map { $0[keyPath: name].folded }
        let order = records.indices.sorted { a, b in keys[a] != keys[b] ? keys[a] < keys[b] : records[a].id < records[b].id }
        return order.map { records[$0] }
    }

    private static func index<T: Identifiable>(_ records: [T]) -> [String: T] where T.ID == String {
        var result: [String: T] = [:]
        result.reserveCapacity(records.count)
        for record in records where result[record.id] == nil { result[record.id] = record }
        return result
    }

    /// The display name of any record, or nil when the id is unknown.
    public func name(of id: String) -> String? {
        if let e = eventByID[id] { return e.title }
        if let p = placeByID[id] { return p.name }
        if let c = councilByID[id] { return c.name }
        if let p = personByID[id] { return p.name }
        if let f = figureByID[id] { return f.topic }
        if let s = sourceByID[id] { return s.title }
        if excerptByID[id] != nil { return id }
        return nil
    }

    /// Whether a council was at work on a day, as far as the sources tell (see `councilLifetime`).
    /// Bodies set up by the Soviet command or the Kádár government are never counted.
    public func councilAtWork(_ council: Council, on day: Day) -> Bool {
        councilAtWork(council, from: day, to: day)
    }

    /// At work on at least one of the days from...to.
    public func councilAtWork(_ council: Council, from: Day, to: Day) -> Bool {
        guard council.installedBy == nil else { return false }
        return councilLifetime(council).map { $0.from <= to && from <= $0.to } ?? false
    }

    /// The days a council is known to have been at work, or nil when the sources date none: from the
    /// last day its founding (or first mention) can mean, to the first day its end (or last mention)
    /// can mean. With only a founding date, just those days; with only an end, just the end's days.
    public func councilLifetime(_ council: Council) -> (from: Day, to: Day)? {
        let founded = council.formed.map(\.date.end).min()
        let last = council.ended.map(\.date.start).max()
        switch (founded, last) {
        case let (from?, to?): return (from, max(from, to))
        case let (from?, nil): return (from, max(from, council.formed.map(\.date.end).max()!))
        case let (nil, to?): return (council.ended.map(\.date.start).min()!, to)
        default: return nil
        }
    }

    /// Where a council stood on a day, for pages and indexes.
    public func councilStatus(_ council: Council, on day: Day) -> CouncilStatus {
        councilStatus(council, from: day, to: day)
    }

    /// Where a council stood during the days from...to: at work on any of them, or else before or after.
    public func councilStatus(_ council: Council, from: Day, to: Day) -> CouncilStatus {
        if let installed = council.installedBy { return .installed(installed) }
        guard let life = councilLifetime(council) else { return .undated }
        if to < life.from { return .notYet }
        if from <= life.to { return .atWork }
        let attestedOnly = !council.ended.isEmpty && council.ended.allSatisfy(\.isAttestation)
        return council.ended.isEmpty || attestedOnly ? .fateNotStated : .ended
    }
}

/// A council's standing on a day.
public enum CouncilStatus: Sendable, Equatable {
    case atWork, notYet, ended
    /// After the last day a source shows it at work (or its founding, when that is all): its end is not stated.
    case fateNotStated
    /// The sources give no date for it.
    case undated
    case installed(InstalledBy)

    public var label: String {
        switch self {
        case .atWork: return "at work"
        case .notYet: return "not yet formed"
        case .ended: return "ended"
        case .fateNotStated: return "fate not stated after its last mention"
        case .undated: return "no date in the sources"
        case .installed(let by): return by.label + ", not a revolutionary council"
        }
    }
}
