import TanacsModel

/// The indexes of towns, councils, people, events and figures, as pages of links.
enum IndexPages {
    static func items(_ kind: IndexKind, _ state: AppState) -> [DetailItem] {
        let m = state.model, g = state.glyphs
        let mark = g.present
        let span = state.currentSpan
        let dayText = state.currentDateLabel
        switch kind {
        case .towns:
            let header: [DetailItem] = [.title(kind.title), .subtitle("\(mark) = events on \(dayText); [ and ] change the day")]
            return header + [DetailItem.blank] + m.places.compactMap { p in
                let events = m.eventsByPlace[p.id] ?? []
                let today = events.contains { m.eventByID[$0].map { span.from <= $0.date.start && $0.date.end <= span.to } ?? false }
                let note = [p.kind.rawValue, events.isEmpty ? "" : "\(events.count) events", today ? "\(mark) today" : ""]
                    .filter { !$0.isEmpty }.joined(separator: " · ")
                return .link(label: p.name, note: note, target: .place(p.id))
            }
        case .councils:
            let header: [DetailItem] = [.title(kind.title), .subtitle("\(mark) = at work on \(dayText); [ and ] change the day")]
            let existing = m.councils.filter { m.councilAtWork($0, from: span.from, to: span.to) }.count
            return header + [.field("At work that day", "\(existing) of \(m.councils.count)"), .blank]
                + m.councils.map { .link(label: $0.name, note: CouncilIndexNote.note($0.id, state), target: .council($0.id)) }
        case .people:
            return [.title(kind.title), .blank] + m.people.map { p in
                .link(label: p.name, note: p.roles.first?.text ?? "", target: .person(p.id))
            }
        case .events:
            var items: [DetailItem] = [.title(kind.title)]
            for k in EventKind.allCases {
                let events = m.events.filter { $0.kind == k }
                guard !events.isEmpty else { continue }
                items += DetailDocument.section("\(k.rawValue.capitalized) (\(events.count))",
                                                DetailDocument.links(events.map(\.id), m, note: DetailDocument.eventDate(m)))
            }
            return items
        case .figures:
            var items: [DetailItem] = [.title(kind.title), .subtitle("Each source's claim side by side; \(g.disputed) marks topics where they differ")]
            for f in m.figures.sorted(by: { $0.topic.folded < $1.topic.folded }) {
                items.append(.blank)
                items.append(.link(label: (FigurePage.isDisputed(f, state.model) ? "\(g.disputed) " : "") + f.topic, note: "", target: .figure(f.id)))
                items.append(.text("  " + FigurePage.claimsLine(f, m, g)))
            }
            return items
        }
    }
}
