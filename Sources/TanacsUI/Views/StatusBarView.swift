/// The bottom line: the search being typed, or the focused view's keys, the date and the position.
public enum StatusBarView {
    /// The focused view's most useful keys, most useful first; "? help" is always kept.
    public static func hintItems(for state: AppState) -> [String] {
        let items = paneHints(for: state)
        // Maximised, q and Esc restore the layout before anything else: say so first.
        guard state.maximised, !state.showHelp, state.filterMenu == nil, !state.playing else { return items }
        return ["z restore"] + items.filter { $0 != "q quit" && $0 != "z max" }
    }

    private static func paneHints(for state: AppState) -> [String] {
        if state.showHelp { return ["j/k scroll", "Esc close", "Q quit"] }
        if state.filterMenu != nil { return ["j/k move", "Space toggle", "Esc close"] }
        if state.playing { return ["▶ playing a day at a time: any key pauses"] }
        switch state.focus {
        case .timeline: return ["j/k move", "Enter open", "/ search", ": go to", "[ ] day", "P play", "f filter", "t c p e F s indexes", "z max", "q quit"]
        case .map: return ["arrows move", "Enter open", "+/- zoom", "b Budapest", "m drawing", ": go to", "[ ] day", "P play"]
        case .detail:
            if case .article = state.detail.route { return ["> < quotations", "Enter open", "y cite", "q back"] }
            if Reducer.isReading(state) { return ["> < next/prev", "Enter open", "a article", "y cite", "q back"] }
            return ["j/k select", "Enter follow", "y cite", "Bksp back", "L fwd", "/ search", "q quit"]
        }
    }

    public static func hints(for state: AppState) -> String { (hintItems(for: state) + ["? help"]).joined(separator: "  ") }

    /// As many hints as fit in `width`, always ending with "? help" when that fits at all.
    static func fitted(_ items: [String], width: Int) -> String {
        var kept = items
        while !kept.isEmpty && TextWidth.of((kept + ["? help"]).joined(separator: "  ")) > width { kept.removeLast() }
        return (kept + ["? help"]).joined(separator: "  ")
    }

    public static func position(for state: AppState) -> String {
        switch state.focus {
        case .timeline: return state.eventCount == 0 ? "" : "\(state.timeline.selected + 1) of \(state.eventCount)"
        case .map: return [state.selectedTown?.name, state.mapDrawing.title].compactMap { $0 }.joined(separator: " · ")
        case .detail:
            let n = state.detailSelectable.count
            return n == 0 ? "" : "\(state.detail.cursor.selected + 1) of \(n)"
        }
    }

    /// The current date; a month, a year or a span from a vague event date is shown as such, never as one of its days.
    static func date(_ state: AppState) -> String {
        state.currentPeriod == nil ? state.currentDate.display : state.currentDateLabel
    }

    public static func render(_ state: AppState, in rect: Rect, canvas: inout Canvas) {
        guard !rect.isEmpty else { return }
        canvas.fill(rect, style: Theme.status)
        if let line = state.goTo {
            let end = canvas.write(" : " + line.query, x: rect.x, y: rect.y, style: Theme.statusKey, limit: rect.maxX)
            canvas.write("▏", x: end, y: rect.y, style: Theme.status, limit: rect.maxX)
            canvas.write("  " + GoToLine.preview(line.query, state), x: end + 1, y: rect.y, style: Theme.status, limit: rect.maxX)
            return
        }
        if let search = state.search {
            // The end of the query, where typing happens, as much as fits before the cursor.
            let shown = Text.tail(search.query, to: max(0, rect.width - 4), glyphs: state.glyphs)
            let end = canvas.write(" / " + shown, x: rect.x, y: rect.y, style: Theme.statusKey, limit: rect.maxX)
            canvas.write("▏", x: end, y: rect.y, style: Theme.status, limit: rect.maxX)
            return
        }
        var right = [date(state), position(for: state)].filter { !$0.isEmpty }.joined(separator: " \(state.glyphs.vertical) ")
        if !right.isEmpty { right += " " }
        // The right side gives way first, so "? help" stays on screen at any width it fits in.
        if TextWidth.of(right) + 1 + TextWidth.of(" ? help") > rect.width { right = "" }
        let leftWidth = max(0, rect.width - TextWidth.of(right) - 1)
        let leftText = state.notice ?? fitted(hintItems(for: state), width: max(0, leftWidth - 1))
        canvas.write(" " + Text.truncate(leftText, to: max(0, leftWidth - 1), glyphs: state.glyphs),
                     x: rect.x, y: rect.y, style: state.notice == nil ? Theme.status : Theme.statusKey, limit: rect.x + leftWidth)
        if !right.isEmpty, TextWidth.of(right) < rect.width {
            canvas.write(right, x: rect.maxX - TextWidth.of(right), y: rect.y, style: Theme.statusKey, limit: rect.maxX)
        }
    }
}
