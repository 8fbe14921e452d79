import CSQLite
import Foundation

/// The dataset (or the part a filter selects) as one SQLite database: a table per kind of record, a
/// link table per relation, `statements` (every sentence in our words) with `statement_citations`,
/// foreign keys declared, and `search`, an FTS5 index over names, summaries
/// and quotations with diacritics folded (`unicode61 remove_diacritics 2`), so `gyor` finds Győr.
///
/// The database is built in memory and returned as bytes (`sqlite3_serialize`), so it is written
/// the way every other export is.
public enum SQLiteExport {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Every table and its columns, in the order they are created; the tests read this too.
    public static let schema = """
        PRAGMA foreign_keys = ON;
        CREATE TABLE sources (id TEXT PRIMARY KEY, author TEXT NOT NULL, title TEXT NOT NULL, publication TEXT NOT NULL,
            date TEXT NOT NULL, file TEXT NOT NULL, notes TEXT NOT NULL);
        CREATE TABLE excerpts (id TEXT PRIMARY KEY, source TEXT NOT NULL REFERENCES sources(id), paragraph INTEGER NOT NULL,
            text TEXT NOT NULL);
        CREATE TABLE places (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, parent TEXT REFERENCES places(id),
            lat REAL NOT NULL, lon REAL NOT NULL, placement TEXT, abroad INTEGER NOT NULL, population1956 INTEGER,
            population1956_as_stated TEXT, population1956_citation TEXT REFERENCES excerpts(id), summary TEXT NOT NULL);
        CREATE TABLE place_names (place TEXT NOT NULL REFERENCES places(id), name TEXT NOT NULL);
        CREATE TABLE councils (id TEXT PRIMARY KEY, name TEXT NOT NULL, level TEXT NOT NULL, place TEXT REFERENCES places(id),
            parent TEXT REFERENCES councils(id), summary TEXT NOT NULL);
        CREATE TABLE council_names (council TEXT NOT NULL REFERENCES councils(id), name TEXT NOT NULL);
        CREATE TABLE council_dates (council TEXT NOT NULL REFERENCES councils(id), which TEXT NOT NULL CHECK (which IN ('formed', 'ended')),
            date TEXT NOT NULL, start TEXT NOT NULL, "end" TEXT NOT NULL, citation TEXT NOT NULL REFERENCES excerpts(id));
        CREATE TABLE people (id TEXT PRIMARY KEY, name TEXT NOT NULL, summary TEXT NOT NULL);
        CREATE TABLE person_names (person TEXT NOT NULL REFERENCES people(id), name TEXT NOT NULL);
        CREATE TABLE person_roles (person TEXT NOT NULL REFERENCES people(id), role TEXT NOT NULL);
        CREATE TABLE council_people (council TEXT NOT NULL REFERENCES councils(id), person TEXT NOT NULL REFERENCES people(id),
            role TEXT NOT NULL, citation TEXT NOT NULL REFERENCES excerpts(id));
        CREATE TABLE statements (id INTEGER PRIMARY KEY, record TEXT NOT NULL, field TEXT NOT NULL, position INTEGER NOT NULL,
            text TEXT NOT NULL);
        CREATE TABLE statement_citations (statement INTEGER NOT NULL REFERENCES statements(id), excerpt TEXT NOT NULL REFERENCES excerpts(id));
        CREATE TABLE figures (id TEXT PRIMARY KEY, topic TEXT NOT NULL, summary TEXT);
        CREATE TABLE figure_claims (figure TEXT NOT NULL REFERENCES figures(id), value REAL NOT NULL, high REAL, unit TEXT NOT NULL,
            as_stated TEXT NOT NULL, citation TEXT NOT NULL REFERENCES excerpts(id));
        CREATE TABLE events (id TEXT PRIMARY KEY, date TEXT NOT NULL, start TEXT NOT NULL, "end" TEXT, time TEXT,
            kind TEXT NOT NULL, title TEXT NOT NULL, summary TEXT NOT NULL);
        CREATE TABLE event_places (event TEXT NOT NULL REFERENCES events(id), place TEXT NOT NULL REFERENCES places(id));
        CREATE TABLE event_councils (event TEXT NOT NULL REFERENCES events(id), council TEXT NOT NULL REFERENCES councils(id));
        CREATE TABLE event_people (event TEXT NOT NULL REFERENCES events(id), person TEXT NOT NULL REFERENCES people(id));
        CREATE TABLE event_figures (event TEXT NOT NULL REFERENCES events(id), figure TEXT NOT NULL REFERENCES figures(id));
        CREATE TABLE date_claims (event TEXT NOT NULL REFERENCES events(id), date TEXT NOT NULL, start TEXT NOT NULL,
            "end" TEXT, citation TEXT NOT NULL REFERENCES excerpts(id));
        CREATE TABLE citations (record TEXT NOT NULL, kind TEXT NOT NULL, excerpt TEXT NOT NULL REFERENCES excerpts(id));
        CREATE VIRTUAL TABLE search USING fts5(id UNINDEXED, kind UNINDEXED, name, text,
            tokenize = 'unicode61 remove_diacritics 2');
        """

