import XCTest
@testable import TanacsModel

final class HistoricalDateTests: XCTestCase {
    func testParsesEachPrecision() throws {
        let day = try XCTUnwrap(HistoricalDate("1956-10-23"))
        XCTAssertEqual(day.precision, .day)
        XCTAssertEqual(day.display, "23 Oct 1956")
        let month = try XCTUnwrap(HistoricalDate("1956-10"))
        XCTAssertEqual(month.precision, .month)
        XCTAssertEqual(month.end, Day(year: 1956, month: 10, day: 31))
        XCTAssertEqual(month.display, "Oct 1956")
        let year = try XCTUnwrap(HistoricalDate("1957"))
        XCTAssertEqual(year.display, "1957")
        let interval = try XCTUnwrap(HistoricalDate("1956-10-23/1956-11-04"))
        XCTAssertTrue(interval.isInterval)
        XCTAssertEqual(interval.display, "23 Oct – 4 Nov 1956")
        XCTAssertTrue(interval.contains(Day(year: 1956, month: 10, day: 30)!))
        XCTAssertFalse(interval.contains(Day(year: 1956, month: 11, day: 5)!))
    }

    func testRejectsInvalidDates() {
        for bad in ["1956-13-40", "1956-02-30", "1957-02-29", "56-10-23", "1956-1-2", "1956-11-04/1956-10-23", "", "x", "1956/", "1956-10-23T10:00"] {
            XCTAssertNil(HistoricalDate(bad), bad)
        }
        XCTAssertNotNil(HistoricalDate("1956-02-29"), "1956 was a leap year")
    }

    func testOrdersVagueDatesBeforeTheDaysInside() throws {
        let dates = ["1956-10-24", "1956-10", "1956", "1956-10-23", "1953"].compactMap(HistoricalDate.init)
        XCTAssertEqual(dates.sorted().map(\.text), ["1953", "1956", "1956-10", "1956-10-23", "1956-10-24"])
    }

    func testDayArithmeticAndWeekday() throws {
        let start = try XCTUnwrap(Day(year: 1956, month: 10, day: 23))
        XCTAssertEqual(start.display, "Tue 23 Oct 1956")
        XCTAssertEqual(start.adding(days: 12).description, "1956-11-04")
        XCTAssertEqual(start.adding(days: 12).display, "Sun 4 Nov 1956")
        XCTAssertEqual(start.adding(days: -23).description, "1956-09-30")
        XCTAssertEqual(Day(year: 1956, month: 12, day: 31)!.adding(days: 1).description, "1957-01-01")
    }
}
