import Foundation
import XCTest
@testable import TanacsModel

/// The fidelity lints on the bundled dataset: every statement's names and numbers are in its own
/// quotations, roles and demands name their person or council, endnotes never carry a fact alone,
/// excerpts are readable quotations, aliases are real spellings, and the outside-knowledge register
/// stays short. Each lint also has a case here that it must refuse, so a lint that stopped looking
/// would fail.
final class DataLintTests: XCTestCase {
    static let model = BundledDatasetTests.model

    /// Each source's paragraphs as the verbatim test reads them, or nil when the articles are absent.
    static let paragraphs: [String: [String]]? = {
        guard let seeds = Paths.seeds else { return nil }
        var out: [String: [String]] = [:]
        for s in model.sources {
            guard let text = try? String(contentsOf: seeds.appendingPathComponent(s.file), encoding: .utf8) else { return nil }
            out[s.id] = BundledDatasetTests.paragraphs(text)
        }
        return out
    }()

    func requireSources() throws -> [String: [String]] {
        guard let p = Self.paragraphs else { throw XCTSkip("source articles not found: set TANACS_SOURCES or put shared/seeds beside the clone") }
        return p
    }

    func testEveryTitleAndStatementIsCarriedByItsQuotations() throws {
        let lint = SupportLint(model: Self.model, paragraphs: try requireSources())
        let problems = lint.problems()
        XCTAssertEqual(problems.count, 0, "\n" + problems.prefix(40).map(\.description).joined(separator: "\n"))
    }

    func testRolesAndDemandsNameTheirPersonOrCouncil() throws {
        let problems = SupportLint(model: Self.model, paragraphs: try requireSources()).namingProblems()
        XCTAssertEqual(problems.count, 0, "\n" + problems.prefix(40).map(\.description).joined(separator: "\n"))
    }

