import XCTest
@testable import TanacsModel

final class SearchIndexTests: XCTestCase {
    static let index = SearchIndex(model: BundledDatasetTests.model)

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

    func testRanksExactNamesFirstThenOtherKindsAndText() {
        let hits = Self.index.search("csepel")
        XCTAssertEqual(hits.first?.id, "place:csepel")
        XCTAssertEqual(hits.map(\.rank), hits.map(\.rank).sorted(), "ranked")
        XCTAssertTrue(hits.contains { $0.kind == .council })
        XCTAssertTrue(hits.contains { $0.kind == .event })
        XCTAssertTrue(hits.contains { $0.kind == .excerpt })
    }

    func testExcerptTextAndEmptyQuery() {
        XCTAssertTrue(Self.index.search("Kádár taxis").contains { $0.kind == .excerpt })
        XCTAssertEqual(Self.index.search("   "), [])
        XCTAssertEqual(Self.index.search("zzzqqq"), [])
    }
}
