import TanacsModel

/// The only code that changes `AppState`: a pure function of the state and one message.
/// Keys go to whatever is on top: help, the search line, the filter menu, then the focused pane.
public enum Reducer {
    public static func reduce(_ state: inout AppState, _ msg: Msg) {
        state.notice = nil
        // Effects are for this message only; the run loop performs them after each one.
        state.effects = []
        switch msg {
        case .resize(let width, let height):
            state.width = max(0, width)
            state.height = max(0, height)
        case .tick:
            tick(&state)
        case .key(let key):
            // These work the same on top of anything, a text prompt included.
            if key == .ctrl("l") { state.effects.append(.redrawAll); break }
            if key == .ctrl("c") { state.running = false; break }
            // Any key pauses play, and does nothing else.
            if state.playing { state.playing = false; state.notice = "Paused"; break }
            if state.showHelp { helpKey(&state, key) }
            else if state.goTo != nil { goToKey(&state, key) }
            else if state.search != nil { searchKey(&state, key) }
            else if state.filterMenu != nil { filterMenuKey(&state, key) }
            else { paneKey(&state, key) }
        case .click(let x, let y):
            state.playing = false
            state.goTo = nil
            click(&state, x: x, y: y)
        case .scroll(let x, let y, let lines):
            if state.showHelp { state.helpScroll = max(0, state.helpScroll + lines) }
            else if let pane = state.layout.panes.first(where: { $0.rect.contains(x: x, y: y) })?.pane {
                focus(&state, pane)
                move(&state, by: lines)
            }
        case .paste(let text):
            if state.search != nil && !state.showHelp { pasteIntoSearch(&state, text) }
        }
        keepSelectionsVisible(&state)
    }

    private static func helpKey(_ state: inout AppState, _ key: Key) {
        switch key {
        case .char("Q"): state.running = false
        case .char("?"), .char("q"), .escape, .enter: state.showHelp = false
        case .down, .char("j"): state.helpScroll += 1
        case .up, .char("k"): state.helpScroll = max(0, state.helpScroll - 1)
        case .pageDown, .char(" "): state.helpScroll += max(1, state.height / 2)
        case .pageUp: state.helpScroll = max(0, state.helpScroll - max(1, state.height / 2))
        case .home, .char("g"): state.helpScroll = 0
        default: break
        }
    }

    /// True while the detail pane reads a quotation or an article full-width: `q` closes it.
    static func isReading(_ state: AppState) -> Bool {
        switch state.detail.route {
        case .excerpt, .article: return true
        default: return false
        }
    }

    private static func paneKey(_ state: inout AppState, _ key: Key) {
        if state.focus == .map && MapReducer.key(&state, key) { return }
        switch key {
        case .char("Q"): state.running = false
        case .char("q"):
            // Like less and tig: q leaves the view on top first, and quits only from the main screen.
            if isReading(state) { closeReader(&state) } else if state.maximised { state.maximised = false } else { state.running = false }
        case .escape:
            // Closes or goes back, the same everywhere: a maximised pane, then history, then the list.
            if state.maximised { state.maximised = false }
            else if !state.back.isEmpty { goBack(&state) }
            else if isReading(state) { closeReader(&state) }
            else if state.focus == .detail { focus(&state, state.listPane) }
        case .char("?"):
            state.showHelp = true
            state.helpScroll = 0
        case .char("z"): state.maximised.toggle()
        case .tab: cycleFocus(&state, by: 1)
        case .backTab: cycleFocus(&state, by: -1)
        case .char("1"): focus(&state, .timeline)
        case .char("2"): focus(&state, .map)
        case .char("3"): focus(&state, .detail)
        case .down, .char("j"), .ctrl("n"): move(&state, by: 1)
        case .up, .char("k"), .ctrl("p"): move(&state, by: -1)
        case .pageDown, .ctrl("f"), .ctrl("d"), .char(" "): move(&state, by: page(state))
        case .pageUp, .ctrl("b"), .ctrl("u"): move(&state, by: -page(state))
        case .home, .char("g"): move(&state, by: Int.min / 2)
        case .end, .char("G"): move(&state, by: Int.max / 2)
        case .enter, .right, .char("l"): open(&state)
        case .backspace, .ctrl("o"), .char("H"): goBack(&state)
        case .char("L"): goForward(&state)
        case .left, .char("h"):
            if state.focus == .detail { focus(&state, state.listPane) }
        case .char("/"): startSearch(&state)
        case .char("n"): nextMatch(&state, step: 1)
        case .char("N"): nextMatch(&state, step: -1)
        case .char("t"): navigate(&state, to: .index(.towns))
        case .char("c"): navigate(&state, to: .index(.councils))
        case .char("p"): navigate(&state, to: .index(.people))
        case .char("e"): navigate(&state, to: .index(.events))
        case .char("F"): navigate(&state, to: .index(.figures))
        case .char("s"): navigate(&state, to: .index(.sources))
        case .char("f"): state.filterMenu = ListCursor()
        case .char("X"):
            state.setFilter(TimelineFilter())
            state.notice = "Filters cleared"
        case .char("]"): stepDate(&state, by: 1)
        case .char("["): stepDate(&state, by: -1)
        case .char(":"): startGoTo(&state)
        case .char("P"): togglePlay(&state)
        case .char(">"), .char("."): stepReader(&state, by: 1)
        case .char("<"), .char(","): stepReader(&state, by: -1)
        case .char("y"): cite(&state)
        case .char("a"): openArticle(&state)
        default: state.notice = "\(keyName(key)) does nothing here: press ? for the keys"
        }
    }

