import Foundation
import XCTest
@testable import TanacsModel

/// The loader's fast path (`RecordReader`) loads exactly what the checking path (JSONDecoder with its
/// checks) loads, record for record, and takes every file of the shipped datasets itself.
final class FastPathTests: XCTestCase {
    static let hostile = Paths.repo.appendingPathComponent("Tests/Fixtures/hostile")

    func testBundledDataTakesTheFastPathAndMatchesTheDecoder() throws {
        try LoadParity.assertFastPathMatchesDecoder(Paths.bundled)
        try LoadParity.assertSameLoad(Paths.bundled)
    }

    func testSampleTakesTheFastPathAndMatchesTheDecoder() throws {
        try LoadParity.assertFastPathMatchesDecoder(Paths.sample)
        try LoadParity.assertSameLoad(Paths.sample)
    }

    func testHostileFixtureTakesTheFastPathAndMatchesTheDecoder() throws {
        try LoadParity.assertFastPathMatchesDecoder(Self.hostile)
        try LoadParity.assertSameLoad(Self.hostile)
    }

    /// Escapes, surrogate pairs, -0, exponents and nulls where optional: decoded as JSONDecoder does.
    func testEscapesNumbersAndNullsMatchTheDecoder() throws {
        let excerpts = #"[{"id": "excerpt:a", "source": "source:x", "text": "\"q\" \\ \/ \b\f\n\r\t \u00e9 \ud83d\ude00 é", "paragraph": -0}]"#
        let places = #"[{"id": "place:a", "name": "A", "names": [], "kind": "town", "parent": null, "lat": 4.75E1, "lon": -0.0,"#
            + #" "placement": null, "abroad": null, "population1956": null, "statements": [], "citations": ["excerpt:a"]}]"#
        let councils = #"[{"id": "council:a", "name": "A", "names": null, "level": "town", "formed": [{"date": "1956-10", "citation": "excerpt:a"}],"#
            + #" "ended": {"date": "1956", "citation": "excerpt:a"}, "people": null, "statements": [], "citations": []}]"#
        try LoadParity.assertSame(Excerpt.self, Data(excerpts.utf8)) { try $0.excerpt() }
        try LoadParity.assertSame(Place.self, Data(places.utf8)) { try $0.place() }
        try LoadParity.assertSame(Council.self, Data(councils.utf8)) { try $0.council() }
    }

    /// What the fast path must leave to the checking path, which reports it.
    func testDeclinesWhatItCannotTakeOnTrust() {
        let good = #"{"id": "excerpt:a", "source": "source:x", "text": "t", "paragraph": 1}"#
        let cases = [
            "", "[", "{}", "[\(good),]", "[\(good)] x", "\u{FEFF}[\(good)]",
            #"[{"id": "excerpt:a", "id": "excerpt:b", "source": "s", "text": "t", "paragraph": 1}]"#,
            #"[{"id": "excerpt:a", "source": "s", "text": "t", "paragraph": 1,}]"#,
            #"[{"id": "excerpt:a", "source": "s", "text": "t", "paragraph": 1, "page": 2}]"#,
            #"[{"id": "excerpt:a", "source": "s", "text": "\ud800", "paragraph": 1}]"#,
            #"[{"id": "excerpt:a", "source": "s", "text": "\udc00x", "paragraph": 1}]"#,
            #"[{"id": "excerpt:a", "source": "s", "text": "x\udfff", "paragraph": 1}]"#,
            #"[{"id": "excerpt:a", "source": "s", "text": "\ud83d\ud83d", "paragraph": 1}]"#,
            #"[{"id": "excerpt:a", "source": "s", "text": "\x", "paragraph": 1}]"#,
            "[{\"id\": \"excerpt:a\", \"source\": \"s\", \"text\": \"a\tb\", \"paragraph\": 1}]",
            #"[{"id": "excerpt:a", "source": "s", "text": "t", "paragraph": 1.5}]"#,
            #"[{"id": "excerpt:a", "source": "s", "text": "t", "paragraph": 1e400}]"#,
            #"[{"id": "excerpt:a", "source": "s", "text": "t", "paragraph": 99999999999999999999}]"#,
            #"[{"id": "excerpt:a", "source": "s", "text": "t", "paragraph": 01}]"#,
            #"[{"id": "excerpt:a", "source": "s", "text": "t", "paragraph": null}]"#,
            #"[{"id": "excerpt:a", "source": "s", "text": "t"}]"#,
            #"[{"i\u0064": "excerpt:a", "source": "s", "text": "t", "paragraph": 1}]"#,
        ]
        for text in cases {
            XCTAssertNil(RecordReader.records(Data(text.utf8)) { try $0.excerpt() }, text)
        }
        XCTAssertNotNil(RecordReader.records(Data("[\(good)]".utf8)) { try $0.excerpt() })
        // Invalid UTF-8 inside a string, and UTF-16.
        var bytes = Array("[\(good)]".utf8)
        bytes[bytes.firstIndex(of: UInt8(ascii: "t"))! + 0] = 0xC3
        XCTAssertNil(RecordReader.records(Data(bytes)) { try $0.excerpt() })
        XCTAssertNil(RecordReader.records("[\(good)]".data(using: .utf16)!) { try $0.excerpt() })
        let places = #"[{"id": "place:a", "name": "A", "names": [], "kind": "city", "lat": 47, "lon": 19, "statements": [], "citations": []}]"#
        XCTAssertNil(RecordReader.records(Data(places.utf8)) { try $0.place() }, "a kind the enum does not have")
        let events = #"[{"id": "event:a", "date": "1956-13-40", "title": "t", "statements": [], "kind": "other", "places": [], "councils": [], "people": [], "figures": [], "citations": []}]"#
        XCTAssertNil(RecordReader.records(Data(events.utf8)) { try $0.event() }, "a date that does not parse")
    }

