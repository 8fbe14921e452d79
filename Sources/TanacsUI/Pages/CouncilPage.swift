import TanacsModel

/// A council: level, when formed and ended, seat, hierarchy, leaders, demands, events, then the
/// quotations for its dates (kept below the hierarchy so a long quotation does not push it off screen).
enum CouncilPage {
    static func items(_ c: Council, _ state: AppState) -> [DetailItem] {
        let m = state.model, g = state.glyphs
        var items: [DetailItem] = [.title(c.name)]
        // A body the occupiers or the Kádár government set up is never called a council here.
        items.append(.subtitle(c.installedBy.map { "Body " + $0.label } ?? "\(c.level.rawValue.capitalized) council"))
        if !c.names.isEmpty { items.append(.field("Also", c.names.joined(separator: ", "))) }
        let span = state.currentSpan
        items.append(.field("On \(state.currentDateLabel)", m.councilStatus(c, from: span.from, to: span.to).label))
        items += [DetailDocument.datedLine(c.formed.allSatisfy(\.isAttestation) ? "First attested" : "Formed", c.formed, m, g),
                  DetailDocument.datedLine(c.ended.allSatisfy(\.isAttestation) ? "Last attested" : "Ended", c.ended, m, g)].compactMap { $0 }
        if c.ended.isEmpty || c.ended.allSatisfy(\.isAttestation) { items.append(.field("Fate", "not stated in the sources")) }
        let notes = PageNotes([c.statements, c.demands], then: c.citations)
        let outside = m.outsideByRecord[c.id] ?? []
        items.append(.blank)
        items += notes.items(c.statements, outside: outside, g)
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
        items += DetailDocument.section("Demands", notes.items(c.demands, bullet: true, g))
        items += DetailDocument.section("Events", DetailDocument.links(m.eventsByCouncil[c.id] ?? [], m, note: DetailDocument.eventDate(m)))
        items += DetailDocument.section("When it formed and ended",
                                        DetailDocument.dated(c.formed.allSatisfy(\.isAttestation) ? "First attested" : "Formed", c.formed, m, g)
                                        + DetailDocument.dated(c.ended.allSatisfy(\.isAttestation) ? "Last attested" : "Ended", c.ended, m, g))
        items += notes.section(g)
        items += DetailDocument.outside(outside, g)
        return items
    }
}
