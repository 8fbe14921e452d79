import TanacsModel

/// The record chosen in a list or reached by a link: facts in own words, links, and quoted excerpts.
public enum DetailView {
    public static func render(_ state: AppState, in rect: Rect, focused: Bool, canvas: inout Canvas) {
        let route = state.detail.route
        let depth = state.back.isEmpty ? "" : " ‹\(state.back.count)"
        canvas.box(rect, title: (route?.kindName(in: state.model) ?? "Detail") + depth, focused: focused, glyphs: state.glyphs)
        let inner = rect.inset(1)
        guard !inner.isEmpty else { return }
        let selectable = state.detailSelectable
        let selectedItem = selectable.indices.contains(state.detail.cursor.selected) ? selectable[state.detail.cursor.selected] : nil
        // Wrapped as far as the screen shows, and one line past it to know whether there is more.
        let offset = state.detail.cursor.offset
        let wrapped = state.detailWrapped(width: min(inner.width, AppState.readableMeasure))
        let count = wrapped.count(atLeast: offset + inner.height + 1)
        let lines = wrapped.lines(offset..<offset + inner.height)
        // On search results, the words that matched are marked in every result.
        var query: SearchQuery?
        if case .search(let text) = route { query = state.searchIndex.parse(text) }
        for (row, line) in lines.enumerated() {
            let y = inner.y + row
            var style = line.style
            if line.item == selectedItem {
                style = focused ? Theme.selected : Theme.selectedUnfocused
                // Unfocused, only the words are underlined: an underline across blank columns reads
                // as a rule, and blanks in the plain style are erased in a few bytes.
                if focused { canvas.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style) }
            }
            canvas.write(line.text, x: inner.x + line.indent, y: y, style: style, limit: inner.maxX)
            if let query, line.style == Theme.link {
                var marked = style
                marked.bold = true
                marked.underline = true
                let characters = Array(line.text)
                for range in query.ranges(in: line.text) where range.upperBound <= characters.count {
                    let x = inner.x + line.indent + TextWidth.of(String(characters[..<range.lowerBound]))
                    canvas.write(String(characters[range]), x: x, y: y, style: marked, limit: inner.maxX)
                }
            }
        }
        if count > inner.height {
            let more = offset + inner.height < count
            let mark = more ? " \(state.glyphs.ellipsis)more " : " end "
            canvas.write(mark, x: rect.maxX - 2 - TextWidth.of(mark), y: rect.maxY - 1, style: Theme.dim, limit: rect.maxX - 1)
        }
    }
}