    public static func render(_ s: ExportSelection, clean: @escaping TextFilter = { $0 }) throws -> Data {
        var handle: OpaquePointer?
        guard sqlite3_open(":memory:", &handle) == SQLITE_OK, let db = handle else {
            throw Failure(description: "SQLite could not open a database in memory")
        }
        defer { sqlite3_close(db) }
        let writer = Writer(db: db)
        try writer.exec(schema)
        try writer.exec("BEGIN")
        try fill(writer, s, clean: clean)
        try writer.exec("COMMIT")
        // Indexes on every link column, so joins stay fast in sqlite3, DB Browser or Datasette.
        try writer.exec(indexes)
        var size: sqlite3_int64 = 0
        guard let bytes = sqlite3_serialize(db, "main", &size, 0) else {
            throw Failure(description: "SQLite could not serialize the database")
        }
        defer { sqlite3_free(bytes) }
        return Data(bytes: bytes, count: Int(size))
    }

    static let indexes = """
        CREATE INDEX excerpts_source ON excerpts(source);
        CREATE INDEX place_names_place ON place_names(place);
        CREATE INDEX council_names_council ON council_names(council);
        CREATE INDEX council_dates_council ON council_dates(council);
        CREATE INDEX person_names_person ON person_names(person);
        CREATE INDEX person_roles_person ON person_roles(person);
        CREATE INDEX council_people_council ON council_people(council);
        CREATE INDEX council_people_person ON council_people(person);
        CREATE INDEX statements_record ON statements(record);
        CREATE INDEX statement_citations_statement ON statement_citations(statement);
        CREATE INDEX statement_citations_excerpt ON statement_citations(excerpt);
        CREATE INDEX figure_claims_figure ON figure_claims(figure);
        CREATE INDEX event_places_event ON event_places(event);
        CREATE INDEX event_places_place ON event_places(place);
        CREATE INDEX event_councils_event ON event_councils(event);
        CREATE INDEX event_councils_council ON event_councils(council);
        CREATE INDEX event_people_event ON event_people(event);
        CREATE INDEX event_people_person ON event_people(person);
        CREATE INDEX event_figures_event ON event_figures(event);
        CREATE INDEX date_claims_event ON date_claims(event);
        CREATE INDEX citations_record ON citations(record);
        CREATE INDEX citations_excerpt ON citations(excerpt);
        """

