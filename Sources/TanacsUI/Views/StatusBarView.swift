/// The bottom line: the search being typed, or the focused view's keys, the date and the position.
public enum StatusBarView {
    public static func hints(for state: AppState) -> String {
        if state.showHelp { return "j/k scroll  Esc close  q quit" }
        if state.filterMenu != nil { return "j/k move  Space toggle  Esc close" }
        if state.playing { return "▶ playing a day at a time: any key pauses" }
        switch state.focus {
        case .timeline: return "j/k move  Enter open  / search  : go to  [ ] day  P play  f filter  t c p e F  ? help"
        case .map: return "arrows move  Enter open  +/- zoom  b Budapest  m drawing  : go to  [ ] day  P play  ? help"
        case .detail:
            if case .excerpt = state.detail.route { return "> < next/prev excerpt  Enter open  Bksp back  ? help  q quit" }
            return "j/k select  Enter follow  Bksp back  L fwd  / search  ? help  q quit"
        }
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
            let end = canvas.write(" / " + search.query, x: rect.x, y: rect.y, style: Theme.statusKey, limit: rect.maxX)
            canvas.write("▏", x: end, y: rect.y, style: Theme.status, limit: rect.maxX)
            return
        }
        var right = [date(state), position(for: state)].filter { !$0.isEmpty }.joined(separator: " \(state.glyphs.vertical) ")
        if !right.isEmpty { right += " " }
        let leftText = state.notice ?? hints(for: state)
        let leftWidth = max(0, rect.width - TextWidth.of(right) - 1)
        canvas.write(" " + Text.truncate(leftText, to: max(0, leftWidth - 1), glyphs: state.glyphs),
                     x: rect.x, y: rect.y, style: state.notice == nil ? Theme.status : Theme.statusKey, limit: rect.x + leftWidth)
        if TextWidth.of(right) < rect.width {
            canvas.write(right, x: rect.maxX - TextWidth.of(right), y: rect.y, style: Theme.statusKey, limit: rect.maxX)
        }
    }
}
