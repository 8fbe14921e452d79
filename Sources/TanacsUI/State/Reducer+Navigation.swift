import TanacsModel

/// Opening, following links, history, the reader and the mouse.
extension Reducer {
    /// Shows a page in the detail pane, remembering where we were, and moves the other panes to it.
    static func navigate(_ state: inout AppState, to route: Route, reader: ReaderContext? = nil) {
        state.back.append(state.location)
        state.forward.removeAll()
        state.detail = DetailState(route: route, reader: reader)
        state.focus = .detail
        state.maximised = false
        syncPanes(&state, to: route)
        // The article opens at the quotation it was reached from, near the top with the line or
        // two before it, as less opens a file at a line: the reading goes on from there.
        if case .article(_, let excerpt?) = route, let n = ArticlePage.selection(of: excerpt, in: state.detailItems, state.model) {
            state.detail.cursor.selected = n
            let item = state.detailSelectable[n]
            if let lines = state.detailWrapped(width: state.detailTextWidth).span(of: item) {
                state.detail.cursor.offset = max(0, lines.lowerBound - 2)
            }
        }
    }

    static func open(_ state: inout AppState) {
        switch state.focus {
        case .timeline, .map:
            let route: Route? = state.focus == .map ? state.selectedTown.map { .place($0.id) } : state.selectedEvent.map { .event($0.id) }
            guard let route else { return }
            if state.detail.route == route {
                // Already shown: keep the page as it is (selection, scroll) and move into it.
                state.detail.followsSelection = false
                state.focus = .detail
            } else {
                navigate(&state, to: route)
            }
        case .detail:
            let items = state.detailItems
            let selectable = state.detailSelectable
            guard selectable.indices.contains(state.detail.cursor.selected),
                  let target = items[selectable[state.detail.cursor.selected]].target else { return }
            var reader: ReaderContext?
            let record = state.detail.route?.recordID
            if case .statement(let text, _, let excerpts, _) = items[selectable[state.detail.cursor.selected]],
               let record, !record.hasPrefix("excerpt:") {
                // A sentence's key leads to the quotations behind that sentence, and only those.
                reader = ReaderContext(record: record, excerpts: excerpts.uniqued, statement: text)
            } else if case .excerpt(let excerpt) = target {
                let excerpts = items.compactMap { item -> String? in
                    switch item {
                    case .citation(let id, _), .quotation(_, let id): return id
                    default: return nil
                    }
                }
                if let record, !record.hasPrefix("excerpt:") {
                    reader = ReaderContext(record: record, excerpts: excerpts.uniqued)
                } else if let current = state.detail.reader, current.excerpts.contains(excerpt) {
                    reader = current
                }
            }
            if target == state.detail.route { return }
            navigate(&state, to: target, reader: reader)
        }
    }

    static func goBack(_ state: inout AppState) {
        guard let previous = state.back.popLast() else {
            state.notice = "Nothing to go back to"
            return
        }
        state.forward.append(state.location)
        state.restore(previous)
    }

    /// `q` or `Esc` in the reader or the article: back where it was opened from; opened with nothing
    /// before it (`--at`), onto the record that cites the quotation first (the source, for an article),
    /// so q always leaves the reader and never strands the user in it.
    static func closeReader(_ state: inout AppState) {
        guard state.back.isEmpty else { return goBack(&state) }
        let route: Route?
        switch state.detail.route {
        case .excerpt(let id): route = state.model.citedBy[id]?.lazy.compactMap { Route(id: $0) }.first
            ?? state.model.excerptByID[id].map { .source($0.source) }
        case .article(let source, _): route = .source(source)
        default: route = nil
        }
        guard let route else { return goBack(&state) }
        state.forward = []
        state.detail = DetailState(route: route)
        syncPanes(&state, to: route)
    }

    static func goForward(_ state: inout AppState) {
        guard let next = state.forward.popLast() else {
            state.notice = "Nothing to go forward to"
            return
        }
        state.back.append(state.location)
        state.restore(next)
    }

    /// In the reader, the next or previous excerpt of the record it was opened from.
    static func stepReader(_ state: inout AppState, by step: Int) {
        if case .article = state.detail.route { stepArticle(&state, by: step); return }
        guard case .excerpt(let id) = state.detail.route else {
            state.notice = "> and < step through quotations: open one first"
            return
        }
        guard let reader = state.detail.reader, let index = reader.excerpts.firstIndex(of: id) else {
            // Opened on its own (search, go-to, --at, the sources): its source's quotations, in the article's order.
            guard let source = state.model.excerptByID[id]?.source else { return }
            let order = SourcePage.inArticleOrder(source, state.model).map(\.id)
            guard let at = order.firstIndex(of: id) else { return }
            guard order.indices.contains(at + step) else {
                state.notice = step > 0 ? "Last quotation of this source" : "First quotation of this source"
                return
            }
            state.detail = DetailState(route: .excerpt(order[at + step]))
            return
        }
        let next = index + step
        guard reader.excerpts.indices.contains(next) else {
            state.notice = step > 0 ? "Last excerpt of this record" : "First excerpt of this record"
            return
        }
        state.detail = DetailState(route: .excerpt(reader.excerpts[next]), reader: reader)
    }

