import Foundation

/// The records an export covers: the events a filter keeps and, when it keeps only some, just the
/// places, councils, people, figures and excerpts those events reach.
public struct ExportSelection: Sendable {
    public let model: Model
    public let filter: EventFilter
    public let events: [Event]
    public let places: [Place]
    public let councils: [Council]
    public let people: [Person]
    public let figures: [Figure]
    public let excerpts: [Excerpt]
    public let sources: [Source]

    public init(model m: Model, filter: EventFilter = EventFilter()) {
        model = m
        self.filter = filter
        events = filter.apply(to: m)
        sources = m.sources
        guard !filter.isEmpty else {
            places = m.places
            councils = m.councils
            people = m.people
            figures = m.figures
            excerpts = m.excerpts
            return
        }
        var placeIDs: Set<String> = [], councilIDs: Set<String> = [], personIDs: Set<String> = [], figureIDs: Set<String> = []
        for e in events {
            for id in e.places {
                // The place and the places it lies in, so a district comes with its town.
                var current: String? = id, seen: Set<String> = []
                while let p = current, seen.insert(p).inserted { placeIDs.insert(p); current = m.placeByID[p]?.parent }
            }
            councilIDs.formUnion(e.councils)
            personIDs.formUnion(e.people)
            figureIDs.formUnion(e.figures)
        }
        places = m.places.filter { placeIDs.contains($0.id) }
        councils = m.councils.filter { councilIDs.contains($0.id) }
        people = m.people.filter { personIDs.contains($0.id) }
        figures = m.figures.filter { figureIDs.contains($0.id) }
        var cited: Set<String> = []
        for e in events { cited.formUnion(e.everyCitation) }
        for p in places { cited.formUnion(p.everyCitation) }
        for c in councils { cited.formUnion(c.everyCitation) }
        for p in people { cited.formUnion(p.everyCitation) }
        for f in figures { cited.formUnion(f.everyCitation) }
        excerpts = m.excerpts.filter { cited.contains($0.id) }
    }

    /// Events at a place (or inside it) that the filter keeps.
    public func eventCount(at place: String) -> Int {
        guard !filter.isEmpty else { return model.eventsByPlace[place]?.count ?? 0 }
        let kept = Set(events.map(\.id))
        return (model.eventsByPlace[place] ?? []).filter(kept.contains).count
    }
}

/// The export formats and what opens them.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// Every record with citations expanded, for scripts (jq, Python, R).
    case json
    /// One table per kind of record, for spreadsheets and databases.
    case csv
    /// Places as a FeatureCollection of Points, for QGIS, geojson.io, Leaflet.
    case geojson
    /// TimelineJS 3 JSON, for the TimelineJS viewer.
    case timelinejs
    /// A handout with footnoted quotations, for pandoc, GitHub, any Markdown reader.
    case markdown
    /// One SQLite database with every table, foreign keys and a full-text index.
    case sqlite
}

/// The full JSON export: the dataset (or the part a filter selects), citations expanded.
public enum JSONExport {
    struct Document: Encodable {
        let title: String
        let filter: [String: String]
        let sources: [RecordJSON.SourceInfo]
        let events: [RecordJSON.EventRecord]
        let places: [RecordJSON.PlaceRecord]
        let councils: [RecordJSON.CouncilRecord]
        let people: [RecordJSON.PersonRecord]
        let figures: [RecordJSON.FigureRecord]
    }

    public static func render(_ s: ExportSelection, clean: @escaping TextFilter = { $0 }) throws -> Data {
        let b = RecordJSONBuilder(model: s.model, clean: clean)
        let doc = Document(title: "The Hungarian Revolution of 1956 (Tanács)", filter: s.filter.summary,
                           sources: s.sources.compactMap { b.source($0.id) }, events: s.events.map(b.event),
                           places: s.places.map(b.place), councils: s.councils.map(b.council),
                           people: s.people.map(b.person), figures: s.figures.map(b.figure))
        return try RecordJSON.encode(doc)
    }
}

extension EventFilter {
    /// The filter as strings, for the header of an export.
    public var summary: [String: String] {
        var out: [String: String] = [:]
        if let from { out["from"] = from.description }
        if let to { out["to"] = to.description }
        if let place { out["place"] = place }
        if let council { out["council"] = council }
        if let kind { out["kind"] = kind.rawValue }
        return out
    }
}
