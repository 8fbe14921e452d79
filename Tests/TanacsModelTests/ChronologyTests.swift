import XCTest
@testable import TanacsModel

/// The ordering rule over every event of the bundled dataset, councils at work on sample days, and the
/// day forms the go-to line accepts.
final class ChronologyTests: XCTestCase {
    var m: Model { BundledDatasetTests.model }

    func testEveryEventSortsAfterEveryDayItCanMeanAndWithinItsDayByTheSources() {
        let events = m.events
        for (a, b) in zip(events, events.dropFirst()) {
            // Placed by the day after whose events it goes: never earlier than the event before it.
            XCTAssertLessThanOrEqual(Chronology.anchor(a.date), Chronology.anchor(b.date), "\(a.id) before \(b.id)")
            // A vague event is never followed by an event dated to a single day it covers: it comes after them.
            if !a.date.isSingleDay && b.date.isSingleDay { XCTAssertFalse(a.date.contains(b.date.start), "\(a.id) sorts before \(b.id), a day it covers") }
        }
        // The examples from the issue.
        func index(_ id: String) -> Int { events.firstIndex { $0.id == id }! }
        XCTAssertGreaterThan(index("event:1956-06-poznan-crushed"), index("event:1956-06-28-poznan-strike"))
        XCTAssertGreaterThan(index("event:1956-10-gero-replaced-by-kadar"), index("event:1956-10-23-radio-building"))
        XCTAssertGreaterThan(index("event:1956-un-appeal-unanswered"), index("event:1956-02-khrushchev-secret-speech"))
        XCTAssertGreaterThan(index("event:1956-10-23-stalin-statue-toppled"), index("event:1956-10-23-workers-join-march"))
        // An event whose end no source states is told where it begins: after that day, before the next.
        XCTAssertLessThan(index("event:1956-10-gero-replaced-by-kadar"), index("event:1956-10-24-martial-law"))
        XCTAssertGreaterThan(index("event:1956-11-refugee-exodus"), index("event:1956-11-04-second-soviet-intervention"))
        XCTAssertLessThan(index("event:1956-11-refugee-exodus"), events.firstIndex { $0.date.start > Day(year: 1956, month: 11, day: 4)! }!)
        let open = events.filter(\.date.isOpenEnded)
        XCTAssertFalse(open.isEmpty)
        for e in open {
            let i = index(e.id)
            XCTAssertTrue(events[..<i].allSatisfy { $0.date.start <= e.date.statedEnd }, "\(e.id) sorts after an event that begins later")
            XCTAssertTrue(events[(i + 1)...].allSatisfy { Chronology.anchor($0.date) >= e.date.statedEnd }, "\(e.id) sorts before one of its start's events")
        }
        // Events with the same date stay together.
        var seen: Set<String> = [], last: String?
        for e in events where !e.date.isSingleDay {
            if e.date.text != last { XCTAssertTrue(seen.insert(e.date.text).inserted, "\(e.date.text) split into two groups"); last = e.date.text }
        }
    }

    func testWithinADayTimesAndPartsOfTheDayOrderTheEventsAndTheRestFollowTheFile() throws {
        let fileOrder = try fileIndex()
        let byDay = Dictionary(grouping: m.events.filter(\.date.isSingleDay), by: \.date.start)
        for (day, events) in byDay {
            let inFile = events.sorted { fileOrder[$0.id]! < fileOrder[$1.id]! }
            var minute: [String: Int] = [:]
            for (e, value) in zip(inFile, Chronology.sortMinutes(inFile)) { minute[e.id] = value }
            let shown = events.map { minute[$0.id]! }
            XCTAssertEqual(shown, shown.sorted(), "\(day): the timeline does not follow times and parts of the day")
            // An untimed event with no part of the day comes after every event the file lists before it.
            for (i, e) in events.enumerated() where e.time == nil && e.dayPart == nil {
                for later in events[(i + 1)...] where fileOrder[later.id]! < fileOrder[e.id]! {
                    XCTFail("\(e.id) sorts before \(later.id), which the file tells first")
                }
            }
        }
        // Where a source gives the part of the day, it is cited.
        for e in m.events { if let part = e.dayPart { XCTAssertNotNil(m.excerptByID[part.citation], e.id) } }
    }

    func testNoEventSitsInAPhaseItsDatesLeave() throws {
        // Phases as the timeline draws them (see TanacsUI.Phase): 23 Oct, 29 Oct, 4 Nov 1956 and 1 Jan 1957.
        let bounds = [Day(year: 1956, month: 10, day: 23)!, Day(year: 1956, month: 10, day: 29)!,
                      Day(year: 1956, month: 11, day: 4)!, Day(year: 1957, month: 1, day: 1)!]
        func phase(_ d: Day) -> Int { bounds.filter { d >= $0 }.count }
        var crossing = 0
        // A date whose end no source states belongs to the phase its start is in.
        for e in m.events where phase(e.date.start) != phase(e.date.statedEnd) { crossing += 1 }
        // Those few get an "across phases" heading of their own in the timeline; the rest fit one phase.
        XCTAssertLessThan(crossing, 20)
    }

