import TanacsModel

/// A person: roles, councils, events.
enum PersonPage {
    static func items(_ p: Person, _ m: Model, _ g: Glyphs) -> [DetailItem] {
        var items: [DetailItem] = [.title(p.name)]
        // Their council roles' quotations too, so each source's account of them is whole.
        // Their councils from the model's index (in the councils' order), not a walk over every council.
        let councils = (m.councilsByPerson[p.id] ?? []).compactMap { m.councilByID[$0] }
        let memberships = councils.flatMap { c in c.people.filter { $0.person == p.id }.flatMap(\.citations) }
        let notes = PageNotes([p.roles, p.statements], then: p.citations + memberships)
        let outside = m.outsideByRecord[p.id] ?? []
        items += notes.items(p.roles, bullet: true, outside: outside, g)
        if !p.names.isEmpty { items.append(.field("Also", p.names.joined(separator: ", "))) }
        items.append(.blank)
        items += notes.items(p.statements, outside: outside, g)
        let roles = Dictionary(councils.flatMap { c in c.people.filter { $0.person == p.id }.map { (c.id, $0.role) } },
                               uniquingKeysWith: { a, b in a == b ? a : "\(a); \(b)" })
        items += DetailDocument.section("Councils", DetailDocument.links(m.councilsByPerson[p.id] ?? [], m) { roles[$0] ?? "" })
        items += DetailDocument.section("Events", DetailDocument.links(m.eventsByPerson[p.id] ?? [], m, note: DetailDocument.eventDate(m)))
        items += notes.bySource(m, g)
        items += DetailDocument.outside(outside, g)
        return items
    }
}
