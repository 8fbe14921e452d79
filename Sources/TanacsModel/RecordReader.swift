import Foundation

/// The loader's fast path: reads a record file's bytes straight into records in one pass, with no
/// tree of JSON values in between, no coding paths and no bridging.
///
/// It takes only what it can take on trust: strict RFC 8259 JSON that is valid UTF-8, each field once,
/// no field the record kind does not know, every required field there with the right type, numbers in
/// range, dates and kinds that parse. Anything else (a syntax error, a duplicate key, a lone surrogate,
/// an unknown field, a wrong type...) makes it give up with `Declined`, and the loader reads that file
/// the checking way (`DataLoader.decodeArray`), which words the error or warning with its place. So
/// every problem is still reported exactly as before, and the cost of locating it is paid only when
/// there is one. Tests check both ways agree record for record; Tests/Fuzz compares them on random input.
struct RecordReader {
    /// Not taken on trust: read this file the checking way.
    struct Declined: Error {}

    private let base: UnsafePointer<UInt8>
    private let end: Int
    private var i = 0
    /// References (citations, places, people) repeat across records: one copy of each. A record's own
    /// id is met once in its file (a repeat is an error), so records of kinds nothing in the same file
    /// refers to read theirs without the interner.
    private var interner = Interner()
    /// Bytes of a string with escapes, reused.
    private var scratch: [UInt8] = []

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
        end = bytes.count
    }

    /// The records of a file holding a JSON array of them, or nil when the file must be read the
    /// checking way.
    static func records<T>(_ data: Data, _ record: (inout RecordReader) throws -> T) -> [T]? {
        data.withUnsafeBytes { raw in
            var reader = RecordReader(raw.bindMemory(to: UInt8.self))
            return try? reader.document(record)
        }
    }

    private mutating func document<T>(_ record: (inout RecordReader) throws -> T) throws -> [T] {
        // A byte order mark, like any byte JSON's grammar has no place for, is left to the checking path.
        let result = try array(record, sized: true)
        skipSpace()
        guard i == end else { throw Declined() }
        return result
    }

    // MARK: - Records

    mutating func source() throws -> Source {
        var id, file, author, title, publication, date, notes: String?
        var seen: UInt32 = 0, first = true
        try open()
        while let k = try key(&first) {
            switch k {
            case "id": try once(&seen, 0); id = try internedString()
            case "file": try once(&seen, 1); file = try string()
            case "author": try once(&seen, 2); author = try string()
            case "title": try once(&seen, 3); title = try string()
            case "publication": try once(&seen, 4); publication = try string()
            case "date": try once(&seen, 5); date = try string()
            case "notes": try once(&seen, 6); notes = try string()
            default: throw Declined()
            }
        }
        guard let id, let file, let author, let title, let publication, let date, let notes else { throw Declined() }
        return Source(id: id, file: file, author: author, title: title, publication: publication, date: date, notes: notes)
    }

    mutating func excerpt() throws -> Excerpt {
        var id, source, text: String?
        var paragraph: Int?, note: Bool?
        var seen: UInt32 = 0, first = true
        try open()
        while let k = try key(&first) {
            switch k {
            case "id": try once(&seen, 0); id = try string()
            case "source": try once(&seen, 1); source = try internedString()
            case "text": try once(&seen, 2); text = try string()
            case "paragraph": try once(&seen, 3); paragraph = try integer()
            case "note": try once(&seen, 4); note = try optional { try $0.bool() }
            default: throw Declined()
            }
        }
        guard let id, let source, let text, let paragraph else { throw Declined() }
        return Excerpt(id: id, source: source, text: text, paragraph: paragraph, note: note)
    }

    mutating func place() throws -> Place {
        var id, name: String?, names: [String]?, kind: PlaceKind?
        var parent, placement: String?, lat, lon: Double?, abroad: Bool?
        var population: CitedNumber?, statements: [Statement]?, citations: [String]?
        var seen: UInt32 = 0, first = true
        try open()
        while let k = try key(&first) {
            switch k {
            case "id": try once(&seen, 0); id = try internedString()
            case "name": try once(&seen, 1); name = try string()
            case "names": try once(&seen, 2); names = try strings(interning: false)
            case "kind": try once(&seen, 3); kind = try rawValue(PlaceKind.self)
            case "parent": try once(&seen, 4); parent = try optional { try $0.internedString() }
            case "lat": try once(&seen, 5); lat = try double()
            case "lon": try once(&seen, 6); lon = try double()
            case "placement": try once(&seen, 7); placement = try optional { try $0.string() }
            case "abroad": try once(&seen, 8); abroad = try optional { try $0.bool() }
            case "population1956": try once(&seen, 9); population = try optional { try $0.citedNumber() }
            case "statements": try once(&seen, 10); statements = try array { try $0.statement() }
            case "citations": try once(&seen, 11); citations = try strings()
            default: throw Declined()
            }
        }
        guard let id, let name, let names, let kind, let lat, let lon, let statements, let citations else { throw Declined() }
        return Place(id: id, name: name, names: names, kind: kind, parent: parent, lat: lat, lon: lon, placement: placement,
                     abroad: abroad, population1956: population, statements: statements, citations: citations)
    }

    mutating func council() throws -> Council {
        var id, name: String?, names: [String]?, level: CouncilLevel?, installedBy: InstalledBy?, place, parent: String?
        var formed: [DateClaim]?, ended: [DateClaim]?, people: [CouncilMember]?
        var demands, statements: [Statement]?, citations: [String]?
        var seen: UInt32 = 0, first = true
        try open()
        while let k = try key(&first) {
            switch k {
            case "id": try once(&seen, 0); id = try internedString()
            case "name": try once(&seen, 1); name = try string()
            // Absent or null: none, as the decoder's `decodeIfPresent` has it.
            case "names": try once(&seen, 2); names = try optional { try $0.strings(interning: false) }
            case "level": try once(&seen, 3); level = try rawValue(CouncilLevel.self)
            case "place": try once(&seen, 4); place = try optional { try $0.internedString() }
            case "parent": try once(&seen, 5); parent = try optional { try $0.internedString() }
            case "formed": try once(&seen, 6); formed = try claims()
            case "ended": try once(&seen, 7); ended = try claims()
            case "people": try once(&seen, 8); people = try optional { try $0.array { try $0.member() } }
            case "demands": try once(&seen, 9); demands = try optional { try $0.array { try $0.statement() } }
            case "statements": try once(&seen, 10); statements = try array { try $0.statement() }
            case "citations": try once(&seen, 11); citations = try strings()
            case "installed_by": try once(&seen, 12); installedBy = try optional { try $0.rawValue(InstalledBy.self) }
            default: throw Declined()
            }
        }
        guard let id, let name, let level, let statements, let citations else { throw Declined() }
        return Council(id: id, name: name, names: names ?? [], level: level, installedBy: installedBy, place: place, parent: parent,
                       formed: formed ?? [], ended: ended ?? [], people: people ?? [], demands: demands ?? [],
                       statements: statements, citations: citations)
    }

    mutating func event() throws -> Event {
        var id: String?, date: HistoricalDate?, time: String?, title: String?, statements: [Statement]?
        var kind: EventKind?, places, councils, people, figures, citations: [String]?, dateClaims: [DateClaim]?
        var dateBasis, timeBasis: DateBasis?, dateAnchor, timeAnchor: DateAnchor?, dayPart: CitedDayPart?
        var seen: UInt32 = 0, first = true
        try open()
        while let k = try key(&first) {
            switch k {
            case "id": try once(&seen, 0); id = try string()
            case "date": try once(&seen, 1); date = try historicalDate()
            case "time": try once(&seen, 2); time = try optional { try $0.internedString() }
            case "title": try once(&seen, 3); title = try string()
            case "statements": try once(&seen, 4); statements = try array { try $0.statement() }
            case "kind": try once(&seen, 5); kind = try rawValue(EventKind.self)
            case "places": try once(&seen, 6); places = try strings()
            case "councils": try once(&seen, 7); councils = try strings()
            case "people": try once(&seen, 8); people = try strings()
            case "figures": try once(&seen, 9); figures = try strings()
            case "date_claims": try once(&seen, 10); dateClaims = try optional { try $0.array { try $0.dateClaim() } }
            case "citations": try once(&seen, 11); citations = try strings()
            case "date_basis": try once(&seen, 12); dateBasis = try optional { try $0.rawValue(DateBasis.self) }
            case "date_anchor": try once(&seen, 13); dateAnchor = try optional { try $0.dateAnchor() }
            case "time_basis": try once(&seen, 14); timeBasis = try optional { try $0.rawValue(DateBasis.self) }
            case "time_anchor": try once(&seen, 15); timeAnchor = try optional { try $0.dateAnchor() }
            case "day_part": try once(&seen, 16); dayPart = try optional { try $0.dayPart() }
            default: throw Declined()
            }
        }
        guard let id, let date, let title, let statements, let kind, let places, let councils, let people,
              let figures, let citations else { throw Declined() }
        return Event(id: id, date: date, dateBasis: dateBasis, dateAnchor: dateAnchor, time: time, timeBasis: timeBasis,
                     timeAnchor: timeAnchor, dayPart: dayPart, title: title, statements: statements, kind: kind, places: places,
                     councils: councils, people: people, figures: figures, dateClaims: dateClaims, citations: citations)
    }

    mutating func person() throws -> Person {
        var id, name: String?, names: [String]?, roles, statements: [Statement]?, citations: [String]?
        var seen: UInt32 = 0, first = true
        try open()
        while let k = try key(&first) {
            switch k {
            case "id": try once(&seen, 0); id = try string()
            case "name": try once(&seen, 1); name = try string()
            case "names": try once(&seen, 2); names = try strings(interning: false)
            case "roles": try once(&seen, 3); roles = try array { try $0.statement() }
            case "statements": try once(&seen, 4); statements = try array { try $0.statement() }
            case "citations": try once(&seen, 5); citations = try strings()
            default: throw Declined()
            }
        }
        guard let id, let name, let names, let roles, let statements, let citations else { throw Declined() }
        return Person(id: id, name: name, names: names, roles: roles, statements: statements, citations: citations)
    }

    mutating func figure() throws -> Figure {
        var id, topic: String?, statements: [Statement]?, claims: [FigureClaim]?
        var seen: UInt32 = 0, first = true
        try open()
        while let k = try key(&first) {
            switch k {
            case "id": try once(&seen, 0); id = try string()
            case "topic": try once(&seen, 1); topic = try string()
            case "statements": try once(&seen, 2); statements = try optional { try $0.array { try $0.statement() } }
            case "claims": try once(&seen, 3); claims = try array { try $0.figureClaim() }
            default: throw Declined()
            }
        }
        guard let id, let topic, let claims else { throw Declined() }
        return Figure(id: id, topic: topic, statements: statements ?? [], claims: claims)
    }

    /// A quotation in its passage (passages.json, the largest file of the bundled data).
    mutating func passage() throws -> Passage {
        var excerpt, source, quote, before, after, previous, next: String?
        var paragraph, offset, page, line, lastLine: Int?, runsOn: Bool?
        var seen: UInt32 = 0, first = true
        try open()
        while let k = try key(&first) {
            switch k {
            case "excerpt": try once(&seen, 0); excerpt = try internedString()
            case "source": try once(&seen, 1); source = try internedString()
            case "paragraph": try once(&seen, 2); paragraph = try integer()
            case "offset": try once(&seen, 3); offset = try integer()
            case "quote": try once(&seen, 4); quote = try string()
            case "before": try once(&seen, 5); before = try string()
            case "after": try once(&seen, 6); after = try string()
            case "previous": try once(&seen, 7); previous = try optional { try $0.string() }
            case "next": try once(&seen, 8); next = try optional { try $0.string() }
            case "page": try once(&seen, 9); page = try optional { try $0.integer() }
            case "line": try once(&seen, 10); line = try optional { try $0.integer() }
            case "last_line": try once(&seen, 11); lastLine = try optional { try $0.integer() }
            case "runs_on": try once(&seen, 12); runsOn = try optional { try $0.bool() }
            default: throw Declined()
            }
        }
        guard let excerpt, let source, let paragraph, let offset, let quote, let before, let after else { throw Declined() }
        return Passage(excerpt: excerpt, source: source, paragraph: paragraph, offset: offset, quote: quote, before: before,
                       after: after, previous: previous, next: next, page: page, line: line, lastLine: lastLine, runsOn: runsOn)
    }

    /// A map outline: `{"name": ..., "lines": [[[lon, lat], ...], ...]}`.
    mutating func featureFile() throws -> Geography.FeatureFile {
        var name: String?, lines: [[[Double]]]?
        var seen: UInt32 = 0, first = true
        try open()
        while let k = try key(&first) {
            switch k {
            case "name": try once(&seen, 0); name = try string()
            case "lines": try once(&seen, 1); lines = try array { try $0.array { try $0.array { try $0.double() } } }
            default: throw Declined()
            }
        }
        guard let name, let lines else { throw Declined() }
        return Geography.FeatureFile(name: name, lines: lines)
    }

    // MARK: - Parts of records

    mutating func statement() throws -> Statement {
        var text: String?, citations: [String]?
        var seen: UInt32 = 0, first = true
        try open()
        while let k = try key(&first) {
            switch k {
            case "text": try once(&seen, 0); text = try string()
            case "citations": try once(&seen, 1); citations = try strings()
            default: throw Declined()
            }
        }
        guard let text, let citations else { throw Declined() }
        return Statement(text: text, citations: citations)
    }

    mutating func dateClaim() throws -> DateClaim {
        var date: HistoricalDate?, basis: DateBasis?, anchor: DateAnchor?, attested: Bool?, citation: String?
        var seen: UInt32 = 0, first = true
        try open()
        while let k = try key(&first) {
            switch k {
            case "date": try once(&seen, 0); date = try historicalDate()
            case "citation": try once(&seen, 1); citation = try internedString()
            case "basis": try once(&seen, 2); basis = try optional { try $0.rawValue(DateBasis.self) }
            case "anchor": try once(&seen, 3); anchor = try optional { try $0.dateAnchor() }
            case "attested": try once(&seen, 4); attested = try optional { try $0.bool() }
            default: throw Declined()
            }
        }
        guard let date, let citation else { throw Declined() }
        return DateClaim(date: date, basis: basis, anchor: anchor, attested: attested, citation: citation)
    }

    mutating func dateAnchor() throws -> DateAnchor {
        var citation, reckoning: String?
        var seen: UInt32 = 0, first = true
        try open()
        while let k = try key(&first) {
            switch k {
            case "citation": try once(&seen, 0); citation = try internedString()
            case "reckoning": try once(&seen, 1); reckoning = try string()
            default: throw Declined()
            }
        }
        guard let citation, let reckoning else { throw Declined() }
        return DateAnchor(citation: citation, reckoning: reckoning)
    }

    mutating func dayPart() throws -> CitedDayPart {
        var part: DayPart?, citation: String?
        var seen: UInt32 = 0, first = true
        try open()
        while let k = try key(&first) {
            switch k {
            case "part": try once(&seen, 0); part = try rawValue(DayPart.self)
            case "citation": try once(&seen, 1); citation = try internedString()
            default: throw Declined()
            }
        }
        guard let part, let citation else { throw Declined() }
        return CitedDayPart(part: part, citation: citation)
    }

    /// A council's `formed` or `ended`: absent or null, one claim, or a list of them.
    mutating func claims() throws -> [DateClaim] {
        skipSpace()
        guard i < end else { throw Declined() }
        switch base[i] {
        case UInt8(ascii: "n"): try literal("null"); return []
        case UInt8(ascii: "{"): return [try dateClaim()]
        default: return try array { try $0.dateClaim() }
        }
    }

    mutating func member() throws -> CouncilMember {
        var person, role: String?, citations: [String]?
        var seen: UInt32 = 0, first = true
        try open()
        while let k = try key(&first) {
            switch k {
            case "person": try once(&seen, 0); person = try internedString()
            case "role": try once(&seen, 1); role = try string()
            case "citations": try once(&seen, 2); citations = try strings()
            default: throw Declined()
            }
        }
        guard let person, let role, let citations else { throw Declined() }
        return CouncilMember(person: person, role: role, citations: citations)
    }

    mutating func citedNumber() throws -> CitedNumber {
        var value: Int?, asStated, citation: String?
        var seen: UInt32 = 0, first = true
        try open()
        while let k = try key(&first) {
            switch k {
            case "value": try once(&seen, 0); value = try integer()
            case "as_stated": try once(&seen, 1); asStated = try optional { try $0.string() }
            case "citation": try once(&seen, 2); citation = try internedString()
            default: throw Declined()
            }
        }
        guard let value, let citation else { throw Declined() }
        return CitedNumber(value: value, asStated: asStated, citation: citation)
    }

    mutating func figureClaim() throws -> FigureClaim {
        var value, high: Double?, unit, asStated, citation: String?
        var seen: UInt32 = 0, first = true
        try open()
        while let k = try key(&first) {
            switch k {
            case "value": try once(&seen, 0); value = try double()
            case "high": try once(&seen, 1); high = try optional { try $0.double() }
            case "unit": try once(&seen, 2); unit = try internedString()
            case "as_stated": try once(&seen, 3); asStated = try string()
            case "citation": try once(&seen, 4); citation = try internedString()
            default: throw Declined()
            }
        }
        guard let value, let unit, let asStated, let citation else { throw Declined() }
        return FigureClaim(value: value, high: high, unit: unit, asStated: asStated, citation: citation)
    }

    // MARK: - Values

    mutating func historicalDate() throws -> HistoricalDate {
        guard let date = HistoricalDate(try internedString()) else { throw Declined() }
        return date
    }

    mutating func rawValue<T: RawRepresentable>(_ type: T.Type) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: try string()) else { throw Declined() }
        return value
    }

    /// Null (or, since the caller is only reached for a field that is there, a value).
    mutating func optional<T>(_ value: (inout RecordReader) throws -> T) throws -> T? {
        skipSpace()
        if i < end && base[i] == UInt8(ascii: "n") { try literal("null"); return nil }
        return try value(&self)
    }

    /// `sized`: a file's array of records, whose room is reserved once from the bytes its first
    /// records take, so the records do not sit in an array grown by doubling (up to half of it empty)
    /// for as long as the model keeps them.
    mutating func array<T>(_ element: (inout RecordReader) throws -> T, sized: Bool = false) throws -> [T] {
        skipSpace()
        guard i < end, base[i] == UInt8(ascii: "[") else { throw Declined() }
        i += 1
        let first = i
        var result: [T] = []
        skipSpace()
        if i < end && base[i] == UInt8(ascii: "]") { i += 1; return result }
        while true {
            result.append(try element(&self))
            if sized && result.count == 64 {
                let expected = 64 + (end - i) * 64 / max(1, i - first)
                if expected > result.capacity { result.reserveCapacity(expected + expected / 10) }
            }
            skipSpace()
            guard i < end else { throw Declined() }
            if base[i] == UInt8(ascii: "]") { i += 1; return result }
            guard base[i] == UInt8(ascii: ",") else { throw Declined() }
            i += 1
            // A trailing comma: the element reader finds no value and declines.
        }
    }

    mutating func strings(interning: Bool = true) throws -> [String] {
        try array { interning ? try $0.internedString() : try $0.string() }
    }

    mutating func bool() throws -> Bool {
        skipSpace()
        guard i < end else { throw Declined() }
        if base[i] == UInt8(ascii: "t") { try literal("true"); return true }
        try literal("false")
        return false
    }

    /// A JSON number that is an integer, in 64 bits.
    mutating func integer() throws -> Int {
        let (start, isInteger) = try number()
        guard isInteger, let value = parseInteger(start, i) else { throw Declined() }
        return value
    }

    mutating func double() throws -> Double {
        let (start, isInteger) = try number()
        if isInteger {
            // The checking path refuses integers past 64 bits, even where a fraction would do.
            guard let value = parseInteger(start, i) else { throw Declined() }
            // -0 is a number of its own in floating point.
            return value == 0 && base[start] == UInt8(ascii: "-") ? -0.0 : Double(value)
        }
        let text = String(decoding: UnsafeBufferPointer(start: base + start, count: i - start), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw Declined() }
        return value
    }

    /// Checks the grammar of a number at the cursor and moves past it.
    private mutating func number() throws -> (start: Int, isInteger: Bool) {
        skipSpace()
        let start = i
        if i < end && base[i] == UInt8(ascii: "-") { i += 1 }
        guard i < end, isDigit(base[i]) else { throw Declined() }
        let leadingZero = base[i] == UInt8(ascii: "0")
        let wholeStart = i
        while i < end && isDigit(base[i]) { i += 1 }
        if leadingZero && i - wholeStart > 1 { throw Declined() }
        var isInteger = true
        if i < end && base[i] == UInt8(ascii: ".") {
            isInteger = false
            i += 1
            let from = i
            while i < end && isDigit(base[i]) { i += 1 }
            guard i > from else { throw Declined() }
        }
        if i < end && (base[i] == UInt8(ascii: "e") || base[i] == UInt8(ascii: "E")) {
            isInteger = false
            i += 1
            if i < end && (base[i] == UInt8(ascii: "+") || base[i] == UInt8(ascii: "-")) { i += 1 }
            let from = i
            while i < end && isDigit(base[i]) { i += 1 }
            guard i > from else { throw Declined() }
        }
        guard i - start <= JSONCheck.maxNumberLength else { throw Declined() }
        return (start, isInteger)
    }

    private func parseInteger(_ from: Int, _ to: Int) -> Int? {
        var k = from
        let negative = base[k] == UInt8(ascii: "-")
        if negative { k += 1 }
        var value = 0
        while k < to {
            let digit = Int(base[k] &- UInt8(ascii: "0"))
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            if o1 || o2 { return nil }
            value = next
            k += 1
        }
        return value
    }

    private func isDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }

    /// A string met before in the file is the same `String`, found from its bytes before any string is
    /// made. A string with escapes (never seen in ids) is read as `string()` reads it, not interned.
    mutating func internedString() throws -> String {
        skipSpace()
        guard i < end, base[i] == UInt8(ascii: "\"") else { throw Declined() }
        let open = i
        i += 1
        let start = i
        let ascii = try scanToQuoteOrEscape()
        if base[i] == UInt8(ascii: "\\") {
            i = open
            return try string()
        }
        let count = i - start, base = self.base
        i += 1
        return try interner.intern(base + start, count) {
            let bytes = UnsafeBufferPointer(start: base + start, count: count)
            if ascii { return String(decoding: bytes, as: UTF8.self) }
            guard let text = String(validating: bytes, as: UTF8.self) else { throw Declined() }
            return text
        }
    }

    /// A string from its opening quote. Strings without escapes (nearly all) are made from the
    /// file's bytes in place.
    mutating func string() throws -> String {
        skipSpace()
        guard i < end, base[i] == UInt8(ascii: "\"") else { throw Declined() }
        i += 1
        let start = i
        let ascii = try scanToQuoteOrEscape()
        if base[i] == UInt8(ascii: "\\") { return try escapedString(from: start) }
        let bytes = UnsafeBufferPointer(start: base + start, count: i - start)
        i += 1
        if ascii { return String(decoding: bytes, as: UTF8.self) }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw Declined() }
        return text
    }

    /// From inside a string, moves to its closing quote or its first backslash and tells whether the
    /// bytes before it are all ASCII; a control character, or the end of the file, declines. Eight
    /// bytes at a time while none of them is a quote, a backslash or a control character.
    private mutating func scanToQuoteOrEscape() throws -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var seen: UInt64 = 0
        while i + 8 <= end {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
            // A zero byte in `quote` or `backslash`, or a byte below 0x20 in `word` (exact tests).
            let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word)
            if special & highs != 0 { break }
            seen |= word
            i += 8
        }
        var ascii = seen & highs == 0
        while i < end {
            let b = base[i]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { return ascii }
            if b < 0x20 { throw Declined() }
            if b >= 0x80 { ascii = false }
            i += 1
        }
        throw Declined()
    }

    /// The slow half of `string()`: from the string's first byte, with escapes decoded.
    private mutating func escapedString(from start: Int) throws -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(start: base + start, count: i - start))
        while i < end {
            let b = base[i]
            switch b {
            case UInt8(ascii: "\""):
                i += 1
                guard let text = String(validating: scratch, as: UTF8.self) else { throw Declined() }
                return text
            case UInt8(ascii: "\\"):
                guard i + 1 < end else { throw Declined() }
                let e = base[i + 1]
                i += 2
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(e)
                case UInt8(ascii: "b"): scratch.append(0x08)
                case UInt8(ascii: "f"): scratch.append(0x0C)
                case UInt8(ascii: "n"): scratch.append(0x0A)
                case UInt8(ascii: "r"): scratch.append(0x0D)
                case UInt8(ascii: "t"): scratch.append(0x09)
                case UInt8(ascii: "u"):
                    guard let unit = hex4(i) else { throw Declined() }
                    i += 4
                    var scalar = unit
                    if (0xD800...0xDBFF).contains(unit) {
                        guard i + 1 < end, base[i] == UInt8(ascii: "\\"), base[i + 1] == UInt8(ascii: "u"),
                              let low = hex4(i + 2), (0xDC00...0xDFFF).contains(low) else { throw Declined() }
                        i += 6
                        scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(unit) {
                        throw Declined()
                    }
                    guard let s = Unicode.Scalar(scalar) else { throw Declined() }
                    scratch.append(contentsOf: UTF8.encode(s)!)
                default: throw Declined()
                }
            default:
                if b < 0x20 { throw Declined() }
                scratch.append(b)
                i += 1
            }
        }
        throw Declined()
    }

    private func hex4(_ at: Int) -> UInt32? {
        guard at + 4 <= end else { return nil }
        var value: UInt32 = 0
        for k in at..<(at + 4) {
            let b = base[k]
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    // MARK: - Structure

    /// A field name as bytes of the file, compared with the names a record kind knows.
    struct Key {
        let start: UnsafePointer<UInt8>
        let count: Int

        static func ~= (name: StaticString, key: Key) -> Bool {
            name.utf8CodeUnitCount == key.count && memcmp(name.utf8Start, key.start, key.count) == 0
        }
    }

    private mutating func open() throws {
        skipSpace()
        guard i < end, base[i] == UInt8(ascii: "{") else { throw Declined() }
        i += 1
    }

    /// The next field name of the object being read and the colon after it, or nil at its `}`.
    /// `first` tells whether a comma is due; a trailing comma or a name with escapes declines.
    private mutating func key(_ first: inout Bool) throws -> Key? {
        skipSpace()
        guard i < end else { throw Declined() }
        // `{}`, or the end after a value; after a comma a name is due, so `{"a": 1,}` declines below.
        if base[i] == UInt8(ascii: "}") {
            i += 1
            return nil
        }
        if !first {
            guard base[i] == UInt8(ascii: ",") else { throw Declined() }
            i += 1
            skipSpace()
            guard i < end else { throw Declined() }
        }
        first = false
        guard base[i] == UInt8(ascii: "\"") else { throw Declined() }
        i += 1
        let start = i
        while i < end && base[i] != UInt8(ascii: "\"") {
            // Escaped, control or non-ASCII names are none the records know.
            if base[i] == UInt8(ascii: "\\") || base[i] < 0x20 || base[i] >= 0x80 { throw Declined() }
            i += 1
        }
        guard i < end else { throw Declined() }
        let key = Key(start: base + start, count: i - start)
        i += 1
        skipSpace()
        guard i < end, base[i] == UInt8(ascii: ":") else { throw Declined() }
        i += 1
        return key
    }

    /// Marks field `bit` as read; a second time is a duplicate key.
    private func once(_ seen: inout UInt32, _ bit: UInt32) throws {
        guard seen & (1 << bit) == 0 else { throw Declined() }
        seen |= 1 << bit
    }

    private mutating func literal(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        guard i + n <= end, memcmp(word.utf8Start, base + i, n) == 0 else { throw Declined() }
        i += n
    }

    private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    private mutating func skipSpace() {
        while i < end && isSpace(base[i]) { i += 1 }
    }
}

/// One `String` per distinct value of a file's references, looked up by a hash of the bytes, so a
/// repeated reference costs a hash and a compare rather than a new string. Open addressing with a
/// random seed; a string whose slots are crowded past `maxProbes` is made but not kept, so the work
/// per string stays bounded whatever the data.
struct Interner {
    private var table = [Int32](repeating: -1, count: 256)
    private var hashes: [UInt64] = []
    private var strings: [String] = []
    /// Each kept string's bytes, one after another: `arena[offsets[k]..<offsets[k + 1]]`.
    private var arena: [UInt8] = []
    private var offsets: [Int] = [0]
    private let seed = UInt64.random(in: .min ... .max)
    static let maxProbes = 64
    /// Slots looked at so far, for the tests that bound it.
    private(set) var probes = 0

    var count: Int { strings.count }

    mutating func intern(_ bytes: UnsafePointer<UInt8>, _ n: Int, make: () throws -> String) rethrows -> String {
        let h = hash(bytes, n)
        let mask = table.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        for _ in 0..<Interner.maxProbes {
            probes += 1
            let k = Int(table[slot])
            if k < 0 {
                let made = try make()
                add(made, h, bytes, n, slot)
                return made
            }
            if hashes[k] == h && offsets[k + 1] - offsets[k] == n
                && (n == 0 || arena.withUnsafeBufferPointer { memcmp($0.baseAddress! + offsets[k], bytes, n) == 0 }) {
                return strings[k]
            }
            slot = (slot + 1) & mask
        }
        return try make()
    }

    private mutating func add(_ string: String, _ h: UInt64, _ bytes: UnsafePointer<UInt8>, _ n: Int, _ slot: Int) {
        table[slot] = Int32(strings.count)
        strings.append(string)
        hashes.append(h)
        arena.append(contentsOf: UnsafeBufferPointer(start: bytes, count: n))
        offsets.append(arena.count)
        guard strings.count * 2 > table.count else { return }
        // At most half full: rehash into twice the slots.
        table = [Int32](repeating: -1, count: table.count * 2)
        let mask = table.count - 1
        for (k, h) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: h) & mask
            while table[slot] >= 0 { slot = (slot + 1) & mask }
            table[slot] = Int32(k)
        }
    }

    /// Eight bytes at a time, multiplied and folded.
    private func hash(_ bytes: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var h = seed ^ (UInt64(n) &* 0x9E37_79B9_7F4A_7C15)
        var k = 0
        while k + 8 <= n {
            h = (h ^ UnsafeRawPointer(bytes + k).loadUnaligned(as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            k += 8
        }
        var tail: UInt64 = 0, shift: UInt64 = 0
        while k < n {
            tail |= UInt64(bytes[k]) << shift
            shift += 8
            k += 1
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 29)
    }
}
