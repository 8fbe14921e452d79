/// A handout in Markdown: events by day in the project's words, each fact footnoted to the
/// quotation behind it; footnotes quote the source verbatim, in quotation marks, with author,
/// title, publication and paragraph. Footnotes follow the CommonMark extension GitHub and pandoc read.
public enum MarkdownExport {
    public static func render(_ s: ExportSelection, clean: @escaping TextFilter = { $0 }) -> String {
        let m = s.model
        let t: (String) -> String = { escape(clean($0)) }
        var out = "# The Hungarian Revolution of 1956\n\n"
        out += "A handout from Tanács: \(s.events.count) event\(s.events.count == 1 ? "" : "s")"
        if !s.filter.isEmpty {
            let f = s.filter
            var parts: [String] = []
            if let from = f.from { parts.append("from \(from.display)") }
            if let to = f.to { parts.append("to \(to.display)") }
            if let place = f.place { parts.append("at " + t(m.name(of: place) ?? place)) }
            if let council = f.council { parts.append("involving " + t(m.name(of: council) ?? council)) }
            if let kind = f.kind { parts.append("of kind " + kind.rawValue) }
            out += " (" + parts.joined(separator: ", ") + ")"
        }
        out += ". The summaries are our own words, each sentence footnoted to the quotations that state it; the footnotes quote the sources exactly.\n"

        var numbers: [String: Int] = [:], order: [String] = []
        func note(_ excerpt: String) -> String {
            if numbers[excerpt] == nil { order.append(excerpt); numbers[excerpt] = order.count }
            return "[^\(numbers[excerpt]!)]"
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
            out += e.statements.map { t($0.text) + $0.citations.map(note).joined() }.joined(separator: " ") + "\n"
            if let claims = e.dateClaims, Set(claims.map(\.date.text)).count > 1 {
                out += "\nThe sources disagree on the date: "
                    + claims.map { "\($0.date.display) \(note($0.citation))" }.joined(separator: "; ") + ".\n"
            }
            let involved = [("Councils", e.councils), ("People", e.people)].filter { !$0.1.isEmpty }
            for (label, ids) in involved {
                out += "\n\(label): " + ids.map { t(m.name(of: $0) ?? $0) }.joined(separator: ", ") + ".\n"
            }
        }

        if !order.isEmpty { out += "\n## Notes\n\n" }
        for id in order {
            guard let x = m.excerptByID[id] else { continue }
            let src = m.sourceByID[x.source]
            var cite = src.map { "\(t($0.author)), “\(t($0.title))”, \(t($0.publication))" } ?? t(x.source)
            cite += ", paragraph \(x.paragraph)"
            out += "[^\(numbers[id]!)]: “\(t(x.text))” — \(cite).\n"
        }
        out += "\n## Sources\n\n"
        for src in s.sources {
            out += "- \(t(src.author)), “\(t(src.title))”, \(t(src.publication))\(src.date == "unknown" ? "" : ", " + t(src.date)).\n"
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
