/// Cross-record checks that decoding alone cannot make: unique ids, resolving references, citations,
/// acyclic council parents, coordinates in range.
public enum Validator {
    /// Hungary's bounding box with a small margin; places outside must be flagged `abroad`.
    public static let hungaryLat = 45.6...48.7
    public static let hungaryLon = 16.0...23.0
    /// Ids are short words; one longer than this is not an id (and would fill a screen in a message).
    public static let maxIDBytes = 200

    /// `unreadable` names records that exist but could not be read (their ids) and kinds whose whole
    /// file could not be ("excerpt"): references to them are not reported again as unknown.
    public static func check(_ m: Model, unreadable: Set<String> = []) -> [LoadError] {
        var errors: [LoadError] = []
        func fail(_ file: String, _ id: String, _ field: String, _ message: String) {
            errors.append(LoadError(file: file, record: id, field: field, message: message))
        }

        var seen: [String: String] = [:]
        seen.reserveCapacity(m.sources.count + m.excerpts.count + m.places.count + m.councils.count + m.events.count
                             + m.people.count + m.figures.count)
        func unique(_ file: String, _ ids: [String], prefix: String) {
            for id in ids {
                if let other = seen[id] { fail(file, id, "id", "duplicate id (also in \(other))") }
                if id.utf8.count > maxIDBytes { fail(file, id, "id", "id longer than \(maxIDBytes) characters"); continue }
                seen[id] = file
                if !id.hasPrefix(prefix) {
                    fail(file, id, "id", "id must start with \"\(prefix)\"")
                } else if !validIDBody(id.dropFirst(prefix.count)) {
                    fail(file, id, "id", "id must be \"\(prefix)\" then lowercase letters, digits, \":\" and \"-\"")
                }
            }
        }
        unique("sources.json", m.sources.map(\.id), prefix: "source:")
        unique("excerpts.json", m.excerpts.map(\.id), prefix: "excerpt:")
        unique("places.json", m.places.map(\.id), prefix: "place:")
        unique("councils.json", m.councils.map(\.id), prefix: "council:")
        unique("events.json", m.events.map(\.id), prefix: "event:")
        unique("people.json", m.people.map(\.id), prefix: "person:")
        unique("figures.json", m.figures.map(\.id), prefix: "figure:")

        func refs(_ file: String, _ id: String, _ field: String, _ targets: [String], _ table: [String: some Any], _ kind: String,
                  unique: Bool = true) {
            guard !unreadable.contains(kind) else { return }
            var listed = Set<String>()
            for target in targets {
                if table[target] == nil && !unreadable.contains(target) { fail(file, id, field, "unknown \(kind) \"\(VisibleText.id(target))\"") }
                if unique && !listed.insert(target).inserted { fail(file, id, field, "\"\(VisibleText.id(target))\" is listed twice") }
            }
        }
        func cited(_ file: String, _ id: String, _ field: String, _ excerpts: [String], required: Bool = true) {
            if required && excerpts.isEmpty { fail(file, id, field, "at least one citation is required") }
            // A record's own citation list names each excerpt once; claims and dates may share one.
            refs(file, id, field, excerpts, m.excerptByID, "excerpt", unique: required)
        }

        // A date's basis must fit it: derived names its anchor, approximate is never one exact day.
        func basis(_ file: String, _ id: String, _ field: String, _ date: HistoricalDate, _ basis: DateBasis?, _ anchor: DateAnchor?) {
            if let anchor { cited(file, id, field + " anchor", [anchor.citation]) }
            if basis == .derived && (anchor == nil || anchor!.reckoning.isEmpty) { fail(file, id, field, "a derived date needs an anchor with its reckoning") }
            if basis == .approximate && date.isSingleDay { fail(file, id, field, "an approximate date must be a month, a year or an interval, not one day") }
        }

        /// Each statement says something and cites at least one excerpt that exists.
        func stated(_ file: String, _ id: String, _ field: String, _ statements: [Statement]) {
            for (i, s) in statements.enumerated() {
                if isBlank(s.text) { fail(file, id, "\(field)[\(i)].text", "empty statement") }
                cited(file, id, "\(field)[\(i)].citations", s.citations)
            }
        }

        for x in m.excerpts {
            refs("excerpts.json", x.id, "source", [x.source], m.sourceByID, "source")
            if isBlank(x.text) { fail("excerpts.json", x.id, "text", "empty excerpt") }
            if x.paragraph < 1 { fail("excerpts.json", x.id, "paragraph", "must be 1 or more") }
        }
        for p in m.places {
            refs("places.json", p.id, "parent", [p.parent].compactMap { $0 }, m.placeByID, "place")
            cited("places.json", p.id, "citations", p.citations)
            stated("places.json", p.id, "statements", p.statements)
            if let population = p.population1956 { cited("places.json", p.id, "population1956.citation", [population.citation]) }
            if !(-90...90).contains(p.lat) { fail("places.json", p.id, "lat", "latitude \(p.lat) out of range") }
            if !(-180...180).contains(p.lon) { fail("places.json", p.id, "lon", "longitude \(p.lon) out of range") }
            let inside = hungaryLat.contains(p.lat) && hungaryLon.contains(p.lon)
            if !inside && !p.isAbroad { fail("places.json", p.id, "lat", "outside Hungary but not marked \"abroad\"") }
        }
        for c in m.councils {
            let f = "councils.json"
            refs(f, c.id, "place", [c.place].compactMap { $0 }, m.placeByID, "place")
            refs(f, c.id, "parent", [c.parent].compactMap { $0 }, m.councilByID, "council")
            refs(f, c.id, "people", c.people.map(\.person), m.personByID, "person", unique: false) // one person, two roles
            cited(f, c.id, "citations", c.citations)
            cited(f, c.id, "formed", c.formed.map(\.citation), required: false)
            cited(f, c.id, "ended", c.ended.map(\.citation), required: false)
            for claim in c.formed { basis(f, c.id, "formed", claim.date, claim.basis, claim.anchor) }
            for claim in c.ended { basis(f, c.id, "ended", claim.date, claim.basis, claim.anchor) }
            // A council counts as at work only inside what is known, so its dates need both ends.
            for (field, claims) in [("formed", c.formed), ("ended", c.ended)] where claims.contains(where: \.date.isOpenEnded) {
                fail(f, c.id, field, "a council's date needs an end (START/END); an open end (START/..) is for events")
            }
            for (i, member) in c.people.enumerated() { cited(f, c.id, "people[\(i)].citations", member.citations) }
            stated(f, c.id, "demands", c.demands)
            stated(f, c.id, "statements", c.statements)
            if let formed = c.formed.map(\.date.start).min(), let ended = c.ended.map(\.date.end).max(), ended < formed {
                fail(f, c.id, "ended", "ends before it was formed")
            }
        }
        for p in m.places {
            if let loop = Self.cycle(from: p.id, parent: { m.placeByID[$0]?.parent }) {
                fail("places.json", p.id, "parent", "place parents form a cycle through \(loop)")
            }
        }
        for c in m.councils {
            if let loop = Self.cycle(from: c.id, parent: { m.councilByID[$0]?.parent }) {
                fail("councils.json", c.id, "parent", "council parents form a cycle through \(loop)")
            }
        }
        for e in m.events {
            let f = "events.json"
            refs(f, e.id, "places", e.places, m.placeByID, "place")
            refs(f, e.id, "councils", e.councils, m.councilByID, "council")
            refs(f, e.id, "people", e.people, m.personByID, "person")
            refs(f, e.id, "figures", e.figures, m.figureByID, "figure")
            cited(f, e.id, "citations", e.citations)
            stated(f, e.id, "statements", e.statements)
            cited(f, e.id, "date_claims", (e.dateClaims ?? []).map(\.citation), required: false)
            if let time = e.time, !validTime(time) { fail(f, e.id, "time", "invalid time \"\(time)\" (want HH:MM)") }
            basis(f, e.id, "date_basis", e.date, e.dateBasis, e.dateAnchor)
            if e.timeBasis == .derived && e.timeAnchor == nil { fail(f, e.id, "time_basis", "a derived time needs an anchor with its reckoning") }
            if let anchor = e.timeAnchor { cited(f, e.id, "time_anchor", [anchor.citation]) }
            if let part = e.dayPart { cited(f, e.id, "day_part", [part.citation]) }
        }
        for p in m.people {
            cited("people.json", p.id, "citations", p.citations)
            stated("people.json", p.id, "roles", p.roles)
            stated("people.json", p.id, "statements", p.statements)
        }
        var registerIDs = Set<String>()
        for entry in m.outsideKnowledge {
            let f = "outside-knowledge.json"
            if !registerIDs.insert(entry.id).inserted { fail(f, entry.id, "id", "duplicate id") }
            if !entry.id.hasPrefix("outside:") || !validIDBody(entry.id.dropFirst(8)) {
                fail(f, entry.id, "id", "id must be \"outside:\" then lowercase letters, digits, \":\" and \"-\"")
            }
            if isBlank(entry.term) { fail(f, entry.id, "term", "empty term") }
            if isBlank(entry.reason) { fail(f, entry.id, "reason", "a reason is required") }
            // A record in a file that could not be read is not reported missing a second time.
            for record in entry.records where m.name(of: record) == nil
                && !unreadable.contains(record) && !unreadable.contains(String(record.prefix { $0 != ":" })) {
                fail(f, entry.id, "records", "unknown record \"\(VisibleText.id(record))\"")
            }
        }
        for fig in m.figures {
            stated("figures.json", fig.id, "statements", fig.statements)
            if fig.claims.isEmpty { fail("figures.json", fig.id, "claims", "at least one claim is required") }
            cited("figures.json", fig.id, "claims", fig.claims.map(\.citation), required: false)
        }
        return errors
    }

