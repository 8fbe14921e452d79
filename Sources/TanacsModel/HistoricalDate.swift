/// A calendar day, compared and stepped without time zones or Foundation calendars.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 0000-03-01 in the proleptic Gregorian calendar; only differences matter.
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let m = month <= 2 ? month + 9 : month - 3
        return 365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + day - 1
    }

    public func adding(days: Int) -> Day {
        var y = year, m = month, d = day + days
        while d > Day.daysIn(month: m, year: y) {
            d -= Day.daysIn(month: m, year: y)
            m += 1
            if m > 12 { m = 1; y += 1 }
        }
        while d < 1 {
            m -= 1
            if m < 1 { m = 12; y -= 1 }
            d += Day.daysIn(month: m, year: y)
        }
        return Day(year: y, month: m, day: d)!
    }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    /// Later than any day a source names: the end of a date whose end is not stated.
    public static let unbounded = Day(year: 9999, month: 12, day: 31)!

    public var description: String { "\(year)-\(Day.pad(month))-\(Day.pad(day))" }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    public static func parse(_ text: String) -> Day? {
        guard let d = HistoricalDate(text), d.precision == .day, d.start == d.end else { return nil }
        return d.start
    }
}

/// A date as precise as the sources allow: a day, a month, a year, an interval of those, or an
/// interval whose end no source gives ("1956-11-04/..", on or after 4 November).
public struct HistoricalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Precision: Int, Sendable { case year, month, day }

    public let text: String
    /// First day the date can mean.
    public let start: Day
    /// Last day the date can mean; `Day.unbounded` when the end is not stated.
    public let end: Day
    /// The coarsest precision of either end (of the start alone when the end is not stated).
    public let precision: Precision
    /// True when the sources give a first day but no last one: "from 4 Nov 1956, end not stated".
    public let isOpenEnded: Bool
    public var isInterval: Bool { text.contains("/") }

    /// The last day the sources' words reach: the end, or for an open end the last day its start
    /// can mean. Titles, lints and the map's period go no further than this.
    public var statedEnd: Day { isOpenEnded ? startPart.end : end }

    /// The last day, or nil when the sources state none: what exports write as the end.
    public var knownEnd: Day? { isOpenEnded ? nil : end }

    /// The first part of an interval ("1956-11" of "1956-11/1956-12"), or the date itself.
    public var startPart: HistoricalDate {
        guard isInterval else { return self }
        return HistoricalDate(String(text[..<text.firstIndex(of: "/")!]))!
    }

    /// What an open end is written as, after the slash (ISO 8601-2 and EDTF use the same).
    public static let openEndMark = ".."

    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        isOpenEnded = parts.count == 2 && parts[1] == HistoricalDate.openEndMark
        switch parts.count {
        case 1:
            guard let single = HistoricalDate.parseSingle(parts[0]) else { return nil }
            (start, end, precision) = single
        case 2 where isOpenEnded:
            guard let a = HistoricalDate.parseSingle(parts[0]) else { return nil }
            (start, end, precision) = (a.start, Day.unbounded, a.precision)
        case 2:
            guard let a = HistoricalDate.parseSingle(parts[0]), let b = HistoricalDate.parseSingle(parts[1]),
                  a.start <= b.end else { return nil }
            start = a.start
            end = b.end
            precision = Precision(rawValue: min(a.precision.rawValue, b.precision.rawValue))!
        default:
            return nil
        }
        self.text = text
    }

    private static func parseSingle(_ s: String) -> (start: Day, end: Day, precision: Precision)? {
        let fields = s.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(fields.count),
              fields[0].count == 4, fields.dropFirst().allSatisfy({ $0.count == 2 }),
              fields.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        let numbers = fields.map { Int($0)! }
        switch numbers.count {
        case 1:
            return (Day(year: numbers[0], month: 1, day: 1)!, Day(year: numbers[0], month: 12, day: 31)!, .year)
        case 2:
            guard let first = Day(year: numbers[0], month: numbers[1], day: 1) else { return nil }
            let last = Day(year: numbers[0], month: numbers[1], day: Day.daysIn(month: numbers[1], year: numbers[0]))!
            return (first, last, .month)
        default:
            guard let day = Day(year: numbers[0], month: numbers[1], day: numbers[2]) else { return nil }
            return (day, day, .day)
        }
    }

    /// Whether the day is one the date's stated words can mean (for an open end: its start).
    public func contains(_ day: Day) -> Bool { start <= day && day <= statedEnd }

    /// Sorts by start; a vaguer date (a whole month) comes before the days inside it.
    public static func < (a: HistoricalDate, b: HistoricalDate) -> Bool {
        if a.start != b.start { return a.start < b.start }
        if a.end != b.end { return a.end > b.end }
        return a.text < b.text
    }

    public var description: String { text }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Human form: "23 Oct 1956", "Oct 1956", "1956", "23 Oct – 4 Nov 1956", "from 4 Nov 1956".
    public var display: String {
        // A single date is itself: no need to parse its text again.
        guard isInterval else { return HistoricalDate.show(self, withYear: true) }
        if isOpenEnded { return "from " + HistoricalDate.show(startPart, withYear: true) }
        let parts = text.split(separator: "/").map { HistoricalDate(String($0))! }
        if parts.count == 1 { return HistoricalDate.show(parts[0], withYear: true) }
        let sameYear = parts[0].start.year == parts[1].end.year
        return HistoricalDate.show(parts[0], withYear: !sameYear) + " – " + HistoricalDate.show(parts[1], withYear: true)
    }

    private static func show(_ d: HistoricalDate, withYear: Bool) -> String {
        let year = withYear ? " \(d.start.year)" : ""
        switch d.precision {
        case .year: return "\(d.start.year)"
        case .month: return monthNames[d.start.month - 1] + year
        case .day: return "\(d.start.day) " + monthNames[d.start.month - 1] + year
        }
    }
}

extension Day {
    /// "Tue 23 Oct 1956".
    public var display: String {
        let names = ["Wed", "Thu", "Fri", "Sat", "Sun", "Mon", "Tue"] // ordinal 0 fell on a Wednesday
        let weekday = names[((ordinal % 7) + 7) % 7]
        return "\(weekday) \(shortDisplay)"
    }

    /// "23 Oct 1956", as a day's `HistoricalDate` shows it.
    public var shortDisplay: String { "\(day) \(HistoricalDate.monthNames[month - 1]) \(year)" }
}
