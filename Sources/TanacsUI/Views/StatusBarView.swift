/// The bottom line: what the focused pane's keys do, and where the selection is.
public enum StatusBarView {
    public static func hints(for state: AppState) -> String {
        if state.showHelp { return "j/k scroll  Esc close  q quit" }
        switch state.focus {
        case .timeline: return "j/k move  Enter open  [ ] day  Tab pane  ? help  q quit"
        case .map: return "arrows move  Enter open  +/- zoom  b Budapest  [ ] day  m drawing  ? help"
        case .detail: return "j/k select  Enter follow  Bksp back  Tab pane  ? help  q quit"
        }
    }

    public static func position(for state: AppState) -> String {
        switch state.focus {
        case .timeline: return state.eventCount == 0 ? "" : "event \(state.timeline.selected + 1) of \(state.eventCount)"
        case .map: return [state.selectedTown?.name, state.mapDrawing.title].compactMap { $0 }.joined(separator: " · ")
        case .detail:
            let items = DetailDocument.items(for: state.detail.route, in: state.model, glyphs: state.glyphs)
            let n = DetailDocument.selectable(items).count
            return n == 0 ? "" : "link \(state.detail.cursor.selected + 1) of \(n)"
        }
    }

    public static func render(_ state: AppState, in rect: Rect, canvas: inout Canvas) {
        guard !rect.isEmpty else { return }
        canvas.fill(rect, style: Theme.status)
        let position = position(for: state)
        let right = position.isEmpty ? "" : position + " "
        let leftWidth = max(0, rect.width - TextWidth.of(right) - 1)
        canvas.write(" " + Text.truncate(hints(for: state), to: max(0, leftWidth - 1), glyphs: state.glyphs),
                     x: rect.x, y: rect.y, style: Theme.status, limit: rect.x + leftWidth)
        if TextWidth.of(right) < rect.width {
            canvas.write(right, x: rect.maxX - TextWidth.of(right), y: rect.y, style: Theme.statusKey, limit: rect.maxX)
        }
    }
}
