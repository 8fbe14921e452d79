import TanacsModel

/// A person: roles, councils, events.
enum PersonPage {
    static func items(_ p: Person, _ m: Model) -> [DetailItem] {
        var items: [DetailItem] = [.title(p.name)]
        if !p.roles.isEmpty { items.append(.subtitle(p.roleTexts.joined(separator: "; "))) }
        if !p.names.isEmpty { items.append(.field("Also", p.names.joined(separator: ", "))) }
        items.append(.blank)
        items.append(.text(p.summary))
        let roles = Dictionary(m.councils.flatMap { c in c.people.filter { $0.person == p.id }.map { (c.id, $0.role) } },
                               uniquingKeysWith: { a, b in a == b ? a : "\(a); \(b)" })
        items += DetailDocument.section("Councils", DetailDocument.links(m.councilsByPerson[p.id] ?? [], m) { roles[$0] ?? "" })
        items += DetailDocument.section("Events", DetailDocument.links(m.eventsByPerson[p.id] ?? [], m, note: DetailDocument.eventDate(m)))
        items += DetailDocument.sources(p.citations)
        return items
    }
}
