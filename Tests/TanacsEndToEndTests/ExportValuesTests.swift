import Foundation
import XCTest

/// Exports read back and compared value by value with the dataset's own JSON files (read here with
/// JSONSerialization, not with the explorer's model), so a value that is lost, misquoted or put in the
/// wrong field fails. CSV is also read by sqlite3's `.import`, when sqlite3 is installed.
final class ExportValuesTests: XCTestCase {
    typealias Record = [String: Any]

    private func records(_ file: String, in folder: URL = CLI.sample) throws -> [Record] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(file))) as? [Record])
    }

    private func strings(_ value: Any?) -> [String] { value as? [String] ?? [] }

    /// A copy of the sample whose text holds quotes without commas, commas without quotes, and both.
    private func quotedCopy() throws -> URL {
        let folder = try CLI.copyOfSample()
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        try CLI.edit(folder, "events.json") { events in
            events[1]["title"] = "Students march for \"Poland\""
            events[2]["title"] = "Stalin's statue, pulled down"
            events[3]["title"] = "The \"Egyes\" council, first of many"
            events[4]["title"] = "\"Győr\""
            // A time, a month alone and a span, so every shape of date is exported.
            events[5]["time"] = "14:05"
            events[12]["date"] = "1957-01"
            events[11]["date"] = "1956-11-14/1956-11-16"
            events[10]["date"] = "1956-11-04/.."
        }
        try CLI.edit(folder, "people.json") { $0[0]["name"] = "Sándor \"Racz\" Rácz" }
        return folder
    }

    /// The table as rows of named fields, checking that every row has every column.
    private func table(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [[String: String]] {
        let rows = CSV.parse(text)
        guard let header = rows.first else { XCTFail("no header", file: file, line: line); return [] }
        return rows.dropFirst().map { row in
            XCTAssertEqual(row.count, header.count, "a row with \(row.count) fields under \(header.count) columns: \(row)", file: file, line: line)
            return Dictionary(zip(header, row), uniquingKeysWith: { a, _ in a })
        }
    }

    private func csv(_ table: String, data: URL) throws -> String {
        let result = try CLI.run(["export", "--format", "csv", "--table", table], data: data)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout
    }

    func testCSVEventsReadBackValueByValue() throws {
        for data in [CLI.sample, try quotedCopy()] {
            let events = try records("events.json", in: data)
            let rows = table(try csv("events", data: data))
            var links: [String: [[String: String]]] = [:]
            for name in ["event_places", "event_councils", "event_people", "event_figures", "citations"] {
                links[name] = table(try csv(name, data: data))
            }
            XCTAssertEqual(rows.map { $0["id"] ?? "" }.sorted(), events.map { $0["id"] as! String }.sorted())
            for event in events {
                let id = event["id"] as! String
                guard let row = rows.first(where: { $0["id"] == id }) else { XCTFail("no row for \(id)"); continue }
                XCTAssertEqual(row["title"], event["title"] as? String, id)
                XCTAssertEqual(row["date"], event["date"] as? String, id)
                XCTAssertEqual(row["kind"], event["kind"] as? String, id)
                XCTAssertEqual(row["time"], event["time"] as? String ?? "", id)
                // An end no source states is left empty, never filled in.
                if (event["date"] as! String).hasSuffix("/..") {
                    XCTAssertEqual(row["start"], String((event["date"] as! String).dropLast(3)), id)
                    XCTAssertEqual(row["end"], "", id)
                } else {
                    XCTAssertEqual(row["end"]?.count, 10, id)
                }
                // Relations live in link tables, one row per pair, in the record's own order.
                for (name, column, field) in [("event_places", "place", "places"), ("event_councils", "council", "councils"),
                                              ("event_people", "person", "people"), ("event_figures", "figure", "figures")] {
                    XCTAssertEqual(links[name]!.filter { $0["event"] == id }.map { $0[column] ?? "" }, strings(event[field]), "\(name) \(id)")
                }
                XCTAssertEqual(links["citations"]!.filter { $0["record"] == id }.map { $0["excerpt"] ?? "" }, strings(event["citations"]), id)
            }
        }
    }

    func testCSVQuotesAFieldWithAQuoteButNoComma() throws {
        let data = try quotedCopy()
        let text = try csv("events", data: data)
        // RFC 4180: a field holding a quote is quoted, and the quote doubled.
        XCTAssertTrue(text.contains(",\"Students march for \"\"Poland\"\"\","), text)
        XCTAssertTrue(text.contains(",\"\"\"Győr\"\"\","), text)
        XCTAssertTrue(text.contains(",\"Stalin's statue, pulled down\","), "a comma alone is quoted too")
        let people = table(try csv("people", data: data))
        XCTAssertEqual(people.first { $0["id"] == "person:sandor-racz" }?["name"], "Sándor \"Racz\" Rácz")
    }

    /// sqlite3 reads the exported table: the CSV reader people use, not ours.
    func testSQLiteImportsTheCSVWithTheSameValues() throws {
        guard (try? Tmux.run(["sqlite3", "-version"]).status) == 0 else { throw XCTSkip("sqlite3 is not installed") }
        let data = try quotedCopy()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tanacs-events-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        XCTAssertEqual(try CLI.run(["export", "--format", "csv", "--table", "events", "--out", file.path], data: data).status, 0)
        let out = try Tmux.run(["sqlite3", ":memory:", "-cmd", ".mode csv", "-cmd", ".import '\(file.path)' events",
                                "-cmd", ".mode json", "select id, title, date, kind from events"])
        XCTAssertEqual(out.status, 0, out.output)
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out.output.utf8)) as? [[String: String]], out.output)
        let events = try records("events.json", in: data)
        XCTAssertEqual(rows.count, events.count)
        for event in events {
            let id = event["id"] as! String
            let row = rows.first { $0["id"] == id }
            XCTAssertEqual(row?["title"], event["title"] as? String, id)
            XCTAssertEqual(row?["date"], event["date"] as? String, id)
            XCTAssertEqual(row?["kind"], event["kind"] as? String, id)
        }
    }

    func testCSVPlacesExcerptsAndFiguresReadBack() throws {
        let places = try records("places.json")
        let rows = table(try csv("places", data: CLI.sample))
        XCTAssertEqual(rows.count, places.count)
        for place in places {
            let id = place["id"] as! String
            let row = try XCTUnwrap(rows.first { $0["id"] == id }, id)
            XCTAssertEqual(row["name"], place["name"] as? String)
            XCTAssertEqual(row["kind"], place["kind"] as? String)
            XCTAssertEqual(row["parent"], place["parent"] as? String ?? "")
            XCTAssertEqual(Double(row["lat"] ?? ""), place["lat"] as? Double, id)
            XCTAssertEqual(Double(row["lon"] ?? ""), place["lon"] as? Double, id)
            XCTAssertEqual(row["names"], strings(place["names"]).joined(separator: "; "))
            let population = (place["population1956"] as? Record)?["value"] as? Int
            XCTAssertEqual(row["population1956"], population.map(String.init) ?? "", id)
        }
        let excerpts = try records("excerpts.json")
        let excerptRows = table(try csv("excerpts", data: CLI.sample))
        XCTAssertEqual(excerptRows.count, excerpts.count)
        for x in excerpts {
            let row = excerptRows.first { $0["id"] == x["id"] as? String }
            XCTAssertEqual(row?["text"], x["text"] as? String, "the quotation exactly")
            XCTAssertEqual(row?["source"], x["source"] as? String)
            XCTAssertEqual(row?["paragraph"], (x["paragraph"] as? Int).map(String.init))
        }
        let figures = try records("figures.json")
        let claimRows = table(try csv("figures", data: CLI.sample))
        XCTAssertEqual(claimRows.count, figures.reduce(0) { $0 + ($1["claims"] as! [Any]).count }, "a row per claim")
        for f in figures {
            for claim in f["claims"] as! [Record] {
                XCTAssertTrue(claimRows.contains { $0["figure"] == f["id"] as? String && $0["as_stated"] == claim["as_stated"] as? String
                        && $0["unit"] == claim["unit"] as? String && Double($0["value"] ?? "") == claim["value"] as? Double
                        && $0["citation"] == claim["citation"] as? String }, "\(claim)")
            }
        }
    }

    func testGeoJSONFeaturesMatchThePlaces() throws {
        let doc = try XCTUnwrap(try CLI.json(["export", "--format", "geojson"]) as? Record)
        let features = try XCTUnwrap(doc["features"] as? [Record])
        let places = try records("places.json"), councils = try records("councils.json"), events = try records("events.json")
        XCTAssertEqual(features.count, places.count)
        for place in places {
            let id = place["id"] as! String
            let feature = try XCTUnwrap(features.first { $0["id"] as? String == id }, id)
            let geometry = try XCTUnwrap(feature["geometry"] as? Record)
            XCTAssertEqual(geometry["coordinates"] as? [Double], [place["lon"] as! Double, place["lat"] as! Double], "\(id): [lon, lat] exactly")
            let p = try XCTUnwrap(feature["properties"] as? Record)
            XCTAssertEqual(p["name"] as? String, place["name"] as? String)
            XCTAssertEqual(p["kind"] as? String, place["kind"] as? String)
            XCTAssertEqual(p["parent"] as? String, place["parent"] as? String)
            XCTAssertEqual(p["population1956"] as? Int, (place["population1956"] as? Record)?["value"] as? Int)
            // Councils and events there or in a place inside it.
            let inside = Set([id] + places.filter { $0["parent"] as? String == id }.map { $0["id"] as! String })
            let seated = councils.filter { inside.contains($0["place"] as? String ?? "") }
            XCTAssertEqual(p["council_count"] as? Int, seated.count, id)
            let names = (p["councils"] as? String ?? "").components(separatedBy: "; ").filter { !$0.isEmpty }
            XCTAssertEqual(names.sorted(), seated.map { $0["name"] as! String }.sorted(), id)
            XCTAssertEqual(p["event_count"] as? Int, events.filter { !inside.isDisjoint(with: strings($0["places"])) }.count, id)
        }
    }

    func testTimelineJSSlidesMatchTheEvents() throws {
        let data = try quotedCopy()
        let doc = try XCTUnwrap(try CLI.json(["export", "--format", "timelinejs"], data: data) as? Record)
        let slides = try XCTUnwrap(doc["events"] as? [Record])
        let events = try records("events.json", in: data)
        XCTAssertEqual(slides.count, events.count)
        func html(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        for event in events {
            let id = event["id"] as! String
            let slide = try XCTUnwrap(slides.first { $0["unique_id"] as? String == id.replacingOccurrences(of: ":", with: "-") }, id)
            let text = try XCTUnwrap(slide["text"] as? Record)
            XCTAssertEqual(text["headline"] as? String, html(event["title"] as! String), id)
            XCTAssertEqual(slide["group"] as? String, (event["kind"] as! String).capitalized, id)
            // The date's parts, only those it states: 1953 is {year}, 1956-10-23 {year, month, day}.
            let date = (event["date"] as! String).split(separator: "/")[0].split(separator: "-").map { Int($0)! }
            let start = try XCTUnwrap(slide["start_date"] as? [String: Int], id)
            var expected = ["year": date[0]]
            if date.count > 1 { expected["month"] = date[1] }
            if date.count > 2 { expected["day"] = date[2] }
            if let time = event["time"] as? String {
                let hm = time.split(separator: ":").map { Int($0)! }
                expected["hour"] = hm[0]
                expected["minute"] = hm[1]
            }
            XCTAssertEqual(start, expected, id)
            let end = slide["end_date"] as? [String: Int]
            let parts = (event["date"] as! String).split(separator: "/")
            if parts.count == 2 && parts[1] == ".." {
                XCTAssertNil(end, "\(id): the sources state no end")
                XCTAssertEqual(slide["display_date"] as? String, "from 4 Nov 1956", id)
            } else if parts.count == 2 {
                let last = parts[1].split(separator: "-").map { Int($0)! }
                XCTAssertEqual(end, ["year": last[0], "month": last[1], "day": last[2]], id)
            } else {
                XCTAssertNil(end, "\(id): a single date has no end")
            }
            // Every quotation behind the event, in the slide's text.
            let body = try XCTUnwrap(text["text"] as? String)
            let excerpts = try records("excerpts.json", in: data)
            for citation in strings(event["citations"]) {
                let quote = try XCTUnwrap(excerpts.first { $0["id"] as? String == citation }?["text"] as? String)
                // Marked once: a quotation holding the source's double marks goes in single ones.
                let marked = quote.contains("“") || quote.contains("\"") ? "‘" + html(quote) + "’" : "“" + html(quote) + "”"
                XCTAssertTrue(body.contains("<blockquote>" + marked + "</blockquote>"), "\(id) quotes \(citation)")
            }
        }
    }
}