    /// True when the text is empty or only white space and line breaks: what trimming Foundation's
    /// `whitespacesAndNewlines` would leave empty (space separators, tab, U+000A to U+000D, U+0085,
    /// the zero-width space, line and paragraph separators), without bridging to NSString. Stops at the first other scalar.
    static func isBlank(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x20, 0x09...0x0D, 0x85, 0x200B: continue
            case 0...0x7F: return false
            default:
                switch scalar.properties.generalCategory {
                case .spaceSeparator, .lineSeparator, .paragraphSeparator: continue
                default: return false
                }
            }
        }
        return true
    }

    /// The part of an id after its kind, as the schemas' pattern says: `[a-z0-9][a-z0-9:-]*`. Ids are
    /// printed bare in tables and JSON, so this also keeps control characters out of them.
    /// The first id met a second time walking up the `parent` links from `start`, or nil when the
    /// walk ends. The walk ends on a loop anywhere above `start`, not only on one through it.
    static func cycle(from start: String, parent: (String) -> String?) -> String? {
        var chain: Set<String> = [start], current = start
        while let next = parent(current) {
            if chain.contains(next) { return next }
            chain.insert(next)
            current = next
        }
        return nil
    }

    static func validIDBody(_ body: Substring) -> Bool {
        guard let first = body.unicodeScalars.first, ("a"..."z").contains(first) || ("0"..."9").contains(first) else { return false }
        return body.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == ":" || $0 == "-" }
    }

    static func validTime(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let h = Int(parts[0]), let m = Int(parts[1]) else { return false }
        return (0...23).contains(h) && (0...59).contains(m)
    }
}
