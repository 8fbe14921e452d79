// The dataset's records, one Codable type per kind, mirroring data/schema/*.schema.json.

public struct Source: Codable, Sendable, Equatable, Identifiable {
    public let id: String
    public let file: String
    public let author: String
    public let title: String
    public let publication: String
    public let date: String
    public let notes: String
}

public struct Excerpt: Codable, Sendable, Equatable, Identifiable {
    public let id: String
    public let source: String
    public let text: String
    /// Where the excerpt starts; it may run on into the next paragraph where a page break split a sentence.
    public let paragraph: Int
    /// True for an excerpt from the article's endnotes: shown as a note, never a fact's only support.
    public let note: Bool?

    public init(id: String, source: String, text: String, paragraph: Int, note: Bool? = nil) {
        self.id = id
        self.source = source
        self.text = text
        self.paragraph = paragraph
        self.note = note
    }

    public var isNote: Bool { note ?? false }
}

public enum PlaceKind: String, Codable, Sendable, CaseIterable {
    case town, village, district, site, county, region
}

/// A number stated by a source, with the excerpt that states it.
public struct CitedNumber: Codable, Sendable, Equatable {
    public let value: Int
    /// The source's own words for the number, e.g. "just under 100,000".
    public let asStated: String?
    public let citation: String

    enum CodingKeys: String, CodingKey {
        case value, citation
        case asStated = "as_stated"
    }
}

/// One sentence in the project's words and the excerpts that state it: the unit a reader (and the
/// support lint) checks. Every fact-stating prose field is a list of these.
public struct Statement: Codable, Sendable, Equatable {
    public let text: String
    public let citations: [String]

    public init(text: String, citations: [String]) {
        self.text = text
        self.citations = citations
    }
}

extension Array where Element == Statement {
    /// The statements as one paragraph, for search and plain-text exports.
    public var joinedText: String { map(\.text).joined(separator: " ") }
    /// Every excerpt the statements cite, in order of first mention.
    public var citations: [String] {
        var seen = Set<String>()
        return flatMap(\.citations).filter { seen.insert($0).inserted }
    }
}

public struct Place: Codable, Sendable, Equatable, Identifiable {
    public let id: String
    public let name: String
    public let names: [String]
    public let kind: PlaceKind
    public let parent: String?
    public let lat: Double
    public let lon: Double
    /// "geonames" when the coordinates come from GeoNames, "hand" when placed by hand.
    public let placement: String?
    /// True for places outside Hungary.
    public let abroad: Bool?
    public let population1956: CitedNumber?
    public let statements: [Statement]
    public let citations: [String]

    public var isAbroad: Bool { abroad ?? false }
    public var summary: String { statements.joinedText }
}

/// How a date is known: the cited excerpt states it, it is reckoned from an excerpt that anchors it
/// ("the next day"), or the source is vague and the date is a month, a year or an interval.
public enum DateBasis: String, Codable, Sendable, CaseIterable {
    case stated, derived, approximate
}

/// The excerpt a derived date is reckoned from, and how.
public struct DateAnchor: Codable, Sendable, Hashable {
    public let citation: String
    /// In our words: "the day after the 23 October demonstration".
    public let reckoning: String

    public init(citation: String, reckoning: String) {
        self.citation = citation
        self.reckoning = reckoning
    }
}

/// A date as one source states it.
public struct DateClaim: Codable, Sendable, Equatable {
    public let date: HistoricalDate
    public let basis: DateBasis?
    public let anchor: DateAnchor?
    /// For a council's end: the last day a source shows it at work, its fate after that not stated.
    /// For its founding: the first day a source shows it at work, its founding not stated.
    public let attested: Bool?
    public let citation: String

    public init(date: HistoricalDate, basis: DateBasis? = nil, anchor: DateAnchor? = nil, attested: Bool? = nil, citation: String) {
        self.date = date
        self.basis = basis
        self.anchor = anchor
        self.attested = attested
        self.citation = citation
    }

