import TanacsModel

/// The only code that changes `AppState`: a pure function of the state and one message.
public enum Reducer {
    public static func reduce(_ state: inout AppState, _ msg: Msg) {
        switch msg {
        case .resize(let width, let height):
            state.width = max(0, width)
            state.height = max(0, height)
            keepSelectionsVisible(&state)
        case .key(let key):
            if state.showHelp { helpKey(&state, key) } else { key_(&state, key) }
        case .click(let x, let y):
            click(&state, x: x, y: y)
        case .scroll(let x, let y, let lines):
            guard !state.showHelp else { state.helpScroll = max(0, state.helpScroll + lines); return }
            if let pane = state.layout.panes.first(where: { $0.rect.contains(x: x, y: y) })?.pane {
                focus(&state, pane)
                move(&state, by: lines)
            }
        }
    }

    private static func helpKey(_ state: inout AppState, _ key: Key) {
        switch key {
        case .char("q"), .ctrl("c"): state.running = false
        case .char("?"), .escape, .enter: state.showHelp = false
        case .down, .char("j"): state.helpScroll += 1
        case .up, .char("k"): state.helpScroll = max(0, state.helpScroll - 1)
        case .pageDown, .char(" "): state.helpScroll += state.height / 2
        case .pageUp: state.helpScroll = max(0, state.helpScroll - state.height / 2)
        case .home, .char("g"): state.helpScroll = 0
        default: break
        }
    }

    private static func key_(_ state: inout AppState, _ key: Key) {
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
        case .backspace, .ctrl("o"): back(&state)
        case .char("["): MapReducer.stepDate(&state, by: -1)
        case .char("]"): MapReducer.stepDate(&state, by: 1)
        case .escape, .left, .char("h"):
            if state.focus == .detail {
                if key == .escape && !state.detail.back.isEmpty { back(&state) } else { focus(&state, state.listPane) }
            }
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
        keepSelectionsVisible(&state)
    }

    private static func cycleFocus(_ state: inout AppState, by step: Int) {
        let all = Pane.allCases
        let next = all[(state.focus.rawValue + step + all.count) % all.count]
        focus(&state, next)
    }

    /// Moves the focused pane's selection, clamped to its list.
    static func move(_ state: inout AppState, by delta: Int) {
        switch state.focus {
        case .timeline:
            state.timeline.selected = clamp(state.timeline.selected.addingClamped(delta), count: state.eventCount)
            MapReducer.followTimeline(&state)
            followSelection(&state)
        case .map:
            // The wheel zooms the map: up (negative) zooms in.
            MapReducer.zoom(&state, by: delta < 0 ? 1 : -1)
        case .detail:
            let items = DetailDocument.items(for: state.detail.route, in: state.model, glyphs: state.glyphs)
            let selectable = DetailDocument.selectable(items)
            if selectable.isEmpty {
                state.detail.cursor.offset = max(0, state.detail.cursor.offset.addingClamped(delta))
            } else {
                state.detail.cursor.selected = clamp(state.detail.cursor.selected.addingClamped(delta), count: selectable.count)
            }
        }
        keepSelectionsVisible(&state)
    }

    /// The detail pane shows whatever is selected in the list last used.
    static func followSelection(_ state: inout AppState) {
        let route: Route?
        switch state.listPane {
        case .map: route = state.selectedTown.map { .place($0.id) }
        default: route = state.selectedEvent.map { .event($0.id) }
        }
        if state.detail.route != route || !state.detail.back.isEmpty {
            state.detail = DetailState(route: route)
        }
    }

    static func open(_ state: inout AppState) {
        switch state.focus {
        case .timeline, .map:
            followSelection(&state)
            focus(&state, .detail)
        case .detail:
            let items = DetailDocument.items(for: state.detail.route, in: state.model, glyphs: state.glyphs)
            let selectable = DetailDocument.selectable(items)
            guard selectable.indices.contains(state.detail.cursor.selected),
                  let target = items[selectable[state.detail.cursor.selected]].target,
                  let current = state.detail.route, target != current else { return }
            state.detail.back.append(DetailPage(route: current, cursor: state.detail.cursor))
            state.detail.route = target
            state.detail.cursor = ListCursor()
        }
        keepSelectionsVisible(&state)
    }

