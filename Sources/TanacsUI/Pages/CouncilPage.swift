import TanacsModel

/// A council: level, when formed and ended, seat, hierarchy, leaders, demands, events, then the
/// quotations for its dates (kept below the hierarchy so a long quotation does not push it off screen).
enum CouncilPage {
    static func items(_ c: Council, _ state: AppState) -> [DetailItem] {
        let m = state.model, g = state.glyphs
        var items: [DetailItem] = [.title(c.name)]
        items.append(.subtitle("\(c.level.rawValue.capitalized) council"))
        if !c.names.isEmpty { items.append(.field("Also", c.names.joined(separator: ", "))) }
        if !c.formed.isEmpty {
            let day = state.currentDate
            let exists = m.councilExists(c, on: day)
            items.append(.field("On \(day.shortDisplay)", exists ? "existed" : "did not exist (yet or any more)"))
        }
        items += [DetailDocument.datedLine("Formed", c.formed, m, g), DetailDocument.datedLine("Ended", c.ended, m, g)].compactMap { $0 }
        items.append(.blank)
        items.append(.text(c.summary))
        items += DetailDocument.section("Seat", DetailDocument.links([c.place].compactMap { $0 }, m))
        if let parent = c.parent {
            items += DetailDocument.section("Sent delegates to", DetailDocument.links([parent], m) { m.councilByID[$0]?.level.rawValue ?? "" })
        }
        items += DetailDocument.section("Delegates from", DetailDocument.links(m.councilChildren[c.id] ?? [], m) { m.councilByID[$0]?.level.rawValue ?? "" })
        items += DetailDocument.section("People", c.people.flatMap { member -> [DetailItem] in
            guard let name = m.name(of: member.person) else { return [] }
            return [.link(label: name, note: member.role, target: .person(member.person)),
] + member.citations.map { .citation(excerpt: $0, claim: nil) }
        })
        items += DetailDocument.section("Demands", c.demands.flatMap { [.text("• " + $0.text)] + $0.citations.map { .citation(excerpt: $0, claim: nil) } })
        items += DetailDocument.section("Events", DetailDocument.links(m.eventsByCouncil[c.id] ?? [], m, note: DetailDocument.eventDate(m)))
        items += DetailDocument.section("When it formed and ended",
                                        DetailDocument.dated("Formed", c.formed, m, g) + DetailDocument.dated("Ended", c.ended, m, g))
        items += DetailDocument.sources(c.citations)
        return items
    }
}
