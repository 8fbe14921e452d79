import TanacsModel

/// One item of a detail page. Links and citations can be selected and followed.
public enum DetailItem: Sendable, Equatable {
    case title(String)
    case subtitle(String)
    case heading(String)
    case text(String)
    case field(String, String)
    case link(label: String, note: String, target: Route)
    /// A cited excerpt, shown as a marked quote with its source; `claim` names what it supports.
    case citation(excerpt: String, claim: String?)
    case blank

    public var target: Route? {
        switch self {
        case .link(_, _, let target): return target
        case .citation(let excerpt, _): return .excerpt(excerpt)
        default: return nil
        }
    }
}

/// A wrapped screen line of a detail page.
public struct DetailLine: Sendable, Equatable {
    public let item: Int
    public let text: String
    public let style: Style
    public let indent: Int
}

/// Builds the detail page of any record: its facts in own words, links, and the excerpts behind them.
public enum DetailDocument {
    public static func items(for route: Route?, in m: Model, glyphs: Glyphs = .unicode) -> [DetailItem] {
        guard let route else { return [.text("Nothing selected. Move in the timeline or the towns list.")] }
        switch route {
        case .event(let id): return m.eventByID[id].map { event($0, m, glyphs) } ?? missing(id)
        case .place(let id): return m.placeByID[id].map { place($0, m) } ?? missing(id)
        case .council(let id): return m.councilByID[id].map { council($0, m, glyphs) } ?? missing(id)
        case .person(let id): return m.personByID[id].map { person($0, m) } ?? missing(id)
        case .figure(let id): return m.figureByID[id].map { figure($0, m, glyphs) } ?? missing(id)
        case .excerpt(let id): return m.excerptByID[id].map { excerpt($0, m) } ?? missing(id)
        }
    }

    /// Indices of the items that can be selected.
    public static func selectable(_ items: [DetailItem]) -> [Int] {
        items.indices.filter { items[$0].target != nil }
    }

    private static func missing(_ id: String) -> [DetailItem] { [.text("No record \(id).")] }

    private static func links(_ ids: [String], _ m: Model, note: (String) -> String = { _ in "" }) -> [DetailItem] {
        ids.compactMap { id in
            guard let route = Route(id: id), let name = m.name(of: id) else { return nil }
            return .link(label: name, note: note(id), target: route)
        }
    }

    private static func section(_ title: String, _ body: [DetailItem]) -> [DetailItem] {
        body.isEmpty ? [] : [.blank, .heading(title)] + body
    }

    private static func sources(_ citations: [String]) -> [DetailItem] {
        section("Sources", citations.map { .citation(excerpt: $0, claim: nil) })
    }

    private static func eventNote(_ m: Model) -> (String) -> String {
        { id in m.eventByID[id]?.date.display ?? "" }
    }

    static func event(_ e: Event, _ m: Model, _ g: Glyphs) -> [DetailItem] {
        var items: [DetailItem] = [.title(e.title)]
        let when = e.date.display + (e.time.map { ", \($0)" } ?? "")
        items.append(.subtitle("\(e.kind.rawValue.capitalized) · \(when)"))
        if let claims = e.dateClaims, Set(claims.map(\.date.text)).count > 1 {
            items.append(.field("\(g.disputed) Date disputed", "sources give different dates:"))
            for claim in claims { items.append(.citation(excerpt: claim.citation, claim: claim.date.display)) }
        }
        items.append(.blank)
        items.append(.text(e.summary))
        items += section("Places", links(e.places, m))
        items += section("Councils", links(e.councils, m))
        items += section("People", links(e.people, m))
        items += section("Figures", links(e.figures, m))
        items += sources(e.citations)
        return items
    }

