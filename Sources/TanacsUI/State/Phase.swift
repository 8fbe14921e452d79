import TanacsModel

/// The stages of 1956 the timeline marks. An event sits under a phase only when every day its date
/// can mean lies inside the phase; one whose date crosses a boundary gets a heading of its own.
public enum Phase: Int, Sendable, CaseIterable {
    case before, uprising, ceasefire, intervention, repression

    public var title: String {
        switch self {
        case .before: return "Before 23 October 1956"
        case .uprising: return "23–28 October: the uprising"
        case .ceasefire: return "29 October – 3 November: ceasefire, councils, new government"
        case .intervention: return "From 4 November: second Soviet intervention, councils' resistance"
        case .repression: return "1957 onwards: repression"
        }
    }

    /// First and last day of the phase (open-ended phases reach far back or far on).
    public var days: (first: Day, last: Day) {
        switch self {
        case .before: return (Day(year: 1, month: 1, day: 1)!, Day(year: 1956, month: 10, day: 22)!)
        case .uprising: return (Day(year: 1956, month: 10, day: 23)!, Day(year: 1956, month: 10, day: 28)!)
        case .ceasefire: return (Day(year: 1956, month: 10, day: 29)!, Day(year: 1956, month: 11, day: 3)!)
        case .intervention: return (Day(year: 1956, month: 11, day: 4)!, Day(year: 1956, month: 12, day: 31)!)
        case .repression: return (Day(year: 1957, month: 1, day: 1)!, Day(year: 9999, month: 12, day: 31)!)
        }
    }

    /// The phase holding every day of the date, or nil when it crosses a phase boundary. A date whose
    /// end is not stated belongs where its start does: the sources tell it there.
    public static func containing(_ date: HistoricalDate) -> Phase? {
        let first = of(date.start)
        return of(date.statedEnd) == first ? first : nil
    }

    static func of(_ day: Day) -> Phase {
        allCases.first { $0.days.first <= day && day <= $0.days.last } ?? .repression
    }
}