    /// Only an attestation: not when the council formed or ended, but when a source last (or first) saw it.
    public var isAttestation: Bool { attested ?? false }
}

/// Part of a day as a source gives it ("by nightfall", "that evening"), for ordering untimed events.
public enum DayPart: String, Codable, Sendable, CaseIterable {
    case dawn, morning, midday, afternoon, evening, night

    /// The minute of the day it sorts at, among events with a clock time.
    public var minute: Int {
        switch self {
        case .dawn: return 5 * 60
        case .morning: return 8 * 60
        case .midday: return 12 * 60
        case .afternoon: return 14 * 60
        case .evening: return 18 * 60
        case .night: return 22 * 60
        }
    }
}

/// A part of the day with the excerpt that says it.
public struct CitedDayPart: Codable, Sendable, Equatable {
    public let part: DayPart
    public let citation: String
}

public enum CouncilLevel: String, Codable, Sendable, CaseIterable {
    case factory, district, town, county, regional, national, student, other
}

/// Who set up a body that was not a revolutionary council, though it may have borne the name.
public enum InstalledBy: String, Codable, Sendable, CaseIterable {
    case sovietCommand = "soviet-command"
    case kadarGovernment = "kadar-government"

    public var label: String {
        switch self {
        case .sovietCommand: return "set up by the Soviet command"
        case .kadarGovernment: return "set up by the Kádár government"
        }
    }
}

/// A person's part in a council; `citations` name the person in that part.
public struct CouncilMember: Codable, Sendable, Equatable {
    public let person: String
    public let role: String
    public let citations: [String]
}

/// A council's demand in the project's words, with the excerpts that state it.
public typealias Demand = Statement

public struct Council: Codable, Sendable, Equatable, Identifiable {
    public let id: String
    public let name: String
    public let names: [String]
    public let level: CouncilLevel
    /// Set for bodies installed by the Soviet command or the Kádár government: never a council at work.
    public let installedBy: InstalledBy?
    /// Where the council sat; nil when the sources name no single place.
    public let place: String?
    public let parent: String?
    /// Every source's version of the founding date; usually one.
    public let formed: [DateClaim]
    public let ended: [DateClaim]
    public let people: [CouncilMember]
    public let demands: [Demand]
    public let statements: [Statement]
    public let citations: [String]

    public var summary: String { statements.joinedText }

    enum CodingKeys: String, CodingKey {
        case id, name, names, level, place, parent, formed, ended, people, demands, statements, citations
        case installedBy = "installed_by"
    }

    init(id: String, name: String, names: [String], level: CouncilLevel, installedBy: InstalledBy?, place: String?,
         parent: String?, formed: [DateClaim], ended: [DateClaim], people: [CouncilMember], demands: [Demand],
         statements: [Statement], citations: [String]) {
        self.id = id
        self.name = name
        self.names = names
        self.level = level
        self.installedBy = installedBy
        self.place = place
        self.parent = parent
        self.formed = formed
        self.ended = ended
        self.people = people
        self.demands = demands
        self.statements = statements
        self.citations = citations
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        names = try c.decodeIfPresent([String].self, forKey: .names) ?? []
        level = try c.decode(CouncilLevel.self, forKey: .level)
        installedBy = try c.decodeIfPresent(InstalledBy.self, forKey: .installedBy)
        place = try c.decodeIfPresent(String.self, forKey: .place)
        parent = try c.decodeIfPresent(String.self, forKey: .parent)
        formed = try Council.decodeClaims(c, .formed)
        ended = try Council.decodeClaims(c, .ended)
        people = try c.decodeIfPresent([CouncilMember].self, forKey: .people) ?? []
        demands = try c.decodeIfPresent([Demand].self, forKey: .demands) ?? []
        statements = try c.decode([Statement].self, forKey: .statements)
        citations = try c.decode([String].self, forKey: .citations)
    }