    private static func fill(_ w: Writer, _ s: ExportSelection, clean: @escaping TextFilter) throws {
        let m = s.model
        let c: (String) -> Value = { .text(clean($0)) }
        let id: (String) -> Value = { .text($0) }
        let optional: (String?) -> Value = { $0.map { .text(clean($0)) } ?? .null }
        // NULL where the sources state no end.
        let end: (HistoricalDate) -> Value = { $0.knownEnd.map { .text($0.description) } ?? .null }
        // A reference to a record the selection left out is stored as NULL, so foreign keys hold.
        let places = Set(s.places.map(\.id)), councils = Set(s.councils.map(\.id)), people = Set(s.people.map(\.id))
        let figures = Set(s.figures.map(\.id)), excerpts = Set(s.excerpts.map(\.id))
        func ref(_ value: String?, in kept: Set<String>) -> Value { value.flatMap { kept.contains($0) ? .text($0) : nil } ?? .null }
        // Every sentence in our words (statements, roles, demands, members' parts), each with its excerpts.
        var statementID = 0
        func state(_ record: String, _ field: String, _ sentences: [Statement]) throws {
            for (i, st) in sentences.enumerated() {
                statementID += 1
                try w.insert("statements", [.int(statementID), id(record), .text(field), .int(i + 1), c(st.text)])
                for x in st.citations where excerpts.contains(x) { try w.insert("statement_citations", [.int(statementID), id(x)]) }
            }
        }
        func cite(_ record: String, _ kind: String, _ ids: [String]) throws {
            for x in ids where excerpts.contains(x) { try w.insert("citations", [id(record), .text(kind), id(x)]) }
        }

        for src in s.sources {
            try w.insert("sources", [id(src.id), c(src.author), c(src.title), c(src.publication), c(src.date), c(src.file), c(src.notes)])
        }
        for x in s.excerpts {
            try w.insert("excerpts", [id(x.id), id(x.source), .int(x.paragraph), c(x.text)])
            let author = m.sourceByID[x.source]?.author ?? x.source
            try w.insert("search", [id(x.id), .text("excerpt"), c("\(author), ¶\(x.paragraph)"), c(x.text)])
        }
        // Parents before children: a place's parent row must exist when foreign keys are checked at
        // the end of the transaction, which SQLite does per statement unless deferred, so parents
        // are set in a second pass.
        for p in s.places {
            try w.insert("places", [id(p.id), c(p.name), .text(p.kind.rawValue), .null, .real(p.lat), .real(p.lon),
                                    optional(p.placement), .int(p.isAbroad ? 1 : 0), p.population1956.map { .int($0.value) } ?? .null,
                                    optional(p.population1956?.asStated), ref(p.population1956?.citation, in: excerpts), c(p.summary)])
            for name in p.names { try w.insert("place_names", [id(p.id), c(name)]) }
            try cite(p.id, "place", p.citations)
            try state(p.id, "statements", p.statements)
            try w.insert("search", [id(p.id), .text("place"), c(([p.name] + p.names).joined(separator: "; ")), c(p.summary)])
        }
        for p in s.places where p.parent != nil {
            try w.run("UPDATE places SET parent = ? WHERE id = ?", [ref(p.parent, in: places), id(p.id)])
        }
        for person in s.people {
            try w.insert("people", [id(person.id), c(person.name), c(person.summary)])
            for name in person.names { try w.insert("person_names", [id(person.id), c(name)]) }
            for role in person.roleTexts { try w.insert("person_roles", [id(person.id), c(role)]) }
            try cite(person.id, "person", person.citations)
            try state(person.id, "statements", person.statements)
            try state(person.id, "roles", person.roles)
            try w.insert("search", [id(person.id), .text("person"), c(([person.name] + person.names).joined(separator: "; ")),
                                    c(([person.summary] + person.roleTexts).joined(separator: " "))])
        }
        for council in s.councils {
            try w.insert("councils", [id(council.id), c(council.name), .text(council.level.rawValue), ref(council.place, in: places),
                                      .null, c(council.summary)])
        }
        for council in s.councils {
            if council.parent != nil {
                try w.run("UPDATE councils SET parent = ? WHERE id = ?", [ref(council.parent, in: councils), id(council.id)])
            }
            for name in council.names { try w.insert("council_names", [id(council.id), c(name)]) }
            for (which, claims) in [("formed", council.formed), ("ended", council.ended)] {
                for claim in claims where excerpts.contains(claim.citation) {
                    try w.insert("council_dates", [id(council.id), .text(which), .text(claim.date.text),
                                                   .text(claim.date.start.description), end(claim.date), id(claim.citation)])
                }
            }
            // A member's part may rest on several excerpts: a row for each.
            for member in council.people where people.contains(member.person) {
                for x in member.citations where excerpts.contains(x) {
                    try w.insert("council_people", [id(council.id), id(member.person), c(member.role), id(x)])
                }
            }
            try cite(council.id, "council", council.citations)
            try state(council.id, "statements", council.statements)
            try state(council.id, "demands", council.demands)
            try w.insert("search", [id(council.id), .text("council"), c(([council.name] + council.names).joined(separator: "; ")),
                                    c(([council.summary] + council.demands.map(\.text)).joined(separator: " "))])
        }
        for f in s.figures {
            try w.insert("figures", [id(f.id), c(f.topic), optional(f.summary)])
            for claim in f.claims where excerpts.contains(claim.citation) {
                try w.insert("figure_claims", [id(f.id), .real(claim.value), claim.high.map { .real($0) } ?? .null, c(claim.unit),
                                               c(claim.asStated), id(claim.citation)])
            }
            try state(f.id, "statements", f.statements)
            try w.insert("search", [id(f.id), .text("figure"), c(f.topic),
                                    c(([f.summary ?? ""] + f.claims.map(\.asStated)).joined(separator: " "))])
        }
        for e in s.events {
            try w.insert("events", [id(e.id), .text(e.date.text), .text(e.date.start.description), end(e.date),
                                    optional(e.time), .text(e.kind.rawValue), c(e.title), c(e.summary)])
            for p in e.places where places.contains(p) { try w.insert("event_places", [id(e.id), id(p)]) }
            for x in e.councils where councils.contains(x) { try w.insert("event_councils", [id(e.id), id(x)]) }
            for p in e.people where people.contains(p) { try w.insert("event_people", [id(e.id), id(p)]) }
            for f in e.figures where figures.contains(f) { try w.insert("event_figures", [id(e.id), id(f)]) }
            for claim in e.dateClaims ?? [] where excerpts.contains(claim.citation) {
                try w.insert("date_claims", [id(e.id), .text(claim.date.text), .text(claim.date.start.description),
                                             end(claim.date), id(claim.citation)])
            }
            try cite(e.id, "event", e.citations)
            try state(e.id, "statements", e.statements)
            try w.insert("search", [id(e.id), .text("event"), c(e.title), c(e.summary)])
        }
    }

