import Foundation

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
        var work = Work()
        return check(m, unreadable: unreadable, work: &work)
    }

    /// What a check did, for the tests that keep it linear in the data.
    struct Work {
        /// Comparisons of two references in one list, looking for one listed twice.
        var comparisons = 0
    }

    /// The checks run in sections on every core, each reporting into its own list; the lists are
    /// joined in the sections' order, so the report is the same however the sections were scheduled.
    static func check(_ m: Model, unreadable: Set<String>, work: inout Work) -> [LoadError] {
        let sections: [@Sendable (inout Checker) -> Void] = [
            { v in v.uniqueIDs() },
            { v in
                for x in m.excerpts {
                    v.ref("excerpts.json", x.id, "source", x.source, m.sourceByID, "source")
                    if isBlank(x.text) { v.fail("excerpts.json", x.id, "text", "empty excerpt") }
                    if x.paragraph < 1 { v.fail("excerpts.json", x.id, "paragraph", "must be 1 or more") }
                }
            },
            { v in
                for p in m.places {
                    v.ref("places.json", p.id, "parent", p.parent, m.placeByID, "place")
                    v.cited("places.json", p.id, "citations", p.citations)
                    v.stated("places.json", p.id, "statements", p.statements)
                    if let population = p.population1956 { v.cited("places.json", p.id, "population1956.citation", [population.citation]) }
                    if !(-90...90).contains(p.lat) { v.fail("places.json", p.id, "lat", "latitude \(p.lat) out of range") }
                    if !(-180...180).contains(p.lon) { v.fail("places.json", p.id, "lon", "longitude \(p.lon) out of range") }
                    let inside = hungaryLat.contains(p.lat) && hungaryLon.contains(p.lon)
                    if !inside && !p.isAbroad { v.fail("places.json", p.id, "lat", "outside Hungary but not marked \"abroad\"") }
                }
            },
            { v in
                for c in m.councils {
                    let f = "councils.json"
                    v.ref(f, c.id, "place", c.place, m.placeByID, "place")
                    v.ref(f, c.id, "parent", c.parent, m.councilByID, "council")
                    v.refs(f, c.id, "people", c.people.map(\.person), m.personByID, "person", unique: false) // one person, two roles
                    v.cited(f, c.id, "citations", c.citations)
                    v.cited(f, c.id, "formed", c.formed.map(\.citation), required: false)
                    v.cited(f, c.id, "ended", c.ended.map(\.citation), required: false)
                    for claim in c.formed { v.basis(f, c.id, "formed", claim.date, claim.basis, claim.anchor) }
                    for claim in c.ended { v.basis(f, c.id, "ended", claim.date, claim.basis, claim.anchor) }
                    // A council counts as at work only inside what is known, so its dates need both ends.
                    for (field, claims) in [("formed", c.formed), ("ended", c.ended)] where claims.contains(where: \.date.isOpenEnded) {
                        v.fail(f, c.id, field, "a council's date needs an end (START/END); an open end (START/..) is for events")
                    }
                    for (i, member) in c.people.enumerated() { v.cited(f, c.id, "people[\(i)].citations", member.citations) }
                    v.stated(f, c.id, "demands", c.demands)
                    v.stated(f, c.id, "statements", c.statements)
                    if let formed = c.formed.map(\.date.start).min(), let ended = c.ended.map(\.date.end).max(), ended < formed {
                        v.fail(f, c.id, "ended", "ends before it was formed")
                    }
                }
            },
            { v in
                let placeByID = m.placeByID
                for p in m.places {
                    if let loop = Self.cycle(from: p.id, parent: { placeByID[$0]?.parent }) {
                        v.fail("places.json", p.id, "parent", "place parents form a cycle through \(loop)")
                    }
                }
            },
            { v in
                let councilByID = m.councilByID
                for c in m.councils {
                    if let loop = Self.cycle(from: c.id, parent: { councilByID[$0]?.parent }) {
                        v.fail("councils.json", c.id, "parent", "council parents form a cycle through \(loop)")
                    }
                }
            },
            { v in
                for e in m.events {
                    let f = "events.json"
                    v.refs(f, e.id, "places", e.places, m.placeByID, "place")
                    v.refs(f, e.id, "councils", e.councils, m.councilByID, "council")
                    v.refs(f, e.id, "people", e.people, m.personByID, "person")
                    v.refs(f, e.id, "figures", e.figures, m.figureByID, "figure")
                    v.cited(f, e.id, "citations", e.citations)
                    v.stated(f, e.id, "statements", e.statements)
                    v.cited(f, e.id, "date_claims", (e.dateClaims ?? []).map(\.citation), required: false)
                    if let time = e.time, !validTime(time) { v.fail(f, e.id, "time", "invalid time \"\(time)\" (want HH:MM)") }
                    v.basis(f, e.id, "date_basis", e.date, e.dateBasis, e.dateAnchor)
                    if e.timeBasis == .derived && e.timeAnchor == nil { v.fail(f, e.id, "time_basis", "a derived time needs an anchor with its reckoning") }
                    if let anchor = e.timeAnchor { v.cited(f, e.id, "time_anchor", [anchor.citation]) }
                    if let part = e.dayPart { v.cited(f, e.id, "day_part", [part.citation]) }
                }
            },
            { v in
                for p in m.people {
                    v.cited("people.json", p.id, "citations", p.citations)
                    v.stated("people.json", p.id, "roles", p.roles)
                    v.stated("people.json", p.id, "statements", p.statements)
                }
            },
            { v in
                var registerIDs = Set<String>()
                for entry in m.outsideKnowledge {
                    let f = "outside-knowledge.json"
                    if !registerIDs.insert(entry.id).inserted { v.fail(f, entry.id, "id", "duplicate id") }
                    if !entry.id.hasPrefix("outside:") || !validIDBody(entry.id.dropFirst(8).utf8) {
                        v.fail(f, entry.id, "id", "id must be \"outside:\" then lowercase letters, digits, \":\" and \"-\"")
                    }
                    if isBlank(entry.term) { v.fail(f, entry.id, "term", "empty term") }
                    if isBlank(entry.reason) { v.fail(f, entry.id, "reason", "a reason is required") }
                    // A record in a file that could not be read is not reported missing a second time.
                    for record in entry.records where m.name(of: record) == nil
                        && !unreadable.contains(record) && !unreadable.contains(String(record.prefix { $0 != ":" })) {
                        v.fail(f, entry.id, "records", "unknown record \"\(VisibleText.id(record))\"")
                    }
                }
            },
            { v in
                for fig in m.figures {
                    v.stated("figures.json", fig.id, "statements", fig.statements)
                    if fig.claims.isEmpty { v.fail("figures.json", fig.id, "claims", "at least one claim is required") }
                    v.cited("figures.json", fig.id, "claims", fig.claims.map(\.citation), required: false)
                }
            },
        ]
        let outcomes = Slots(count: sections.count)
        DispatchQueue.concurrentPerform(iterations: sections.count) { k in
            var checker = Checker(m: m, unreadable: unreadable)
            sections[k](&checker)
            outcomes.set(k, checker)
        }
        var errors: [LoadError] = []
        for k in sections.indices {
            let checker: Checker = outcomes.get(k)
            errors += checker.errors
            work.comparisons += checker.work.comparisons
        }
        return errors
    }

    /// One section's checks and what they found.
    struct Checker {
        let m: Model
        let unreadable: Set<String>
        var errors: [LoadError] = []
        var work = Work()

        init(m: Model, unreadable: Set<String>) {
            self.m = m
            self.unreadable = unreadable
        }

        mutating func fail(_ file: String, _ id: String, _ field: String, _ message: String) {
            errors.append(LoadError(file: file, record: id, field: field, message: message))
        }

        mutating func uniqueIDs() {
            var seen: [String: String] = [:]
            seen.reserveCapacity(m.sources.count + m.excerpts.count + m.places.count + m.councils.count + m.events.count
                                 + m.people.count + m.figures.count)
            func unique(_ file: String, _ ids: [String], prefix: StaticString) {
                for id in ids {
                    // Recorded whatever its length, so a repeated over-long id is reported too.
                    let other = seen.updateValue(file, forKey: id)
                    if let other { fail(file, id, "id", "duplicate id (also in \(other))") }
                    if id.utf8.count > maxIDBytes {
                        fail(file, id, "id", "id longer than \(maxIDBytes) characters")
                        continue
                    }
                    switch idProblem(id, prefix: prefix) {
                    case .prefix: fail(file, id, "id", "id must start with \"\(prefix)\"")
                    case .body: fail(file, id, "id", "id must be \"\(prefix)\" then lowercase letters, digits, \":\" and \"-\"")
                    case nil: break
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
        }

        // Field names are worked out only for a message: a dataset has hundreds of thousands of references.
        mutating func refs<T>(_ file: String, _ id: String, _ field: @autoclosure () -> String, _ targets: [String], _ table: RecordIndex<T>,
                              _ kind: String, unique: Bool = true) {
            guard unreadable.isEmpty || !unreadable.contains(kind) else { return }
            var repeats = (unique ? repeated(targets, work: &work) : []).makeIterator(), nextRepeat = repeats.next()
            for (i, target) in targets.enumerated() {
                if !table.contains(target) && (unreadable.isEmpty || !unreadable.contains(target)) { fail(file, id, field(), "unknown \(kind) \"\(VisibleText.id(target))\"") }
                if i == nextRepeat { fail(file, id, field(), "\"\(VisibleText.id(target))\" is listed twice"); nextRepeat = repeats.next() }
            }
        }

        /// One reference, or none: `refs` without a list to make.
        mutating func ref<T>(_ file: String, _ id: String, _ field: @autoclosure () -> String, _ target: String?, _ table: RecordIndex<T>,
                             _ kind: String) {
            guard let target, unreadable.isEmpty || !unreadable.contains(kind) else { return }
            if !table.contains(target) && (unreadable.isEmpty || !unreadable.contains(target)) { fail(file, id, field(), "unknown \(kind) \"\(VisibleText.id(target))\"") }
        }

        mutating func cited(_ file: String, _ id: String, _ field: @autoclosure () -> String, _ excerpts: [String], required: Bool = true) {
            if required && excerpts.isEmpty { fail(file, id, field(), "at least one citation is required") }
            // A record's own citation list names each excerpt once; claims and dates may share one.
            refs(file, id, field(), excerpts, m.excerptByID, "excerpt", unique: required)
        }

        // A date's basis must fit it: derived names its anchor, approximate is never one exact day.
        mutating func basis(_ file: String, _ id: String, _ field: String, _ date: HistoricalDate, _ basis: DateBasis?, _ anchor: DateAnchor?) {
            if let anchor { cited(file, id, field + " anchor", [anchor.citation]) }
            if basis == .derived && (anchor == nil || anchor!.reckoning.isEmpty) { fail(file, id, field, "a derived date needs an anchor with its reckoning") }
            if basis == .approximate && date.isSingleDay { fail(file, id, field, "an approximate date must be a month, a year or an interval, not one day") }
        }

        /// Each statement says something and cites at least one excerpt that exists.
        mutating func stated(_ file: String, _ id: String, _ field: String, _ statements: [Statement]) {
            for (i, s) in statements.enumerated() {
                if isBlank(s.text) { fail(file, id, "\(field)[\(i)].text", "empty statement") }
                cited(file, id, "\(field)[\(i)].citations", s.citations)
            }
        }
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

    /// The positions, in order, of the elements of `list` met before in it. Short lists (nearly all)
    /// are compared pair by pair, which needs no hashing; a long one goes through a set, so the work
    /// stays linear in the list.
    static func repeated(_ list: [String], work: inout Work) -> [Int] {
        guard list.count > 1 else { return [] }
        var repeats: [Int] = []
        if list.count <= 8 {
            for i in 1..<list.count {
                for j in 0..<i {
                    work.comparisons += 1
                    if list[j] == list[i] { repeats.append(i); break }
                }
            }
        } else {
            var listed = Set<String>()
            listed.reserveCapacity(list.count)
            for (i, target) in list.enumerated() {
                work.comparisons += 1
                if !listed.insert(target).inserted { repeats.append(i) }
            }
        }
        return repeats
    }

    enum IDProblem { case prefix, body }

    /// What is wrong with an id, if anything: not starting with its kind's prefix, or a body that is
    /// not `validIDBody`. An ASCII id is read as bytes; any other is compared as characters, as
    /// `hasPrefix` does (a combining mark after the colon joins it, so the prefix is not there).
    static func idProblem(_ id: String, prefix: StaticString) -> IDProblem? {
        enum Read { case ascii(IDProblem?), other }
        let read = id.utf8.withContiguousStorageIfAvailable { bytes -> Read in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return .other }
            let n = prefix.utf8CodeUnitCount
            guard bytes.count >= n, memcmp(bytes.baseAddress!, prefix.utf8Start, n) == 0 else { return .ascii(.prefix) }
            return .ascii(validIDBody(UnsafeBufferPointer(rebasing: bytes[n...])) ? nil : .body)
        } ?? .other
        if case .ascii(let problem) = read { return problem }
        let text = prefix.description
        guard id.hasPrefix(text) else { return .prefix }
        return validIDBody(id.dropFirst(text.count).utf8) ? nil : .body
    }

    private static func isLowerOrDigit(_ b: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
    }

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

    /// The part of an id after its kind, as the schemas' pattern says: `[a-z0-9][a-z0-9:-]*`. Ids are
    /// printed bare in tables and JSON, so this also keeps control characters out of them.
    static func validIDBody<Bytes: Collection>(_ body: Bytes) -> Bool where Bytes.Element == UInt8 {
        // Every byte of a valid body is ASCII, so any byte of a longer UTF-8 sequence fails it.
        guard let first = body.first, isLowerOrDigit(first) else { return false }
        return body.allSatisfy { isLowerOrDigit($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "-") }
    }

    static func validTime(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let h = Int(parts[0]), let m = Int(parts[1]) else { return false }
        return (0...23).contains(h) && (0...59).contains(m)
    }
}