    /// A key as the help writes it.
    static func keyName(_ key: Key) -> String {
        switch key {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        }
    }

    private static func page(_ state: AppState) -> Int { max(1, state.visibleRows(state.focus) - 1) }

    /// Moves the focus. The detail page stays as it is: only moving a list's selection replaces it.
    static func focus(_ state: inout AppState, _ pane: Pane) {
        state.focus = pane
        if pane != .detail { state.listPane = pane }
    }

    private static func cycleFocus(_ state: inout AppState, by step: Int) {
        let all = Pane.allCases
        focus(&state, all[(state.focus.rawValue + step + all.count) % all.count])
    }

    /// Moves the focused pane's selection, clamped to its list.
    static func move(_ state: inout AppState, by delta: Int) {
        switch state.focus {
        case .timeline:
            let before = state.timeline.selected
            state.timeline.selected = clamp(state.timeline.selected.addingClamped(delta), count: state.eventCount)
            if state.timeline.selected != before || state.detail.route == nil { followSelection(&state, of: .timeline) }
        case .map:
            // The wheel zooms the map: up (negative) zooms in.
            MapReducer.zoom(&state, by: delta < 0 ? 1 : -1)
        case .detail:
            let selectable = state.detailSelectable
            if selectable.isEmpty {
                state.detail.cursor.offset = max(0, state.detail.cursor.offset.addingClamped(delta))
            } else {
                state.detail.cursor.selected = clamp(state.detail.cursor.selected.addingClamped(delta), count: selectable.count)
            }
        }
    }

    /// The detail pane shows what a list's selection moved to; the timeline also sets the date and
    /// moves the map to the event's place. A page opened on purpose is remembered in history first.
    static func followSelection(_ state: inout AppState, of pane: Pane) {
        let route: Route?
        switch pane {
        case .map: route = state.selectedTown.map { .place($0.id) }
        default:
            route = state.selectedEvent.map { .event($0.id) }
            if let event = state.selectedEvent {
                setDate(&state, of: event)
                selectOnMap(&state, event.places)
            }
        }
        guard state.detail.route != route else { return }
        if state.detail.route != nil && !state.detail.followsSelection {
            state.back.append(state.location)
            state.forward.removeAll()
        }
        state.detail = DetailState(route: route, followsSelection: true)
    }

    /// The list pane's selection, as `followSelection(_:of:)` for the pane last used.
    static func followSelection(_ state: inout AppState) { followSelection(&state, of: state.listPane) }

    /// The current date becomes an event's: its day, or the period a vague date spans.
    static func setDate(_ state: inout AppState, of event: Event) {
        state.currentDate = Chronology.anchor(event.date)
        state.currentPeriod = event.date.isSingleDay ? nil : event.date
    }

    /// Moves the other panes to a record opened in the detail pane: an event's row, day and place; a
    /// town on the map; a council's seat. A person's towns light up on the map by themselves.
    static func syncPanes(_ state: inout AppState, to route: Route) {
        let m = state.model
        switch route {
        case .event(let id):
            guard let event = m.eventByID[id] else { return }
            if let n = state.timelineIndex[id] {
                state.timeline.selected = n
                // A jump to an event out of view shows it under its day's heading.
                let row = state.timelineEventRows[n], visible = state.visibleRows(.timeline)
                if row < state.timeline.offset || row >= state.timeline.offset + visible { revealSelectedDay(&state) }
            } else if !state.filter.isEmpty { state.notice = "The timeline's filter hides this event: X clears the filter" }
            setDate(&state, of: event)
            selectOnMap(&state, event.places)
        case .place(let id): selectOnMap(&state, [id])
        case .council(let id): selectOnMap(&state, [m.councilByID[id]?.place].compactMap { $0 })
        case .person(let id):
            let towns = (m.councilsByPerson[id] ?? []).compactMap { m.councilByID[$0]?.place }
                + (m.eventsByPerson[id] ?? []).flatMap { m.eventByID[$0]?.places ?? [] }
            selectOnMap(&state, towns)
        default: break
        }
    }

    /// Selects the first of `places` the map lists (or the nearest listed place containing it),
    /// without touching the detail page.
    static func selectOnMap(_ state: inout AppState, _ places: [String]) {
        for place in places {
            var current: String? = place, steps = 0
            while let c = current, steps < 16 {
                if state.townIndex[c] != nil {
                    MapReducer.select(&state, c, follow: false)
                    return
                }
                current = state.model.placeByID[c]?.parent
                steps += 1
            }
        }
    }

    static func clamp(_ value: Int, count: Int) -> Int { count == 0 ? 0 : min(max(0, value), count - 1) }
}

extension Int {
    func addingClamped(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? Int.max : Int.min) : sum
    }
}
