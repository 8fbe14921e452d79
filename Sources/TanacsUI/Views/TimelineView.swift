import TanacsModel

/// Events in date order under day headings.
public enum TimelineView {
    public static func render(_ state: AppState, in rect: Rect, focused: Bool, canvas: inout Canvas) {
        let count = state.eventCount
        let filtered = state.filter.isEmpty ? "" : " filtered: \(state.filter.summary(in: state.model))"
        canvas.box(rect, title: "Timeline \(count == 0 ? "" : "\(state.timeline.selected + 1)/\(count)")\(filtered)", focused: focused, glyphs: state.glyphs)
        let inner = rect.inset(1)
        guard !inner.isEmpty else { return }
        if count == 0 {
            let message = state.filter.isEmpty ? "No events in this dataset." : "No events match the filter. Press X to clear it."
            canvas.write(message, x: inner.x, y: inner.y, style: Theme.dim, limit: inner.maxX)
            return
        }
        let selectedID = state.selectedEvent?.id
        func rule(_ title: String, y: Int) {
            let line = String(repeating: state.glyphs.horizontal, count: 2)
            canvas.write(Text.truncate("\(line) \(title) \(String(repeating: state.glyphs.horizontal, count: inner.width))", to: inner.width, glyphs: state.glyphs),
                         x: inner.x, y: y, style: Theme.title, limit: inner.maxX)
        }
        for row in 0..<inner.height {
            let index = state.timeline.offset + row
            guard state.timelineRows.indices.contains(index) else { break }
            let y = inner.y + row
            switch state.timelineRows[index] {
            case .phase(let phase, let continued):
                rule(phase.title + (continued ? " (continued)" : ""), y: y)
            case .acrossPhases(let date):
                rule(date.display + ": across phases", y: y)
            case .day(let date):
                // A month, a year or a span says so: "Oct 1956, day not stated".
                let today = isCurrent(date, state)
                canvas.write(date.heading + (today ? " \(state.glyphs.today)" : ""), x: inner.x, y: y, style: Theme.heading, limit: inner.maxX)
            case .event(let id):
                guard let event = state.model.eventByID[id] else { continue }
                let time = event.time.map { $0 + " " } ?? ""
                let line = " \(marker(event.kind)) \(time)\(event.title)"
                let selected = id == selectedID
                let style = selected ? (focused ? Theme.selected : Theme.selectedUnfocused) : Theme.text
                if selected { canvas.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style) }
                canvas.write(Text.truncate(line, to: inner.width, glyphs: state.glyphs), x: inner.x, y: y, style: style, limit: inner.maxX)
            }
        }
    }

    /// The one heading marked as current: the current period's, or else the current day's.
    static func isCurrent(_ date: HistoricalDate, _ state: AppState) -> Bool {
        if let period = state.currentPeriod { return period.text == date.text }
        return date.isSingleDay && date.start == state.currentDate
    }

    /// One letter per kind, so the list reads without colour.
    public static func marker(_ kind: EventKind) -> String {
        switch kind {
        case .demonstration: return "D"
        case .fighting: return "F"
        case .massacre: return "M"
        case .strike: return "S"
        case .council: return "C"
        case .political: return "P"
        case .military: return "A"
        case .repression: return "R"
        case .international: return "I"
        case .other: return "·"
        }
    }
}