    func testCouncilsAtWorkOnSampleDays() {
        func atWork(_ y: Int, _ mo: Int, _ d: Int) -> Set<String> {
            Set(m.councils.filter { m.councilAtWork($0, on: Day(year: y, month: mo, day: d)!) }.map(\.id))
        }
        XCTAssertTrue(atWork(1956, 11, 14).contains("council:central-workers-council-of-greater-budapest"))
        XCTAssertFalse(atWork(1956, 11, 13).contains("council:central-workers-council-of-greater-budapest"))
        XCTAssertFalse(atWork(1956, 12, 10).contains("council:central-workers-council-of-greater-budapest"), "outlawed on 9 December")
        XCTAssertTrue(atWork(1956, 10, 30).contains("council:csepel-central-workers-council"))
        // In 1957 only what a source attests: the Csepel council until it dissolved itself on 6 January,
        // the Writers' Association until it was suspended on 18 January.
        XCTAssertEqual(atWork(1957, 1, 5), ["council:csepel-central-workers-council", "council:writers-association"])
        for year in 1957...1959 {
            for month in [3, 6, 9, 12] { XCTAssertEqual(atWork(year, month, 1), [], "\(year)-\(month)") }
        }
        XCTAssertEqual(atWork(1960, 1, 1), [])
        // The committee the Soviet troops set up in Salgótarján is never a council at work.
        let committee = m.councilByID["council:salgotarjan-revolutionary-worker-peasant-committee"]!
        XCTAssertEqual(committee.installedBy, .sovietCommand)
        XCTAssertEqual(m.councilStatus(committee, on: Day(year: 1956, month: 11, day: 20)!), .installed(.sovietCommand))
        XCTAssertFalse(m.councilAtWork(committee, on: Day(year: 1956, month: 11, day: 16)!))
        // Where only a last mention is known, the page says the fate is not stated.
        let ujpest = m.councilByID["council:ujpest-revolutionary-council"]!
        XCTAssertEqual(m.councilStatus(ujpest, on: Day(year: 1956, month: 12, day: 1)!), .fateNotStated)
    }

    func testEveryCouncilDateHasABasis() {
        for c in m.councils {
            for claim in c.formed + c.ended {
                XCTAssertNotNil(claim.basis, "\(c.id): \(claim.date.text) has no basis")
            }
        }
    }

    func testDayInputAcceptsTheFormsPeopleType() {
        let nov4 = Day(year: 1956, month: 11, day: 4)!
        for text in ["1956-11-04", "4 nov", "nov 4 1956", "Nov 4, 1956", "4 November 1956", "4th November", "November 4th",
                     "04.11.1956", "4.11.1956", "4/11/1956", "1956. november 4.", "1956.11.04.", "4 NOV", "  4 nov  ", "4 november"] {
            XCTAssertEqual(try? DayInput.parse(text).get(), nov4, text)
        }
        XCTAssertEqual(try? DayInput.parse("14.11.1956").get(), Day(year: 1956, month: 11, day: 14)!)
        XCTAssertEqual(try? DayInput.parse("23 okt").get(), Day(year: 1956, month: 10, day: 23)!)
        XCTAssertEqual(try? DayInput.parse("23 október").get(), Day(year: 1956, month: 10, day: 23)!)
        XCTAssertEqual(try? DayInput.parse("5 jan", defaultYear: 1957).get(), Day(year: 1957, month: 1, day: 5)!)
        XCTAssertEqual(DayInput.parse(""), .failure(.empty))
        XCTAssertEqual(DayInput.parse("nov 1956"), .failure(.monthOnly("nov 1956")))
        XCTAssertEqual(DayInput.parse("31 nov"), .failure(.noSuchDay("31 nov")))
        XCTAssertEqual(DayInput.parse("11/14/1956"), .failure(.noSuchDay("11/14/1956")))
        XCTAssertEqual(DayInput.parse("csepel"), .failure(.notADate("csepel")))
        XCTAssertEqual(DayInput.parse("4 nov 1956 7"), .failure(.notADate("4 nov 1956 7")))
        XCTAssertTrue(DayInput.Failure.notADate("x").description.contains("1956-11-04"), "the message shows the forms accepted")
        XCTAssertTrue(DayInput.Failure.monthOnly("nov 1956").description.contains("month"))
    }

    /// Each event's position in events.json.
    private func fileIndex() throws -> [String: Int] {
        let data = try Data(contentsOf: Paths.bundled.appendingPathComponent("events.json"))
        let records = try JSONSerialization.jsonObject(with: data) as! [[String: Any]]
        var out: [String: Int] = [:]
        for (i, r) in records.enumerated() { out[r["id"] as! String] = i }
        return out
    }
}
