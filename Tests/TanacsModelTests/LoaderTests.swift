import Foundation
import XCTest
@testable import TanacsModel

final class LoaderTests: XCTestCase {
    func testLoadsTheSampleWithIndices() throws {
        let m = try DataLoader.load(from: Paths.sample)
        XCTAssertEqual(m.events.count, 13)
        XCTAssertEqual(m.events.first?.id, "event:1953-nagy-replaces-rakosi", "events are in date order")
        XCTAssertEqual(m.placeByID["place:gyor"]?.population1956?.value, 70000)
        // Events in Újpest also count as events in Budapest.
        XCTAssertTrue(m.eventsByPlace["place:budapest"]!.contains("event:1956-11-14-cwc-founded"))
        XCTAssertEqual(m.councilChildren["council:transdanubian-national-council"], ["council:gyor-national-council"])
        XCTAssertEqual(m.councilsByPerson["person:sandor-racz"], ["council:central-workers-council-of-greater-budapest"])
        let cwc = try XCTUnwrap(m.councilByID["council:central-workers-council-of-greater-budapest"])
        XCTAssertTrue(m.councilAtWork(cwc, on: Day(year: 1956, month: 11, day: 14)!))
        XCTAssertFalse(m.councilAtWork(cwc, on: Day(year: 1956, month: 11, day: 13)!))
    }

    /// Copies the sample to a temporary folder and lets a test break one file.
    private func brokenCopy(_ file: String, _ edit: (inout String) -> Void) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tanacs-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Paths.sample, to: folder)
        let url = folder.appendingPathComponent(file)
        var text = try String(contentsOf: url, encoding: .utf8)
        edit(&text)
        try text.write(to: url, atomically: true, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    private func errors(loading folder: URL) -> [LoadError] {
        // The fast path reports exactly what the checking path reports.
        XCTAssertNoThrow(try LoadParity.assertSameLoad(folder))
        do {
            _ = try DataLoader.load(from: folder)
            XCTFail("expected the data to be rejected")
            return []
        } catch let e as LoadErrors {
            return e.errors
        } catch {
            XCTFail("unexpected error \(error)")
            return []
        }
    }

    func testInvalidDateNamesFileRecordAndField() throws {
        let folder = try brokenCopy("events.json") { $0 = $0.replacingOccurrences(of: "\"date\": \"1956-10-24\"", with: "\"date\": \"1956-13-40\"") }
        let e = try XCTUnwrap(errors(loading: folder).first)
        XCTAssertEqual(e.file, "events.json")
        XCTAssertEqual(e.record, "event:1956-10-24-gyor-demonstration")
        XCTAssertEqual(e.field, "date")
        XCTAssertTrue(e.message.contains("1956-13-40"), e.message)
    }

    func testMissingFieldAndWrongType() throws {
        let missing = try brokenCopy("people.json") { $0 = $0.replacingOccurrences(of: "\"name\": \"Sándor Bali\",", with: "") }
        // A missing field is placed at the object that lacks it: the record's "{" on line 29.
        XCTAssertEqual(errors(loading: missing).first?.description, "people.json:29:2, record person:sandor-bali, field name: missing required field")
        let wrongType = try brokenCopy("places.json") { $0 = $0.replacingOccurrences(of: "\"lat\": 48.10327", with: "\"lat\": \"north\"") }
        let e = try XCTUnwrap(errors(loading: wrongType).first)
        XCTAssertEqual(e.record, "place:miskolc")
        XCTAssertEqual(e.field, "lat")
        // A wrong type is placed at the value.
        let text = try String(contentsOf: wrongType.appendingPathComponent("places.json"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let row = try XCTUnwrap(lines.firstIndex { $0.contains("\"lat\": \"north\"") })
        XCTAssertEqual(e.line, row + 1, e.description)
        XCTAssertEqual(e.column, lines[row].distance(from: lines[row].startIndex, to: lines[row].range(of: "\"north\"")!.lowerBound) + 1, e.description)
    }

    func testSyntaxErrorGivesLineAndColumn() throws {
        // A stray "]" where the first figure's first key should be: line 3 of figures.json, after its indent.
        let folder = try brokenCopy("figures.json") { text in
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            lines[2] = "    ],"
            text = lines.joined(separator: "\n")
        }
        let e = try XCTUnwrap(errors(loading: folder).first)
        XCTAssertEqual(e.file, "figures.json")
        XCTAssertTrue(e.message.hasPrefix("invalid JSON"), e.message)
        XCTAssertEqual(e.line, 3, "syntax errors carry their line: \(e)")
        XCTAssertEqual(e.column, 5, "and column: \(e)")
    }

    func testDanglingReferenceDuplicateAndCycle() throws {
        let dangling = try brokenCopy("events.json") { $0 = $0.replacingOccurrences(of: "\"place:gyor\"", with: "\"place:gyr\"") }
        let d = errors(loading: dangling)
        XCTAssertTrue(d.contains { $0.field == "places" && $0.message == "unknown place \"place:gyr\"" }, "\(d)")

        let duplicate = try brokenCopy("people.json") { $0 = $0.replacingOccurrences(of: "person:sandor-bali", with: "person:sandor-racz") }
        XCTAssertTrue(errors(loading: duplicate).contains { $0.record == "person:sandor-racz" && $0.message.hasPrefix("duplicate id") })

        let cycle = try brokenCopy("councils.json") {
            $0 = $0.replacingOccurrences(of: "\"id\": \"council:transdanubian-national-council\",", with: "\"id\": \"council:transdanubian-national-council\", \"parent\": \"council:gyor-national-council\",")
        }
        XCTAssertTrue(errors(loading: cycle).contains { $0.field == "parent" && $0.message.contains("cycle") })
    }

    func testMissingFolderAndEmptyFile() throws {
        let none = errors(loading: URL(fileURLWithPath: "/nonexistent/tanacs"))
        XCTAssertEqual(none.first?.message, "no such folder")
        let empty = try brokenCopy("people.json") { $0 = "" }
        XCTAssertEqual(errors(loading: empty).first?.description, "people.json: the file is empty (expected a JSON array)")
    }
}