    /// `formed` and `ended` are one `{date, citation}` or, where sources disagree, a list of them.
    private static func decodeClaims(_ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> [DateClaim] {
        guard c.contains(key), try !c.decodeNil(forKey: key) else { return [] }
        if let one = try? c.decode(DateClaim.self, forKey: key) { return [one] }
        return try c.decode([DateClaim].self, forKey: key)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(names, forKey: .names)
        try c.encode(level, forKey: .level)
        try c.encodeIfPresent(installedBy, forKey: .installedBy)
        try c.encodeIfPresent(place, forKey: .place)
        try c.encodeIfPresent(parent, forKey: .parent)
        if formed.count == 1 { try c.encode(formed[0], forKey: .formed) } else if !formed.isEmpty { try c.encode(formed, forKey: .formed) }
        if ended.count == 1 { try c.encode(ended[0], forKey: .ended) } else if !ended.isEmpty { try c.encode(ended, forKey: .ended) }
        try c.encode(people, forKey: .people)
        try c.encode(demands, forKey: .demands)
        try c.encode(statements, forKey: .statements)
        try c.encode(citations, forKey: .citations)
    }
}

public enum EventKind: String, Codable, Sendable, CaseIterable {
    case demonstration, fighting, massacre, strike, council, political, military, repression, international, other
}

public struct Event: Codable, Sendable, Equatable, Identifiable {
    public let id: String
    public let date: HistoricalDate
    /// How the date is known; nil in datasets that do not say.
    public let dateBasis: DateBasis?
    /// For a derived date: the excerpt it is reckoned from.
    public let dateAnchor: DateAnchor?
    public let time: String?
    public let timeBasis: DateBasis?
    public let timeAnchor: DateAnchor?
    /// Where in the day an untimed event falls, when a source says ("that night").
    public let dayPart: CitedDayPart?
    public let title: String
    public let statements: [Statement]
    public let kind: EventKind
    public let places: [String]
    public let councils: [String]
    public let people: [String]
    public let figures: [String]
    /// Present only where sources disagree on the date: each source's version.
    public let dateClaims: [DateClaim]?
    public let citations: [String]

    enum CodingKeys: String, CodingKey {
        case id, date, time, title, statements, kind, places, councils, people, figures, citations
        case dateClaims = "date_claims"
        case dateBasis = "date_basis"
        case dateAnchor = "date_anchor"
        case timeBasis = "time_basis"
        case timeAnchor = "time_anchor"
        case dayPart = "day_part"
    }

    public var summary: String { statements.joinedText }
}

public struct Person: Codable, Sendable, Equatable, Identifiable {
    public let id: String
    public let name: String
    public let names: [String]
    /// What the person was or did, each with the excerpts that name them in it.
    public let roles: [Statement]
    public let statements: [Statement]
    public let citations: [String]

    public var summary: String { statements.joinedText }
    public var roleTexts: [String] { roles.map(\.text) }
}

public struct FigureClaim: Codable, Sendable, Equatable {
    public let value: Double
    /// Upper end where the source gives a range.
    public let high: Double?
    public let unit: String
    /// The source's own words for the number.
    public let asStated: String
    public let citation: String

    /// The source's qualifier (about, over, up to…), kept wherever the number is shown.
    public var qualifier: String? {
        let words = asStated.lowercased().split(separator: " ").map(String.init)
        for q in ["just under", "at least", "as many as", "more than", "up to", "some", "about", "around", "over",
                  "perhaps", "nearly", "almost", "approximately", "under"] {
            let qw = q.split(separator: " ").map(String.init)
            if words.starts(with: qw) { return q }
        }
        return nil
    }

