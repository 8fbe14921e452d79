import Foundation
import XCTest

/// `export` in every format, checked against what the formats' specifications and viewers require.
final class ExportCommandTests: XCTestCase {
    private func object(_ args: [String], data: URL? = CLI.sample) throws -> [String: Any] {
        try XCTUnwrap(try CLI.json(args, data: data) as? [String: Any])
    }

    /// RFC 7946: a FeatureCollection of Features with Point geometries, [longitude, latitude] in range.
    func testGeoJSONFollowsRFC7946() throws {
        for data in [CLI.sample, nil] { // the sample and the bundled dataset
            let doc = try object(["export", "--format", "geojson"], data: data)
            XCTAssertEqual(doc["type"] as? String, "FeatureCollection")
            XCTAssertNil(doc["crs"], "RFC 7946 drops crs; coordinates are WGS 84")
            let features = try XCTUnwrap(doc["features"] as? [[String: Any]])
            XCTAssertFalse(features.isEmpty)
            for f in features {
                XCTAssertEqual(f["type"] as? String, "Feature")
                let geometry = try XCTUnwrap(f["geometry"] as? [String: Any])
                XCTAssertEqual(geometry["type"] as? String, "Point")
                let c = try XCTUnwrap(geometry["coordinates"] as? [Double])
                XCTAssertEqual(c.count, 2)
                XCTAssertTrue((-180...180).contains(c[0]), "longitude \(c[0])")
                XCTAssertTrue((-90...90).contains(c[1]), "latitude \(c[1])")
                let p = try XCTUnwrap(f["properties"] as? [String: Any])
                XCTAssertNotNil(p["name"] as? String)
                XCTAssertNotNil(p["kind"] as? String)
                XCTAssertNotNil(p["councils"] as? String)
                XCTAssertNotNil(p["council_count"] as? Int)
                XCTAssertNotNil(p["event_count"] as? Int)
            }
            let budapest = try XCTUnwrap(features.first { ($0["id"] as? String) == "place:budapest" })
            let c = (budapest["geometry"] as! [String: Any])["coordinates"] as! [Double]
            XCTAssertEqual(c[0], 19.04, accuracy: 0.1, "longitude first")
            XCTAssertEqual(c[1], 47.5, accuracy: 0.1, "then latitude")
        }
        let filtered = try object(["export", "--format", "geojson", "--place", "gyor"])
        let names = (filtered["features"] as! [[String: Any]]).map { ($0["properties"] as! [String: Any])["name"] as! String }
        XCTAssertEqual(names, ["Győr"], "a filter keeps only places with matching events")

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tanacs-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("places.geojson")
        XCTAssertEqual(try CLI.run(["export", "--format", "geojson", "--out", file.path]).status, 0)
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
    }

    /// TimelineJS 3: `events` with `start_date.year` (month, day optional), `text.headline`/`text.text`.
    func testTimelineJSHasTheDocumentedFields() throws {
        let doc = try object(["export", "--format", "timelinejs"])
        let title = try XCTUnwrap(doc["title"] as? [String: Any])
        XCTAssertNotNil((title["text"] as? [String: Any])?["headline"] as? String)
        let events = try XCTUnwrap(doc["events"] as? [[String: Any]])
        XCTAssertEqual(events.count, 13)
        var ids: Set<String> = []
        for e in events {
            let start = try XCTUnwrap(e["start_date"] as? [String: Any])
            let year = try XCTUnwrap(start["year"] as? Int)
            XCTAssertTrue((1900...2000).contains(year))
            if let month = start["month"] as? Int { XCTAssertTrue((1...12).contains(month)) }
            if let day = start["day"] as? Int { XCTAssertTrue((1...31).contains(day)); XCTAssertNotNil(start["month"]) }
            if let end = e["end_date"] as? [String: Any] {
                let a = [year, start["month"] as? Int ?? 1, start["day"] as? Int ?? 1]
                let b = [end["year"] as! Int, end["month"] as? Int ?? 12, end["day"] as? Int ?? 31]
                XCTAssertTrue(a.lexicographicallyPrecedes(b) || a == b, "end after start")
            }
            let text = try XCTUnwrap(e["text"] as? [String: Any])
            XCTAssertFalse((text["headline"] as? String ?? "").isEmpty)
            let body = try XCTUnwrap(text["text"] as? String)
            XCTAssertTrue(body.contains("<blockquote>“"), "citations quoted in the text")
            XCTAssertTrue(body.contains("paragraph"), "with their source")
            let id = try XCTUnwrap(e["unique_id"] as? String)
            XCTAssertTrue(ids.insert(id).inserted, "unique ids")
            XCTAssertFalse(id.contains(":"), "ids are usable in URLs and as element ids")
        }
        let yearOnly = try XCTUnwrap(events.first { ($0["text"] as! [String: Any])["headline"] as? String == "Nagy replaces Rákosi" })
        XCTAssertEqual((yearOnly["start_date"] as! [String: Any]).count, 1, "a date known only to the year states only the year")
    }

