import XCTest
@testable import TanacsModel

final class SearchIndexTests: XCTestCase {
    static let index = SearchIndex(model: BundledDatasetTests.model)

    private func ids(_ query: String, _ limit: Int = 500) -> [String] { Self.index.search(query, limit: limit).map(\.id) }

    func testAccentAndCaseInsensitive() {
        XCTAssertEqual(Self.index.search("gyor").first?.id, "place:gyor", "gyor finds Győr first")
        XCTAssertEqual(Self.index.search("GYŐR").first?.id, "place:gyor")
        XCTAssertEqual(Self.index.search("racz").first?.id, "person:sandor-racz")
    }

    func testHistoricalNamesAreSearched() throws {
        let hit = try XCTUnwrap(Self.index.search("sztalinvaros").first)
        XCTAssertEqual(hit.id, "place:dunaujvaros")
        XCTAssertEqual(hit.rank, SearchIndex.Rank.exactName.rawValue)
        XCTAssertEqual(hit.context, "Sztálinváros")
    }

    func testEveryWordInAnyOrder() {
        let greater = "council:central-workers-council-of-greater-budapest"
        XCTAssertEqual(ids("central workers council").first, greater)
        XCTAssertTrue(ids("central workers council").contains("council:csepel-central-workers-council"))
        XCTAssertEqual(ids("council csepel").first, "council:csepel-central-workers-council", "word order does not matter")
        XCTAssertEqual(Set(ids("council csepel")), Set(ids("csepel council")))
        XCTAssertEqual(ids("budapest greater council workers central").first, greater)
        // Every word must match: adding one narrows, never widens.
        XCTAssertTrue(Set(ids("csepel council")).isSubset(of: Set(ids("csepel"))))
    }

    func testPunctuationIsIgnored() {
        XCTAssertEqual(ids("workers council"), ids("Workers' Council"))
        XCTAssertEqual(ids("workers council"), ids("workers’ council"))
        XCTAssertEqual(ids("nagy imre"), ids("Nagy, Imre!"))
        XCTAssertTrue(ids("workers council").contains("council:csepel-central-workers-council"), "the apostrophe in the name is no obstacle")
        XCTAssertEqual(Self.index.search("’ - “"), [], "punctuation alone finds nothing")
    }

    func testTyposInNames() {
        XCTAssertEqual(ids("gyr").first, "place:gyor")
        XCTAssertEqual(ids("Gyoer").first, "place:gyor")
        XCTAssertEqual(ids("maleter").first, "person:pal-maleter")
        XCTAssertEqual(ids("maletre").first, "person:pal-maleter", "a swapped pair is one typo")
        XCTAssertEqual(ids("gyr workers council").first, "council:gyor-workers-council")
        XCTAssertEqual(ids("zzzqqq"), [], "nothing near")
        XCTAssertEqual(ids("qz"), [], "two letters are never corrected")
    }

    func testRanking() {
        let hits = Self.index.search("csepel")
        XCTAssertEqual(hits.first?.id, "place:csepel")
        XCTAssertEqual(hits.map(\.rank), hits.map(\.rank).sorted(), "ranked")
        XCTAssertTrue(hits.contains { $0.kind == .council })
        XCTAssertTrue(hits.contains { $0.kind == .event })
        XCTAssertTrue(hits.contains { $0.kind == .excerpt })
        // All the words in one name, before words spread over names, before text.
        let council = Self.index.search("csepel council")
        XCTAssertEqual(council.map(\.rank), council.map(\.rank).sorted())
        XCTAssertLessThanOrEqual(council.first?.rank ?? 9, SearchIndex.Rank.nameWord.rawValue)
        XCTAssertEqual(council.last?.rank, SearchIndex.Rank.text.rawValue)
        XCTAssertEqual(Self.index.search("Győr").first?.rank, SearchIndex.Rank.exactName.rawValue)
    }

    func testAuthorsSourceTitlesAndIds() {
        XCTAssertEqual(ids("haynes").first, "source:haynes")
        XCTAssertEqual(ids("source:haynes").first, "source:haynes")
        XCTAssertTrue(ids("haynes tanks").contains { $0.hasPrefix("excerpt:haynes") }, "an author's quotations")
        XCTAssertTrue(ids("workers state").contains("source:kosuth"), "a source's title")
    }

    func testHugeQueriesStayBounded() {
        let words = (0..<5000).map { "w\($0)x" }.joined(separator: " ")
        let q = Self.index.parse("csepel " + words)
        XCTAssertEqual(q.terms.count, SearchQuery.maxWords)
        XCTAssertTrue(q.truncated)
        XCTAssertEqual(Self.index.search(String(repeating: "csepel ", count: 20_000)).map(\.id), ids("csepel"), "repeated words count once")
    }

    func testHighlightRanges() {
        let q = Self.index.parse("workers csepel")
        XCTAssertEqual(q.ranges(in: "Csepel Central Workers' Council"), [0..<6, 15..<22])
        XCTAssertEqual(Self.index.parse("gyr").ranges(in: "Győr National Council"), [0..<4], "a corrected typo is marked where it matched")
    }

    func testSuggestions() {
        XCTAssertEqual(Self.index.suggestions(for: "gyr").first?.id, "place:gyor")
        XCTAssertEqual(Self.index.suggestions(for: "maleterr").first?.id, "person:pal-maleter")
        XCTAssertLessThanOrEqual(Self.index.suggestions(for: "council").count, 3)
        XCTAssertEqual(Self.index.suggestions(for: "gyr", accept: { $0.hasPrefix("council:") }).first?.id, "council:gyor-national-council")
        XCTAssertEqual(Self.index.suggestions(for: "zzzqqqxx"), [])
    }
}
