/// The one ordering rule for events, used by the timeline, `events` and every export.
///
/// - An event dated to a single day sorts under that day.
/// - An event whose day is not known (a month, a year, or a span) sorts after every event of the
///   last day it can mean: "Oct 1956, day not stated" after 31 October, "4–11 Nov 1956" after the
///   events of 11 November. Of several such groups ending on the same day, the shorter comes first;
///   events with the same date stay together.
/// - An event whose end no source states ("from 4 Nov 1956") sorts as if it ended on the last day
///   its start can mean, after the spans that end there: the sources tell it where it begins.
/// - Within a day, an event with a clock time sorts at that time, one with a part of the day a source
///   gives ("by dusk") at that part's minute (`DayPart.minute`), and one with neither after every event
///   listed before it for that date in the data file, which lists each day's events in the order the
///   sources tell them. Ties keep the file's order.
public enum Chronology {
    /// The day after whose events (or on which) an event is placed.
    public static func anchor(_ date: HistoricalDate) -> Day { date.isSingleDay ? date.start : date.statedEnd }

    /// Events in chronological order.
    public static func order(_ events: [Event]) -> [Event] {
        let minutes = sortMinutes(events)
        let keys = events.indices.map { i -> Key in
            let date = events[i].date
            return Key(anchor: anchor(date).ordinal, vague: date.isSingleDay ? 0 : date.isOpenEnded ? 2 : 1,
                       start: date.isSingleDay ? 0 : -date.start.ordinal, text: date.text, minute: minutes[i], offset: i)
        }
        return keys.sorted().map { events[$0.offset] }
    }

    /// The minute of the day each event sorts at (see the rule above), in the order given.
    public static func sortMinutes(_ events: [Event]) -> [Int] {
        // The latest minute so far of each date, in file order.
        var latest: [String: Int] = [:]
        return events.map { event in
            let minute = event.time.flatMap(minute(of:)) ?? event.dayPart?.part.minute ?? latest[event.date.text] ?? 0
            latest[event.date.text] = max(latest[event.date.text] ?? 0, minute)
            return minute
        }
    }

    /// "16:30" as minutes after midnight.
    public static func minute(of time: String) -> Int? {
        let parts = time.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        return h * 60 + m
    }

    private struct Key: Comparable {
        let anchor: Int, vague: Int, start: Int
        let text: String
        let minute: Int, offset: Int

        static func < (a: Key, b: Key) -> Bool {
            (a.anchor, a.vague, a.start, a.text, a.minute, a.offset) < (b.anchor, b.vague, b.start, b.text, b.minute, b.offset)
        }
    }
}

extension HistoricalDate {
    /// One known day, not a month, a year or a span.
    public var isSingleDay: Bool { precision == .day && start == end }

    /// A heading for the events with this date: "Tue 23 Oct 1956", "Oct 1956, day not stated",
    /// "1956, month not stated", "4–11 Nov 1956 (span)", "From 4 Nov 1956, end not stated".
    public var heading: String {
        if isSingleDay { return start.display }
        if isOpenEnded { return "From " + display.dropFirst("from ".count) + ", end not stated" }
        if !isInterval { return display + (precision == .month ? ", day not stated" : ", month not stated") }
        return display + (precision == .day ? " (span)" : " (span, days not stated)")
    }
}
