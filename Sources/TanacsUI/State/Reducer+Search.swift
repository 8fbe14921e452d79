import TanacsModel

/// The search line, `n`/`N` and the filter menu.
extension Reducer {
    static func startSearch(_ state: inout AppState) {
        state.search = SearchState(query: "", origin: state.location)
        state.detail = DetailState(route: .search(""))
        state.focus = .detail
    }

    static func searchKey(_ state: inout AppState, _ key: Key) {
        guard var search = state.search else { return }
        switch key {
        case .escape, .ctrl("c"), .ctrl("g"):
            remember(&state, search.query)
            state.restore(search.origin)
            state.search = nil
            return
        case .enter:
            let items = state.detailItems
            let selectable = state.detailSelectable
            state.lastQuery = search.query
            remember(&state, search.query)
            state.search = nil
            guard selectable.indices.contains(state.detail.cursor.selected),
                  let target = items[selectable[state.detail.cursor.selected]].target else {
                state.restore(search.origin)
                state.notice = search.query.isEmpty ? nil : "No match for “\(search.query)”"
                return
            }
            // History goes back to where the search started, not to the results.
            state.back.append(search.origin)
            state.forward.removeAll()
            state.detail = DetailState(route: target)
            state.focus = .detail
            syncPanes(&state, to: target)
            return
        // ↑ ↓ step through earlier searches while the line is empty or holds one of them; once
        // something is typed they move through the results, as Tab and Shift-Tab always do.
        case .up where search.query.isEmpty || search.recalled != nil:
            let older = (search.recalled ?? state.searchHistory.count) - 1
            guard older >= 0 else { return }
            search.recalled = older
            search.query = state.searchHistory[older]
        case .down where search.recalled != nil:
            let newer = search.recalled! + 1
            search.recalled = newer < state.searchHistory.count ? newer : nil
            search.query = search.recalled.map { state.searchHistory[$0] } ?? ""
        case .down, .ctrl("n"), .tab: move(&state, by: 1); return
        case .up, .ctrl("p"), .backTab: move(&state, by: -1); return
        case .pageDown: move(&state, by: page(state)); return
        case .pageUp: move(&state, by: -page(state)); return
        case .backspace:
            if search.query.isEmpty { state.restore(search.origin); state.search = nil; return }
            search.query.removeLast()
            search.recalled = nil
        case .ctrl("u"): search.query = ""; search.recalled = nil
        case .char(let c):
            guard search.query.count < SearchState.maxQuery else {
                state.notice = "A search holds at most \(SearchState.maxQuery) characters"
                return
            }
            search.query.append(c)
            search.recalled = nil
        default: return
        }
        state.search = search
        state.detail = DetailState(route: .search(search.query))
    }

    /// Pasted text joins the query as typed characters would, line breaks and tabs as spaces.
    static func pasteIntoSearch(_ state: inout AppState, _ text: String) {
        guard var search = state.search else { return }
        let room = SearchState.maxQuery - search.query.count
        let pasted = text.map { $0.isNewline || $0 == "\t" ? " " : $0 }
        search.query += String(pasted.prefix(max(0, room)))
        if pasted.count > room { state.notice = "A search holds at most \(SearchState.maxQuery) characters" }
        search.recalled = nil
        state.search = search
        state.detail = DetailState(route: .search(search.query))
    }

    /// Adds a query to the history, or moves it to the newest place; at most 100 are kept.
    private static func remember(_ state: inout AppState, _ query: String) {
        guard !query.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        state.searchHistory.removeAll { $0 == query }
        state.searchHistory.append(query)
        if state.searchHistory.count > 100 { state.searchHistory.removeFirst() }
    }

    private static func page(_ state: AppState) -> Int { max(1, state.visibleRows(.detail) - 1) }

    /// Moves to the next (or previous) row of the focused list that matches the last search.
    static func nextMatch(_ state: inout AppState, step: Int) {
        let q = state.searchIndex.parse(state.lastQuery)
        guard !q.isEmpty else { state.notice = "No search yet: press / to search"; return }
        let m = state.model
        let labels: [String]
        let current: Int
        switch state.focus {
        case .timeline:
            labels = state.timelineEvents.map { id in m.eventByID[id].map { $0.title + " " + $0.summary } ?? "" }
            current = state.timeline.selected
        case .map:
            labels = state.townIDs.map { id in m.placeByID[id].map { ([$0.name] + $0.names).joined(separator: " ") } ?? "" }
            current = state.towns.selected
        case .detail:
            let items = state.detailItems
            labels = state.detailSelectable.map { i in
                switch items[i] {
                case .link(let label, let note, _): return label + " " + note
                case .citation(let id, _), .quotation(_, let id): return m.excerptByID[id]?.text ?? ""
                case .statement(let text, _, _, _): return text
                default: return ""
                }
            }
            current = state.detail.cursor.selected
        }
        guard !labels.isEmpty else { return }
        for offset in 1...labels.count {
            let i = ((current + step * offset) % labels.count + labels.count) % labels.count
            if q.matches(labels[i]) {
                if (step > 0 && i <= current) || (step < 0 && i >= current) { state.notice = "Search wrapped" }
                // On the map, moving means zooming; select the town directly instead.
                if state.focus == .map { MapReducer.select(&state, state.townIDs[i]) } else { move(&state, by: i - current) }
                return
            }
        }
        state.notice = "No match for “\(state.lastQuery)” here"
    }

    static func filterMenuKey(_ state: inout AppState, _ key: Key) {
        let entries = FilterMenuEntry.entries(state)
        guard var cursor = state.filterMenu else { return }
        switch key {
        case .escape, .char("f"), .char("q"): state.filterMenu = nil
        // The help over the menu, with the menu's keys first; closing it comes back to the menu.
        case .char("?"):
            state.showHelp = true
            state.helpScroll = 0
        case .down, .char("j"): cursor.selected = clamp(cursor.selected + 1, count: entries.count)
        case .up, .char("k"): cursor.selected = clamp(cursor.selected - 1, count: entries.count)
        case .char(" "), .enter:
            guard entries.indices.contains(cursor.selected) else { return }
            state.setFilter(entries[cursor.selected].apply(to: state.filter))
            if state.listPane != .timeline || state.focus != .timeline { focus(&state, .timeline) }
            followSelection(&state, of: .timeline)
        default: break
        }
        if state.filterMenu != nil { state.filterMenu = cursor }
    }
}
