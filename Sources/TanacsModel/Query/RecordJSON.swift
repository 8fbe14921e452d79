import Foundation

/// Applied to every string taken from the data before it is written out, e.g. a sanitizer that
/// strips terminal escape sequences. The identity by default.
public typealias TextFilter = @Sendable (String) -> String

/// The shapes `--json` prints and `export --format json` writes: records with references named and
/// every citation expanded into its excerpt's text and source. Keys are snake_case.
public enum RecordJSON {
    public struct Ref: Encodable, Sendable, Equatable {
        public let id: String
        public let name: String
    }

    public struct SourceInfo: Encodable, Sendable {
        public let id: String
        public let author: String
        public let title: String
        public let publication: String
        public let date: String
        public let file: String
    }

    /// A citation: the excerpt's exact words, its paragraph and its source.
    public struct Citation: Encodable, Sendable {
        public let id: String
        public let text: String
        public let paragraph: Int
        public let source: SourceInfo?
    }

    /// A sentence in the project's words with the excerpts that state it.
    public struct StatementRecord: Encodable, Sendable {
        public let text: String
        public let citations: [Citation]
    }

    public struct DatedClaim: Encodable, Sendable {
        public let date: String
        public let display: String
        /// stated, derived or approximate; nil where the dataset does not say.
        public let basis: String?
        public let anchor: Anchor?
        /// Only the first or last day a source shows the council at work.
        public let attested: Bool?
        public let citation: Citation
    }

    /// The excerpt a derived date is reckoned from.
    public struct Anchor: Encodable, Sendable {
        public let reckoning: String
        public let citation: Citation
    }

    public struct EventRecord: Encodable, Sendable {
        public let id: String
        public let date: String
        /// First and last day the date can mean, YYYY-MM-DD; no `end` when the sources state none.
        public let start: String
        public let end: String?
        public let dateBasis: String?
        public let dateAnchor: Anchor?
        public let time: String?
        public let timeBasis: String?
        public let title: String
        /// The statements joined into one paragraph.
        public let summary: String
        public let statements: [StatementRecord]
        public let kind: String
        public let places: [Ref]
        public let councils: [Ref]
        public let people: [Ref]
        public let figures: [Ref]
        public let dateClaims: [DatedClaim]?
        public let citations: [Citation]
    }

    public struct Population: Encodable, Sendable {
        public let value: Int
        public let asStated: String?
        public let citation: Citation
    }

    public struct PlaceRecord: Encodable, Sendable {
        public let id: String
        public let name: String
        public let names: [String]
        public let kind: String
        public let parent: Ref?
        public let lat: Double
        public let lon: Double
        public let placement: String?
        public let abroad: Bool
        public let population1956: Population?
        public let summary: String
        public let statements: [StatementRecord]
        public let councils: [Ref]
        /// Events at the place or anywhere inside it.
        public let eventCount: Int
        public let citations: [Citation]
    }

    public struct Member: Encodable, Sendable {
        public let person: Ref
        public let role: String
        public let citations: [Citation]
    }

    public struct CouncilRecord: Encodable, Sendable {
        public let id: String
        public let name: String
        public let names: [String]
        public let level: String
        public let place: Ref?
        public let parent: Ref?
        public let formed: [DatedClaim]
        public let ended: [DatedClaim]
        public let people: [Member]
        public let demands: [StatementRecord]
        public let summary: String
        public let statements: [StatementRecord]
        public let eventCount: Int
        public let citations: [Citation]
    }

    public struct PersonRecord: Encodable, Sendable {
        public let id: String
        public let name: String
        public let names: [String]
        public let roles: [StatementRecord]
        public let summary: String
        public let statements: [StatementRecord]
        public let councils: [Ref]
        public let eventCount: Int
        public let citations: [Citation]
    }

    public struct Claim: Encodable, Sendable {
        public let value: Double
        public let high: Double?
        public let unit: String
        public let asStated: String
        public let citation: Citation
    }

    public struct FigureRecord: Encodable, Sendable {
        public let id: String
        public let topic: String
        public let summary: String?
        public let statements: [StatementRecord]
        /// Two or more sources give different values of the same quantity.
        public let disputed: Bool
        /// Sources' claims kept apart: conflicting numbers are never merged.
        public let claims: [Claim]
    }

    public struct ExcerptRecord: Encodable, Sendable {
        public let id: String
        public let text: String
        public let paragraph: Int
        public let source: SourceInfo?
        public let citedBy: [Ref]
    }

    public struct Hit: Encodable, Sendable {
        public let id: String
        public let kind: String
        public let label: String
        public let context: String
        public let rank: Int
    }

    /// One record of any kind, for `show`.
    public enum AnyRecord: Encodable, Sendable {
        case event(EventRecord), place(PlaceRecord), council(CouncilRecord), person(PersonRecord)
        case figure(FigureRecord), excerpt(ExcerptRecord), source(SourceInfo)

        public func encode(to encoder: any Encoder) throws {
            switch self {
            case .event(let r): try r.encode(to: encoder)
            case .place(let r): try r.encode(to: encoder)
            case .council(let r): try r.encode(to: encoder)
            case .person(let r): try r.encode(to: encoder)
            case .figure(let r): try r.encode(to: encoder)
            case .excerpt(let r): try r.encode(to: encoder)
            case .source(let r): try r.encode(to: encoder)
            }
        }
    }

    /// Pretty-printed, sorted keys, snake_case, slashes unescaped; ends with a newline.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(value) + Data("\n".utf8)
    }
}

/// Builds `RecordJSON` values from a model, passing every string from the data through a filter.
public struct RecordJSONBuilder: Sendable {
    public let model: Model
    public let clean: TextFilter