    func testJSONExportCarriesEverything() throws {
        let doc = try object(["export", "--format", "json"])
        XCTAssertEqual((doc["events"] as? [Any])?.count, 13)
        XCTAssertEqual((doc["places"] as? [Any])?.count, 5)
        XCTAssertEqual((doc["councils"] as? [Any])?.count, 4)
        XCTAssertEqual((doc["people"] as? [Any])?.count, 3)
        XCTAssertEqual((doc["figures"] as? [Any])?.count, 2)
        XCTAssertEqual((doc["sources"] as? [Any])?.count, 5)
        // Each sentence carries its quotations' words and source.
        for e in doc["events"] as! [[String: Any]] {
            let statements = try XCTUnwrap(e["statements"] as? [[String: Any]], "\(e["id"] ?? "?") has statements")
            XCTAssertFalse(statements.isEmpty)
            for st in statements {
                XCTAssertFalse((st["text"] as? String ?? "").isEmpty)
                let cites = try XCTUnwrap(st["citations"] as? [[String: Any]])
                XCTAssertFalse(cites.isEmpty, "a sentence without a citation")
                XCTAssertTrue(cites.allSatisfy { !($0["text"] as? String ?? "").isEmpty && $0["source"] is [String: Any] })
            }
        }
        let filtered = try object(["export", "--format", "json", "--kind", "political"])
        for e in filtered["events"] as! [[String: Any]] { XCTAssertEqual(e["kind"] as? String, "political") }
    }

