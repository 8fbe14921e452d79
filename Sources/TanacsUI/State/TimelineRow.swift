import TanacsModel

/// A row of the timeline: a phase heading, a heading for events whose date crosses phases, a date
/// heading, or an event under it.
public enum TimelineRow: Sendable, Equatable {
    /// `continued` when the phase resumes after events that cross a phase boundary.
    case phase(Phase, continued: Bool)
    /// Events whose dates reach across a phase boundary, placed after the last day they can mean.
    case acrossPhases(HistoricalDate)
    case day(HistoricalDate)
    case event(String)

    public var eventID: String? {
        if case .event(let id) = self { return id }
        return nil
    }

    /// Phase and date headings, each followed by that date's events, for the events given in
    /// chronological order.
    static func build(_ events: [Event]) -> [TimelineRow] {
        var rows: [TimelineRow] = [], lastDate: String?, lastSection: Phase??, shownPhases: Set<Phase> = []
        for event in events {
            let phase = Phase.containing(event.date)
            if lastSection == nil || lastSection! != phase {
                if let phase {
                    rows.append(.phase(phase, continued: shownPhases.contains(phase)))
                    shownPhases.insert(phase)
                } else {
                    rows.append(.acrossPhases(event.date))
                }
                lastSection = .some(phase)
                lastDate = nil
            } else if phase == nil, event.date.text != lastDate {
                rows.append(.acrossPhases(event.date))
                lastDate = nil
            }
            if event.date.text != lastDate {
                rows.append(.day(event.date))
                lastDate = event.date.text
            }
            rows.append(.event(event.id))
        }
        return rows
    }

    /// The row of each event, in order.
    static func eventRows(_ rows: [TimelineRow]) -> [Int] {
        rows.indices.filter { rows[$0].eventID != nil }
    }

    /// For each day, the index of the first event dated exactly that day (not a month or a span).
    static func firstEventOnDay(_ events: [Event]) -> [Day: Int] {
        var result: [Day: Int] = [:]
        for (i, event) in events.enumerated() where event.date.precision == .day && result[event.date.start] == nil {
            result[event.date.start] = i
        }
        return result
    }
}

/// Which events the timeline shows: any combination of kinds, a place (with the places inside it), a council.
public struct TimelineFilter: Sendable, Hashable {
    public var kinds: Set<EventKind> = []
    public var place: String?
    public var council: String?

    public init(kinds: Set<EventKind> = [], place: String? = nil, council: String? = nil) {
        self.kinds = kinds
        self.place = place
        self.council = council
    }

    public var isEmpty: Bool { kinds.isEmpty && place == nil && council == nil }

    public func events(in m: Model) -> [Event] {
        guard !isEmpty else { return m.events }
        let atPlace = place.map { Set(m.eventsByPlace[$0] ?? []) }
        let ofCouncil = council.map { Set(m.eventsByCouncil[$0] ?? []) }
        return m.events.filter { e in
            (kinds.isEmpty || kinds.contains(e.kind)) && (atPlace?.contains(e.id) ?? true) && (ofCouncil?.contains(e.id) ?? true)
        }
    }

    /// "strike, council · Győr", for titles and the status bar.
    public func summary(in m: Model) -> String {
        var parts: [String] = []
        if !kinds.isEmpty { parts.append(EventKind.allCases.filter(kinds.contains).map(\.rawValue).joined(separator: ", ")) }
        if let place { parts.append(m.name(of: place) ?? place) }
        if let council { parts.append(m.name(of: council) ?? council) }
        return parts.joined(separator: " · ")
    }
}
