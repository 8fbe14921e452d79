import Foundation
import XCTest

/// Exports read back by the tools that use them: pandoc for the handout, sqlite3 for the database,
/// and the CSV link tables joined to their records.
final class ExportToolTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tanacs-tools-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    private static func has(_ tool: String) -> Bool { (try? Tmux.run(["sh", "-c", "command -v \(tool)"]).status) == 0 }

    /// Runs a tool with the given standard input, failing the test on a non-zero exit.
    private func tool(_ arguments: [String], input: String = "", file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 0, "\(arguments.joined(separator: " ")): \(text)", file: file, line: line)
        return text
    }

    func testHandoutThroughPandoc() throws {
        try XCTSkipUnless(Self.has("pandoc"), "pandoc is not installed (.ci/run installs it)")
        let result = try CLI.run(["export", "--format", "markdown", "--place", "gyor"], data: nil)
        XCTAssertEqual(result.status, 0, result.stderr)
        let md = result.stdout
        XCTAssertTrue(md.hasPrefix("% Győr in the Hungarian Revolution of 1956\n% Tanács\n% "), "a pandoc title block:\n\(md.prefix(200))")
        XCTAssertFalse(md.contains("## Notes"), "no heading of our own for the notes")
        XCTAssertFalse(md.contains("]["), "footnote marks never touch")
        let html = try tool(["pandoc", "-s", "-f", "markdown", "-t", "html"], input: md)
        XCTAssertTrue(html.contains("<title>Győr in the Hungarian Revolution of 1956</title>"), String(html.prefix(600)))
        XCTAssertTrue(html.contains("<h1 class=\"title\">Győr in the Hungarian Revolution of 1956</h1>"))
        XCTAssertTrue(html.contains("class=\"date\""), "the period as the date")
        // The town's own page comes first: its heading before the first day's.
        let town = try XCTUnwrap(html.range(of: ">Győr</h2>"), html)
        let firstDay = try XCTUnwrap(html.range(of: "Oct 1956</h2>"))
        XCTAssertLessThan(town.lowerBound, firstDay.lowerBound)
        XCTAssertTrue(html.contains("Population in 1956: 70,000"))
        // Every footnote reference has its note, and the notes are in pandoc's own section.
        let refs = html.components(separatedBy: "role=\"doc-noteref\"").count - 1
        let notes = html.components(separatedBy: "id=\"fn").count - 1 - html.components(separatedBy: "id=\"fnref").count + 1
        XCTAssertGreaterThan(refs, 5)
        XCTAssertGreaterThan(notes, 5)
        XCTAssertTrue(html.contains("class=\"footnotes"), "pandoc collects the notes")
        XCTAssertFalse(html.contains("</sup></a><a"), "two marks never run together into one number")
        // Only the sources the handout cites, titles with their inner quotes made single.
        let sources = try XCTUnwrap(md.components(separatedBy: "## Sources\n\n").last).split(separator: "\n").filter { $0.hasPrefix("- ") }
        XCTAssertFalse(sources.isEmpty)
        XCTAssertLessThan(sources.count, 5, "not every source talks about Győr:\n\(sources)")
        let all = try CLI.run(["export", "--format", "markdown"], data: nil).stdout
        XCTAssertTrue(all.contains("“Hungary 1956: Revolution in a ‘workers’ state’”"), "nested quotation marks")
        XCTAssertFalse(all.contains("“workers’ state””"))
    }

    func testCouncilHandoutStartsWithTheCouncil() throws {
        let md = try CLI.run(["export", "--format", "markdown", "--council", "council:central-workers-council-of-greater-budapest"], data: nil).stdout
        let lines = md.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines[0], "% Central Workers' Council of Greater Budapest in the Hungarian Revolution of 1956")
        let heading = try XCTUnwrap(lines.firstIndex(of: "## Central Workers' Council of Greater Budapest"))
        let firstDay = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("## ") && $0.contains("1956") })
        XCTAssertLessThan(heading, firstDay)
        XCTAssertTrue(md.contains("\nFormed: "), md)
        XCTAssertTrue(md.contains("\nPeople: "), md)
    }

    func testTimelineJSClipsToTheRange() throws {
        let result = try CLI.run(["export", "--format", "timelinejs", "--from", "1956-10-23", "--to", "1956-11-11"], data: nil)
        XCTAssertEqual(result.status, 0, result.stderr)
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: result.data) as? [String: Any])
        let slides = try XCTUnwrap(doc["events"] as? [[String: Any]])
        func day(_ parts: [String: Any]?, end: Bool) -> [Int]? {
            guard let parts, let year = parts["year"] as? Int else { return nil }
            return [year, parts["month"] as? Int ?? (end ? 12 : 1), parts["day"] as? Int ?? (end ? 31 : 1)]
        }
        let ids = slides.compactMap { $0["unique_id"] as? String }
        XCTAssertFalse(ids.contains("event-1956-petofi-circle-debates"), "dated only 1956: not inside the range")
        XCTAssertFalse(ids.contains("event-1956-10-polish-october"), "dated 28 June - 22 October 1956: not inside the range")
        XCTAssertTrue(ids.contains("event-1956-10-23-student-demonstration"))
        for slide in slides {
            let start = try XCTUnwrap(day(slide["start_date"] as? [String: Any], end: false))
            let end = day(slide["end_date"] as? [String: Any], end: true) ?? start
            XCTAssertFalse(start.lexicographicallyPrecedes([1956, 10, 23]), "\(slide["unique_id"]!) starts in the range: \(start)")
            XCTAssertFalse([1956, 11, 11].lexicographicallyPrecedes(end), "\(slide["unique_id"]!) ends in the range: \(end)")
        }
        // A span cut at the range's end, and every end date a whole day.
        let csepel = try XCTUnwrap(slides.first { $0["unique_id"] as? String == "event-1956-11-04-csepel-resistance" })
        XCTAssertEqual(day(csepel["end_date"] as? [String: Any], end: true), [1956, 11, 11])
        let whole = try XCTUnwrap(try JSONSerialization.jsonObject(with: CLI.run(["export", "--format", "timelinejs"], data: nil).data) as? [String: Any])
        let all = try XCTUnwrap(whole["events"] as? [[String: Any]])
        for slide in all { if let end = slide["end_date"] as? [String: Any] { XCTAssertNotNil(end["day"], "an end date ends on a day: \(end)") } }
        let repression = try XCTUnwrap(all.first { $0["unique_id"] as? String == "event-1956-11-repression-arrests-trials" })
        XCTAssertEqual(day(repression["end_date"] as? [String: Any], end: true), [1959, 12, 31], "“to December 1959” ends on 31 December")
        // An end no source states is not filled in.
        let kadar = try XCTUnwrap(all.first { $0["unique_id"] as? String == "event-1956-11-kadar-concessions" })
        XCTAssertNil(kadar["end_date"], "the sources state no end")
        XCTAssertEqual(kadar["display_date"] as? String, "from 4 Nov 1956")
        // Disputed dates in the slide, each with its source.
        let disputed = try XCTUnwrap(all.first { $0["unique_id"] as? String == "event-1956-10-26-gyor-national-council" })
        let text = try XCTUnwrap((disputed["text"] as? [String: Any])?["text"] as? String)
        XCTAssertTrue(text.contains("The sources disagree on the date:</b> "), text)
        XCTAssertTrue(text.contains("26 Oct 1956 (") && text.contains("27 Oct 1956 ("), text)
    }

    func testCSVLinkTablesJoinBackToTheirRecords() throws {
        let out = folder.appendingPathComponent("tables")
        let result = try CLI.run(["export", "--format", "csv", "--out", out.path], data: nil)
        XCTAssertEqual(result.status, 0, result.stderr)
        func table(_ name: String) throws -> (header: [String], rows: [[String]]) {
            let rows = CSV.parse(try String(contentsOf: out.appendingPathComponent(name + ".csv"), encoding: .utf8))
            XCTAssertTrue(rows.allSatisfy { $0.count == rows[0].count }, name)
            return (rows[0], Array(rows.dropFirst()))
        }
        func ids(_ name: String, column: String = "id") throws -> Set<String> {
            let t = try table(name)
            let i = try XCTUnwrap(t.header.firstIndex(of: column))
            return Set(t.rows.map { $0[i] })
        }
        let keys = ["event": try ids("events"), "place": try ids("places"), "person": try ids("people"),
                    "council": try ids("councils"), "figure": try ids("figures", column: "figure"), "excerpt": try ids("excerpts")]
        let links: [(String, [String: String])] = [
            ("event_places", ["event": "event", "place": "place"]), ("event_people", ["event": "event", "person": "person"]),
            ("event_councils", ["event": "event", "council": "council"]), ("event_figures", ["event": "event", "figure": "figure"]),
            ("council_people", ["council": "council", "person": "person"]),
            ("council_dates", ["council": "council", "citation": "excerpt"]),
            ("date_claims", ["event": "event", "citation": "excerpt"]), ("citations", ["excerpt": "excerpt"]),
        ]
        for (name, columns) in links {
            let t = try table(name)
            XCTAssertFalse(t.rows.isEmpty, "\(name) has rows")
            for (column, kind) in columns {
                let i = try XCTUnwrap(t.header.firstIndex(of: column), "\(name).\(column)")
                for row in t.rows { XCTAssertTrue(keys[kind]!.contains(row[i]), "\(name).\(column) \(row[i]) joins to a \(kind)") }
            }
        }
        // The links are the data's: every event's places, once each.
        let bundled = try JSONSerialization.jsonObject(with: Data(contentsOf: Tmux.repo.appendingPathComponent("data/events.json"))) as! [[String: Any]]
        XCTAssertEqual(try table("event_places").rows.count, bundled.map { ($0["places"] as! [String]).count }.reduce(0, +))
        let members = try table("council_people")
        XCTAssertEqual(members.header, ["council", "person", "role", "citations"])
        XCTAssertTrue(members.rows.contains { $0[0] == "council:central-workers-council-of-greater-budapest" && $0[1] == "person:sandor-racz" })
        XCTAssertFalse(try table("events").header.contains("places"), "no ;-joined relation columns")

        let bom = try CLI.run(["export", "--format", "csv", "--table", "event_places", "--bom"])
        XCTAssertTrue(bom.stdout.hasPrefix("\u{FEFF}event,place\n"), bom.stdout.prefix(30).debugDescription)
        XCTAssertTrue(try CLI.run(["export", "--format", "csv", "--table", "event_places"]).stdout.hasPrefix("event,place\n"))
    }

    func testSQLiteDatabaseInSqlite3() throws {
        try XCTSkipUnless(Self.has("sqlite3"), "sqlite3 is not installed (.ci/run installs it)")
        let db = folder.appendingPathComponent("tanacs.db")
        let result = try CLI.run(["export", "--format", "sqlite", "--out", db.path], data: nil)
        XCTAssertEqual(result.status, 0, result.stderr)
        func sql(_ query: String) throws -> String { try tool(["sqlite3", db.path, query]) }
        XCTAssertEqual(try sql("PRAGMA foreign_key_check;"), "", "every foreign key holds")
        XCTAssertEqual(try sql("PRAGMA integrity_check;"), "ok\n")
        let tables = try sql("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_%' ORDER BY name;")
        for name in ["sources", "excerpts", "places", "councils", "people", "figures", "events", "event_places", "event_people",
                     "event_councils", "event_figures", "council_people", "council_dates", "date_claims", "figure_claims", "citations", "statements", "statement_citations", "search"] {
            XCTAssertTrue(tables.split(separator: "\n").contains(Substring(name)), "table \(name): \(tables)")
        }
        XCTAssertTrue(try sql("SELECT \"table\" FROM pragma_foreign_key_list('event_places');").contains("places"), "declared foreign keys")
        let bundled = try JSONSerialization.jsonObject(with: Data(contentsOf: Tmux.repo.appendingPathComponent("data/events.json"))) as! [[String: Any]]
        XCTAssertEqual(try sql("SELECT count(*) FROM events;"), "\(bundled.count)\n")
        // An end no source states is NULL; every other event has its last day.
        let open = bundled.filter { ($0["date"] as! String).hasSuffix("/..") }.count
        XCTAssertGreaterThan(open, 0)
        XCTAssertEqual(try sql("SELECT count(*) FROM events WHERE \"end\" IS NULL;"), "\(open)\n")
        XCTAssertEqual(try sql("SELECT count(*) FROM events WHERE \"end\" IS NULL AND date NOT LIKE '%/..';"), "0\n")
        XCTAssertEqual(try sql("SELECT \"end\" FROM events WHERE id = 'event:1956-10-23-student-demonstration';"), "1956-10-23\n")
        // Full text with diacritics folded: gyor finds Győr.
        let found = try sql("SELECT id FROM search WHERE search MATCH 'gyor' AND kind = 'place';")
        XCTAssertTrue(found.contains("place:gyor"), found)
        XCTAssertTrue(try sql("SELECT count(*) FROM search WHERE search MATCH 'maleter';") != "0\n")
        // Every sentence with the quotations that state it.
        XCTAssertEqual(try sql("SELECT count(*) FROM statements s LEFT JOIN statement_citations sc ON sc.statement = s.id WHERE sc.excerpt IS NULL AND s.field = 'statements';"), "0\n", "no sentence without a quotation")
        XCTAssertTrue(try sql("SELECT count(*) FROM statements WHERE field = 'demands';") != "0\n")
        // A relation answered by joins.
        let leaders = try sql("""
            SELECT p.name FROM council_people cp JOIN people p ON p.id = cp.person
            JOIN councils c ON c.id = cp.council WHERE c.id = 'council:central-workers-council-of-greater-budapest' ORDER BY p.name;
            """)
        XCTAssertTrue(leaders.contains("Sándor Rácz"), leaders)

        // A filtered database keeps its foreign keys too.
        let part = folder.appendingPathComponent("part.db")
        XCTAssertEqual(try CLI.run(["export", "--format", "sqlite", "--place", "csepel", "--out", part.path], data: nil).status, 0)
        XCTAssertEqual(try tool(["sqlite3", part.path, "PRAGMA foreign_key_check;"]), "")
    }
}
