import TanacsModel

/// An event: when, what, where, who, and the excerpts that state it.
enum EventPage {
    static func items(_ e: Event, _ m: Model, _ g: Glyphs) -> [DetailItem] {
        var items: [DetailItem] = [.title(e.title)]
        let when = e.date.display + (e.time.map { ", \($0)" } ?? "")
        let approximate = e.date.precision == .day ? "" : " (approximate)"
        let phase = Phase.containing(e.date)?.title ?? "across phases"
        items.append(.subtitle("\(e.kind.rawValue.capitalized) · \(when)\(approximate) · \(phase)"))
        if e.dateBasis == .derived, let anchor = e.dateAnchor {
            items.append(.field("Date", "derived: \(anchor.reckoning)"))
            items.append(.citation(excerpt: anchor.citation, claim: nil))
        }
        if e.timeBasis == .derived, let anchor = e.timeAnchor {
            items.append(.field("Time", "derived: \(anchor.reckoning)"))
            items.append(.citation(excerpt: anchor.citation, claim: nil))
        }
        if let part = e.dayPart {
            items.append(.field("Time of day", part.part.rawValue))
            items.append(.citation(excerpt: part.citation, claim: nil))
        }
        if let claims = e.dateClaims, Set(claims.map(\.date.text)).count > 1 {
            items += DetailDocument.dated("Date", claims, m, g)
        }
        let notes = PageNotes([e.statements], then: e.citations)
        let outside = m.outsideByRecord[e.id] ?? []
        items.append(.blank)
        items += notes.items(e.statements, outside: outside, g)
        items += DetailDocument.section("Places", DetailDocument.links(e.places, m))
        items += DetailDocument.section("Councils", DetailDocument.links(e.councils, m) { m.councilByID[$0]?.level.rawValue ?? "" })
        items += DetailDocument.section("People", DetailDocument.links(e.people, m))
        items += DetailDocument.section("Figures", e.figures.compactMap { id in
            m.figureByID[id].map { .link(label: $0.topic, note: FigurePage.claimsLine($0, m, g), target: .figure(id)) }
        })
        items += notes.section(g)
        items += DetailDocument.outside(outside, g)
        return items
    }
}
