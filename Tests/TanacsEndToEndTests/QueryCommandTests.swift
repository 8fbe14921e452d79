import Foundation
import XCTest
import TanacsUI

/// `events`, `places`, `councils`, `people`, `figures`, `show` and `search`, as tables and as JSON.
final class QueryCommandTests: XCTestCase {
    private func array(_ args: [String], file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        let value = try CLI.json(args, file: file, line: line)
        return try XCTUnwrap(value as? [[String: Any]], "expected an array of objects", file: file, line: line)
    }

    /// A citation carries the excerpt's own words and its source.
    private func checkCitations(_ record: [String: Any], file: StaticString = #filePath, line: UInt = #line) {
        let citations = record["citations"] as? [[String: Any]] ?? []
        XCTAssertFalse(citations.isEmpty, "\(record["id"] ?? "?") has citations", file: file, line: line)
        for c in citations {
            XCTAssertFalse((c["text"] as? String ?? "").isEmpty, "citation text", file: file, line: line)
            XCTAssertNotNil(c["paragraph"] as? Int, file: file, line: line)
            let source = c["source"] as? [String: Any]
            XCTAssertTrue((source?["id"] as? String ?? "").hasPrefix("source:"), file: file, line: line)
            XCTAssertNotNil(source?["author"] as? String, file: file, line: line)
            XCTAssertNotNil(source?["title"] as? String, file: file, line: line)
        }
    }

    func testSearchThenShow() throws {
        let hits = try array(["search", "csepel", "--json"])
        XCTAssertEqual(hits.first?["id"] as? String, "place:csepel", "the exact name ranks first")
        for hit in hits {
            XCTAssertNotNil(hit["kind"] as? String)
            XCTAssertNotNil(hit["label"] as? String)
            XCTAssertNotNil(hit["rank"] as? Int)
        }
        XCTAssertEqual((try array(["search", "GYOR", "--json"])).first?["id"] as? String, "place:gyor", "accent- and case-insensitive")

        let table = try CLI.run(["search", "csepel"])
        XCTAssertEqual(table.status, 0)
        XCTAssertTrue(table.stdout.hasPrefix("ID"), table.stdout)
        XCTAssertTrue(table.stdout.contains("place:csepel"), table.stdout)

        let place = try XCTUnwrap(try CLI.json(["show", "place:csepel", "--json"]) as? [String: Any])
        XCTAssertEqual(place["name"] as? String, "Csepel")
        XCTAssertEqual((place["parent"] as? [String: Any])?["id"] as? String, "place:budapest")
        checkCitations(place)

        let shown = try CLI.run(["show", "place:csepel"])
        XCTAssertEqual(shown.status, 0, shown.stderr)
        XCTAssertTrue(shown.stdout.contains("Csepel"), shown.stdout)
        XCTAssertTrue(shown.stdout.contains("“"), "quotations are marked:\n\(shown.stdout)")
        XCTAssertTrue(shown.stdout.contains("(place:budapest)") || shown.stdout.contains("place:budapest"), "links name their ids")
        XCTAssertEqual(try CLI.run(["show", "csepel"]).stdout, shown.stdout, "an id without its kind finds the record")

        let nothing = try CLI.run(["show", "place:atlantis"])
        XCTAssertEqual(nothing.status, 64)
        XCTAssertTrue(nothing.stderr.contains("no record"), nothing.stderr)
    }

