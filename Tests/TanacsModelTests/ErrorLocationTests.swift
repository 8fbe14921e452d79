import Foundation
import XCTest
@testable import TanacsModel

/// Line and column of a problem, counted in characters as an editor shows them, also after accented
/// and wide text (which takes more than one byte a character).
final class ErrorLocationTests: XCTestCase {
    private func firstError(_ file: String, _ bytes: [UInt8], line: UInt = #line) throws -> LoadError {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tanacs-loc-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Paths.sample, to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(bytes).write(to: folder.appendingPathComponent(file))
        do {
            _ = try DataLoader.load(from: folder)
        } catch let e as LoadErrors {
            return try XCTUnwrap(e.errors.first, line: line)
        }
        XCTFail("expected the data to be rejected", line: line)
        throw CancellationError()
    }

    /// The column of `marker` in the line where it occurs, counted in characters from 1.
    private func column(of marker: String, in line: String) -> Int {
        line.distance(from: line.startIndex, to: line.range(of: marker)!.lowerBound) + 1
    }

    func testABadByteAfterAccentsIsPlacedInCharacters() throws {
        // Line 3 holds "Győr", "Rákosi" and "漢字" before the bad byte: 5 more bytes than characters.
        let before = "    {\"id\": \"person:x\", \"name\": \"Győr Rákosi 漢字 "
        var bytes = Array("[\n  \n".utf8) + Array(before.utf8)
        bytes += [0xFF]
        bytes += Array("\"}\n]\n".utf8)
        let e = try firstError("people.json", bytes)
        XCTAssertEqual(e.file, "people.json")
        XCTAssertEqual(e.line, 3)
        XCTAssertEqual(e.column, before.count + 1, "the column counts characters, not bytes")
        XCTAssertEqual(e.description.split(separator: ":").prefix(3).joined(separator: ":"), "people.json:3:\(before.count + 1)")
    }

    func testASyntaxErrorAfterAccentsIsPlacedInCharacters() throws {
        let bad = "  {\"id\": \"person:x\", \"name\": \"Sándor Rácz\", \"roles\": [\"elnök\" \"x\"], \"citations\": []}"
        let text = "[\n  {\"id\": \"person:y\", \"name\": \"Őr\", \"roles\": [], \"citations\": []},\n" + bad + "\n]\n"
        let e = try firstError("people.json", Array(text.utf8))
        XCTAssertTrue(e.message.hasPrefix("invalid JSON"), e.message)
        XCTAssertEqual(e.line, 3, e.description)
        // The parser stops at the second string, where a comma or "]" should be.
        XCTAssertEqual(e.column, column(of: "\"x\"]", in: bad), e.description)
    }

    func testATruncatedFileEndsAtItsLastCharacter() throws {
        let text = "[\n  {\"id\": \"person:y\", \"name\": \"Őrség Győr\""
        let e = try firstError("people.json", Array(text.utf8))
        XCTAssertTrue(e.message.hasPrefix("invalid JSON"), e.message)
        XCTAssertEqual(e.line, 2, e.description)
        let last = String(text.split(separator: "\n").last!)
        XCTAssertEqual(e.column, last.count + 1, "just past the last character: \(e)")
    }

    /// Every error of a file's records, in file order.
    private func decodeErrors(_ file: String, _ text: String, line: UInt = #line) throws -> [LoadError] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tanacs-loc-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Paths.sample, to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(text.utf8).write(to: folder.appendingPathComponent(file))
        do {
            _ = try DataLoader.load(from: folder)
        } catch let e as LoadErrors {
            return e.errors.filter { $0.file == file }
        }
        XCTFail("expected the data to be rejected", line: line)
        return []
    }

    /// A wrong type, a null, a missing field (at the object that lacks it), also nested and with the
    /// id after the bad field: each record's error has the line and column of its value, in characters.
    func testDecodeErrorsCarryLineAndColumn() throws {
        let lines = [
            "[",
            #"  {"id": "person:a", "name": "Győr Ödön", "names": [], "roles": [], "statements": [], "citations": 7},"#,
            #"  {"name": "Őr", "names": ["x", 5], "roles": [], "statements": [], "citations": [], "id": "person:b"},"#,
            #"  {"id": "person:c", "names": [], "roles": [], "statements": [], "citations": []},"#,
            #"  {"id": "person:d", "name": null, "names": [], "roles": [], "statements": [], "citations": []},"#,
            #"  {"id": "person:e", "name": "É", "names": [], "roles": [{"text": "elnök"}], "statements": [], "citations": []}"#,
            "]",
        ]
        let errors = try decodeErrors("people.json", lines.joined(separator: "\n") + "\n")
        let expected: [(String, String, Int, String, String)] = [
            ("person:a", "citations", 2, "7}", "wrong type (expected an array)"),
            ("person:b", "names[1]", 3, "5]", "wrong type (expected a string)"),
            ("person:c", "name", 4, "{", "missing required field"),
            ("person:d", "name", 5, "null", "null where a string is required"),
            ("person:e", "roles[0].citations", 6, "{\"text\"", "missing required field"),
        ]
        XCTAssertEqual(errors.count, expected.count, "\(errors)")
        for (e, (record, field, line, marker, message)) in zip(errors, expected) {
            XCTAssertEqual(e.record, record, e.description)
            XCTAssertEqual(e.field, field, e.description)
            XCTAssertEqual(e.message, message, e.description)
            XCTAssertEqual(e.line, line, e.description)
            XCTAssertEqual(e.column, column(of: marker, in: lines[line - 1]), e.description)
        }
        XCTAssertTrue(errors[0].description.hasPrefix("people.json:2:\(column(of: "7}", in: lines[1])), record person:a, field citations: wrong type"),
                      errors[0].description)
    }

    /// A syntax error on the first line, after ASCII only: the plain case, exactly.
    func testASyntaxErrorOnTheFirstLine() throws {
        let e = try firstError("figures.json", Array("[{\"id\": \"figure:x\",, \"topic\": \"t\"}]".utf8))
        XCTAssertEqual(e.file, "figures.json")
        XCTAssertEqual(e.line, 1, e.description)
        XCTAssertEqual(e.column, 20, e.description)
    }
}
