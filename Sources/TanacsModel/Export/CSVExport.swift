import Foundation

/// One CSV table per kind of record, and one per relation between records (RFC 4180 quoting, UTF-8,
/// a header row, LF line ends), so every relation joins in SQL, pandas or a spreadsheet's lookup:
/// `event_places.event` is an `events.id`, `event_places.place` a `places.id`, and so on. Names and
/// roles, which are no relation, stay in one cell joined with "; ".
public enum CSVExport {
    public enum Table: String, Sendable, CaseIterable {
        case events, places, councils, people, figures, excerpts, sources
        /// Every sentence of the selected records with the excerpts that state it, one row a sentence.
        case statements
        case eventPlaces = "event_places", eventPeople = "event_people", eventCouncils = "event_councils"
        case eventFigures = "event_figures", councilPeople = "council_people", councilDates = "council_dates"
        case dateClaims = "date_claims", citations
    }

    /// The byte order mark some spreadsheet programs need to read UTF-8 (`--bom`).
    public static let byteOrderMark = "\u{FEFF}"

    /// With `guardFormulas` (the default), a cell a spreadsheet would run as a formula is neutralised
    /// (see `neutralized`).
    public static func render(_ table: Table, _ s: ExportSelection, clean: @escaping TextFilter = { $0 },
                              guardFormulas: Bool = true) -> String {
        let m = s.model
        let list: ([String]) -> String = { $0.map(clean).joined(separator: "; ") }
        // Links only to records the selection holds, so every join finds its row.
        let places = Set(s.places.map(\.id)), councils = Set(s.councils.map(\.id)), people = Set(s.people.map(\.id))
        let figures = Set(s.figures.map(\.id)), excerpts = Set(s.excerpts.map(\.id))
        var rows: [[String]]
        switch table {
        case .events:
            rows = [["id", "date", "start", "end", "date_basis", "time", "kind", "title", "summary", "place_names"]]
            for e in s.events {
                rows.append([e.id, e.date.text, e.date.start.description, (e.date.knownEnd?.description ?? ""), e.dateBasis?.rawValue ?? "", clean(e.time ?? ""),
                             e.kind.rawValue, clean(e.title), clean(e.summary), list(e.places.map { m.name(of: $0) ?? $0 })])
            }
        case .places:
            rows = [["id", "name", "names", "kind", "parent", "lat", "lon", "placement", "abroad", "population1956",
                     "population1956_as_stated", "population1956_citation", "council_count", "event_count", "summary"]]
            for p in s.places {
                rows.append([p.id, clean(p.name), list(p.names), p.kind.rawValue, p.parent.flatMap { places.contains($0) ? $0 : nil } ?? "",
                             "\(p.lat)", "\(p.lon)", clean(p.placement ?? ""), p.isAbroad ? "true" : "false",
                             p.population1956.map { "\($0.value)" } ?? "", clean(p.population1956?.asStated ?? ""),
                             p.population1956?.citation ?? "",
                             "\(m.councilsByPlace[p.id]?.count ?? 0)", "\(s.eventCount(at: p.id))", clean(p.summary)])
            }
        case .councils:
            rows = [["id", "name", "names", "level", "place", "parent", "formed", "ended", "demands", "summary"]]
            for c in s.councils {
                rows.append([c.id, clean(c.name), list(c.names), c.level.rawValue, c.place.flatMap { places.contains($0) ? $0 : nil } ?? "",
                             c.parent.flatMap { councils.contains($0) ? $0 : nil } ?? "",
                             list(c.formed.map(\.date.text)), list(c.ended.map(\.date.text)), list(c.demands.map(\.text)),
                             clean(c.summary)])
            }
        case .people:
            rows = [["id", "name", "names", "roles", "summary"]]
            for p in s.people {
                rows.append([p.id, clean(p.name), list(p.names), list(p.roleTexts), clean(p.summary)])
            }
        case .figures:
            // One row per claim: sources that disagree keep separate rows.
            rows = [["figure", "topic", "value", "high", "unit", "as_stated", "citation"]]
            for f in s.figures {
                for c in f.claims {
                    rows.append([f.id, clean(f.topic), number(c.value), c.high.map(number) ?? "", clean(c.unit),
                                 clean(c.asStated), c.citation])
                }
            }
        case .excerpts:
            rows = [["id", "source", "author", "paragraph", "text"]]
            for x in s.excerpts {
                rows.append([x.id, x.source, clean(m.sourceByID[x.source]?.author ?? ""), "\(x.paragraph)", clean(x.text)])
            }
        case .statements:
            rows = [["record", "field", "position", "text", "citations"]]
            func add(_ record: String, _ field: String, _ sentences: [Statement]) {
                for (i, st) in sentences.enumerated() { rows.append([record, field, "\(i + 1)", clean(st.text), list(st.citations)]) }
            }
            for e in s.events { add(e.id, "statements", e.statements) }
            for p in s.places { add(p.id, "statements", p.statements) }
            for c in s.councils {
                add(c.id, "statements", c.statements)
                add(c.id, "demands", c.demands)
                add(c.id, "people", c.people.map { Statement(text: "\(m.name(of: $0.person) ?? $0.person): \($0.role)", citations: $0.citations) })
            }
            for p in s.people {
                add(p.id, "roles", p.roles)
                add(p.id, "statements", p.statements)
            }
            for f in s.figures { add(f.id, "statements", f.statements) }
        case .sources:
            rows = [["id", "author", "title", "publication", "date", "file", "notes"]]
            for src in s.sources {
                rows.append([src.id, clean(src.author), clean(src.title), clean(src.publication), clean(src.date),
                             clean(src.file), clean(src.notes)])
            }
        case .eventPlaces:
            rows = [["event", "place"]] + s.events.flatMap { e in e.places.filter(places.contains).map { [e.id, $0] } }
        case .eventPeople:
            rows = [["event", "person"]] + s.events.flatMap { e in e.people.filter(people.contains).map { [e.id, $0] } }
        case .eventCouncils:
            rows = [["event", "council"]] + s.events.flatMap { e in e.councils.filter(councils.contains).map { [e.id, $0] } }
        case .eventFigures:
            rows = [["event", "figure"]] + s.events.flatMap { e in e.figures.filter(figures.contains).map { [e.id, $0] } }
        case .councilPeople:
            // A role may rest on several excerpts: `citations` lists them, joined with "; ".
            rows = [["council", "person", "role", "citations"]]
            for c in s.councils {
                for member in c.people where people.contains(member.person) {
                    rows.append([c.id, member.person, clean(member.role), list(member.citations)])
                }
            }
        case .councilDates:
            rows = [["council", "which", "date", "start", "end", "citation"]]
            for c in s.councils {
                for (which, claims) in [("formed", c.formed), ("ended", c.ended)] {
                    for claim in claims {
                        rows.append([c.id, which, claim.date.text, claim.date.start.description, (claim.date.knownEnd?.description ?? ""), claim.citation])
                    }
                }
            }
        case .dateClaims:
            rows = [["event", "date", "start", "end", "citation"]]
            for e in s.events {
                for claim in e.dateClaims ?? [] {
                    rows.append([e.id, claim.date.text, claim.date.start.description, (claim.date.knownEnd?.description ?? ""), claim.citation])
                }
            }
        case .citations:
            // Which excerpts each record cites as a whole; dates, roles and claims carry their own.
            rows = [["record", "excerpt"]]
            let cited: [(String, [String])] = s.events.map { ($0.id, $0.citations) } + s.places.map { ($0.id, $0.citations) }
                + s.councils.map { ($0.id, $0.citations) } + s.people.map { ($0.id, $0.citations) }
            for (record, ids) in cited { for x in ids where excerpts.contains(x) { rows.append([record, x]) } }
        }
        func cell(_ text: String) -> String { field(guardFormulas ? neutralized(text) : text) }
        return rows.map { row in row.map(cell).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so
    /// LibreOffice, Excel and Google Sheets show it as text instead of running it (OWASP's advice on
    /// CSV injection). Plain numbers (`-12.5`, `+3`) are left alone: a number is no formula.
    public static func neutralized(_ s: String) -> String {
        guard let first = s.utf8.first, formulaStarts.contains(first), !isPlainNumber(s) else { return s }
        return "'" + s
    }

    private static let formulaStarts: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D]

    static func isPlainNumber(_ s: String) -> Bool {
        var bytes = s.utf8[...]
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        let isDigit = { (b: UInt8) in b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        let whole = bytes.prefix(while: isDigit)
        bytes = bytes.dropFirst(whole.count)
        var fraction = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            fraction = bytes.prefix(while: isDigit).count
            bytes = bytes.dropFirst(fraction)
        }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            let exponent = bytes.prefix(while: isDigit).count
            guard exponent > 0 else { return false }
            bytes = bytes.dropFirst(exponent)
        }
        return bytes.isEmpty && whole.count + fraction > 0
    }

    /// Quotes a field when it holds a comma, a quote or a line break; quotes inside are doubled.
    public static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func number(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? "\(Int(d))" : "\(d)"
    }
}
