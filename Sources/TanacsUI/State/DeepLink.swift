import TanacsModel

/// Opening the explorer somewhere other than its first event: `tanacs --at ID` and `--date DAY`.
extension Reducer {
    /// Shows a record in the detail pane. An event is also selected in the timeline and a listed town
    /// in the towns pane, so moving on from it continues from there. Returns false for an unknown id.
    @discardableResult
    public static func open(_ state: inout AppState, id: String) -> Bool {
        guard let route = Route(id: id), state.model.name(of: id) != nil else { return false }
        state.detail = DetailState(route: route)
        syncPanes(&state, to: route)
        if case .event = route { revealSelectedDay(&state) }
        focus(&state, .detail)
        return true
    }

    /// Selects the event that stands for a day (see `goToDay`) and makes the day current: an event
    /// dated that day, else the shortest vague date covering it, else the next event.
    @discardableResult
    public static func go(_ state: inout AppState, to day: Day) -> Bool {
        let done = goToDay(&state, day)
        keepSelectionsVisible(&state)
        return done
    }
}

extension Reducer {
    /// Where the explorer opens: on `date` when given, else on 23 October 1956, the day the revolution
    /// began (for datasets with events from that day on; others open on their first event); then on the
    /// record `id` when given.
    public static func start(_ state: inout AppState, at id: String? = nil, date: Day? = nil) {
        if let date {
            go(&state, to: date)
        } else if state.model.events.last.map({ $0.date.start >= AppState.openingDay }) ?? false {
            go(&state, to: AppState.openingDay)
        }
        if let id { open(&state, id: id) }
    }
}

extension AppState {
    /// The day the revolution began: where the explorer opens by default.
    public static let openingDay = Day(year: 1956, month: 10, day: 23)!
}
