import Foundation
import XCTest
@testable import TanacsModel

/// Loading's work stays linear in the data, loading builds only the indices the map and the timeline
/// use, and the byte-level readers of dates and ids agree with the character-level ones they replaced.
/// Work is counted, never timed.
final class LoadWorkTests: XCTestCase {
    // MARK: - Duplicates in a list of references

    /// The positions `repeated` must find: every element met before, in order.
    private func referenceRepeats(_ list: [String]) -> [Int] {
        var seen = Set<String>()
        return list.indices.filter { !seen.insert(list[$0]).inserted }
    }

    func testRepeatsAreFoundInShortAndLongLists() {
        let lists: [[String]] = [
            [], ["a"], ["a", "a"], ["a", "b", "a", "a"], ["a", "b", "c", "d", "e", "f", "g", "b"],
            (0..<9).map { "x\($0 % 4)" }, (0..<500).map { "excerpt:\($0 % 97)" },
        ]
        for list in lists {
            var work = Validator.Work()
            XCTAssertEqual(Validator.repeated(list, work: &work), referenceRepeats(list), "\(list.prefix(10))")
        }
    }

    /// A record citing 20,000 excerpts: one comparison per reference, not one per pair.
    func testDuplicateCheckIsLinearInTheList() {
        let list = (0..<20_000).map { "excerpt:e\($0)" }
        var work = Validator.Work()
        XCTAssertEqual(Validator.repeated(list, work: &work), [])
        XCTAssertLessThanOrEqual(work.comparisons, list.count)
        // Short lists are compared pair by pair: at most 28 comparisons for 8.
        var short = Validator.Work()
        _ = Validator.repeated((0..<8).map { "excerpt:e\($0)" }, work: &short)
        XCTAssertLessThanOrEqual(short.comparisons, 28)
    }

    /// The whole check of a dataset with one place citing 20,000 excerpts stays linear, and still
    /// reports a citation listed twice at the end of the long list.
    func testValidatingALongCitationListIsLinear() throws {
        let count = 20_000
        let excerpts = (0..<count).map { Excerpt(id: "excerpt:e\($0)", source: "source:s", text: "Text.", paragraph: 1) }
        let source = Source(id: "source:s", file: "s.md", author: "A", title: "T", publication: "P", date: "1957", notes: "")
        let place = Place(id: "place:p", name: "P", names: [], kind: .town, parent: nil, lat: 47.5, lon: 19.0, placement: nil,
                          abroad: nil, population1956: nil, statements: [], citations: excerpts.map(\.id) + ["excerpt:e7"])
        let model = Model(sources: [source], excerpts: excerpts, places: [place], councils: [], events: [], people: [], figures: [])
        var work = Validator.Work()
        let errors = Validator.check(model, unreadable: [], work: &work)
        XCTAssertEqual(errors.map(\.message), ["\"excerpt:e7\" is listed twice"])
        XCTAssertEqual(errors.first?.field, "citations")
        XCTAssertLessThanOrEqual(work.comparisons, 2 * (count + 1))
    }

    // MARK: - Indices

    /// 2,000 events at the bottom of a chain of 200 nested places: each place's ancestors are walked
    /// once, not once per event, and every event still counts in every enclosing place.
    func testAncestorsAreWalkedOncePerPlace() throws {
        let depth = 200, eventCount = 2_000
        let places = (0..<depth).map { k in
            Place(id: "place:p\(k)", name: "P\(k)", names: [], kind: .district, parent: k == 0 ? nil : "place:p\(k - 1)",
                  lat: 47.5, lon: 19.0, placement: nil, abroad: nil, population1956: nil, statements: [], citations: [])
        }
        let json = "[" + (0..<eventCount).map { k in
            #"{"id": "event:e\#(k)", "date": "1956-10-23", "title": "E", "statements": [], "kind": "other", "places": ["place:p\#(depth - 1)"], "councils": [], "people": [], "figures": [], "citations": []}"#
        }.joined(separator: ",") + "]"
        let events = try XCTUnwrap(RecordReader.records(Data(json.utf8)) { try $0.event() })
        let links = LinkIndices(events: events, places: places, placeByID: RecordIndex(places, order: nil), councils: [])
        XCTAssertEqual(links.eventsByPlace["place:p0"]?.count, eventCount)
        XCTAssertEqual(links.eventsByPlace["place:p\(depth - 1)"]?.count, eventCount)
        XCTAssertEqual(links.ancestrySteps, depth - 1)
    }

    /// Loading builds the map's and the timeline's indices, and leaves the rest until they are asked for.
    func testLoadingLeavesTheOtherIndicesUntilAsked() throws {
        let model = try DataLoader.load(from: Paths.bundled)
        XCTAssertTrue(model.deferred.links.isMade)
        XCTAssertFalse(model.deferred.citedBy.isMade)
        XCTAssertFalse(model.deferred.peopleByPlace.isMade)
        XCTAssertFalse(model.deferred.eventsByPerson.isMade)
        let anyCited = try XCTUnwrap(model.events.first?.citations.first)
        XCTAssertEqual(model.citedBy[anyCited]?.contains(model.events[0].id), true)
        XCTAssertTrue(model.deferred.citedBy.isMade)
        model.buildDeferredIndices()
        XCTAssertTrue(model.deferred.peopleByPlace.isMade && model.deferred.eventsByFigure.isMade && model.deferred.councilsByPerson.isMade)
    }

