import TanacsModel

/// The towns, districts and regions of Hungary by name, with how many events each saw.
public enum TownListView {
    public static func render(_ state: AppState, in rect: Rect, focused: Bool, canvas: inout Canvas) {
        let count = state.townIDs.count
        canvas.box(rect, title: "Towns \(count == 0 ? "" : "\(state.towns.selected + 1)/\(count)")", focused: focused, glyphs: state.glyphs)
        let inner = rect.inset(1)
        guard !inner.isEmpty else { return }
        for row in 0..<inner.height {
            let index = state.towns.offset + row
            guard state.townIDs.indices.contains(index), let place = state.model.placeByID[state.townIDs[index]] else { break }
            let y = inner.y + row
            let events = state.model.eventsByPlace[place.id]?.count ?? 0
            let count = events > 0 ? "\(events)" : ""
            let nameWidth = max(1, inner.width - 4)
            let line = Text.pad(" " + place.name + (place.parent == nil ? "" : " ·"), to: nameWidth, glyphs: state.glyphs)
                + Text.pad(String(repeating: " ", count: max(0, 3 - count.count)) + count, to: min(4, inner.width))
            let selected = index == state.towns.selected
            let style = selected ? (focused ? Theme.selected : Theme.selectedUnfocused) : Theme.text
            canvas.write(line, x: inner.x, y: y, style: style, limit: inner.maxX)
        }
    }
}
