import TanacsModel

/// The current date: `[` and `]`, the go-to line (`:`), and play (`P`).
extension Reducer {
    /// Milliseconds between days while playing; the terminal waits this long for a key, then sends `.tick`.
    public static let playInterval = 700

    /// Moves the current date a day; the timeline jumps to that day's first event when it has one,
    /// with the day's heading and events in view.
    static func stepDate(_ state: inout AppState, by days: Int) {
        let day = (state.currentPeriod.map { days > 0 ? $0.statedEnd : $0.start } ?? state.currentDate).adding(days: days)
        setDay(&state, day, showSelection: state.focus != .detail)
    }

    /// Makes `day` the current date. With `showSelection`, the timeline selects the day's first event
    /// and the detail pane follows it.
    static func setDay(_ state: inout AppState, _ day: Day, showSelection: Bool) {
        state.currentDate = day
        state.currentPeriod = nil
        guard let index = state.firstEventOnDay[day] else { return }
        state.timeline.selected = index
        revealSelectedDay(&state)
        // A page opened on purpose stays (showing the new day) unless the timeline is in use; one that
        // followed the selection moves on, and anything replaced goes into history.
        if state.listPane == .timeline && showSelection && (state.detail.followsSelection || state.focus == .timeline) {
            followSelection(&state, of: .timeline)
            state.currentDate = day
            state.currentPeriod = nil
        }
    }

    /// Scrolls the timeline so the selected event's day heading (and the phase heading right above
    /// it) is the first row, so the whole day reads from its top.
    static func revealSelectedDay(_ state: inout AppState) {
        let rows = state.timelineRows, eventRows = state.timelineEventRows
        guard eventRows.indices.contains(state.timeline.selected) else { return }
        // From the event up to its day's heading (over the day's earlier events), then over the
        // headings just above that, as far as the pane holds them with the event.
        let row = eventRows[state.timeline.selected], visible = state.visibleRows(.timeline)
        var top = row
        while top > 0 && row - top < visible - 1 {
            if case .day = rows[top] { break }
            if case .acrossPhases = rows[top] { break }
            top -= 1
        }
        while top > 0 && rows[top - 1].eventID == nil && row - top < visible - 1 { top -= 1 }
        state.timeline.offset = min(top, max(0, rows.count - visible))
    }

    /// Selects the event that best stands for a day: the first dated exactly that day, else the event
    /// with the shortest vague date that covers it, else the first after it (the last when all are
    /// earlier). The day itself becomes the current date either way.
    @discardableResult
    static func goToDay(_ state: inout AppState, _ day: Day) -> Bool {
        let events = state.timelineEvents.compactMap { state.model.eventByID[$0] }
        guard !events.isEmpty else { return false }
        let n = state.firstEventOnDay[day]
            ?? events.indices.filter { events[$0].date.contains(day) }
                .min { (events[$0].date.statedEnd.ordinal - events[$0].date.start.ordinal, $0) < (events[$1].date.statedEnd.ordinal - events[$1].date.start.ordinal, $1) }
            ?? events.firstIndex { $0.date.start > day }
            ?? events.count - 1
        state.timeline.selected = n
        if state.listPane != .timeline { focus(&state, .timeline) }
        state.focus = .timeline
        followSelection(&state)
        // The day asked for, not a day the event's vague date would stand for.
        if !(events[n].date.isSingleDay && events[n].date.start == day) {
            state.currentDate = day
            state.currentPeriod = nil
        }
        revealSelectedDay(&state)
        return true
    }

    // MARK: The go-to line

    static func startGoTo(_ state: inout AppState) {
        state.goTo = GoToState()
    }

    static func goToKey(_ state: inout AppState, _ key: Key) {
        guard var line = state.goTo else { return }
        switch key {
        case .escape, .ctrl("c"), .ctrl("g"):
            state.goTo = nil
            return
        // On an empty line q closes it, as it closes everything on top; once typing, q is a letter.
        case .char("q") where line.query.isEmpty:
            state.goTo = nil
            return
        case .enter:
            state.goTo = nil
            goTo(&state, line.query)
            return
        case .tab:
            if let hit = GoToLine.completion(line.query, state) { line.query = hit.label }
        case .backspace:
            if line.query.isEmpty { state.goTo = nil; return }
            line.query.removeLast()
        case .ctrl("u"): line.query = ""
        case .char(let c): line.query.append(c)
        default: break
        }
        state.goTo = line
    }

