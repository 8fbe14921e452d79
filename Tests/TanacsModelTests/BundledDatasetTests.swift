import Foundation
import XCTest
@testable import TanacsModel

/// The dataset in data/: loads cleanly, meets the coverage the project promises, and quotes its sources exactly.
final class BundledDatasetTests: XCTestCase {
    static let model: Model = {
        do { return try DataLoader.load(from: Paths.bundled) } catch { fatalError("data/ does not load:\n\(error)") }
    }()

    func testLoadsWithEveryReferenceResolvedAndEveryRecordCited() throws {
        // Loading runs the validator (unique ids, references, citations, acyclic parents, coordinates) and
        // throws on any finding, so loading at all is the check; here: nothing is dropped or warned about.
        let loaded = try DataLoader.loadReportingWarnings(from: Paths.bundled)
        XCTAssertEqual(loaded.warnings.map(\.description), [])
        let m = loaded.model
        let counts = [("sources", m.sources.count), ("excerpts", m.excerpts.count), ("places", m.places.count),
                      ("councils", m.councils.count), ("events", m.events.count), ("people", m.people.count),
                      ("figures", m.figures.count)]
        for (name, count) in counts {
            let raw = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: Paths.bundled.appendingPathComponent("\(name).json"))) as? [Any])
            XCTAssertEqual(count, raw.count, "every record of \(name).json is loaded")
        }
    }

    func testCoverage() {
        let m = Self.model
        XCTAssertGreaterThanOrEqual(m.events.count, 120)
        XCTAssertGreaterThanOrEqual(m.places.count, 60)
        XCTAssertGreaterThanOrEqual(m.councils.count, 40)
        XCTAssertGreaterThanOrEqual(m.people.count, 40)
        XCTAssertGreaterThanOrEqual(m.figures.count, 15)
        XCTAssertEqual(m.sources.count, 5)
        let cited = Set(m.excerpts.map(\.source))
        for source in m.sources { XCTAssertTrue(cited.contains(source.id), "\(source.id) is never quoted") }
        for name in ["Budapest", "Győr", "Miskolc", "Debrecen", "Szeged", "Pécs", "Salgótarján", "Dunaújváros",
                     "Mosonmagyaróvár", "Csepel", "Újpest", "Óbuda", "Angyalföld", "Kőbánya", "Ferencváros", "Józsefváros"] {
            XCTAssertTrue(m.places.contains { $0.name == name }, "no place \(name)")
        }
        XCTAssertTrue(m.placeByID["place:dunaujvaros"]?.names.contains("Sztálinváros") ?? false)
    }

    func testCouncilHierarchy() {
        let m = Self.model
        func ancestors(_ id: String) -> [String] {
            var out: [String] = [], current = m.councilByID[id]
            while let parent = current?.parent { out.append(parent); current = m.councilByID[parent] }
            return out
        }
        XCTAssertTrue(ancestors("council:gyor-national-council").contains("council:transdanubian-national-council"))
        XCTAssertTrue(ancestors("council:diosgyor-workers-council").contains("council:borsod-county-workers-council"))
        XCTAssertTrue(ancestors("council:miskolc-workers-council").contains("council:borsod-county-workers-council"))
        let intoCentral = m.councils.filter { ancestors($0.id).contains("council:central-workers-council-of-greater-budapest") }
        XCTAssertTrue(intoCentral.contains { $0.level == .district })
        XCTAssertTrue(intoCentral.contains { $0.level == .factory })
    }

    func testDatesInRangeAndDisputesKept() {
        let m = Self.model
        let first = Day(year: 1945, month: 1, day: 1)!, last = Day(year: 1991, month: 12, day: 31)!
        for e in m.events {
            XCTAssertTrue(e.date.start >= first && e.date.statedEnd <= last, "\(e.id) date \(e.date) out of range")
            if let claims = e.dateClaims { XCTAssertGreaterThanOrEqual(claims.count, 2, "\(e.id): a dispute needs two claims") }
        }
        let dense = m.events.filter { $0.date.start >= Day(year: 1956, month: 10, day: 23)! && $0.date.start <= Day(year: 1957, month: 1, day: 31)! }
        XCTAssertGreaterThan(dense.count, m.events.count / 2, "most events fall between 23 October and January 1957")
        XCTAssertTrue(m.figures.contains { Set($0.claims.map(\.value)).count > 1 }, "some figures keep conflicting claims")
    }

    func testPlacesAbroadAreFlaggedAndHandPlacedMarked() {
        for p in Self.model.places {
            XCTAssertTrue(["geonames", "hand"].contains(p.placement ?? ""), "\(p.id): placement must say geonames or hand")
            let inside = Validator.hungaryLat.contains(p.lat) && Validator.hungaryLon.contains(p.lon)
            XCTAssertTrue(inside || p.isAbroad, "\(p.id) lies outside Hungary without being flagged abroad")
        }
    }

    /// Every excerpt appears verbatim (whitespace runs collapsed) in its source, in the paragraph it names;
    /// where that paragraph stops mid-sentence (a page break in the PDF-derived account), the excerpt
    /// may run on into the next one.
    func testExcerptsAreVerbatimInTheirSources() throws {
        guard let seeds = Paths.seeds else {
            throw XCTSkip("source articles not found: set TANACS_SOURCES or put shared/seeds beside the clone")
        }
        let m = Self.model
        var paragraphs: [String: [String]] = [:]
        for source in m.sources {
            let url = seeds.appendingPathComponent(source.file)
            let text = try String(contentsOf: url, encoding: .utf8)
            paragraphs[source.id] = Self.paragraphs(text)
        }
        var failures: [String] = []
        for x in m.excerpts {
            let wanted = Self.collapse(x.text)
            guard let paras = paragraphs[x.source] else { failures.append("\(x.id): unknown source"); continue }
            guard paras.indices.contains(x.paragraph - 1) else { failures.append("\(x.id): no paragraph \(x.paragraph)"); continue }
            let here = paras[x.paragraph - 1]
            let runsOn = x.paragraph < paras.count && !Self.endsSentence(here)
                && (here + " " + paras[x.paragraph]).contains(wanted) && !paras[x.paragraph].contains(wanted)
                && (here + " " + paras[x.paragraph]).range(of: wanted).map { $0.lowerBound < here.endIndex } == true
            if !(here.contains(wanted) || runsOn) {
                let found = paras.firstIndex { $0.contains(wanted) }.map { "found in paragraph \($0 + 1)" } ?? "not found"
                failures.append("\(x.id): \(found), not in paragraph \(x.paragraph)")
            }
        }
        XCTAssertEqual(failures, [], "\(failures.count) excerpts are not verbatim where they say")
    }

    /// Paragraphs are blocks of text between blank lines, whitespace collapsed.
    static func paragraphs(_ text: String) -> [String] {
        var out: [String] = [], current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty { out.append(collapse(current.joined(separator: " "))); current = [] }
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { out.append(collapse(current.joined(separator: " "))) }
        return out
    }

    /// A paragraph that ends on a full stop, question or exclamation mark (a quote or note number may follow).
    static func endsSentence(_ p: String) -> Bool {
        let trimmed = p.reversed().drop(while: { $0.isNumber || "\"'”’)]".contains($0) })
        return trimmed.first.map { ".!?…:".contains($0) } ?? true
    }

    static func collapse(_ s: String) -> String {
        s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// Titles, summaries, roles and demands are the project's words: none repeats seven words of a source in a row.
final class OwnWordsTests: XCTestCase {
    static func words(_ s: String) -> [String] {
        s.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "’" || $0 == "'") }.map(String.init)
    }

    func testOwnWordsFieldsDoNotCopySevenWordRuns() throws {
        guard let seeds = Paths.seeds else { throw XCTSkip("source articles not found: set TANACS_SOURCES") }
        let m = BundledDatasetTests.model
        var runs = Set<[String]>()
        for source in m.sources {
            let w = Self.words(try String(contentsOf: seeds.appendingPathComponent(source.file), encoding: .utf8))
            if w.count >= 7 { for i in 0...(w.count - 7) { runs.insert(Array(w[i..<(i + 7)])) } }
        }
        var fields: [(String, String)] = []
        // Each statement on its own: it is the unit a reader sees beside its quotation.
        for p in m.places { fields += p.statements.map { (p.id, $0.text) } }
        for c in m.councils { fields += (c.statements + c.demands).map { (c.id, $0.text) } + c.people.map { (c.id, $0.role) } }
        for e in m.events { fields.append((e.id, e.title)); fields += e.statements.map { (e.id, $0.text) } }
        for p in m.people { fields += (p.statements + p.roles).map { (p.id, $0.text) } }
        for f in m.figures { fields.append((f.id, f.topic)); fields += f.statements.map { (f.id, $0.text) } }
        var copied: [String] = []
        for (id, text) in fields {
            let w = Self.words(text)
            guard w.count >= 7 else { continue }
            if let i = (0...(w.count - 7)).first(where: { runs.contains(Array(w[$0..<($0 + 7)])) }) {
                copied.append("\(id): “\(w[i..<(i + 7)].joined(separator: " "))”")
            }
        }
        XCTAssertEqual(copied, [], "own-words fields copy the sources")
    }
}
