// The dataset's records, one Codable type per kind, mirroring data/schema/*.schema.json.

public struct Source: Codable, Sendable, Identifiable {
    public let id: String
    public let file: String
    public let author: String
    public let title: String
    public let publication: String
    public let date: String
    public let notes: String
}

public struct Excerpt: Codable, Sendable, Identifiable {
    public let id: String
    public let source: String
    public let text: String
    public let paragraph: Int
}

public enum PlaceKind: String, Codable, Sendable, CaseIterable {
    case town, village, district, site, county, region
}

/// A number stated by a source, with the excerpt that states it.
public struct CitedNumber: Codable, Sendable {
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

public struct Place: Codable, Sendable, Identifiable {
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

/// A date as one source states it.
public struct DateClaim: Codable, Sendable {
    public let date: HistoricalDate
    public let citation: String

    public init(date: HistoricalDate, citation: String) {
        self.date = date
        self.citation = citation
    }
}

public enum CouncilLevel: String, Codable, Sendable, CaseIterable {
    case factory, district, town, county, regional, national, student, other
}

/// A person's part in a council; `citations` name the person in that part.
public struct CouncilMember: Codable, Sendable {
    public let person: String
    public let role: String
    public let citations: [String]
}

/// A council's demand in the project's words, with the excerpts that state it.
public typealias Demand = Statement

public struct Council: Codable, Sendable, Identifiable {
    public let id: String
    public let name: String
    public let names: [String]
    public let level: CouncilLevel
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
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        names = try c.decodeIfPresent([String].self, forKey: .names) ?? []
        level = try c.decode(CouncilLevel.self, forKey: .level)
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

public struct Event: Codable, Sendable, Identifiable {
    public let id: String
    public let date: HistoricalDate
    public let time: String?
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
    }

    public var summary: String { statements.joinedText }
}

public struct Person: Codable, Sendable, Identifiable {
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

public struct FigureClaim: Codable, Sendable {
    public let value: Double
    /// Upper end where the source gives a range.
    public let high: Double?
    public let unit: String
    /// The source's own words for the number.
    public let asStated: String
    public let citation: String

    enum CodingKeys: String, CodingKey {
        case value, high, unit, citation
        case asStated = "as_stated"
    }
}

public struct Figure: Codable, Sendable, Identifiable {
    public let id: String
    public let topic: String
    /// What the figure counts and where sources part; empty when the topic says it all.
    public let statements: [Statement]
    public let claims: [FigureClaim]

    public var summary: String? { statements.isEmpty ? nil : statements.joinedText }

    enum CodingKeys: String, CodingKey { case id, topic, statements, claims }

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
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "invalid date \"\(text)\" (want YYYY, YYYY-MM, YYYY-MM-DD or START/END)")
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
    public var everyCitation: [String] { unique(citations + statements.citations + (dateClaims ?? []).map(\.citation)) }
}
extension Place {
    public var everyCitation: [String] {
        unique(citations + statements.citations + [population1956?.citation].compactMap { $0 })
    }
}
extension Council {
    public var everyCitation: [String] {
        unique(citations + statements.citations + formed.map(\.citation) + ended.map(\.citation)
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