    static func place(_ p: Place, _ m: Model) -> [DetailItem] {
        var items: [DetailItem] = [.title(p.name)]
        var kind = p.kind.rawValue.capitalized
        if let parent = p.parent, let name = m.name(of: parent) { kind += " in \(name)" }
        items.append(.subtitle(kind))
        if !p.names.isEmpty { items.append(.field("Also", p.names.joined(separator: ", "))) }
        if let population = p.population1956 {
            items.append(.field("Population 1956", population.asStated ?? population.value.formatted))
            items.append(.citation(excerpt: population.citation, claim: nil))
        }
        items.append(.blank)
        items.append(.text(p.summary))
        if let parent = p.parent { items += section("Part of", links([parent], m)) }
        items += section("Places inside", links(m.placeChildren[p.id] ?? [], m))
        items += section("Councils", links(m.councilsByPlace[p.id] ?? [], m) { m.councilByID[$0]?.level.rawValue ?? "" })
        items += section("Events", links(m.eventsByPlace[p.id] ?? [], m, note: eventNote(m)))
        items += section("People", links(m.peopleByPlace[p.id] ?? [], m))
        items += sources(p.citations)
        return items
    }

    static func council(_ c: Council, _ m: Model, _ g: Glyphs) -> [DetailItem] {
        var items: [DetailItem] = [.title(c.name)]
        items.append(.subtitle("\(c.level.rawValue.capitalized) council"))
        if !c.names.isEmpty { items.append(.field("Also", c.names.joined(separator: ", "))) }
        items += dated("Formed", c.formed, g)
        items += dated("Ended", c.ended, g)
        items.append(.blank)
        items.append(.text(c.summary))
        items += section("Seat", links([c.place].compactMap { $0 }, m))
        if let parent = c.parent { items += section("Sent delegates to", links([parent], m)) }
        items += section("Delegates from", links(m.councilChildren[c.id] ?? [], m))
        items += section("People", c.people.flatMap { member -> [DetailItem] in
            guard let name = m.name(of: member.person) else { return [] }
            return [.link(label: name, note: member.role, target: .person(member.person)),
                    .citation(excerpt: member.citation, claim: nil)]
        })
        items += section("Demands", c.demands.flatMap { [.text("• " + $0.text), .citation(excerpt: $0.citation, claim: nil)] })
        items += section("Events", links(m.eventsByCouncil[c.id] ?? [], m, note: eventNote(m)))
        items += sources(c.citations)
        return items
    }

    private static func dated(_ label: String, _ claims: [DateClaim], _ g: Glyphs) -> [DetailItem] {
        guard !claims.isEmpty else { return [] }
        if Set(claims.map(\.date.text)).count > 1 {
            return [.field("\(g.disputed) \(label)", "disputed: sources differ")]
                + claims.map { .citation(excerpt: $0.citation, claim: $0.date.display) }
        }
        return [.field(label, claims[0].date.display)] + claims.map { .citation(excerpt: $0.citation, claim: nil) }
    }

    static func person(_ p: Person, _ m: Model) -> [DetailItem] {
        var items: [DetailItem] = [.title(p.name)]
        if !p.roles.isEmpty { items.append(.subtitle(p.roles.joined(separator: "; "))) }
        if !p.names.isEmpty { items.append(.field("Also", p.names.joined(separator: ", "))) }
        items.append(.blank)
        items.append(.text(p.summary))
        items += section("Councils", links(m.councilsByPerson[p.id] ?? [], m))
        items += section("Events", links(m.eventsByPerson[p.id] ?? [], m, note: eventNote(m)))
        items += sources(p.citations)
        return items
    }

    static func figure(_ f: Figure, _ m: Model, _ g: Glyphs) -> [DetailItem] {
        var items: [DetailItem] = [.title(f.topic)]
        let values = Set(f.claims.map { "\($0.value)-\($0.high ?? $0.value)-\($0.unit)" })
        items.append(.subtitle(values.count > 1 ? "\(g.disputed) Disputed: \(f.claims.count) claims differ" : "Figure"))
        if let summary = f.summary { items += [.blank, .text(summary)] }
        items.append(.blank)
        items.append(.heading("Claims"))
        for claim in f.claims {
            let source = m.excerptByID[claim.citation].flatMap { m.sourceByID[$0.source] }
            items.append(.field(claim.asStated, source.map(shortName) ?? "?"))
            items.append(.citation(excerpt: claim.citation, claim: nil))
        }
        items += section("Events", links(m.eventsByFigure[f.id] ?? [], m, note: eventNote(m)))
        return items
    }