    /// The statements table, read by sqlite3: every sentence has a citation, and every citation is a
    /// row of the excerpts table, so a spreadsheet or SQL user can check each sentence against its quotation.
    func testCSVStatementsJoinTheirExcerptsInSQLite() throws {
        guard let sqlite = CLI.which("sqlite3") else { throw XCTSkip("sqlite3 is not installed (.ci/run installs it)") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tanacs-statements-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertEqual(try CLI.run(["export", "--format", "csv", "--out", folder.path], data: nil).status, 0)
        let script = """
            .import --csv \(folder.appendingPathComponent("statements.csv").path) statements
            .import --csv \(folder.appendingPathComponent("excerpts.csv").path) excerpts
            .import --csv \(folder.appendingPathComponent("events.csv").path) events
            CREATE TABLE split AS WITH RECURSIVE split(record, rest, one) AS (
              SELECT record, citations || '; ', '' FROM statements
              UNION ALL SELECT record, substr(rest, instr(rest, '; ') + 2), substr(rest, 1, instr(rest, '; ') - 1) FROM split WHERE rest <> ''
            ) SELECT * FROM split;
            SELECT 'uncited', count(*) FROM statements WHERE citations = '';
            SELECT 'dangling', count(*) FROM split WHERE one <> '' AND one NOT IN (SELECT id FROM excerpts);
            SELECT 'cited', count(*) FROM split WHERE one <> '';
            SELECT 'events', count(DISTINCT record) FROM statements WHERE record IN (SELECT id FROM events);
            SELECT 'all-events', count(*) FROM events;
            """
        let result = try CLI.shell(sqlite, arguments: ["-batch", ":memory:"], input: script)
        XCTAssertEqual(result.status, 0, result.stderr)
        let values = Dictionary(uniqueKeysWithValues: result.stdout.split(separator: "\n").map { line -> (String, Int) in
            let parts = line.split(separator: "|")
            return (String(parts[0]), Int(parts[1]) ?? -1)
        })
        XCTAssertEqual(values["uncited"], 0, "every sentence cites an excerpt")
        XCTAssertEqual(values["dangling"], 0, "every citation is a row of excerpts.csv")
        XCTAssertGreaterThan(values["cited"] ?? 0, 500)
        XCTAssertEqual(values["events"], values["all-events"], "every event's sentences are in the table")
    }

    /// Markdown read by pandoc: each sentence carries its own footnotes, and every footnote quotes.
    func testMarkdownFootnotesPerSentenceInPandoc() throws {
        guard let pandoc = CLI.which("pandoc") else { throw XCTSkip("pandoc is not installed (.ci/run installs it)") }
        let markdown = try CLI.run(["export", "--format", "markdown"])
        XCTAssertEqual(markdown.status, 0, markdown.stderr)
        // The sample's 23 October event: two sentences, each with its own note.
        XCTAssertTrue(markdown.stdout.contains("in solidarity with Poland.[^"), markdown.stdout)
        let html = try CLI.shell(pandoc, arguments: ["-f", "markdown", "-t", "html", "--wrap=none"], input: markdown.stdout)
        XCTAssertEqual(html.status, 0, html.stderr)
        XCTAssertTrue(html.stdout.contains("in solidarity with Poland.<a href=\"#fn"), "the sentence links to its footnote")
        let refs = html.stdout.components(separatedBy: "class=\"footnote-ref\"").count - 1
        let notes = html.stdout.components(separatedBy: "role=\"doc-endnote\"").count - 1 + html.stdout.components(separatedBy: "<li id=\"fn").count - 1
        XCTAssertGreaterThan(refs, 13, "more footnote marks than events: one per sentence")
        XCTAssertGreaterThan(notes, 0)
    }

    func testCSVTables() throws {
        let events = try CLI.run(["export", "--format", "csv", "--table", "events"])
        XCTAssertEqual(events.status, 0, events.stderr)
        let rows = CSV.parse(events.stdout)
        XCTAssertEqual(rows.first?.first, "id")
        XCTAssertEqual(rows.count, 1 + 13)
        XCTAssertTrue(rows.allSatisfy { $0.count == rows[0].count }, "every row has every column")
        let titles = rows.dropFirst().map { $0[rows[0].firstIndex(of: "title")!] }
        XCTAssertTrue(titles.contains("Nagy replaces Rákosi"))

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tanacs-csv-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertEqual(try CLI.run(["export", "--format", "csv", "--out", folder.path]).status, 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(files, ["citations.csv", "council_dates.csv", "council_people.csv", "councils.csv", "date_claims.csv", "event_councils.csv",
                               "event_figures.csv", "event_people.csv", "event_places.csv", "events.csv", "excerpts.csv", "figures.csv",
                               "people.csv", "places.csv", "sources.csv", "statements.csv"])
        for file in files {
            let table = CSV.parse(try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8))
            XCTAssertTrue(table.allSatisfy { $0.count == table[0].count }, file)
        }
        let excerpts = CSV.parse(try String(contentsOf: folder.appendingPathComponent("excerpts.csv"), encoding: .utf8))
        XCTAssertEqual(excerpts.count, 1 + 24)

        let usage = try CLI.run(["export", "--format", "csv"])
        XCTAssertEqual(usage.status, 64, "CSV needs --table or --out")
        XCTAssertTrue(usage.stderr.contains("--table"), usage.stderr)
    }

    func testMarkdownHandoutFootnotesEveryQuotation() throws {
        let result = try CLI.run(["export", "--format", "markdown"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let md = result.stdout
        XCTAssertTrue(md.hasPrefix("% The Hungarian Revolution of 1956\n"))
        let lines = md.split(separator: "\n").map(String.init)
        let definitions = lines.filter { $0.hasPrefix("[^") }
        XCTAssertFalse(definitions.isEmpty)
        for d in definitions {
            // In double marks, or single ones round a quotation holding the source's own double marks.
            XCTAssertTrue(d.range(of: #"\]: (“[^“]|‘“).*(”|’)(\d*|\[\d+\]) — "#, options: .regularExpression) != nil,
                          "a footnote quotes, marked once, and names its source: \(d)")
            XCTAssertFalse(d.contains("““") || d.contains("””"), d)
            XCTAssertTrue(d.contains("paragraph"), d)
        }
        let body = lines.filter { !$0.hasPrefix("[^") }.joined(separator: "\n")
        for n in 1...definitions.count { XCTAssertTrue(body.contains("[^\(n)]"), "footnote \(n) is referenced") }
        XCTAssertTrue(md.contains("## Sources"))
    }

    func testUnwritableOutput() throws {
        let result = try CLI.run(["export", "--format", "json", "--out", "/nonexistent-dir/x.json"])
        XCTAssertEqual(result.status, 73, result.stderr)
    }
}

/// Just enough RFC 4180 to read the export back.
enum CSV {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.append("\""); chars = chars.dropFirst() } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
            else { field.append(c) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
