import TanacsModel

/// Opening the explorer somewhere other than its first event: `tanacs --at ID` and `--date DAY`.
extension Reducer {
    /// Shows a record in the detail pane. An event is also selected in the timeline and a listed town
    /// in the towns pane, so moving on from it continues from there. Returns false for an unknown id.
    @discardableResult
    public static func open(_ state: inout AppState, id: String) -> Bool {
        guard let route = Route(id: id), state.model.name(of: id) != nil else { return false }
        if case .event = route, let n = state.timelineEvents.firstIndex(of: id) {
            state.timeline.selected = n
            focus(&state, .timeline)
            followSelection(&state)
        } else if case .place = route, let n = state.townIDs.firstIndex(of: id) {
            state.towns.selected = n
            focus(&state, .map)
            followSelection(&state)
        } else {
            state.detail = DetailState(route: route)
        }
        focus(&state, .detail)
        return true
    }

    /// Selects the first event on or after a day in the timeline (the last event when all are
    /// earlier) and shows it. An event counts as on the day when its date can mean that day.
    @discardableResult
    public static func go(_ state: inout AppState, to day: Day) -> Bool {
        let events = state.timelineEvents.compactMap { state.model.eventByID[$0] }
        guard !events.isEmpty else { return false }
        // An event dated exactly that day first, then the first that starts later; spans that merely
        // contain the day come earlier in the timeline but would hide the day's own events.
        let n = events.firstIndex { $0.date.start == day && $0.date.end == day }
            ?? events.firstIndex { $0.date.start >= day }
            ?? events.count - 1
        state.timeline.selected = n
        focus(&state, .timeline)
        followSelection(&state)
        keepSelectionsVisible(&state)
        return true
    }
}