    enum CodingKeys: String, CodingKey {
        case value, high, unit, citation
        case asStated = "as_stated"
    }
}

public struct Figure: Codable, Sendable, Equatable, Identifiable {
    public let id: String
    public let topic: String
    /// What the figure counts and where sources part; empty when the topic says it all.
    public let statements: [Statement]
    public let claims: [FigureClaim]

    public var summary: String? { statements.isEmpty ? nil : statements.joinedText }

    /// Two or more sources give different values of the same quantity (the same unit). A breakdown
    /// from one source (before and after, a share per phase) is several quantities, not a dispute.
    public func isDisputed(sourceOf excerpt: (String) -> String?) -> Bool {
        var bySourceAndUnit: [String: Set<String>] = [:] // unit → "source|value"
        for c in claims {
            guard let source = excerpt(c.citation) else { continue }
            bySourceAndUnit[c.unit.folded, default: []].insert("\(source)|\(c.value)|\(c.high ?? c.value)")
        }
        return bySourceAndUnit.values.contains { entries in
            let split = entries.map { $0.split(separator: "|", maxSplits: 1).map(String.init) }
            return split.contains { a in split.contains { b in a[0] != b[0] && a[1] != b[1] } }
        }
    }

    enum CodingKeys: String, CodingKey { case id, topic, statements, claims }

    init(id: String, topic: String, statements: [Statement], claims: [FigureClaim]) {
        self.id = id
        self.topic = topic
        self.statements = statements
        self.claims = claims
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        topic = try c.decode(String.self, forKey: .topic)
        statements = try c.decodeIfPresent([Statement].self, forKey: .statements) ?? []
        claims = try c.decode([FigureClaim].self, forKey: .claims)
    }
}

extension HistoricalDate: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let parsed = HistoricalDate(text) else {
            let halves = text.split(separator: "/", omittingEmptySubsequences: false).map { HistoricalDate(String($0)) }
            if halves.count == 2, let from = halves[0], let to = halves[1] {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "invalid date \"\(text)\": the interval ends (\(to.end)) before it starts (\(from.start))")
            }
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "invalid date \"\(text)\" (want YYYY, YYYY-MM, YYYY-MM-DD, START/END or START/.. when the end is not stated)")
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}

// Every excerpt a record cites anywhere (its list, its statements, dates, members, demands, claims),
// in order of first mention: what "cited by" and exports gather.
extension Event {
    public var everyCitation: [String] {
        unique(citations + statements.citations + (dateClaims ?? []).flatMap { [$0.citation] + [$0.anchor?.citation].compactMap { $0 } }
               + [dateAnchor?.citation, timeAnchor?.citation, dayPart?.citation].compactMap { $0 })
    }
}
extension Place {
    public var everyCitation: [String] {
        unique(citations + statements.citations + [population1956?.citation].compactMap { $0 })
    }
}
extension Council {
    public var everyCitation: [String] {
        unique(citations + statements.citations + (formed + ended).flatMap { [$0.citation] + [$0.anchor?.citation].compactMap { $0 } }
               + people.flatMap(\.citations) + demands.citations)
    }
}
extension Person {
    public var everyCitation: [String] { unique(citations + statements.citations + roles.citations) }
}
extension Figure {
    public var everyCitation: [String] { unique(statements.citations + claims.map(\.citation)) }
}

private func unique(_ ids: [String]) -> [String] {
    var seen = Set<String>()
    return ids.filter { seen.insert($0).inserted }
}

/// A name or fact on screen that the five sources do not state (a full first name, a location),
/// with the reason it is there. The register is kept short: the sources come first.
public struct OutsideKnowledge: Codable, Sendable, Identifiable, Equatable {
    public let id: String
    /// The words on screen that come from outside the sources.
    public let term: String
    /// The records they appear in; empty when the entry concerns a whole kind (place names, coordinates).
    public let records: [String]
    public let reason: String

    public init(id: String, term: String, records: [String], reason: String) {
        self.id = id
        self.term = term
        self.records = records
        self.reason = reason
    }
}