    /// The validator's blank check agrees with Foundation's trimming on every scalar of the BMP.
    func testBlankMatchesFoundationTrimming() {
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(Character(scalar))
            XCTAssertEqual(Validator.isBlank(text), text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                           "U+\(String(value, radix: 16))")
        }
        for text in ["", " ", " \n\t\u{3000}\u{2028}", "  a ", "\u{85}\u{A0}", "x"] {
            XCTAssertEqual(Validator.isBlank(text), text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, text.debugDescription)
        }
    }
}

/// Compares the fast path with the checking path.
enum LoadParity {
    static func contents(_ folder: URL) -> (String) -> Data? {
        { name in FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) }
    }

    /// Every record file (and map outline) of `folder` is read by the fast path, to the same records as JSONDecoder's.
    static func assertFastPathMatchesDecoder(_ folder: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let read = contents(folder)
        func check<T: Decodable & Equatable>(_ name: String, _ type: T.Type, _ reader: (inout RecordReader) throws -> T) throws {
            var part = 1
            while let data = read(DataLoader.partName(name, part)) {
                try assertSame(type, data, name: DataLoader.partName(name, part), file: file, line: line, reader)
                part += 1
            }
        }
        try check("sources.json", Source.self) { try $0.source() }
        try check("excerpts.json", Excerpt.self) { try $0.excerpt() }
        try check("places.json", Place.self) { try $0.place() }
        try check("councils.json", Council.self) { try $0.council() }
        try check("events.json", Event.self) { try $0.event() }
        try check("people.json", Person.self) { try $0.person() }
        try check("figures.json", Figure.self) { try $0.figure() }
        try check(DataLoader.passagesFile, Passage.self) { try $0.passage() }
        for name in Geography.files {
            guard let data = read("geo/" + name) else { continue }
            let fast = try XCTUnwrap(RecordReader.records(data) { try $0.featureFile() }?.map(\.feature), "geo/\(name) left the fast path", file: file, line: line)
            let decoded = try JSONDecoder().decode([Geography.FeatureFile].self, from: data).map(\.feature)
            XCTAssertEqual(fast.map(\.name), decoded.map(\.name), file: file, line: line)
            XCTAssertEqual(fast.map(\.lines), decoded.map(\.lines), file: file, line: line)
        }
    }

    static func assertSame<T: Decodable & Equatable>(_ type: T.Type, _ data: Data, name: String = "", file: StaticString = #filePath,
                                                     line: UInt = #line, _ reader: (inout RecordReader) throws -> T) throws {
        let fast = try XCTUnwrap(RecordReader.records(data, reader), "\(name) left the fast path", file: file, line: line)
        let decoded = try JSONDecoder().decode([T].self, from: data)
        XCTAssertEqual(fast.count, decoded.count, name, file: file, line: line)
        for (a, b) in zip(fast, decoded) { XCTAssertEqual(a, b, name, file: file, line: line) }
        // -0 and 0 are equal as numbers; the sign must match too.
        XCTAssertEqual("\(fast)", "\(decoded)", name, file: file, line: line)
    }

    /// Loading `folder` both ways gives the same model, warnings and errors.
    static func assertSameLoad(_ folder: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        func outcome(_ fastPath: Bool) -> Result<LoadedData, LoadErrors> {
            do { return .success(try DataLoader.loadReportingWarnings(from: folder, fastPath: fastPath)) } catch let e as LoadErrors {
                return .failure(e)
            } catch { return .failure(LoadErrors([LoadError(file: "?", message: "\(error)")])) }
        }
        switch (outcome(true), outcome(false)) {
        case (.success(let a), .success(let b)):
            assertSameModel(a.model, b.model, file: file, line: line)
            XCTAssertEqual(a.warnings, b.warnings, file: file, line: line)
        case (.failure(let a), .failure(let b)):
            XCTAssertEqual(a.errors, b.errors, file: file, line: line)
        case (let a, let b):
            XCTFail("the fast path gave \(a), the checking path \(b)", file: file, line: line)
        }
    }

    static func assertSameModel(_ a: Model, _ b: Model, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.sources, b.sources, file: file, line: line)
        XCTAssertEqual(a.excerpts, b.excerpts, file: file, line: line)
        XCTAssertEqual(a.places, b.places, file: file, line: line)
        XCTAssertEqual(a.councils, b.councils, file: file, line: line)
        XCTAssertEqual(a.events, b.events, file: file, line: line)
        XCTAssertEqual(a.people, b.people, file: file, line: line)
        XCTAssertEqual(a.figures, b.figures, file: file, line: line)
        XCTAssertEqual(a.outsideKnowledge, b.outsideKnowledge, file: file, line: line)
        for (x, y) in [(a.geography.border, b.geography.border), (a.geography.rivers, b.geography.rivers), (a.geography.lakes, b.geography.lakes)] {
            XCTAssertEqual(x.map(\.name), y.map(\.name), file: file, line: line)
            XCTAssertEqual(x.map(\.lines), y.map(\.lines), file: file, line: line)
        }
    }
}