    func testNoStatementRestsOnEndnotesAlone() {
        let problems = SupportLint(model: Self.model, paragraphs: nil).notesOnly()
        XCTAssertEqual(problems.count, 0, "\n" + problems.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(Self.model.excerpts.contains { $0.isNote }, "Haynes's endnotes are marked as notes")
    }

    /// A fact a note alone gives is refused unless the claim says it is the note's.
    func testAFactOnlyANoteGivesIsToldAsTheNotes() throws {
        func problems(_ claim: String) throws -> [String] {
            let files: [String: String] = [
                "sources.json": #"[{"id":"source:haynes","file":"h.txt","author":"Mike Haynes","title":"t","publication":"p","date":"unknown","notes":""}]"#,
                "excerpts.json": #"[{"id":"excerpt:h-1","source":"source:haynes","text":"In Csepel the leaders were removed.","paragraph":1},{"id":"excerpt:h-2","source":"source:haynes","text":"Elek Nagy was president of the Csepel council.","paragraph":2,"note":true}]"#,
                "places.json": "[]", "councils.json": "[]", "figures.json": "[]", "events.json": "[]", "outside-knowledge.json": "[]",
                "people.json": "[{\"id\":\"person:elek-nagy\",\"name\":\"Elek Nagy\",\"names\":[],\"roles\":[],\"statements\":[{\"text\":\(Self.json(claim)),\"citations\":[\"excerpt:h-1\",\"excerpt:h-2\"]}],\"citations\":[\"excerpt:h-1\",\"excerpt:h-2\"]}]",
            ]
            let m = try DataLoader.load(reading: { files[$0].map { Data($0.utf8) } }).model
            return SupportLint(model: m, paragraphs: nil).notesOnly().map(\.token)
        }
        XCTAssertEqual(try problems("Elek Nagy led the council in Csepel."), ["elek", "nagy"])
        XCTAssertEqual(try problems("By Haynes's note, Elek Nagy led the council in Csepel."), [])
        XCTAssertEqual(try problems("In Csepel the leaders are removed."), [])
    }

    // MARK: the lint refuses what its quotations do not say

    static func tiny(statement: String, excerpt: String, register: String = "[]", places: [String] = []) throws -> Model {
        let files: [String: String] = [
            "sources.json": #"[{"id":"source:haynes","file":"h.txt","author":"Mike Haynes","title":"t","publication":"p","date":"unknown","notes":""}]"#,
            "excerpts.json": "[{\"id\":\"excerpt:h-1\",\"source\":\"source:haynes\",\"text\":\(json(excerpt)),\"paragraph\":1}]",
            "places.json": #"[{"id":"place:gyor","name":"Győr","names":["Gyor"],"kind":"town","lat":47.68,"lon":17.63,"placement":"geonames","statements":[{"text":"A town.","citations":["excerpt:h-1"]}],"citations":["excerpt:h-1"]}]"#,
            "councils.json": "[]", "people.json": "[]", "figures.json": "[]",
            "events.json": "[{\"id\":\"event:x\",\"date\":\"1956-10-26\",\"title\":\"Strike\",\"statements\":[{\"text\":\(json(statement)),\"citations\":[\"excerpt:h-1\"]}],\"kind\":\"strike\",\"places\":\(json(places)),\"councils\":[],\"people\":[],\"figures\":[],\"citations\":[\"excerpt:h-1\"]}]",
            "outside-knowledge.json": register,
        ]
        return try DataLoader.load(reading: { files[$0].map { Data($0.utf8) } }).model
    }

    static func json(_ value: Any) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed]), as: UTF8.self)
    }

    func tokens(_ statement: String, _ excerpt: String, register: String = "[]", places: [String] = [],
                paragraph: String? = nil) throws -> [String] {
        let m = try Self.tiny(statement: statement, excerpt: excerpt, register: register, places: places)
        return SupportLint(model: m, paragraphs: paragraph.map { ["source:haynes": [$0]] }).problems()
            .filter { $0.field.hasPrefix("statements") }.map(\.token)
    }

    func testRefusesNamesNumbersAndDatesTheQuotationLacks() throws {
        let excerpt = "On the 26th a general strike got under way in Gyor, and 30,000 miners struck."
        XCTAssertEqual(try tokens("Workers in Győr strike on 26 October.", excerpt), ["october"], "the month is not stated")
        XCTAssertEqual(try tokens("Some 20,000 miners strike.", excerpt), ["20000"])
        XCTAssertEqual(try tokens("Miners strike in Vienna.", excerpt), ["vienna"])
        XCTAssertEqual(try tokens("Three strikes follow.", excerpt), ["three"], "number words count as numbers")
        XCTAssertEqual(try tokens("On the 26th 30,000 miners strike in Gyor's pits.", excerpt), [], "inflections and folded accents")
    }

    func testAcceptsTheSourcesOwnWaysOfSayingIt() throws {
        XCTAssertEqual(try tokens("Thirty thousand miners strike; Soviet tanks arrive.", "30,000 miners struck as Russian tanks came in."), [])
        XCTAssertEqual(try tokens("The men of Rákosi's Hungarian army.", "Rakosi and the army of Hungary."), [])
        XCTAssertEqual(try tokens("As Haynes gives it, 52 died.", "In which 52 had died."), [], "a statement may name its own source")
        XCTAssertEqual(try tokens("The Ganz workers' council is arrested.", "The Canz workers' council was arrested."), [], "an OCR misreading stands for its word")
    }

    func testTheRegisterAndTheParagraphAreTheOnlyWayOut() throws {
        let register = #"[{"id":"outside:vienna","term":"Vienna","records":["event:x"],"reason":"from outside"}]"#
        XCTAssertEqual(try tokens("Miners strike in Vienna.", "Miners struck.", register: register), [])
        let elsewhere = #"[{"id":"outside:vienna","term":"Vienna","records":["place:gyor"],"reason":"from outside"}]"#
        XCTAssertEqual(try tokens("Miners strike in Vienna.", "Miners struck.", register: elsewhere), ["vienna"], "an entry covers its own records only")
        // The quotation says "the town"; its paragraph says Győr, and the event links Győr.
        let paragraph = "Gyor was an industrial town. The next day thousands came out in the town."
        XCTAssertEqual(try tokens("Thousands come out in Győr.", "The next day thousands came out in the town.", places: ["place:gyor"], paragraph: paragraph), [])
        XCTAssertEqual(try tokens("Thousands come out in Győr.", "The next day thousands came out in the town.", paragraph: paragraph), ["gyor"],
                       "the paragraph rule holds only for records the event links")
    }

    // MARK: excerpts are readable quotations

    func testExcerptsStartAndEndWhereASentenceDoes() throws {
        let paragraphs = try requireSources()
        var problems: [String] = []
        for x in Self.model.excerpts {
            let text = BundledDatasetTests.collapse(x.text)
            if text.first?.isLowercase == true { problems.append("\(x.id) starts on a cut-off continuation: \(text.prefix(50))…") }
            if Self.endsReadably(text) { continue }
            guard let paras = paragraphs[x.source], paras.indices.contains(x.paragraph - 1) else { continue }
            let here = paras[x.paragraph - 1]
            let next = x.paragraph < paras.count ? paras[x.paragraph] : ""
            let joined = next.isEmpty ? here : here + " " + next
            guard let range = joined.range(of: text) else { continue } // the verbatim test reports it
            let end = range.upperBound
            if end == here.endIndex && !(next.first?.isLowercase ?? false) { continue }
            if end == joined.endIndex { continue }
            // An endnote ends where the next note's number begins.
            if joined[end...].prefix(while: { $0 == " " }).count == 1, joined[end...].dropFirst().prefix(while: \.isNumber).count > 0,
               joined[end...].dropFirst().drop(while: \.isNumber).hasPrefix(": ") { continue }
            problems.append("\(x.id) ends mid-sentence: …\(text.suffix(50))")
        }
        XCTAssertEqual(problems, [])
    }

    /// A sentence end (a closing quote, bracket or glued note number may follow), a colon or
    /// semicolon, or a comma closing quoted speech.
    static func endsReadably(_ text: String) -> Bool {
        var rest = Substring(text)
        while let last = rest.last, last.isNumber { rest = rest.dropLast() }
        if rest.hasSuffix("]"), let open = rest.lastIndex(of: "["), rest[rest.index(after: open)..<rest.index(before: rest.endIndex)].allSatisfy(\.isNumber) {
            rest = rest[..<open]
        }
        if rest.hasSuffix(",\"") || rest.hasSuffix(",”") { return true }
        while let last = rest.last, "\"'”’)]".contains(last) { rest = rest.dropLast() }
        return rest.last.map { ".!?…:;".contains($0) } ?? false
    }

    /// One quotation, one excerpt: a sentence stored twice under two ids splits the records citing it
    /// and counts it twice in the sources view.
    func testNoQuotationIsStoredTwice() {
        var first: [String: String] = [:], problems: [String] = []
        for x in Self.model.excerpts {
            let key = x.source + "\u{0}" + BundledDatasetTests.collapse(x.text)
            if let earlier = first[key] { problems.append("\(x.id) repeats \(earlier)") } else { first[key] = x.id }
        }
        XCTAssertEqual(problems, [])
    }

    func testBoundaryRuleRefusesDanglingEnds() {
        XCTAssertFalse(Self.endsReadably("workers from the long machinery plant and an arms"))
        XCTAssertFalse(Self.endsReadably("denounced the demonstrators for an"))
        XCTAssertTrue(Self.endsReadably("the ranks of the elite plants.\"[5]"))
        XCTAssertTrue(Self.endsReadably("under the control of the Györ council.27"))
        XCTAssertTrue(Self.endsReadably("there would have been a revolution that day,\""))
    }

    // MARK: figures

    func testFiguresKeepTheSourcesWordsWithoutDuplicates() {
        let m = Self.model
        var problems: [String] = []
        for f in m.figures {
            var seen: Set<String> = []
            for c in f.claims {
                guard let x = m.excerptByID[c.citation] else { continue }
                if !seen.insert("\(x.source)|\(c.value)|\(c.high ?? c.value)").inserted {
                    problems.append("\(f.id): \(x.source) gives \(c.value) twice")
                }
                let fold = { (s: String) in s.folded.replacingOccurrences(of: "-", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ") }
                if !fold(x.text).contains(fold(c.asStated)) { problems.append("\(f.id): “\(c.asStated)” is not the source's words") }
            }
        }
        XCTAssertEqual(problems, [])
    }

    func testDisputedMeansSourcesGiveDifferentValuesOfOneQuantity() throws {
        let m = Self.model
        func disputed(_ id: String) throws -> Bool { try XCTUnwrap(m.figureByID[id]).isDisputed { m.excerptByID[$0]?.source } }
        XCTAssertTrue(try disputed("figure:soviet-tanks-second-intervention"))
        XCTAssertTrue(try disputed("figure:stalin-statue-height"), "26 feet (Marakis) against 30 feet (the blog)")
        XCTAssertFalse(try disputed("figure:dead-by-phase"), "one source's breakdown is not a dispute")
        XCTAssertFalse(try disputed("figure:wounded-young-workers"), "two sources agreeing")
        XCTAssertFalse(try disputed("figure:dead-mosonmagyarovar"), "“shot” is not “dead”: two quantities")
        let claim = try XCTUnwrap(m.figureByID["figure:soviet-tanks-second-intervention"]?.claims.first { $0.asStated.hasPrefix("over") })
        XCTAssertEqual(claim.qualifier, "over", "the source's qualifier is kept")
    }

    // MARK: aliases and the register

    func testAliasesAreSpellingsNotCaseVariantsOrMisreadings() {
        var problems: [String] = []
        func check(_ id: String, _ names: [String]) {
            var seen: Set<String> = []
            for n in names {
                if !seen.insert(n.lowercased()).inserted { problems.append("\(id): “\(n)” differs from another name only in case") }
                if let artefact = SupportLint.words(n).first(where: { SupportLint.ocr[$0] != nil }) {
                    problems.append("\(id): “\(n)” holds the OCR artefact “\(artefact)”")
                }
            }
        }
        for p in Self.model.places { check(p.id, [p.name] + p.names) }
        for c in Self.model.councils { check(c.id, [c.name] + c.names) }
        for p in Self.model.people { check(p.id, [p.name] + p.names) }
        XCTAssertEqual(problems, [])
        XCTAssertNotNil(SupportLint.ocr["cwc1"], "the artefacts the issue names are known")
        XCTAssertNotNil(SupportLint.ocr["hdf"])
    }

    func testTheRegisterIsShortAndEveryEntryIsUsed() {
        let m = Self.model
        XCTAssertGreaterThan(m.outsideKnowledge.count, 0)
        XCTAssertLessThan(m.outsideKnowledge.count, 30)
        for entry in m.outsideKnowledge {
            XCTAssertFalse(entry.reason.isEmpty, entry.id)
            for id in entry.records {
                var texts: [String] = []
                if let e = m.eventByID[id] { texts = [e.title] + e.statements.map(\.text) }
                if let p = m.placeByID[id] { texts = [p.name] + p.names + p.statements.map(\.text) }
                if let p = m.personByID[id] { texts = [p.name] + p.names + (p.roles + p.statements).map(\.text) }
                let words = Set(texts.flatMap(SupportLint.words))
                XCTAssertTrue(SupportLint.words(entry.term).allSatisfy(words.contains) || m.placeByID[id] != nil,
                              "\(entry.id): “\(entry.term)” does not appear in \(id)")
            }
        }
    }
}
