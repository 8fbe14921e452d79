import TanacsModel

/// The stages of 1956 the timeline marks, by the day an event starts.
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

    public static func of(_ date: HistoricalDate) -> Phase {
        let day = date.start
        if day < Day(year: 1956, month: 10, day: 23)! { return .before }
        if day <= Day(year: 1956, month: 10, day: 28)! { return .uprising }
        if day <= Day(year: 1956, month: 11, day: 3)! { return .ceasefire }
        if day <= Day(year: 1956, month: 12, day: 31)! { return .intervention }
        return .repression
    }
}
