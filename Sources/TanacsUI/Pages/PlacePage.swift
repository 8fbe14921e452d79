import TanacsModel

/// A town, district or site: what it was, its councils, events and people.
enum PlacePage {
    static func items(_ p: Place, _ state: AppState) -> [DetailItem] {
        let m = state.model, g = state.glyphs
        var items: [DetailItem] = [.title(p.name)]
        var kind = p.kind.rawValue.capitalized
        if let parent = p.parent, let name = m.name(of: parent) { kind += " in \(name)" }
        if p.isAbroad { kind += " (outside Hungary)" }
        items.append(.subtitle(kind))
        if !p.names.isEmpty { items.append(.field("Also", p.names.joined(separator: ", "))) }
        if let population = p.population1956 {
            items.append(.field("Population 1956", population.asStated ?? population.value.formatted))
            items.append(.citation(excerpt: population.citation, claim: nil))
        }
        let notes = PageNotes([p.statements], then: p.citations)
        let outside = (m.outsideByRecord[p.id] ?? []) + m.outsideKnowledge.filter { $0.records.isEmpty }
        items.append(.blank)
        items += notes.items(p.statements, outside: outside, g)
        if let parent = p.parent { items += DetailDocument.section("Part of", DetailDocument.links([parent], m)) }
        items += DetailDocument.section("Places inside", DetailDocument.links(m.placeChildren[p.id] ?? [], m))
        items += DetailDocument.section("Councils", DetailDocument.links(m.councilsByPlace[p.id] ?? [], m) { id in
            CouncilIndexNote.note(id, state)
        })
        items += DetailDocument.section("Events", DetailDocument.links(m.eventsByPlace[p.id] ?? [], m, note: DetailDocument.eventDate(m)))
        items += DetailDocument.section("People", DetailDocument.links(m.peopleByPlace[p.id] ?? [], m))
        items += notes.section(g)
        items += DetailDocument.outside(outside, g)
        return items
    }
}

/// "town · ● at work on 26 Oct 1956": a council's level and where it stood on the current date.
enum CouncilIndexNote {
    static func note(_ id: String, _ state: AppState) -> String {
        guard let c = state.model.councilByID[id] else { return "" }
        let span = state.currentSpan
        switch state.model.councilStatus(c, from: span.from, to: span.to) {
        case .atWork: return c.level.rawValue + " · \(MapMark.councilToday.symbol(state.glyphs)) at work on \(state.currentDateLabel)"
        case .installed(let by): return c.level.rawValue + " · " + by.label
        case .undated: return c.level.rawValue + " · undated"
        case .fateNotStated:
            // Past its last mention: say so rather than guess whether it still sat.
            let last = state.model.councilLifetime(c).map { " after \($0.to.shortDisplay)" } ?? ""
            return c.level.rawValue + " · fate not stated" + last
        default: return c.level.rawValue
        }
    }
}