    /// In the background, the indices a page reads are built before the search index, which takes
    /// longer: by the time search can run, an opened quotation's "cited by" waits for nothing.
    func testTheBackgroundBuildsThePagesIndicesBeforeTheSearchIndex() throws {
        let model = try DataLoader.load(from: Paths.bundled)
        let search = LazySearchIndex(model: model)
        search.buildInBackground()
        let deadline = Date().addingTimeInterval(120)
        while !search.isBuilt && Date() < deadline { usleep(1_000) }
        XCTAssertTrue(search.isBuilt)
        XCTAssertTrue(model.deferred.citedBy.isMade && model.deferred.peopleByPlace.isMade && model.deferred.eventsByPerson.isMade
                      && model.deferred.eventsByFigure.isMade && model.deferred.councilsByPerson.isMade)
    }

    /// An index by id finds, of two records with one id, the first in the file's order, even when
    /// the records are kept sorted another way.
    func testRecordIndexFindsTheFirstInFileOrder() {
        let first = Excerpt(id: "excerpt:a", source: "source:s", text: "first", paragraph: 2)
        let second = Excerpt(id: "excerpt:a", source: "source:s", text: "second", paragraph: 1)
        let other = Excerpt(id: "excerpt:b", source: "source:s", text: "other", paragraph: 3)
        // Stored sorted by paragraph: second, first, other; file order was first, second, other.
        let index = RecordIndex([second, first, other], order: [1, 0, 2])
        XCTAssertEqual(index["excerpt:a"]?.text, "first")
        XCTAssertEqual(index["excerpt:b"]?.text, "other")
        XCTAssertNil(index["excerpt:c"])
        XCTAssertEqual(index.count, 2)
    }

    // MARK: - Bytes and characters agree