    enum Value {
        case text(String), int(Int), real(Double), null
    }

    /// Prepared statements, one per table, reused for every row.
    final class Writer {
        let db: OpaquePointer
        private var statements: [String: OpaquePointer] = [:]

        init(db: OpaquePointer) { self.db = db }

        deinit { for statement in statements.values { sqlite3_finalize(statement) } }

        func exec(_ sql: String) throws {
            var message: UnsafeMutablePointer<CChar>?
            if sqlite3_exec(db, sql, nil, nil, &message) != SQLITE_OK {
                let text = message.map { String(cString: $0) } ?? "unknown error"
                sqlite3_free(message)
                throw Failure(description: "SQLite: \(text)")
            }
        }

        func insert(_ table: String, _ values: [Value]) throws {
            try run("INSERT INTO \(table) VALUES (" + Array(repeating: "?", count: values.count).joined(separator: ", ") + ")", values)
        }

        func run(_ sql: String, _ values: [Value]) throws {
            let statement: OpaquePointer
            if let known = statements[sql] {
                statement = known
            } else {
                var prepared: OpaquePointer?
                guard sqlite3_prepare_v2(db, sql, -1, &prepared, nil) == SQLITE_OK, let p = prepared else { throw error() }
                statements[sql] = p
                statement = p
            }
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
            for (i, value) in values.enumerated() {
                let n = Int32(i + 1)
                switch value {
                case .text(let s): sqlite3_bind_text(statement, n, s, -1, transient)
                case .int(let v): sqlite3_bind_int64(statement, n, sqlite3_int64(v))
                case .real(let v): sqlite3_bind_double(statement, n, v)
                case .null: sqlite3_bind_null(statement, n)
                }
            }
            guard sqlite3_step(statement) == SQLITE_DONE else { throw error() }
        }

        private func error() -> Failure { Failure(description: "SQLite: " + String(cString: sqlite3_errmsg(db))) }
    }

    /// SQLITE_TRANSIENT: SQLite copies the bound text before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
