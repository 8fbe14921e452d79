import TanacsModel

/// A person: roles, councils, events.
enum PersonPage {
    /// What each source says about the person: their own citations and those of their council roles,
    /// grouped under each source in the order the sources are listed.
    static func bySource(_ p: Person, _ m: Model) -> [DetailItem] {
        let memberships = m.councils.flatMap { c in c.people.filter { $0.person == p.id }.flatMap(\.citations) }
        let cited = (p.citations + memberships).uniqued.compactMap { m.excerptByID[$0] }
        var items: [DetailItem] = []
        for source in m.sources {
            let own = cited.filter { $0.source == source.id }
            guard !own.isEmpty else { continue }
            items += [.blank, .heading("What \(DetailDocument.shortName(source)) says (\(Text.count(own.count, "quotation")))")]
            items += own.map { .citation(excerpt: $0.id, claim: nil) }
        }
        return items
    }

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
        items += bySource(p, m)
        return items
    }
}