    public init(model: Model, clean: @escaping TextFilter = { $0 }) {
        self.model = model
        self.clean = clean
    }

    public typealias R = RecordJSON

    func ref(_ id: String) -> R.Ref { R.Ref(id: id, name: clean(model.name(of: id) ?? id)) }
    func refs(_ ids: [String]) -> [R.Ref] { ids.map(ref) }

    public func source(_ id: String) -> R.SourceInfo? {
        guard let s = model.sourceByID[id] else { return nil }
        return R.SourceInfo(id: s.id, author: clean(s.author), title: clean(s.title),
                            publication: clean(s.publication), date: clean(s.date), file: clean(s.file))
    }

    public func citation(_ id: String) -> R.Citation {
        guard let x = model.excerptByID[id] else { return R.Citation(id: id, text: "", paragraph: 0, source: nil) }
        return R.Citation(id: x.id, text: clean(x.text), paragraph: x.paragraph, source: source(x.source))
    }

    public func statements(_ list: [Statement]) -> [R.StatementRecord] {
        list.map { R.StatementRecord(text: clean($0.text), citations: $0.citations.map(citation)) }
    }

    func claims(_ claims: [DateClaim]) -> [R.DatedClaim] {
        claims.map { R.DatedClaim(date: $0.date.text, display: $0.date.display, basis: $0.basis?.rawValue, anchor: $0.anchor.map(anchor),
                                  attested: $0.attested, citation: citation($0.citation)) }
    }

    func anchor(_ a: DateAnchor) -> R.Anchor { R.Anchor(reckoning: clean(a.reckoning), citation: citation(a.citation)) }

    public func event(_ e: Event) -> R.EventRecord {
        R.EventRecord(id: e.id, date: e.date.text, start: e.date.start.description, end: e.date.knownEnd?.description,
                      dateBasis: e.dateBasis?.rawValue, dateAnchor: e.dateAnchor.map(anchor),
                      time: e.time.map(clean), timeBasis: e.timeBasis?.rawValue, title: clean(e.title), summary: clean(e.summary), statements: statements(e.statements), kind: e.kind.rawValue,
                      places: refs(e.places), councils: refs(e.councils), people: refs(e.people), figures: refs(e.figures),
                      dateClaims: e.dateClaims.map(claims), citations: e.citations.map(citation))
    }

    public func place(_ p: Place) -> R.PlaceRecord {
        R.PlaceRecord(id: p.id, name: clean(p.name), names: p.names.map(clean), kind: p.kind.rawValue,
                      parent: p.parent.map(ref), lat: p.lat, lon: p.lon, placement: p.placement.map(clean),
                      abroad: p.isAbroad,
                      population1956: p.population1956.map {
                          R.Population(value: $0.value, asStated: $0.asStated.map(clean), citation: citation($0.citation))
                      },
                      summary: clean(p.summary), statements: statements(p.statements), councils: refs(model.councilsByPlace[p.id] ?? []),
                      eventCount: model.eventsByPlace[p.id]?.count ?? 0, citations: p.citations.map(citation))
    }

    public func council(_ c: Council) -> R.CouncilRecord {
        R.CouncilRecord(id: c.id, name: clean(c.name), names: c.names.map(clean), level: c.level.rawValue,
                        place: c.place.map(ref), parent: c.parent.map(ref), formed: claims(c.formed), ended: claims(c.ended),
                        people: c.people.map { R.Member(person: ref($0.person), role: clean($0.role), citations: $0.citations.map(citation)) },
                        demands: statements(c.demands),
                        summary: clean(c.summary), statements: statements(c.statements), eventCount: model.eventsByCouncil[c.id]?.count ?? 0,
                        citations: c.citations.map(citation))
    }

    public func person(_ p: Person) -> R.PersonRecord {
        R.PersonRecord(id: p.id, name: clean(p.name), names: p.names.map(clean), roles: statements(p.roles),
                       summary: clean(p.summary), statements: statements(p.statements), councils: refs(model.councilsByPerson[p.id] ?? []),
                       eventCount: model.eventsByPerson[p.id]?.count ?? 0, citations: p.citations.map(citation))
    }

    public func figure(_ f: Figure) -> R.FigureRecord {
        R.FigureRecord(id: f.id, topic: clean(f.topic), summary: f.summary.map(clean), statements: statements(f.statements),
                       disputed: f.isDisputed { model.excerptByID[$0]?.source }, claims: f.claims.map {
            R.Claim(value: $0.value, high: $0.high, unit: clean($0.unit), asStated: clean($0.asStated), citation: citation($0.citation))
        })
    }

    public func excerpt(_ x: Excerpt) -> R.ExcerptRecord {
        R.ExcerptRecord(id: x.id, text: clean(x.text), paragraph: x.paragraph, source: source(x.source),
                        citedBy: refs(model.citedBy[x.id] ?? []))
    }

    public func hit(_ h: SearchHit) -> R.Hit {
        R.Hit(id: h.id, kind: h.kind.rawValue, label: clean(h.label), context: clean(h.context), rank: h.rank)
    }

    /// Any record by id, or nil when there is none.
    public func record(_ id: String) -> R.AnyRecord? {
        if let r = model.eventByID[id] { return .event(event(r)) }
        if let r = model.placeByID[id] { return .place(place(r)) }
        if let r = model.councilByID[id] { return .council(council(r)) }
        if let r = model.personByID[id] { return .person(person(r)) }
        if let r = model.figureByID[id] { return .figure(figure(r)) }
        if let r = model.excerptByID[id] { return .excerpt(excerpt(r)) }
        if let r = source(id) { return .source(r) }
        return nil
    }
}
