import Foundation

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

    public let sourceByID: RecordIndex<Source>
    public let excerptByID: RecordIndex<Excerpt>
    public let placeByID: RecordIndex<Place>
    public let councilByID: RecordIndex<Council>
    public let eventByID: RecordIndex<Event>
    public let personByID: RecordIndex<Person>
    public let figureByID: RecordIndex<Figure>

    /// Events at a place or at any place inside it, in date order.
    public var eventsByPlace: [String: [String]] { deferred.links.value.eventsByPlace }
    public var eventsByCouncil: [String: [String]] { deferred.links.value.eventsByCouncil }
    public var eventsByPerson: [String: [String]] { deferred.eventsByPerson.value }
    public var eventsByFigure: [String: [String]] { deferred.eventsByFigure.value }
    /// Councils seated at a place or inside it.
    public var councilsByPlace: [String: [String]] { deferred.links.value.councilsByPlace }
    /// Councils that sent delegates to, or joined, a council.
    public var councilChildren: [String: [String]] { deferred.links.value.councilChildren }
    public var councilsByPerson: [String: [String]] { deferred.councilsByPerson.value }
    /// People of a place's events and councils, by folded name.
    public var peopleByPlace: [String: [String]] { deferred.peopleByPlace.value }
    /// Places directly inside a place (districts, sites).
    public var placeChildren: [String: [String]] { deferred.links.value.placeChildren }
    /// Every record id that cites an excerpt, in a stable order.
    public var citedBy: [String: [String]] { deferred.citedBy.value }

    /// Every index from one record to others, each built the first time it is asked for, or ahead
    /// of that: the loader builds those the map and timeline use while it validates, the explorer
    /// the rest once the first frame is on screen (`buildDeferredIndices`).
    let deferred: DeferredIndices

    public init(sources: [Source], excerpts: [Excerpt], places: [Place], councils: [Council],
                events: [Event], people: [Person], figures: [Figure]) {
        // Each kind is sorted and indexed on its own, the kinds side by side on every core.
        let slots = Slots(count: 7)
        DispatchQueue.concurrentPerform(iterations: 7) { kind in
            switch kind {
            case 0: slots.set(0, RecordIndex(excerpts, order: nil))
            case 1: slots.set(1, Model.sorted(events, Chronology.orderIndices(events)))
            case 2: slots.set(2, Model.sorted(places, Model.orderByName(places, \.name)))
            case 3: slots.set(3, Model.sorted(councils, Model.orderByName(councils, \.name)))
            case 4: slots.set(4, Model.sorted(people, Model.orderByName(people, \.name)))
            case 5: slots.set(5, RecordIndex(figures, order: nil))
            default: slots.set(6, RecordIndex(sources, order: nil))
            }
        }
        self.sources = sources
        self.excerpts = excerpts
        self.figures = figures
        excerptByID = slots.get(0)
        (self.events, eventByID) = slots.get(1)
        (self.places, placeByID) = slots.get(2)
        (self.councils, councilByID) = slots.get(3)
        (self.people, personByID) = slots.get(4)
        figureByID = slots.get(5)
        sourceByID = slots.get(6)
        deferred = DeferredIndices(events: self.events, places: self.places, placeByID: placeByID, councils: self.councils,
                                   people: self.people, figures: figures)
    }

    /// Builds the indices the map and the timeline use (the loader does, while it validates).
    public func buildLinkIndices() { _ = deferred.links.value }

    /// Builds every index that is otherwise built on first use; the explorer calls it on another
    /// thread once the first frame is on screen.
    public func buildDeferredIndices() { deferred.buildAll() }

    private static func sorted<T>(_ records: [T], _ order: [Int]) -> ([T], RecordIndex<T>) {
        let sorted = order.map { records[$0] }
        return (sorted, RecordIndex(sorted, order: order))
    }

    /// Positions in folded-name order, then by id; each name is folded once.
    private static func orderByName<T: Identifiable>(_ records: [T], _ name: KeyPath<T, String>) -> [Int] where T.ID == String {
        let keys = records.map { $0[keyPath: name].folded }
        return records.indices.sorted { a, b in keys[a] != keys[b] ? keys[a] < keys[b] : records[a].id < records[b].id }
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
