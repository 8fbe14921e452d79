/// The timeline filter menu, over the screen.
public enum FilterMenuView {
    public static func render(_ state: AppState, in screen: Rect, canvas: inout Canvas) {
        guard let cursor = state.filterMenu else { return }
        let entries = FilterMenuEntry.entries(state)
        let labels = entries.map { $0.label(state.model, state.glyphs) }
        let width = min(screen.width - 2, max(36, (labels.map(TextWidth.of).max() ?? 0) + 6))
        let height = min(screen.height - 2, entries.count + 4)
        guard width >= 10, height >= 4 else { return }
        let rect = Rect(x: screen.x + (screen.width - width) / 2, y: screen.y + (screen.height - height) / 2, width: width, height: height)
        canvas.fill(rect)
        canvas.box(rect, title: "Filter the timeline", focused: true, glyphs: state.glyphs)
        let inner = rect.inset(1)
        canvas.write(" Space toggles, Esc closes", x: inner.x, y: inner.y, style: Theme.dim, limit: inner.maxX)
        let rows = inner.height - 2
        let top = Reducer.scrolled(0, first: cursor.selected, last: cursor.selected, visible: max(1, rows), count: entries.count)
        for row in 0..<max(0, rows) where top + row < entries.count {
            let i = top + row
            let style = i == cursor.selected ? Theme.selected : Theme.text
            let y = inner.y + 2 + row
            if i == cursor.selected { canvas.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style) }
            canvas.write(" " + labels[i], x: inner.x, y: y, style: style, limit: inner.maxX)
        }
    }
}
