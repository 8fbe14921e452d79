/// The whole dataset in memory, with the indices the explorer needs built once at load.
public struct Model: Sendable {
    public let sources: [Source]
    public let excerpts: [Excerpt]
    /// Places sorted by name.
    public let places: [Place]
    /// Councils sorted by name.
    public let councils: [Council]
    /// Events sorted by date, then time, then id.
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
        // Same day and time: keep the order of the file, which tells the story in sequence.
        self.events = events.enumerated()
            .sorted { ($0.element.date, $0.element.time ?? "", $0.offset) < ($1.element.date, $1.element.time ?? "", $1.offset) }
            .map(\.element)
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
        records.map { (key: $0[keyPath: name].folded, record: $0) }
            .sorted { ($0.key, $0.record.id) < ($1.key, $1.record.id) }
            .map(\.record)
    }

    private static func index<T: Identifiable>(_ records: [T]) -> [String: T] where T.ID == String {
        var result: [String: T] = [:]
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

    /// Councils that existed on a day: formed on or before it and not yet ended.
    public func councilExists(_ council: Council, on day: Day) -> Bool {
        guard let formed = council.formed.map(\.date.start).min(), formed <= day else { return false }
        if let ended = council.ended.map(\.date.end).max(), ended < day { return false }
        return true
    }
}