    /// The character-level date reader this one replaced.
    private func referenceDate(_ text: String) -> (Day, Day, HistoricalDate.Precision)? {
        func single(_ s: String) -> (Day, Day, HistoricalDate.Precision)? {
            let fields = s.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...3).contains(fields.count), fields[0].count == 4, fields.dropFirst().allSatisfy({ $0.count == 2 }),
                  fields.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
            let n = fields.map { Int($0)! }
            switch n.count {
            case 1: return (Day(year: n[0], month: 1, day: 1)!, Day(year: n[0], month: 12, day: 31)!, .year)
            case 2:
                guard let first = Day(year: n[0], month: n[1], day: 1) else { return nil }
                return (first, Day(year: n[0], month: n[1], day: Day.daysIn(month: n[1], year: n[0]))!, .month)
            default:
                guard let day = Day(year: n[0], month: n[1], day: n[2]) else { return nil }
                return (day, day, .day)
            }
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1: return single(parts[0])
        case 2 where parts[1] == HistoricalDate.openEndMark:
            guard let a = single(parts[0]) else { return nil }
            return (a.0, Day.unbounded, a.2)
        case 2:
            guard let a = single(parts[0]), let b = single(parts[1]), a.0 <= b.1 else { return nil }
            return (a.0, b.1, HistoricalDate.Precision(rawValue: min(a.2.rawValue, b.2.rawValue))!)
        default: return nil
        }
    }

    func testDatesReadAsBytesAsTheyWereReadAsCharacters() {
        let singles = ["1956", "0000", "9999", "195", "19566", "١٩٥٦", "１９５６", "1956-10", "1956-1", "1956-10-23",
                       "1956-02-29", "1956-02-30", "1900-02-29", "2000-02-29", "1956-13", "1956-00", "1956-10-00",
                       "1956-10-32", "1956-10-23-01", "", "-", "1956-", "-10", "1956--10", "1956-10-2\u{301}",
                       " 1956", "1956 ", "+956", "1956-1a", "1956-10-23\r\n", "1956-١٠", "1956-11-04"]
        var texts = singles
        for a in ["1956", "1956-10", "1956-10-23", "1956-11-04", "1956-13", "x", ""] {
            for b in ["1956-11", "1956-10-01", "1957", "1955", "", "1956/1957"] { texts.append(a + "/" + b) }
        }
        texts += ["/1956", "1956/", "1956\u{301}/1957", "1956/\u{301}1957", "1956-11-04/..", "1956/..", "1956-13/..",
                  "../1956", "1956/...", "1956/.", "1956/..\u{301}", "1956/../..", "1956/.. "]
        for text in texts {
            let date = HistoricalDate(text)
            let reference = referenceDate(text)
            XCTAssertEqual(date.map { [$0.start.description, $0.end.description, "\($0.precision)"] },
                           reference.map { [$0.0.description, $0.1.description, "\($0.2)"] }, text.debugDescription)
        }
    }

    /// The character-level id check this one replaced.
    private func referenceIDProblem(_ id: String, prefix: String) -> Validator.IDProblem? {
        guard id.hasPrefix(prefix) else { return .prefix }
        let body = id.dropFirst(prefix.count)
        guard let first = body.unicodeScalars.first, ("a"..."z").contains(first) || ("0"..."9").contains(first) else { return .body }
        return body.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == ":" || $0 == "-" } ? nil : .body
    }

    func testIDsReadAsBytesAsTheyWereReadAsCharacters() {
        let ids = ["event:a", "event:", "event", "even:a", "event:A", "event:-a", "event:a-b:c", "event:a b", "event:á",
                   "event:\u{301}a", "évent:a", "event:a\u{301}", "event:a\r\n", "event:\r\na", "event:9", "Event:a",
                   "place:a", "event:a\u{0}", "event:😀", "event:a_b", "event:ab-", "eventx:a"]
        for id in ids {
            XCTAssertEqual(Validator.idProblem(id, prefix: "event:"), referenceIDProblem(id, prefix: "event:"), id.debugDescription)
        }
    }

    // MARK: - The record reader's strings

    /// A quote, a backslash escape or a non-ASCII letter at every offset around the eight-byte words
    /// the reader scans: read as JSONDecoder reads it, in plain fields and in interned ones.
    func testStringsReadAsTheDecoderReadsThemAtEveryOffset() throws {
        for length in 0..<18 {
            for special in [#"\""#, #"\\"#, "é", #"\n"#, #"\u00e9"#, "😀", "x"] {
                for at in 0...length {
                    let text = String(repeating: "a", count: at) + special + String(repeating: "b", count: length - at)
                    let json = #"[{"id": "excerpt:a", "source": "\#(text)", "text": "\#(text)", "paragraph": 1},"#
                        + #" {"id": "excerpt:b", "source": "\#(text)", "text": "\#(text)\#(text)", "paragraph": 2}]"#
                    try LoadParity.assertSame(Excerpt.self, Data(json.utf8)) { try $0.excerpt() }
                }
            }
        }
    }

    /// A raw control character or a missing closing quote, at any offset, sends the file to the checking path.
    func testControlCharactersAndOpenStringsDeclineAtEveryOffset() {
        for length in 0..<18 {
            for at in 0...length {
                let text = String(repeating: "a", count: at) + "\t" + String(repeating: "b", count: length - at)
                for field in ["source", "text"] {
                    let other = field == "source" ? "text" : "source"
                    let record = #"[{"id": "excerpt:a", "\#(other)": "t", "paragraph": 1, "\#(field)": "\#(text)"}]"#
                    XCTAssertNil(RecordReader.records(Data(record.utf8)) { try $0.excerpt() }, record.debugDescription)
                }
                let open = #"[{"id": "excerpt:a", "source": "s", "text": ""# + String(repeating: "a", count: at)
                XCTAssertNil(RecordReader.records(Data(open.utf8)) { try $0.excerpt() }, open)
            }
        }
    }

    /// Equal bytes give the one string kept, and a lookup looks at a few slots, not a run of them.
    func testInternerKeepsOneStringPerValueWithBoundedWork() {
        var interner = Interner()
        var made = 0
        func intern(_ text: String) -> String {
            var text = text
            return text.withUTF8 { bytes in
                interner.intern(bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!, bytes.count) { made += 1; return String(decoding: bytes, as: UTF8.self) }
            }
        }
        let values = (0..<5_000).map { "excerpt:value-\($0)" } + [""]
        for round in 0..<3 {
            for value in values { XCTAssertEqual(intern(value), value, "round \(round)") }
        }
        XCTAssertEqual(made, values.count)
        XCTAssertEqual(interner.count, values.count)
        XCTAssertLessThanOrEqual(interner.probes, 3 * values.count * 4)
    }

    // MARK: - Whitespace

    /// The collapse loading compares every excerpt with its passage by gives what splitting on
    /// `isWhitespace` and joining with one space gave, on every ASCII character, on Unicode spaces,
    /// marks after a space, and on every excerpt of the bundled data.
    func testCollapseMatchesSplittingOnWhitespace() throws {
        func reference(_ s: String) -> String { s.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        var texts = (0..<128).map { "a" + String(UnicodeScalar(UInt8($0))) + "b" }
        texts += ["", " ", "  a  b  ", "\r\n", "a\r\nb", "a \u{301}b", " \u{301}", "a\u{00A0}b", "a\u{2003}\u{2003}b", "a\u{3000}",
                  "\u{85}a\u{2028}b\u{2029}", "a\u{200B}b", "é  ü", "a\u{1C}b", "\t\n\u{0B}\u{0C}\r x", "😀 😀", "a\u{FEFF}b",
                  "\u{600} a", "a \u{200D}b", "a\u{200D} b", "“a” — b", "a \u{FF9E}", "\u{0E33} a", "a\u{1F3FB} b", "a \u{1F3FB}"]
        texts += try DataLoader.load(from: Paths.bundled).excerpts.map(\.text)
        for text in texts { XCTAssertEqual(SourceText.collapse(text), reference(text), text.debugDescription) }
    }
}
