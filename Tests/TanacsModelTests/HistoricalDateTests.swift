import Testing
@testable import TanacsModel

/// Dates as the sources give them: days, months, years and spans. (Swift Testing; the rest use XCTest.)
@Suite struct HistoricalDateTests {
    @Test func parsesEachPrecision() throws {
        let day = try #require(HistoricalDate("1956-10-23"))
        #expect(day.precision == .day)
        #expect(day.display == "23 Oct 1956")
        let month = try #require(HistoricalDate("1956-10"))
        #expect(month.precision == .month)
        #expect(month.end == Day(year: 1956, month: 10, day: 31))
        #expect(month.display == "Oct 1956")
        let year = try #require(HistoricalDate("1957"))
        #expect(year.display == "1957")
        let interval = try #require(HistoricalDate("1956-10-23/1956-11-04"))
        #expect(interval.isInterval)
        #expect(interval.display == "23 Oct – 4 Nov 1956")
        #expect(interval.contains(Day(year: 1956, month: 10, day: 30)!))
        #expect(!interval.contains(Day(year: 1956, month: 11, day: 5)!))
    }

    @Test func anOpenEndIsNotStatedRatherThanInvented() throws {
        let open = try #require(HistoricalDate("1956-11-04/.."))
        #expect(open.isOpenEnded && open.isInterval && !open.isSingleDay)
        #expect(open.precision == .day)
        #expect(open.start == Day(year: 1956, month: 11, day: 4))
        #expect(open.knownEnd == nil, "exports write no end")
        #expect(open.end == Day.unbounded, "no last day")
        #expect(open.statedEnd == open.start, "the stated words reach no further than the start")
        #expect(open.display == "from 4 Nov 1956")
        #expect(open.heading == "From 4 Nov 1956, end not stated")
        #expect(open.contains(open.start) && !open.contains(Day(year: 1956, month: 11, day: 5)!))
        let month = try #require(HistoricalDate("1956-11/.."))
        #expect(month.precision == .month && month.statedEnd == Day(year: 1956, month: 11, day: 30))
        #expect(month.display == "from Nov 1956")
        let closed = try #require(HistoricalDate("1956-10-23/1956-11-04"))
        #expect(!closed.isOpenEnded && closed.knownEnd == closed.end && closed.statedEnd == closed.end)
    }

    @Test(arguments: ["1956-13-40", "1956-02-30", "1957-02-29", "56-10-23", "1956-1-2", "1956-11-04/1956-10-23", "", "x",
                      "1956/", "1956-10-23T10:00", "../1956-11-04", "1956-11-04/.", "1956-11-04/...", "../..", "1956-11-04/../..",
                      "1956-11-04/ .."])
    func rejectsInvalidDates(_ text: String) {
        #expect(HistoricalDate(text) == nil)
    }

    @Test func acceptsTheLeapDayOf1956() {
        #expect(HistoricalDate("1956-02-29") != nil)
    }

    @Test func ordersVagueDatesBeforeTheDaysInside() {
        // Each vague date starts on the same day as a more precise one inside it: only the rule that a
        // longer span comes first orders them (the texts alone would sort "1956-10-01" after "1956-10").
        let texts = ["1956-10-01", "1956-10-23", "1956-01-01", "1956-10", "1956-01", "1956", "1956-10-01/1956-10-23", "1953"]
        let dates = texts.compactMap(HistoricalDate.init)
        #expect(dates.count == texts.count)
        let expected = ["1953", "1956", "1956-01", "1956-01-01", "1956-10", "1956-10-01/1956-10-23", "1956-10-01", "1956-10-23"]
        #expect(dates.sorted().map(\.text) == expected)
        #expect(dates.reversed().sorted().map(\.text) == expected, "whatever order they come in")
        // Same start and end: the text decides, so the order is total.
        let same = ["1956-10-23/1956-10-23", "1956-10-23"].compactMap(HistoricalDate.init)
        #expect(same.sorted().map(\.text) == ["1956-10-23", "1956-10-23/1956-10-23"])
    }

    @Test func dayArithmeticAndWeekday() throws {
        let start = try #require(Day(year: 1956, month: 10, day: 23))
        #expect(start.display == "Tue 23 Oct 1956")
        #expect(start.adding(days: 12).description == "1956-11-04")
        #expect(start.adding(days: 12).display == "Sun 4 Nov 1956")
        #expect(start.adding(days: -23).description == "1956-09-30")
        #expect(Day(year: 1956, month: 12, day: 31)!.adding(days: 1).description == "1957-01-01")
    }
}
