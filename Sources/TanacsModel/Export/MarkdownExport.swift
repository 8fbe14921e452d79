/// A handout in Markdown: a pandoc title block (title, author, date), then with `--place` or
/// `--council` that record's own page, then events by day in the project's words, each fact footnoted
/// to the quotation behind it. Footnotes quote the source verbatim, in quotation marks, with author,
/// title, publication and paragraph, and collect at the end (pandoc and GitHub put them there
/// themselves, so there is no heading of our own for them); the list of sources names only those cited.
public enum MarkdownExport {
    public static func render(_ s: ExportSelection, clean: @escaping TextFilter = { $0 }) -> String {
        let m = s.model
        let t: (String) -> String = { escape(clean($0)) }
        let f = s.filter
        let subject = f.place.flatMap { m.name(of: $0) } ?? f.council.flatMap { m.name(of: $0) }

        var numbers: [String: Int] = [:], order: [String] = []
        func note(_ excerpt: String) -> String {
            if numbers[excerpt] == nil { order.append(excerpt); numbers[excerpt] = order.count }
            return "[^\(numbers[excerpt]!)]"
        }
        // Marks side by side would read as one number ("¹²"): a comma keeps them apart, as on screen ("¹,²").
        func notes(_ excerpts: [String]) -> String {
            var seen: Set<String> = []
            return excerpts.filter { seen.insert($0).inserted }.map(note).joined(separator: ",")
        }
        func sentences(_ statements: [Statement]) -> String {
            statements.map { t($0.text) + notes($0.citations) }.joined(separator: " ")
        }

        var out = "% " + (subject.map { t($0) + " in the Hungarian Revolution of 1956" } ?? "The Hungarian Revolution of 1956") + "\n"
        out += "% Tanács\n"
        if let period = period(s) { out += "% \(period)\n" }
        out += "\n"
        out += "A handout from Tanács: \(s.events.count) event\(s.events.count == 1 ? "" : "s")"
        if !f.isEmpty {
            var parts: [String] = []
            if let from = f.from { parts.append("from \(from.display)") }
            if let to = f.to { parts.append("to \(to.display)") }
            if let place = f.place { parts.append("at " + t(m.name(of: place) ?? place)) }
            if let council = f.council { parts.append("involving " + t(m.name(of: council) ?? council)) }
            if let kind = f.kind { parts.append("of kind " + kind.rawValue) }
            out += " (" + parts.joined(separator: ", ") + ")"
        }
        out += ". The summaries are our own words, each sentence footnoted to the quotations that state it; the footnotes quote the sources exactly.\n"

        // The record the handout is about, before its events.
        if let id = f.place, let p = m.placeByID[id] {
            out += "\n## \(t(p.name))\n\n"
            var kind = p.kind.rawValue.capitalized
            if let parent = p.parent.flatMap({ m.name(of: $0) }) { kind += " in " + t(parent) }
            out += "*\(kind)*\n\n"
            out += sentences(p.statements) + "\n"
            if let population = p.population1956 {
                out += "\nPopulation in 1956: \(population.value.grouped) \(note(population.citation))\n"
            }
            let councils = (m.councilsByPlace[id] ?? []).compactMap { m.councilByID[$0] }
            if !councils.isEmpty {
                out += "\nCouncils: " + councils.map { t($0.name) }.joined(separator: "; ") + ".\n"
            }
        } else if let id = f.council, let c = m.councilByID[id] {
            out += "\n## \(t(c.name))\n\n"
            var kind = c.level.rawValue.capitalized + " council"
            if let seat = c.place.flatMap({ m.name(of: $0) }) { kind += ", " + t(seat) }
            out += "*\(kind)*\n\n"
            out += sentences(c.statements) + "\n"
            for (label, claims) in [("Formed", c.formed), ("Ended", c.ended)] where !claims.isEmpty {
                out += "\n\(label): " + claims.map { "\($0.date.display) \(note($0.citation))" }.joined(separator: "; ")
                    + (Set(claims.map(\.date.text)).count > 1 ? " (the sources disagree)" : "") + ".\n"
            }
            if let parent = c.parent.flatMap({ m.name(of: $0) }) { out += "\nSent delegates to: \(t(parent)).\n" }
            if !c.people.isEmpty {
                out += "\nPeople: " + c.people.map { "\(t(m.name(of: $0.person) ?? $0.person)), \(t($0.role)) \(notes($0.citations))" }
                    .joined(separator: "; ") + ".\n"
            }
        }

        var lastDay: String?
        for e in s.events {
            if e.date.text != lastDay {
                // The timeline's headings: "Oct 1956, day not stated" after the dated October days.
                out += "\n## \(e.date.heading)\n"
                lastDay = e.date.text
            }
            out += "\n### \(e.time.map { t($0) + " " } ?? "")\(t(e.title))\n\n"
            var meta = [e.kind.rawValue.capitalized]
            if !e.places.isEmpty { meta.append(e.places.map { t(m.name(of: $0) ?? $0) }.joined(separator: ", ")) }
            out += "*" + meta.joined(separator: " · ") + "*\n\n"
            // Each sentence carries the footnotes of its own quotations.
            out += sentences(e.statements) + "\n"
            if let claims = e.dateClaims, Set(claims.map(\.date.text)).count > 1 {
                out += "\nThe sources disagree on the date: "
                    + claims.map { "\($0.date.display) \(note($0.citation))" }.joined(separator: "; ") + ".\n"
            }
            let involved = [("Councils", e.councils), ("People", e.people)].filter { !$0.1.isEmpty }
            for (label, ids) in involved {
                out += "\n\(label): " + ids.map { t(m.name(of: $0) ?? $0) }.joined(separator: ", ") + ".\n"
            }
        }

        let cited = Set(order.compactMap { m.excerptByID[$0]?.source })
        let sources = s.sources.filter { cited.contains($0.id) }
        if !sources.isEmpty {
            out += "\n## Sources\n\n"
            for src in sources {
                out += "- \(t(src.author)), “\(t(nested(src.title)))”, \(t(src.publication))\(src.date == "unknown" ? "" : ", " + t(src.date)).\n"
            }
        }
        if !order.isEmpty { out += "\n" }
        for id in order {
            guard let x = m.excerptByID[id] else { continue }
            let src = m.sourceByID[x.source]
            var cite = src.map { "\(t($0.author)), “\(t(nested($0.title)))”, \(t($0.publication))" } ?? t(x.source)
            cite += ", paragraph \(x.paragraph)"
            out += "[^\(numbers[id]!)]: \(t(QuoteMarks.wrap(x.text))) — \(cite).\n"
        }
        return out
    }

    /// The days the handout covers: the filter's range, else its events' first and last days.
    static func period(_ s: ExportSelection) -> String? {
        let first = s.filter.from ?? s.events.map(\.date.start).min()
        let last = s.filter.to ?? s.events.map(\.date.statedEnd).max()
        guard let first, let last else { return nil }
        return first == last ? first.shortDisplay : "\(first.shortDisplay) – \(last.shortDisplay)"
    }

    /// Text going inside our double quotation marks, its own double quotes made single, as quotes
    /// inside quotes are written: “Revolution in a ‘workers’ state’”. Apostrophes stay as they are.
    public static func nested(_ s: String) -> String {
        var out = ""
        var open = true
        for c in s {
            switch c {
            case "“": out.append("‘")
            case "”": out.append("’")
            case "\"": out.append(open ? "‘" : "’"); open.toggle()
            default: out.append(c)
            }
        }
        return out
    }

    /// Backslash-escapes the characters Markdown would read as markup.
    public static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\\`*_[]<>#|".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}

extension Int {
    /// 70000 → "70,000".
    var grouped: String {
        let digits = String(magnitude)
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (self < 0 ? "-" : "") + String(out.reversed())
    }
}
