import Foundation

/// Records of one kind by id. It keeps each record's position in the model's array rather than a
/// copy of the record, so a record is stored once and building the index copies no fields.
public struct RecordIndex<Record: Identifiable & Sendable>: Sendable where Record.ID == String {
    private let records: [Record]
    private let positions: [String: Int]

    /// `order[k]` is the position in the file's order of `records[k]` (nil: the same order). Of two
    /// records with one id, the first in the file's order is the one found, as before sorting.
    init(_ records: [Record], order: [Int]?) {
        self.records = records
        var positions: [String: Int] = [:]
        positions.reserveCapacity(records.count)
        if let order {
            var stored = [Int](repeating: 0, count: records.count)
            for (k, original) in order.enumerated() { stored[original] = k }
            for k in stored where positions[records[k].id] == nil { positions[records[k].id] = k }
        } else {
            for (k, record) in records.enumerated() where positions[record.id] == nil { positions[record.id] = k }
        }
        self.positions = positions
    }

    public subscript(id: String) -> Record? { positions[id].map { records[$0] } }

    public func contains(_ id: String) -> Bool { positions[id] != nil }

    /// How many different ids there are.
    public var count: Int { positions.count }
}

/// Each place with the places it lies inside, worked out once per place rather than once per
/// event or council that names it.
struct Ancestry {
    private let placeByID: RecordIndex<Place>
    private var known: [String: [String]] = [:]
    /// Parent links followed so far: the tests bound it by the places, whatever the events.
    private(set) var steps = 0

    init(_ placeByID: RecordIndex<Place>) { self.placeByID = placeByID }

    /// A place and every place that lies inside it, guarding against parent cycles in bad data.
    mutating func ancestorsAndSelf(_ id: String) -> [String] {
        if let chain = known[id] { return chain }
        var chain = [id], seen: Set<String> = [id], current = id
        while let parent = placeByID[current]?.parent, !seen.contains(parent) {
            steps += 1
            chain.append(parent)
            seen.insert(parent)
            current = parent
        }
        known[id] = chain
        return chain
    }
}

extension Array where Element == String {
    /// Appends unless `value` is already last: each index lists a record once per key while the
    /// records are visited one at a time.
    mutating func appendOnce(_ value: String) {
        if last != value { append(value) }
    }
}

/// One value per task of a `concurrentPerform`, each written once by the thread that ran it.
final class Slots: @unchecked Sendable {
    private var values: [Any?]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Any) { lock.withLock { values[index] = value } }
    func get<T>(_ index: Int) -> T { lock.withLock { values[index] as! T } }
}

/// A value built the first time it is asked for, on whichever thread asks; others wait for it.
final class Deferred<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var make: (@Sendable () -> Value)?
    private var made: Value?

    init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    /// Whether it has been built (for the tests that check what loading builds).
    var isMade: Bool { lock.withLock { made != nil } }

    var value: Value {
        lock.withLock {
            if let made { return made }
            let value = make!()
            made = value
            make = nil
            return value
        }
    }
}

/// Links between places, events and councils, which the map and the timeline use.
struct LinkIndices: Sendable {
    var placeChildren: [String: [String]] = [:]
    var eventsByPlace: [String: [String]] = [:]
    var eventsByCouncil: [String: [String]] = [:]
    var councilsByPlace: [String: [String]] = [:]
    var councilChildren: [String: [String]] = [:]
    /// Parent links followed: the tests bound it by the places, whatever the events.
    var ancestrySteps = 0

    init(events: [Event], places: [Place], placeByID: RecordIndex<Place>, councils: [Council]) {
        for place in places { if let parent = place.parent { placeChildren[parent, default: []].append(place.id) } }
        var ancestry = Ancestry(placeByID)
        for event in events {
            // An event lists a place at most once after validation; `appendOnce` keeps bad data from
            // listing it twice, as it keeps a place inside two of the event's places from doing so.
            for place in event.places {
                for id in ancestry.ancestorsAndSelf(place) { eventsByPlace[id, default: []].appendOnce(event.id) }
            }
            for council in event.councils { eventsByCouncil[council, default: []].appendOnce(event.id) }
        }
        for council in councils {
            for id in council.place.map({ ancestry.ancestorsAndSelf($0) }) ?? [] { councilsByPlace[id, default: []].append(council.id) }
            if let parent = council.parent { councilChildren[parent, default: []].append(council.id) }
        }
        ancestrySteps = ancestry.steps
    }
}

/// The model's indices from one record to others, each built on first use.
final class DeferredIndices: Sendable {
    let links: Deferred<LinkIndices>
    let eventsByPerson: Deferred<[String: [String]]>
    let eventsByFigure: Deferred<[String: [String]]>
    let councilsByPerson: Deferred<[String: [String]]>
    let peopleByPlace: Deferred<[String: [String]]>
    let citedBy: Deferred<[String: [String]]>

    init(events: [Event], places: [Place], placeByID: RecordIndex<Place>, councils: [Council], people: [Person], figures: [Figure]) {
        links = Deferred { LinkIndices(events: events, places: places, placeByID: placeByID, councils: councils) }
        eventsByPerson = Deferred {
            var index: [String: [String]] = [:]
            for event in events { for person in event.people { index[person, default: []].appendOnce(event.id) } }
            return index
        }
        eventsByFigure = Deferred {
            var index: [String: [String]] = [:]
            for event in events { for figure in event.figures { index[figure, default: []].appendOnce(event.id) } }
            return index
        }
        councilsByPerson = Deferred {
            var index: [String: [String]] = [:]
            for council in councils { for member in council.people { index[member.person, default: []].appendOnce(council.id) } }
            return index
        }
        peopleByPlace = Deferred {
            var byPlace: [String: Set<String>] = [:]
            for event in events {
                for place in event.places { for person in event.people { byPlace[place, default: []].insert(person) } }
            }
            for council in councils {
                guard let place = council.place else { continue }
                for member in council.people { byPlace[place, default: []].insert(member.person) }
            }
            // Each person's folded name once, not once per comparison.
            var foldedName: [String: String] = [:]
            for person in people where foldedName[person.id] == nil { foldedName[person.id] = person.name.folded }
            return byPlace.mapValues { ids in
                ids.map { (key: foldedName[$0] ?? $0, id: $0) }.sorted { $0.key < $1.key }.map(\.id)
            }
        }
        citedBy = Deferred {
            var citedBy: [String: [String]] = [:]
            func cite(_ record: String, _ excerpts: [String]) {
                for excerpt in excerpts { citedBy[excerpt, default: []].appendOnce(record) }
            }
            for e in events { cite(e.id, e.everyCitation) }
            for p in places { cite(p.id, p.everyCitation) }
            for c in councils { cite(c.id, c.everyCitation) }
            for p in people { cite(p.id, p.everyCitation) }
            for f in figures { cite(f.id, f.everyCitation) }
            return citedBy
        }
    }

    func buildAll() {
        _ = links.value
        _ = eventsByPerson.value
        _ = eventsByFigure.value
        _ = councilsByPerson.value
        _ = peopleByPlace.value
        _ = citedBy.value
    }
}
