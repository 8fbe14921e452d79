import Foundation
import XCTest
@testable import TanacsModel

/// What callers of the model rely on at the edges: the last day a council existed, the calendar's
/// century rule, filters over vague dates, and the records that cite an excerpt.
final class ModelBehaviourTests: XCTestCase {
    private func day(_ text: String) -> Day { Day.parse(text)! }

    private func sampleWith(_ file: String, _ change: (inout [[String: Any]]) -> Void) throws -> Model {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tanacs-model-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Paths.sample, to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(file)
        var records = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
        change(&records)
        try JSONSerialization.data(withJSONObject: records).write(to: url)
        return try DataLoader.load(from: folder)
    }

    func testACouncilExistsFromItsFirstDayThroughItsLast() throws {
        let m = try sampleWith("councils.json") { councils in
            councils[1]["ended"] = ["date": "1956-12-09", "citation": "excerpt:haynes-p62-3"]
        }
        let cwc = try XCTUnwrap(m.councilByID["council:central-workers-council-of-greater-budapest"])
        XCTAssertFalse(m.councilAtWork(cwc, on: day("1956-11-13")))
        XCTAssertTrue(m.councilAtWork(cwc, on: day("1956-11-14")), "the day it formed")
        XCTAssertTrue(m.councilAtWork(cwc, on: day("1956-12-09")), "the day it ended")
        XCTAssertFalse(m.councilAtWork(cwc, on: day("1956-12-10")))
        XCTAssertEqual(CouncilFilter(on: day("1956-12-09")).apply(to: m).map(\.id).contains(cwc.id), true)
        XCTAssertEqual(CouncilFilter(on: day("1956-12-10")).apply(to: m).map(\.id).contains(cwc.id), false)
    }

    func testTheCenturyRuleOfLeapYears() {
        XCTAssertNil(HistoricalDate("1900-02-29"), "1900 was not a leap year")
        XCTAssertNotNil(HistoricalDate("2000-02-29"), "2000 was")
        XCTAssertNotNil(HistoricalDate("1956-02-29"))
        XCTAssertEqual(Day(year: 1900, month: 2, day: 28)!.adding(days: 1).description, "1900-03-01")
    }

    /// A filter keeps an event when any day it can mean is inside the range, as the README says.
    func testFiltersCompareEveryDayAVagueDateCanMean() throws {
        let m = try sampleWith("events.json") { events in events[12]["date"] = "1957-01" }
        let id = "event:1957-01-08-csepel-demonstration"
        XCTAssertTrue(EventFilter(from: day("1957-01-31")).apply(to: m).contains { $0.id == id }, "January 1957 reaches the 31st")
        XCTAssertFalse(EventFilter(from: day("1957-02-01")).apply(to: m).contains { $0.id == id })
        XCTAssertTrue(EventFilter(to: day("1957-01-01")).apply(to: m).contains { $0.id == id }, "and starts on the 1st")
        XCTAssertFalse(EventFilter(to: day("1956-12-31")).apply(to: m).contains { $0.id == id })
        let inBudapest = EventFilter(place: "place:budapest").apply(to: m).map(\.id)
        XCTAssertTrue(inBudapest.contains("event:1956-10-23-first-workers-council"), "an event in Újpest is in Budapest")
        XCTAssertEqual(EventFilter(council: "council:gyor-national-council").apply(to: m).map(\.id), ["event:1956-10-26-gyor-committee"])
        XCTAssertEqual(Set(EventFilter(kind: .massacre).apply(to: m).map(\.id)), ["event:1956-10-26-miskolc-shooting"])
    }

    /// Every kind of record that cites an excerpt is listed as citing it, once.
    func testCitedByListsEveryKindOfRecord() throws {
        let m = try DataLoader.load(from: Paths.sample)
        XCTAssertEqual(m.citedBy["excerpt:haynes-p62-4"], ["council:central-workers-council-of-greater-budapest", "person:sandor-racz"],
                       "a council member's citation and a person's")
        XCTAssertEqual(m.citedBy["excerpt:haynes-p32-1"], ["place:gyor"], "a place's and its population's, once")
        XCTAssertEqual(m.citedBy["excerpt:haynes-p30-1"], ["event:1956-10-26-miskolc-shooting", "figure:dead-miskolc"])
        XCTAssertEqual(m.citedBy["excerpt:haynes-p13-1"], ["person:imre-nagy"])
    }
}