    /// `--color` marks each matched word as grep does; piped output (auto) stays plain text.
    func testSearchMarksTheMatchedWords() throws {
        let red = try CLI.run(["search", "workers", "council", "--color", "always", "--limit", "3"], data: nil, environment: ["NO_COLOR": ""])
        XCTAssertEqual(red.status, 0, red.stderr)
        let body = red.stdout.split(separator: "\n").dropFirst(2).joined(separator: "\n")
        XCTAssertTrue(body.contains("\u{1B}[1;31mWorkers\u{1B}[0m' \u{1B}[1;31mCouncil\u{1B}[0m"), body)
        XCTAssertFalse(red.stdout.split(separator: "\n")[0].contains("\u{1B}"), "the header is not marked")
        // A typo is marked where its correction matched; NO_COLOR keeps the mark bold without colour.
        let bold = try CLI.run(["search", "gyr", "--color", "always", "--limit", "1"], data: nil, environment: ["NO_COLOR": "1"])
        XCTAssertTrue(bold.stdout.contains("\u{1B}[1mGyőr\u{1B}[22m"), bold.stdout)
        XCTAssertFalse(bold.stdout.contains("[1;31m"))
        for plain in [["--color", "never"], []] {
            let out = try CLI.run(["search", "workers", "council", "--limit", "3"] + plain, data: nil)
            XCTAssertFalse(out.stdout.contains("\u{1B}"), "\(plain): no escapes")
            XCTAssertEqual(out.stdout.replacingOccurrences(of: "\u{1B}[1;31m", with: ""), out.stdout)
        }
        let plainText = try CLI.run(["search", "workers", "council", "--limit", "3"], data: nil).stdout
        let stripped = red.stdout.replacingOccurrences(of: "\u{1B}[1;31m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "")
        XCTAssertEqual(stripped, plainText, "marks change no character of the table")
    }

    func testShowEveryKindAsJSON() throws {
        for id in ["event:1956-10-23-demonstration", "council:central-workers-council-of-greater-budapest",
                   "person:sandor-racz", "figure:dead-miskolc", "excerpt:haynes-p62-3", "source:haynes"] {
            let record = try XCTUnwrap(try CLI.json(["show", id, "--json"]) as? [String: Any], id)
            XCTAssertEqual(record["id"] as? String, id)
            let text = try CLI.run(["show", id])
            XCTAssertEqual(text.status, 0, "\(id): \(text.stderr)")
            XCTAssertFalse(text.stdout.isEmpty)
        }
        let council = try XCTUnwrap(try CLI.json(["show", "council:central-workers-council-of-greater-budapest", "--json"]) as? [String: Any])
        let formed = try XCTUnwrap((council["formed"] as? [[String: Any]])?.first)
        XCTAssertEqual(formed["date"] as? String, "1956-11-14")
        XCTAssertFalse(((formed["citation"] as? [String: Any])?["text"] as? String ?? "").isEmpty, "a date carries its excerpt")
    }

    func testEventsAndFilters() throws {
        let all = try array(["events", "--json"])
        XCTAssertEqual(all.count, 13)
        all.forEach { checkCitations($0) }
        let starts = all.map { $0["start"] as! String }
        XCTAssertEqual(starts, starts.sorted(), "date order")

        let window = try array(["events", "--from", "1956-10-24", "--to", "1956-10-31", "--json"])
        XCTAssertFalse(window.isEmpty)
        XCTAssertLessThan(window.count, all.count)
        for e in window {
            XCTAssertLessThanOrEqual(e["start"] as! String, "1956-10-31")
            XCTAssertGreaterThanOrEqual(e["end"] as! String, "1956-10-24")
        }

        let gyor = try array(["events", "--place", "Győr", "--json"])
        XCTAssertFalse(gyor.isEmpty)
        for e in gyor {
            let places = (e["places"] as! [[String: Any]]).map { $0["id"] as! String }
            XCTAssertTrue(places.contains("place:gyor"), "\(places)")
        }
        XCTAssertEqual(try array(["events", "--place", "gyor", "--json"]).count, gyor.count, "a bare id and a name agree")

        for e in try array(["events", "--kind", "demonstration", "--json"]) {
            XCTAssertEqual(e["kind"] as? String, "demonstration")
        }

        let table = try CLI.run(["events"])
        XCTAssertEqual(table.stdout.split(separator: "\n").count, 13 + 2, "header, rule and a row per event")
        XCTAssertEqual(try CLI.run(["events", "--place", "atlantis"]).status, 64)
        XCTAssertEqual(try CLI.run(["events", "--from", "1956-10-40"]).status, 64)
        XCTAssertEqual(try CLI.run(["events", "--from", "1956-11-01", "--to", "1956-10-01"]).status, 64)
    }

    func testPlacesCouncilsPeopleFigures() throws {
        let places = try array(["places", "--json"])
        XCTAssertEqual(places.count, 5)
        for p in places {
            XCTAssertNotNil(p["lat"] as? Double)
            XCTAssertNotNil(p["lon"] as? Double)
            XCTAssertNotNil(p["event_count"] as? Int)
            checkCitations(p)
        }
        XCTAssertEqual(try array(["places", "--kind", "district", "--json"]).map { $0["kind"] as! String }.filter { $0 != "district" }, [])

        let councils = try array(["councils", "--json"])
        XCTAssertEqual(councils.count, 4)
        councils.forEach { checkCitations($0) }
        let inBudapest = try array(["councils", "--place", "place:budapest", "--json"])
        XCTAssertFalse(inBudapest.isEmpty)
        let onDay = try array(["councils", "--on", "1956-11-14", "--json"]).map { $0["id"] as! String }
        XCTAssertTrue(onDay.contains("council:central-workers-council-of-greater-budapest"), "formed 14 November: \(onDay)")
        // The sample dates the council only by its founding: it is not counted at work on later days.
        let later = try array(["councils", "--on", "1956-11-20", "--json"]).map { $0["id"] as! String }
        XCTAssertFalse(later.contains("council:central-workers-council-of-greater-budapest"), "no date known after its founding: \(later)")
        let before = try array(["councils", "--on", "1956-11-01", "--json"]).map { $0["id"] as! String }
        XCTAssertFalse(before.contains("council:central-workers-council-of-greater-budapest"), "not yet formed on 1 November")
        XCTAssertEqual(try array(["councils", "--level", "town", "--json"]).map { $0["level"] as! String }.filter { $0 != "town" }, [])

        let people = try array(["people", "--json"])
        XCTAssertEqual(people.count, 3)
        people.forEach { checkCitations($0) }

        let figures = try array(["figures", "--json"])
        XCTAssertEqual(figures.count, 2)
        for f in figures {
            for claim in f["claims"] as! [[String: Any]] {
                XCTAssertNotNil(claim["as_stated"] as? String)
                XCTAssertFalse(((claim["citation"] as? [String: Any])?["text"] as? String ?? "").isEmpty)
            }
        }
        for command in ["places", "councils", "people", "figures"] {
            let table = try CLI.run([command])
            XCTAssertEqual(table.status, 0, table.stderr)
            XCTAssertTrue(table.stdout.hasPrefix("ID"), table.stdout)
        }
    }

    /// Tables fit $COLUMNS when it is set, measured in terminal columns, and are not cut when piped without it.
    /// Room goes to the text: no column is wider than its widest cell (or its header), so a title or
    /// name is never cut while another column holds blank space.
    func testNoColumnIsWiderThanItsWidestCell() throws {
        for width in [60, 80, 100, 120] {
            for command in [["events"], ["places"], ["councils"], ["people"], ["figures"]] {
                let lines = try CLI.run(command, data: nil, environment: ["COLUMNS": "\(width)"]).stdout
                    .split(separator: "\n").map { Array($0) }
                guard lines.count > 2 else { XCTFail("\(command): no table"); continue }
                // Column extents from the rule under the header: runs of ─ (or -) separated by spaces.
                var columns: [Range<Int>] = [], start: Int?
                for (i, c) in (lines[1] + [" "]).enumerated() {
                    if c != " ", start == nil { start = i }
                    if c == " ", let s = start { columns.append(s..<i); start = nil }
                }
                // Ids shown on their own line below a row start with spaces; they are not cells.
                let rows = [lines[0]] + lines.dropFirst(2).filter { $0.first != " " }
                for column in columns.dropLast() {
                    let last = column.upperBound - 1
                    XCTAssertTrue(rows.contains { $0.count > last && $0[last] != " " },
                                  "\(command) at \(width): the column at \(column) is wider than anything in it")
                }
            }
        }
    }

    func testTablesFitTheWidth() throws {
        for width in [40, 60, 80, 120] {
            for command in [["events"], ["places"], ["councils"], ["people"], ["figures"], ["search", "budapest"]] {
                let result = try CLI.run(command, data: nil, environment: ["COLUMNS": "\(width)"])
                XCTAssertEqual(result.status, 0, result.stderr)
                for line in result.stdout.split(separator: "\n") {
                    XCTAssertLessThanOrEqual(Columns.of(String(line)), width, "\(command) at \(width): \(line)")
                }
            }
        }
        // Ids stay whole at ordinary widths, so they can be copied into `tanacs show`.
        let events = try XCTUnwrap(try CLI.json(["events", "--json"], data: nil) as? [[String: Any]]).map { $0["id"] as! String }
        for width in [70, 80] {
            let fitted = try CLI.run(["events"], data: nil, environment: ["COLUMNS": "\(width)"]).stdout
            // Beside each row, or on a line of their own below it when names would not fit beside them.
            let shown = fitted.split(separator: "\n").dropFirst(2).flatMap { $0.split(separator: " ") }
                .filter { $0.hasPrefix("event:") }.map(String.init)
            XCTAssertEqual(shown, events, "whole ids at \(width) columns")
            // And dates whole: every row starts with one of the dates the data gives.
            let dates = Set(try XCTUnwrap(try CLI.json(["events", "--json"], data: nil) as? [[String: Any]]).map { $0["date"] as! String })
            for line in fitted.split(separator: "\n").dropFirst(2) where !line.hasPrefix(" ") {
                let date = String(line.split(separator: " ")[0])
                XCTAssertTrue(dates.contains(date), "a whole date at \(width) columns: \(line)")
            }
        }
        let piped = try CLI.run(["events"], data: nil)
        let titles = try XCTUnwrap(try CLI.json(["events", "--json"], data: nil) as? [[String: Any]]).map { $0["title"] as! String }
        let longest = try XCTUnwrap(titles.max { $0.count < $1.count })
        XCTAssertGreaterThan(longest.count, 70)
        XCTAssertTrue(piped.stdout.contains(longest), "piped output is not cut: \(longest)")
        XCTAssertFalse(piped.stdout.contains("\u{1B}"), "no escape sequences when piped")
    }

    /// Text from the data never reaches the output raw: escapes, controls and bidi overrides are removed.
    func testControlCharactersInDataAreCleaned() throws {
        let folder = try CLI.copyOfSample()
        defer { try? FileManager.default.removeItem(at: folder) }
        try CLI.edit(folder, "people.json") { people in
            people[0]["name"] = "Evil\u{1B}[2J\u{1B}]0;pwned\u{07} Name\u{202E}x\u{9B}31m"
            var statements = people[0]["statements"] as! [[String: Any]]
            statements[0]["text"] = "Line one\nline two\u{1B}[31m red"
            people[0]["statements"] = statements
        }
        let id = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("people.json"))) as? [[String: Any]])[0]["id"] as! String
        for args in [["people"], ["people", "--json"], ["show", id], ["show", id, "--json"], ["search", "evil"],
                     ["search", "evil", "--json"], ["export", "--format", "markdown"], ["export", "--format", "json"],
                     ["export", "--format", "csv", "--table", "people"], ["render", "--size", "120x40", "--at", id]] {
            let result = try CLI.run(args, data: folder)
            XCTAssertEqual(result.status, 0, "\(args): \(result.stderr)")
            for scalar in result.stdout.unicodeScalars {
                let v = scalar.value
                let bad = v == 0x1B || v == 0x07 || (0x80...0x9F).contains(v) || (0x202A...0x202E).contains(v)
                XCTAssertFalse(bad, "\(args) printed U+\(String(v, radix: 16))")
                if bad { break }
            }
            XCTAssertFalse(result.stdout.contains("\\u001b"), "\(args): escapes are removed, not just escaped in JSON")
        }
    }
}

/// Terminal columns of a line, counted as the canvas counts them.
enum Columns {
    static func of(_ s: String) -> Int { TextWidth.of(s) }
}