    private static func back(_ state: inout AppState) {
        guard let page = state.detail.back.popLast() else { return }
        state.detail.route = page.route
        state.detail.cursor = page.cursor
        keepSelectionsVisible(&state)
    }

    private static func click(_ state: inout AppState, x: Int, y: Int) {
        if state.showHelp { state.showHelp = false; return }
        let layout = state.layout
        if let bar = layout.tabBar, bar.contains(x: x, y: y) {
            let slot = max(1, bar.width / Pane.allCases.count)
            focus(&state, Pane.allCases[min(Pane.allCases.count - 1, (x - bar.x) / slot)])
            return
        }
        guard let (pane, rect) = layout.panes.first(where: { $0.rect.contains(x: x, y: y) }) else { return }
        let row = y - rect.y - 1
        let wasFocused = state.focus == pane
        focus(&state, pane)
        guard row >= 0, row < rect.height - 2 else { return }
        switch pane {
        case .timeline:
            let index = state.timeline.offset + row
            guard state.timelineRows.indices.contains(index), state.timelineRows[index].eventID != nil else { return }
            let n = state.timelineRows[..<index].filter { $0.eventID != nil }.count
            if wasFocused && n == state.timeline.selected { open(&state) } else { move(&state, by: n - state.timeline.selected) }
        case .map:
            if MapReducer.click(&state, x: x, y: y, wasFocused: wasFocused) { open(&state) }
        case .detail:
            let items = DetailDocument.items(for: state.detail.route, in: state.model, glyphs: state.glyphs)
            let lines = DetailDocument.lines(items, width: state.contentWidth(.detail), in: state.model, glyphs: state.glyphs)
            let index = state.detail.cursor.offset + row
            guard lines.indices.contains(index),
                  let n = DetailDocument.selectable(items).firstIndex(of: lines[index].item) else { return }
            if wasFocused && n == state.detail.cursor.selected { open(&state) } else { state.detail.cursor.selected = n }
            keepSelectionsVisible(&state)
        }
    }

    /// Scrolls every pane so its selection is on screen, e.g. after a move or a resize.
    static func keepSelectionsVisible(_ state: inout AppState) {
        let rows = state.timelineRows
        let selectedRow = TimelineRow.row(ofEvent: state.timeline.selected, in: rows)
        // Show the day heading with the first event of a day when there is room.
        let top = selectedRow > 0 && rows[selectedRow - 1].eventID == nil ? selectedRow - 1 : selectedRow
        state.timeline.offset = scrolled(state.timeline.offset, first: top, last: selectedRow,
                                         visible: state.visibleRows(.timeline), count: rows.count)
        state.towns.offset = scrolled(state.towns.offset, first: state.towns.selected, last: state.towns.selected,
                                      visible: state.visibleRows(.map), count: state.townIDs.count)
        let items = DetailDocument.items(for: state.detail.route, in: state.model, glyphs: state.glyphs)
        let lines = DetailDocument.lines(items, width: state.contentWidth(.detail), in: state.model, glyphs: state.glyphs)
        let selectable = DetailDocument.selectable(items)
        let visible = state.visibleRows(.detail)
        if selectable.indices.contains(state.detail.cursor.selected) {
            let item = selectable[state.detail.cursor.selected]
            let first = lines.firstIndex { $0.item == item } ?? 0
            let last = lines.lastIndex { $0.item == item } ?? first
            // Before the first link, show the page from its top.
            let from = state.detail.cursor.selected == 0 && last < visible ? 0 : first
            state.detail.cursor.offset = scrolled(state.detail.cursor.offset, first: from, last: last, visible: visible, count: lines.count)
        } else {
            state.detail.cursor.offset = min(state.detail.cursor.offset, max(0, lines.count - visible))
        }
    }

    /// The smallest change of `offset` that shows rows first...last (first wins if they do not fit).
    static func scrolled(_ offset: Int, first: Int, last: Int, visible: Int, count: Int) -> Int {
        var o = offset
        if last >= o + visible { o = last - visible + 1 }
        if first < o { o = first }
        o = min(o, max(0, count - visible))
        return max(0, o)
    }

    static func clamp(_ value: Int, count: Int) -> Int { count == 0 ? 0 : min(max(0, value), count - 1) }
}

extension Int {
    func addingClamped(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? Int.max : Int.min) : sum
    }
}
