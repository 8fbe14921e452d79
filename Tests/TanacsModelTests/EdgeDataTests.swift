import Foundation
import XCTest
@testable import TanacsModel

/// The loader's second round of bad data: JSON that Foundation accepts but jq and Python reject (or
/// reports without a place), encodings that are not UTF-8, numbers out of range, ids with invisible or
/// look-alike characters, place-parent cycles, duplicate references, outlines off the map, and files
/// that are loops, pipes or devices. Every problem has a file and, where it has one, line, column,
/// record and field.
final class EdgeDataTests: XCTestCase {
    private func copyOfSample() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tanacs-edge-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Paths.sample, to: folder)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    private func errors(_ folder: URL, file: StaticString = #filePath, line: UInt = #line) -> [LoadError] {
        do {
            _ = try DataLoader.load(from: folder)
            XCTFail("expected the data to be rejected", file: file, line: line)
        } catch let e as LoadErrors {
            for error in e.errors {
                XCTAssertFalse(error.description.contains("\n"), "one line: \(error)", file: file, line: line)
                XCTAssertLessThan(error.description.count, 700, "a short line: \(error.description.prefix(200))", file: file, line: line)
            }
            return e.errors
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
        }
        return []
    }

    /// One bad people.json: the error and its place.
    private func people(_ text: String, bytes: Data? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> LoadError? {
        let folder = try copyOfSample()
        try (bytes ?? Data(text.utf8)).write(to: folder.appendingPathComponent("people.json"))
        return errors(folder, file: file, line: line).first { $0.file == "people.json" }
    }

    private let person = #"{"id": "person:a", "name": "A", "names": [], "roles": [], "statements": [], "citations": ["excerpt:x"]"#

    func testJSONThatJqAndPythonRejectIsRejectedWithItsPlace() throws {
        let cases: [(String, String, Int, Int, String?, String?)] = [
            ("[\n  \(person)},\n]", "trailing comma before ]", 2, 106, nil, nil),
            ("[\(person),}]", "trailing comma before }", 1, 104, "person:a", nil),
            ("[{\"id\": \"person:a\", \"roles\": [\"x\",],}]", "trailing comma before ]", 1, 34, "person:a", "roles"),
            ("[\(person), \"name\": \"B\"}]", "duplicate key \"name\" (first at line 1, column 21)", 1, 106, "person:a", nil),
            ("[\(person), \"n\\u0061me\": \"B\"}]", "duplicate key \"name\"", 1, 106, "person:a", nil),
            ("[{\"id\": \"person:a\", \"summary\": \"x\\ud800y\"}]", "lone surrogate \\uD800", 1, 34, "person:a", "summary"),
            ("[{\"id\": \"person:a\", \"summary\": \"x\\udc00\"}]", "lone surrogate \\uDC00", 1, 34, "person:a", "summary"),
            ("[{\"id\": \"person:a\", \"roles\": [1e400]}]", "number 1e400 is out of range", 1, 31, "person:a", "roles[0]"),
            ("[{\"id\": \"person:a\", \"roles\": [-1E+999]}]", "number -1E+999 is out of range", 1, 31, "person:a", "roles[0]"),
            ("[{\"id\": \"person:a\", \"x\": {\"y\": 99999999999999999999}}]", "integer 99999999999999999999 is out of range", 1, 32, "person:a", "x.y"),
            ("[{\"id\": \"person:a\", \"x\": -9223372036854775809}]", "integer -9223372036854775809 is out of range", 1, 26, "person:a", "x"),
            ("[{\"id\": \"person:a\", \"x\": 007}]", "may not start with 0", 1, 26, "person:a", "x"),
            ("[{\"id\": \"person:a\", \"name\": \"tab\there\"}]", "control character U+0009 inside a string", 1, 33, "person:a", "name"),
            ("[{\"id\": \"person:a\", \"name\": \"\\x\"}]", "unknown escape \\x", 1, 30, "person:a", "name"),
                        ("[{\"id\": \"person:a\"} {\"id\": \"person:b\"}]", "expected , or ] after a value", 1, 21, nil, nil),
            ("[{\"name\": \"no id yet\", \"roles\": [,]}]", "unexpected ','", 1, 34, "#1", "roles[0]"),
        ]
        for (text, message, line, column, record, field) in cases {
            let error = try XCTUnwrap(try people(text), text)
            XCTAssertTrue(error.message.contains(message), "\(text): \(error)")
            XCTAssertEqual(error.line, line, "\(text): \(error)")
            XCTAssertEqual(error.column, column, "\(text): \(error)")
            XCTAssertEqual(error.record, record, "\(text): \(error)")
            XCTAssertEqual(error.field, field, "\(text): \(error)")
        }
    }

    func testAHugeNumberIsNotEchoedWhole() throws {
        let digits = String(repeating: "7", count: 100_000)
        for text in ["[{\"id\": \"person:a\", \"x\": \(digits)}]", "[{\"id\": \"person:a\", \"x\": 0.\(digits)}]", "[{\"id\": \"person:a\", \"x\": 1e\(digits)}]"] {
            let error = try XCTUnwrap(try people(text))
            XCTAssertTrue(error.message.contains("characters long"), error.description.prefix(300).description)
            XCTAssertFalse(error.description.contains("7777777777"), "not echoed")
            XCTAssertEqual(error.record, "person:a")
            XCTAssertEqual(error.field, "x")
        }
    }

    func testOtherEncodingsAreNamed() throws {
        let text = "[{\"id\": \"person:a\"}]"
        let cases: [(Data, String)] = [
            (text.data(using: .utf16LittleEndian)!, "UTF-16 (little-endian, without a byte order mark)"),
            (text.data(using: .utf16BigEndian)!, "UTF-16 (big-endian, without a byte order mark)"),
            (Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!, "UTF-16 (little-endian, with a byte order mark)"),
            (Data([0xFE, 0xFF]) + text.data(using: .utf16BigEndian)!, "UTF-16 (big-endian, with a byte order mark)"),
            (text.data(using: .utf32LittleEndian)!, "UTF-32 (little-endian)"),
            (text.data(using: .utf32BigEndian)!, "UTF-32 (big-endian)"),
        ]
        for (bytes, name) in cases {
            let error = try XCTUnwrap(try people("", bytes: bytes), name)
            XCTAssertEqual(error.message, "the file is \(name), not UTF-8: save it as UTF-8")
            XCTAssertEqual(error.line, 1)
            XCTAssertEqual(error.column, 1)
        }
        // A NUL inside otherwise good UTF-8 is a control character in a string, located.
        let nul = try XCTUnwrap(try people("", bytes: Data("[{\"id\": \"person:a\", \"name\": \"a\u{0}b\"}]".utf8)))
        XCTAssertTrue(nul.message.contains("U+0000"), nul.description)
        XCTAssertEqual(nul.field, "name")
        // A UTF-8 byte order mark is allowed, as jq and Python's utf-8-sig allow it.
        XCTAssertNil(JSONCheck.firstProblem(in: Data([0xEF, 0xBB, 0xBF]) + Data("[]".utf8)))
    }

    /// UTF-16 and UTF-32 that are broken in their own encoding, and UTF-16 pasted into a UTF-8 file:
    /// the error names the real place, in characters, not line 1, column 1.
    func testBrokenWideEncodingsNameTheirPlace() throws {
        let line1 = "[", line2 = "  {\"id\": \"person:a\", \"name\": \"Győr "
        let prefix = line1 + "\n" + line2
        // A lone high surrogate on line 2, after an accented letter.
        var bytes = prefix.data(using: .utf16LittleEndian)! + Data([0x00, 0xD8]) + "\"}]".data(using: .utf16LittleEndian)!
        var e = try XCTUnwrap(try people("", bytes: bytes))
        XCTAssertEqual(e.message, "the file is UTF-16 (little-endian, without a byte order mark), not UTF-8, and not even valid UTF-16 here (a lone surrogate): save it as UTF-8")
        XCTAssertEqual(e.line, 2, e.description)
        XCTAssertEqual(e.column, line2.count + 1, e.description)
        // With a byte order mark, big-endian, one byte short at the end.
        bytes = Data([0xFE, 0xFF]) + (prefix + "\"}]").data(using: .utf16BigEndian)!
        bytes.removeLast()
        e = try XCTUnwrap(try people("", bytes: bytes))
        XCTAssertTrue(e.message.contains("not even valid UTF-16 here (1 byte left over at the end)"), e.description)
        XCTAssertEqual(e.line, 2, e.description)
        XCTAssertEqual(e.column, line2.count + 3, "after the closing quote and the brace: \(e)")
        // UTF-32 with a value past U+10FFFF.
        bytes = prefix.data(using: .utf32LittleEndian)! + Data([0x00, 0x00, 0x11, 0x00]) + "\"}]".data(using: .utf32LittleEndian)!
        e = try XCTUnwrap(try people("", bytes: bytes))
        XCTAssertTrue(e.message.contains("not even valid UTF-32 here (0x110000 is past the last code point)"), e.description)
        XCTAssertEqual(e.line, 2, e.description)
        XCTAssertEqual(e.column, line2.count + 1, e.description)
        // UTF-16 pasted into a UTF-8 file: the first zero byte, with the record and field, names the encoding.
        bytes = Data(prefix.utf8) + "Pécs".data(using: .utf16LittleEndian)! + Data("\"}]".utf8)
        e = try XCTUnwrap(try people("", bytes: bytes))
        XCTAssertTrue(e.message.contains("U+0000") && e.message.contains("UTF-16 or UTF-32"), e.description)
        XCTAssertEqual(e.line, 2, e.description)
        XCTAssertEqual(e.column, line2.count + 2, "the zero byte after the P: \(e)")
        XCTAssertEqual(e.record, "person:a")
        XCTAssertEqual(e.field, "name")
    }

    func testDeepNestingIsAnErrorNotACrash() throws {
        for text in [String(repeating: "[", count: 100_000), String(repeating: "[{\"a\":", count: 50_000)] {
            let error = try XCTUnwrap(try people(text))
            XCTAssertTrue(error.message.contains("nested more than"), error.description)
        }
    }

    func testDecodingErrorsNameTheirRecordFoundByTheCheckingPass() throws {
        let error = try XCTUnwrap(try people("[\n\(person)},\n  {\"id\": \"person:b\", \"name\": 5}\n]"))
        XCTAssertEqual(error.record, "person:b")
        XCTAssertEqual(error.field, "name")
        XCTAssertEqual(JSONCheck.recordID(at: 1, in: Data("[{\"id\": \"a\"}, {\"x\": {\"id\": \"no\"}, \"id\": \"b\"}]".utf8)), "b")
        XCTAssertNil(JSONCheck.recordID(at: 0, in: Data("[{\"x\": {\"id\": \"nested\"}}]".utf8)))
        XCTAssertNil(JSONCheck.recordID(at: 5, in: Data("[{\"id\": \"a\"}]".utf8)))
    }

    func testUnknownFieldsAreStillWarnings() throws {
        let folder = try copyOfSample()
        var text = try String(contentsOf: folder.appendingPathComponent("people.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"name\":", with: "\"zzz\": 1, \"name\":", options: [], range: text.range(of: "\"name\":"))
        try text.write(to: folder.appendingPathComponent("people.json"), atomically: true, encoding: .utf8)
        let warnings = try DataLoader.loadReportingWarnings(from: folder).warnings
        XCTAssertEqual(warnings.count, 1, "\(warnings)")
        XCTAssertEqual(warnings.first?.field, "zzz")
        XCTAssertTrue(warnings.first?.record?.hasPrefix("person:") ?? false, "\(warnings)")
    }

    func testIdsAreEscapedSoInvisibleAndLookAlikeCharactersShow() throws {
        for (id, shown) in [("person:sandor\u{200B}", "person:sandor\\u{200B}"), ("person:s\u{0430}ndor", "person:s\\u{0430}ndor"),
                            ("person:x\u{1B}[2J", "person:x\\u{001B}[2J"), ("person:x\u{202E}y", "person:x\\u{202E}y")] {
            let folder = try copyOfSample()
            let url = folder.appendingPathComponent("people.json")
            var people = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
            people[0]["id"] = id
            try JSONSerialization.data(withJSONObject: people).write(to: url)
            let found = errors(folder).first { $0.file == "people.json" && $0.field == "id" }
            let error = try XCTUnwrap(found, id.debugDescription)
            XCTAssertTrue(error.description.contains("record \(shown)"), error.description)
        }
        let long = LoadError(file: "people.json", record: "person:" + String(repeating: "x", count: 100_000), message: "m")
        XCTAssertLessThan(long.description.count, 200)
        XCTAssertTrue(long.description.contains("100007 characters"), long.description)
    }

    func testPlaceParentsMayNotFormACycle() throws {
        for cycle in [["place:gyor": "place:gyor"], ["place:gyor": "place:budapest", "place:budapest": "place:gyor"]] {
            let folder = try copyOfSample()
            let url = folder.appendingPathComponent("places.json")
            var places = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
            for i in places.indices { if let id = places[i]["id"] as? String, let parent = cycle[id] { places[i]["parent"] = parent } }
            try JSONSerialization.data(withJSONObject: places).write(to: url)
            let found = errors(folder).filter { $0.message.contains("place parents form a cycle") }
            XCTAssertFalse(found.isEmpty, "\(cycle)")
            XCTAssertEqual(found.first?.field, "parent")
        }
    }

    func testDuplicateReferencesAreReported() throws {
        let folder = try copyOfSample()
        let url = folder.appendingPathComponent("events.json")
        var events = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
        let withPlaces = try XCTUnwrap(events.firstIndex { ($0["places"] as? [String])?.isEmpty == false })
        let places = try XCTUnwrap(events[withPlaces]["places"] as? [String])
        let citations = try XCTUnwrap(events[1]["citations"] as? [String])
        events[withPlaces]["places"] = places + [try XCTUnwrap(places.first)]
        events[1]["citations"] = citations + [try XCTUnwrap(citations.first)]
        try JSONSerialization.data(withJSONObject: events).write(to: url)
        let found = errors(folder).filter { $0.message.contains("is listed twice") }
        XCTAssertEqual(Set(found.map { $0.field ?? "" }), ["places", "citations"], "\(found)")
        XCTAssertEqual(found.first { $0.field == "places" }?.record, events[withPlaces]["id"] as? String)
    }

    func testMapOutlinesOutsideSaneBoundsAreRejected() throws {
        for (point, message) in [("[47.5, 19.0]", "outside the map's bounds"), ("[1e300, 47]", "outside the map's bounds"),
                                 ("[19.0]", "two numbers, not 1"), ("[19.0, 47.5, 3]", "two numbers, not 3"),
                                 ("[-19.0, 47.5]", "outside the map's bounds")] {
            let folder = try copyOfSample()
            let geo = folder.appendingPathComponent("geo")
            try FileManager.default.removeItem(at: geo)
            try FileManager.default.createDirectory(at: geo, withIntermediateDirectories: true)
            try Data("[{\"name\": \"Lake\", \"lines\": [[[17.5, 46.8], \(point)]]}]".utf8).write(to: geo.appendingPathComponent("lakes.json"))
            let error = try XCTUnwrap(errors(folder).first { $0.file == "geo/lakes.json" }, point)
            XCTAssertTrue(error.message.contains(message), "\(point): \(error)")
            XCTAssertEqual(error.record, "#1")
            XCTAssertEqual(error.field, "lines[0][1]")
        }
    }

    func testFilesThatAreNotPlainFilesAreNamed() throws {
        let folder = try copyOfSample()
        let events = folder.appendingPathComponent("events.json")
        try FileManager.default.removeItem(at: events)
        try FileManager.default.createSymbolicLink(atPath: events.path, withDestinationPath: "events.json")
        XCTAssertTrue(errors(folder).contains { $0.file == "events.json" && $0.message == "cannot read the file (a symbolic link loop)" })
        try FileManager.default.removeItem(at: events)
        try FileManager.default.createSymbolicLink(atPath: events.path, withDestinationPath: "/dev/zero")
        XCTAssertTrue(errors(folder).contains { $0.file == "events.json" && $0.message == "is a device, not a file" })
        try FileManager.default.removeItem(at: events)
        XCTAssertEqual(mkfifo(events.path, 0o644), 0)
        XCTAssertTrue(errors(folder).contains { $0.file == "events.json" && $0.message == "is a named pipe, not a file" })
        let loop = folder.appendingPathComponent("loop")
        try FileManager.default.createSymbolicLink(atPath: loop.path, withDestinationPath: loop.path)
        XCTAssertEqual(PathStatus.of(loop.path), .unreachable("a symbolic link loop"))
        XCTAssertEqual(DatasetFiles.folderProblem(loop.path), "cannot open the folder (a symbolic link loop)")
    }

    /// The read is bounded by bytes read, not by the size the file system reports (procfs says 0).
    func testTheReadItselfIsBounded() throws {
        XCTAssertThrowsError(try DatasetFiles.boundedRead("/dev/zero", name: "zero", limit: 1 << 20)) { error in
            XCTAssertTrue("\(error)".contains("too large"), "\(error)")
        }
        let status = try DatasetFiles.boundedRead("/proc/self/status", name: "status", limit: 1 << 20)
        XCTAssertGreaterThan(status.count, 100, "procfs reports size 0 but is read")
        XCTAssertThrowsError(try DatasetFiles.boundedRead("/proc/self/status", name: "status", limit: 10))
    }

    func testTheCheckingPassIsLinear() throws {
        // 200,000 records of many keys: a quadratic pass would take minutes.
        var text = "["
        for i in 0..<200_000 { text += (i == 0 ? "" : ",") + "{\"id\":\"person:\(i)\",\"a\":[1,2.5,\"x\\u00e9\"],\"b\":{\"c\":null}}" }
        text += "]"
        let start = Date()
        XCTAssertNil(JSONCheck.firstProblem(in: Data(text.utf8)))
        XCTAssertLessThan(Date().timeIntervalSince(start), 30, "generous bound; linear takes well under a second in release")
    }
}
