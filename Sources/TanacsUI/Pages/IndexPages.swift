import TanacsModel

/// The indexes of towns, councils, people, events and figures, as pages of links.
enum IndexPages {
    static func items(_ kind: IndexKind, _ state: AppState) -> [DetailItem] {
        let m = state.model, g = state.glyphs
        // A council at work has the map's mark for it, so a mark means one thing everywhere.
        let mark = MapMark.councilToday.symbol(g)
        let span = state.currentSpan
        let dayText = state.currentDateLabel
        switch kind {
        case .towns:
            // The same marks as the map, each with the map's meaning.
            let legend = [MapMark.eventToday, .councilToday, .events].map { "\($0.symbol(g)) \($0.meaning)" }.joined(separator: " · ")
            let header: [DetailItem] = [.title(kind.title), .subtitle("On \(dayText): \(legend); [ and ] change the day")]
            return header + [DetailItem.blank] + m.places.compactMap { p in
                let events = m.eventsByPlace[p.id] ?? []
                let mark = MapScene.mark(p.id, in: m, from: span.from, to: span.to)
                let note = [p.kind.rawValue, Text.count(events.count, "event"), mark == .quiet ? "" : mark.symbol(g)]
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
        case .sources:
            var items: [DetailItem] = [.title(kind.title), .subtitle("The five articles every quotation comes from; Enter lists a source's quotations in its order")]
            for source in m.sources {
                let count = m.excerpts.filter { $0.source == source.id }.count
                items.append(.blank)
                items.append(.link(label: source.title, note: Text.count(count, "quotation"), target: .source(source.id)))
                items.append(.text("  " + [source.author, source.publication, source.date == "unknown" ? "" : source.date]
                    .filter { !$0.isEmpty }.joined(separator: " · ")))
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