    /// Goes to a day or a record, remembering where we were so Back returns.
    static func goTo(_ state: inout AppState, _ query: String) {
        let origin = state.location
        switch GoToLine.target(query, state) {
        case .day(let day):
            guard goToDay(&state, day) else { state.notice = "No events to go to"; return }
            state.notice = "Went to \(day.display)"
        case .record(let id):
            open(&state, id: id)
            if case .event = Route(id: id) { revealSelectedDay(&state) }
        case .failure(let message):
            state.notice = message
            return
        }
        if state.location != origin {
            state.back.append(origin)
            state.forward.removeAll()
        }
    }

    // MARK: Play

    static func togglePlay(_ state: inout AppState) {
        state.playing.toggle()
        state.notice = state.playing ? "Playing: a day every \(Double(playInterval) / 1000) s; any key pauses" : "Paused"
    }

    /// One step of play: the next day, until the last day an event is dated.
    static func tick(_ state: inout AppState) {
        guard state.playing else { return }
        let last = state.timelineEvents.compactMap { state.model.eventByID[$0] }.last.map { Chronology.anchor($0.date) }
        if let last, state.currentDate >= last {
            state.playing = false
            state.notice = "Reached the last day of the timeline"
            return
        }
        stepDate(&state, by: 1)
    }
}

/// What the go-to line would do with what has been typed, for the reducer and the status bar.
public enum GoToLine {
    public enum Target: Equatable {
        case day(Day)
        case record(String)
        case failure(String)
    }

    public static func target(_ query: String, _ state: AppState) -> Target {
        switch DayInput.parse(query, defaultYear: state.currentDate.year) {
        case .success(let day): return .day(day)
        case .failure(.empty): return .failure(DayInput.Failure.empty.description)
        case .failure(let failure):
            let text = query.trimmingCharacters(in: " ")
            switch RecordLookup.resolve(text, in: state.model) {
            case .found(let id): return .record(id)
            case .ambiguous(let ids): return .record(ids[0])
            case .notFound:
                if let hit = completion(text, state) { return .record(hit.id) }
                // Something that looked like a date gets the date's message; anything else says both.
                if text.contains(where: \.isNumber) { return .failure(failure.description) }
                let near = state.searchIndex.suggestions(for: text, limit: 3).map { "“\($0.label)”" }
                if !near.isEmpty { return .failure("No day or record matches “\(text)”: did you mean " + near.joined(separator: ", ") + "?") }
                return .failure("No day or record matches “\(text)”: try \(DayInput.examples), or a name")
            }
        }
    }

    /// The record a name being typed would complete to: the best name match, not a quotation.
    public static func completion(_ query: String, _ state: AppState) -> SearchHit? {
        let text = query.trimmingCharacters(in: " ")
        guard !text.isEmpty, case .failure = DayInput.parse(text) else { return nil }
        // A name the text is, or starts (typos corrected); words found all over a title ("nov 1956"
        // in "…, November 1956 to 1959") are a search, not a name.
        return state.searchIndex.search(text, limit: 20).first { $0.kind != .excerpt && $0.kind != .source && $0.rank <= SearchIndex.Rank.namePrefix.rawValue }
    }

    /// What the status bar shows after the typed text: where Enter would go.
    public static func preview(_ query: String, _ state: AppState) -> String {
        guard !query.trimmingCharacters(in: " ").isEmpty else { return "a day (\(DayInput.examples)) or a name · Tab completes · Esc cancels" }
        switch target(query, state) {
        case .day(let day): return "→ \(day.display)"
        case .record(let id): return "→ \(state.model.name(of: id) ?? id) (\(id.split(separator: ":").first ?? ""))  Tab completes"
        case .failure(let message): return message
        }
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
