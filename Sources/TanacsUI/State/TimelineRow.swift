import TanacsModel

/// A row of the timeline: a day heading or an event under it.
public enum TimelineRow: Sendable, Equatable {
    case day(HistoricalDate)
    case event(String)

    public var eventID: String? {
        if case .event(let id) = self { return id }
        return nil
    }

    /// Day headings for each new date, each followed by that date's events.
    static func build(_ model: Model) -> [TimelineRow] {
        var rows: [TimelineRow] = [], last: String?
        for event in model.events {
            if event.date.text != last {
                rows.append(.day(event.date))
                last = event.date.text
            }
            rows.append(.event(event.id))
        }
        return rows
    }

    /// Row index of the n-th event.
    static func row(ofEvent n: Int, in rows: [TimelineRow]) -> Int {
        var count = -1
        for (i, row) in rows.enumerated() where row.eventID != nil {
            count += 1
            if count == n { return i }
        }
        return max(0, rows.count - 1)
    }
}
