import TanacsModel

/// The only code that changes `AppState`: a pure function of the state and one message.
/// Keys go to whatever is on top: help, the search line, the filter menu, then the focused pane.
public enum Reducer {
    public static func reduce(_ state: inout AppState, _ msg: Msg) {
        state.notice = nil
        switch msg {
        case .resize(let width, let height):
            state.width = max(0, width)
            state.height = max(0, height)
        case .tick:
            tick(&state)
        case .key(let key):
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
        }
        keepSelectionsVisible(&state)
    }

    private static func helpKey(_ state: inout AppState, _ key: Key) {
        switch key {
        case .char("q"), .ctrl("c"): state.running = false
        case .char("?"), .escape, .enter: state.showHelp = false
        case .down, .char("j"): state.helpScroll += 1
        case .up, .char("k"): state.helpScroll = max(0, state.helpScroll - 1)
        case .pageDown, .char(" "): state.helpScroll += max(1, state.height / 2)
        case .pageUp: state.helpScroll = max(0, state.helpScroll - max(1, state.height / 2))
        case .home, .char("g"): state.helpScroll = 0
        default: break
        }
    }

    private static func paneKey(_ state: inout AppState, _ key: Key) {
        if state.focus == .map && MapReducer.key(&state, key) { return }
        switch key {
        case .char("q"), .ctrl("c"): state.running = false
        case .char("?"):
            state.showHelp = true
            state.helpScroll = 0
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
        case .escape, .left, .char("h"):
            if state.focus == .detail { focus(&state, state.listPane) }
        case .char("/"): startSearch(&state)
        case .char("n"): nextMatch(&state, step: 1)
        case .char("N"): nextMatch(&state, step: -1)
        case .char("t"): navigate(&state, to: .index(.towns))
        case .char("c"): navigate(&state, to: .index(.councils))
        case .char("p"): navigate(&state, to: .index(.people))
        case .char("e"): navigate(&state, to: .index(.events))
        case .char("F"): navigate(&state, to: .index(.figures))
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
        default: break
        }
    }

    private static func page(_ state: AppState) -> Int { max(1, state.visibleRows(state.focus) - 1) }

    static func focus(_ state: inout AppState, _ pane: Pane) {
        state.focus = pane
        if pane != .detail {
            let changed = state.listPane != pane
            state.listPane = pane
            if changed { followSelection(&state) }
        }
    }

    private static func cycleFocus(_ state: inout AppState, by step: Int) {
        let all = Pane.allCases
        focus(&state, all[(state.focus.rawValue + step + all.count) % all.count])
    }

    /// Moves the focused pane's selection, clamped to its list.
    static func move(_ state: inout AppState, by delta: Int) {
        switch state.focus {
        case .timeline:
            state.timeline.selected = clamp(state.timeline.selected.addingClamped(delta), count: state.eventCount)
            followSelection(&state)
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

    /// The detail pane shows whatever is selected in the list last used; the timeline sets the date.
    static func followSelection(_ state: inout AppState) {
        let route: Route?
        switch state.listPane {
        case .map: route = state.selectedTown.map { .place($0.id) }
        default:
            route = state.selectedEvent.map { .event($0.id) }
            if let event = state.selectedEvent {
                state.currentDate = Chronology.anchor(event.date)
                state.currentPeriod = event.date.isSingleDay ? nil : event.date
            }
        }
        if state.detail.route != route { state.detail = DetailState(route: route) }
    }

    static func clamp(_ value: Int, count: Int) -> Int { count == 0 ? 0 : min(max(0, value), count - 1) }
}

extension Int {
    func addingClamped(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? Int.max : Int.min) : sum
    }
}