    static func excerpt(_ x: Excerpt, _ m: Model) -> [DetailItem] {
        var items: [DetailItem] = [.title("Excerpt")]
        if let s = m.sourceByID[x.source] {
            items.append(.subtitle("\(s.author), “\(s.title)”"))
            items.append(.field("Published", s.publication))
            items.append(.field("Paragraph", "\(x.paragraph)"))
        }
        items.append(.blank)
        items.append(.citation(excerpt: x.id, claim: nil))
        items += section("Cited by", links(m.citedBy[x.id] ?? [], m) { Route(id: $0)?.kindName ?? "" })
        return items
    }

    /// A short way to name a source: its author's surname, or its title when the author is unknown.
    public static func shortName(_ s: Source) -> String {
        let author = s.author.lowercased()
        if author == "unknown" || author == "anonymous" || author.hasPrefix("unknown") {
            // Name it by where it appeared: "libcom.org", "blog post".
            let venue = s.publication.components(separatedBy: ",")[0].components(separatedBy: " with ")[0]
            return (author == "anonymous" ? "anon., " : "") + Text.truncate(venue, to: 24)
        }
        return s.author.split(separator: " ").last.map(String.init) ?? s.author
    }

    /// Wraps items into screen lines of `width` columns.
    public static func lines(_ items: [DetailItem], width: Int, in m: Model, glyphs g: Glyphs) -> [DetailLine] {
        var out: [DetailLine] = []
        // `hang` indents continuation lines, so a wrapped link or quote reads as one block.
        func add(_ i: Int, _ raw: String, _ style: Style, indent: Int = 0, hang: Int = 0) {
            let text = Sanitizer.clean(raw).split(separator: " ").joined(separator: " ")
            let first = Text.wrap(text, width: max(1, width - indent))
            guard hang > 0, first.count > 1 else {
                for line in first { out.append(DetailLine(item: i, text: line, style: style, indent: indent)) }
                return
            }
            let head = first[0]
            out.append(DetailLine(item: i, text: head, style: style, indent: indent))
            let rest = String(text.dropFirst(head.count)).trimmingPrefixSpaces
            for line in Text.wrap(rest, width: max(1, width - indent - hang)) {
                out.append(DetailLine(item: i, text: line, style: style, indent: indent + hang))
            }
        }
        for (i, item) in items.enumerated() {
            switch item {
            case .title(let s): add(i, s, Theme.title)
            case .subtitle(let s): add(i, s, Theme.label)
            case .heading(let s): add(i, s, Theme.heading)
            case .text(let s): add(i, s, Theme.text)
            case .field(let label, let value): add(i, "\(label): \(value)", Theme.text)
            case .link(let label, let note, _):
                add(i, "\(g.pointer) \(label)" + (note.isEmpty ? "" : "  (\(note))"), Theme.link, hang: 2)
            case .citation(let id, let claim):
                guard let x = m.excerptByID[id] else { add(i, "[missing excerpt \(id)]", Theme.disputed); continue }
                let source = m.sourceByID[x.source].map(shortName) ?? x.source
                let lead = claim.map { "\($0) — " } ?? ""
                add(i, lead + g.quoteOpen + x.text + g.quoteClose, Theme.quote, indent: 2, hang: 1)
                add(i, "— \(source), ¶\(x.paragraph)", Theme.source, indent: 4)
            case .blank: out.append(DetailLine(item: i, text: "", style: Theme.text, indent: 0))
            }
        }
        return out
    }
}

extension String {
    var trimmingPrefixSpaces: String { String(drop(while: { $0 == " " })) }
}

extension Int {
    /// 123456 → "123,456".
    var formatted: String {
        let digits = String(Swift.abs(self))
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (self < 0 ? "-" : "") + String(out.reversed())
    }
}