    /// In the whole article, the next or previous marked passage.
    private static func stepArticle(_ state: inout AppState, by step: Int) {
        let items = state.detailItems, selectable = state.detailSelectable
        var n = state.detail.cursor.selected + step
        while selectable.indices.contains(n) {
            if case .quoted = items[selectable[n]] {
                state.detail.cursor.selected = n
                return
            }
            n += step
        }
        state.notice = step > 0 ? "Last quotation in this article" : "First quotation in this article"
    }

    static func click(_ state: inout AppState, x: Int, y: Int) {
        if state.showHelp { state.showHelp = false; return }
        if state.filterMenu != nil { state.filterMenu = nil; return }
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
            let index = state.detail.cursor.offset + row
            guard let line = state.detailWrapped(width: state.detailTextWidth).lines(index..<index + 1).first,
                  let n = state.detailSelectable.firstIndex(of: line.item) else { return }
            if wasFocused && n == state.detail.cursor.selected { open(&state) } else { state.detail.cursor.selected = n }
        }
    }

    /// Scrolls every pane so its selection is on screen, e.g. after a move or a resize.
    static func keepSelectionsVisible(_ state: inout AppState) {
        let rows = state.timelineRows
        if !rows.isEmpty {
            let eventRows = state.timelineEventRows
            let selectedRow = eventRows.indices.contains(state.timeline.selected) ? eventRows[state.timeline.selected] : max(0, rows.count - 1)
            // Show the headings above the first event of a day or phase when there is room.
            var top = selectedRow
            while top > 0 && rows[top - 1].eventID == nil { top -= 1 }
            state.timeline.offset = scrolled(state.timeline.offset, first: top, last: selectedRow,
                                             visible: state.visibleRows(.timeline), count: rows.count)
        } else {
            state.timeline.offset = 0
        }
        state.towns.offset = scrolled(state.towns.offset, first: state.towns.selected, last: state.towns.selected,
                                      visible: state.visibleRows(.map), count: state.townIDs.count)
        // Only the lines up to the selection and the rows on screen are wrapped.
        let lines = state.detailWrapped(width: state.detailTextWidth)
        let selectable = state.detailSelectable
        let visible = state.visibleRows(.detail)
        let offset = state.detail.cursor.offset
        if selectable.indices.contains(state.detail.cursor.selected) {
            let item = selectable[state.detail.cursor.selected]
            let span = lines.span(of: item) ?? 0...0
            // Before the first link, show the page from its top when it fits.
            let from = state.detail.cursor.selected == 0 && span.upperBound < visible ? 0 : span.lowerBound
            // `scrolled` ends at or before max(offset, last + 1 - visible): lines up to there decide it.
            let count = lines.count(atLeast: max(offset, span.upperBound + 1 - visible) + visible)
            state.detail.cursor.offset = scrolled(offset, first: from, last: span.upperBound, visible: visible, count: count)
        } else {
            state.detail.cursor.selected = 0
            state.detail.cursor.offset = min(offset, max(0, lines.count(atLeast: offset + visible) - visible))
        }
        if var menu = state.filterMenu {
            menu.selected = clamp(menu.selected, count: FilterMenuEntry.entries(state).count)
            state.filterMenu = menu
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
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    var uniqued: [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

/// Citations and the whole article.
extension Reducer {
    /// The quotation selected in the detail pane, or the one the reader shows.
    static func selectedExcerpt(_ state: AppState) -> String? {
        let items = state.detailItems, selectable = state.detailSelectable
        if state.focus == .detail, selectable.indices.contains(state.detail.cursor.selected),
           case .excerpt(let id) = items[selectable[state.detail.cursor.selected]].target { return id }
        if case .excerpt(let id) = state.detail.route { return id }
        return nil
    }

    /// `y`: copies a citation (Chicago style) of the selected quotation, or of the sources behind the
    /// record on the page, to the clipboard through the terminal, and shows it.
    static func cite(_ state: inout AppState) {
        let id: String?
        switch state.detail.route {
        case .article(let source, _): id = selectedExcerpt(state) ?? source
        case .source(let source): id = selectedExcerpt(state) ?? source
        default: id = selectedExcerpt(state) ?? state.detail.route?.recordID
        }
        guard let id else { state.notice = "Nothing to cite here: select a quotation or open a record"; return }
        let text: String?
        if id.hasPrefix("source:"), let s = state.model.sourceByID[id] {
            text = Citation.format(s, style: .chicago)
        } else {
            text = Citation.format(id, style: .chicago, in: state.model)
        }
        guard let text else { state.notice = "Nothing to cite here"; return }
        let line = text.split(separator: "\n").joined(separator: " ")
        state.effects.append(.copy(line))
        state.notice = "Copied: " + line
    }

    /// `a`: the whole article of the selected quotation (or of the source on screen), from that spot.
    static func openArticle(_ state: inout AppState) {
        let excerpt = selectedExcerpt(state)
        var source = excerpt.flatMap { state.model.excerptByID[$0]?.source }
        if source == nil, case .source(let id) = state.detail.route { source = id }
        guard let source else { state.notice = "Select a quotation first, then a opens its article"; return }
        guard state.sourceTexts[source] != nil else {
            state.notice = "The whole article needs the source texts: start with --sources DIR or set TANACS_SOURCES"
            return
        }
        navigate(&state, to: .article(source, at: excerpt))
    }
}
