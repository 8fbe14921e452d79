import Foundation

/// Citation styles `tanacs cite` and the explorer's copy key write.
public enum CitationStyle: String, Sendable, CaseIterable {
    case chicago, mla, apa, bibtex
    case cslJSON = "csl-json"
}

/// Formats citations of the sources behind a quotation or a record, from what `sources.json` states
/// and nothing more: an unknown author or date is left out (or "n.d." in APA), never guessed.
public enum Citation {
    /// One source and the places in it being cited.
    public struct Reference: Sendable {
        public let source: Source
        /// Paragraph numbers, or "p. 3, line 12" for a source cited by page and line.
        public let locators: [String]
        /// The quotation, when one excerpt is cited.
        public let quote: String?
    }

    /// The sources an id draws on: an excerpt's one source, or each source a record cites, in order of
    /// first citation, with every place cited. Empty for an unknown id.
    public static func references(for id: String, in m: Model) -> [Reference] {
        if let x = m.excerptByID[id], let s = m.sourceByID[x.source] {
            return [Reference(source: s, locators: [locator(x, m)], quote: x.text)]
        }
        let excerpts = m.excerpts.filter { (m.citedBy[$0.id] ?? []).contains(id) }
        var order: [String] = [], locators: [String: [String]] = [:]
        for x in excerpts {
            if locators[x.source] == nil { order.append(x.source) }
            let l = locator(x, m)
            if !(locators[x.source] ?? []).contains(l) { locators[x.source, default: []].append(l) }
        }
        return order.compactMap { sid in
            m.sourceByID[sid].map { Reference(source: $0, locators: locators[sid] ?? [], quote: nil) }
        }
    }

    /// "12" for a paragraph, or "p. 3, line 12" where the source is cited by page and line.
    static func locator(_ x: Excerpt, _ m: Model) -> String {
        if let p = m.passages[x.id], p.page != nil { return p.location() }
        return "\(x.paragraph)"
    }

    /// The whole citation text for an id in a style; nil for an id with no sources.
    public static func format(_ id: String, style: CitationStyle, in m: Model) -> String? {
        let refs = references(for: id, in: m)
        guard !refs.isEmpty else { return nil }
        switch style {
        case .cslJSON:
            let items = refs.map { csl($0, id: id) }
            let data = try? JSONSerialization.data(withJSONObject: items, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            return data.map { String(decoding: $0, as: UTF8.self) }
        case .bibtex: return refs.map { bibtex($0) }.joined(separator: "\n\n")
        default: return refs.map { text($0, style) }.joined(separator: "\n")
        }
    }

    /// A citation of a whole source, without a place in it.
    public static func format(_ s: Source, style: CitationStyle) -> String {
        let r = Reference(source: s, locators: [], quote: nil)
        switch style {
        case .bibtex: return bibtex(r)
        case .cslJSON:
            let data = try? JSONSerialization.data(withJSONObject: [csl(r, id: s.id)], options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            return data.map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        default: return text(r, style)
        }
    }

    // MARK: - What the source states

    struct Parts {
        var family: String?
        var given: String?
        var title: String
        var container: String
        var issue: String?
        var year: Int?
        var months: (Int, Int?)?
    }

    static func parts(_ s: Source) -> Parts {
        var family: String?, given: String?
        let author = s.author.lowercased()
        if !(author == "unknown" || author == "anonymous" || author.hasPrefix("unknown")) {
            let names = s.author.split(separator: " ").map(String.init)
            family = names.last
            given = names.count > 1 ? names.dropLast().joined(separator: " ") : nil
        }
        var container = s.publication, issue: String?
        if let r = s.publication.range(of: ", Issue ") {
            container = String(s.publication[..<r.lowerBound])
            issue = String(s.publication[r.upperBound...])
        }
        var year: Int?, months: (Int, Int?)?
        if s.date != "unknown" {
            let ends = s.date.split(separator: "/").map { $0.split(separator: "-").compactMap { Int($0) } }
            if let first = ends.first, let y = first.first {
                year = y
                if first.count >= 2 { months = (first[1], ends.count > 1 && ends[1].count >= 2 && ends[1][1] != first[1] ? ends[1][1] : nil) }
            }
        }
        return Parts(family: family, given: given, title: s.title, container: container, issue: issue, year: year, months: months)
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]
    static let mlaMonths = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]

    static func place(_ locators: [String], paragraph: String, paragraphs: String) -> String {
        guard let first = locators.first else { return "" }
        if first.hasPrefix("p.") { return locators.joined(separator: "; ") }
        return (locators.count == 1 ? paragraph : paragraphs) + locators.joined(separator: ", ")
    }

    static func text(_ r: Reference, _ style: CitationStyle) -> String {
        var p = parts(r.source)
        // A title set in double quotation marks turns its own double marks into single ones.
        if style != .apa { p.title = p.title.replacingOccurrences(of: "“", with: "‘").replacingOccurrences(of: "”", with: "’") }
        func monthSpan(_ names: [String]) -> String? {
            guard let (a, b) = p.months, (1...12).contains(a) else { return nil }
            return names[a - 1] + (b.flatMap { (1...12).contains($0) ? "–" + names[$0 - 1] : nil } ?? "")
        }
        switch style {
        case .chicago:
            // Bibliography form: Surname, Given. “Title.” Container, no. N (Month Year): ¶ 12.
            var out = p.family.map { "\($0)\(p.given.map { ", \($0)" } ?? ""). " } ?? ""
            out += "“\(p.title).” \(p.container)"
            if let issue = p.issue { out += ", no. \(issue)" }
            if let year = p.year { out += " (" + [monthSpan(monthNames), String(year)].compactMap { $0 }.joined(separator: " ") + ")" }
            return out + (r.locators.isEmpty ? "" : ", " + place(r.locators, paragraph: "par. ", paragraphs: "pars. ")) + "."
        case .mla:
            // Surname, Given. “Title.” Container, no. N, Mon. Year, par. 12.
            var out = p.family.map { "\($0)\(p.given.map { ", \($0)" } ?? ""). " } ?? ""
            out += "“\(p.title).” \(p.container)"
            if let issue = p.issue { out += ", no. \(issue)" }
            if let year = p.year { out += ", " + [monthSpan(mlaMonths), String(year)].compactMap { $0 }.joined(separator: " ") }
            return out + (r.locators.isEmpty ? "" : ", " + place(r.locators, paragraph: "par. ", paragraphs: "pars. ")) + "."
        case .apa:
            // Surname, G. (Year). Title. Container, N. (para. 12)
            let initials = p.given.map { g in g.split(separator: " ").map { "\($0.prefix(1))." }.joined(separator: " ") }
            var out = p.family.map { "\($0)\(initials.map { ", \($0)" } ?? "") " } ?? "\(p.title). "
            out += "(\(p.year.map(String.init) ?? "n.d.")). "
            if p.family != nil { out += "\(p.title). " }
            out += p.container + (p.issue.map { ", \($0)" } ?? "") + "."
            return out + (r.locators.isEmpty ? "" : " (" + place(r.locators, paragraph: "para. ", paragraphs: "paras. ") + ")")
        case .bibtex, .cslJSON:
            return ""
        }
    }

    /// A BibTeX key from the author (or "anon") and the year (or "nd"): kosuth2007.
    static func key(_ r: Reference) -> String {
        let p = parts(r.source)
        let name = (p.family ?? r.source.id.split(separator: ":").last.map(String.init) ?? "source")
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).filter { $0.isLetter && $0.isASCII }
        return name.lowercased() + (p.year.map(String.init) ?? "nd")
    }

    static func bibtexEscape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\": out += "\\textbackslash{}"
            case "{", "}", "&", "%", "$", "#", "_": out += "\\\(c)"
            case "~": out += "\\textasciitilde{}"
            case "^": out += "\\textasciicircum{}"
            default: out.append(c)
            }
        }
        return out
    }

    static func bibtex(_ r: Reference) -> String {
        let p = parts(r.source)
        var fields: [(String, String)] = []
        if let family = p.family { fields.append(("author", family + (p.given.map { ", \($0)" } ?? ""))) }
        fields.append(("title", p.title))
        if p.issue != nil {
            fields.append(("journal", p.container))
            fields.append(("number", p.issue!))
        } else {
            fields.append(("howpublished", p.container))
        }
        if let year = p.year { fields.append(("year", String(year))) }
        if let (month, _) = p.months, (1...12).contains(month) { fields.append(("month", String(monthNames[month - 1].prefix(3)).lowercased())) }
        let located = place(r.locators, paragraph: "par. ", paragraphs: "pars. ")
        if !located.isEmpty { fields.append(("note", located + (r.quote.map { ": " + QuoteMarks.wrap($0) } ?? ""))) }
        let type = p.issue != nil ? "article" : "misc"
        let body = fields.map { name, value in
            // Months are BibTeX macros, written bare.
            name == "month" ? "  month = \(value)" : "  \(name) = {\(bibtexEscape(value))}"
        }.joined(separator: ",\n")
        return "@\(type){\(key(r)),\n\(body)\n}"
    }

    static func csl(_ r: Reference, id: String) -> [String: Any] {
        let p = parts(r.source)
        var item: [String: Any] = [
            "id": key(r),
            "type": p.issue != nil ? "article-journal" : (r.source.publication.lowercased().contains("blog") ? "post-weblog" : "webpage"),
            "title": p.title,
            "container-title": p.container,
        ]
        if let family = p.family {
            var name: [String: String] = ["family": family]
            if let given = p.given { name["given"] = given }
            item["author"] = [name]
        }
        if let issue = p.issue { item["issue"] = issue }
        if let year = p.year {
            var parts = [year]
            if let (month, _) = p.months { parts.append(month) }
            item["issued"] = ["date-parts": [parts]]
        }
        if let first = r.locators.first {
            if first.hasPrefix("p. ") {
                item["label"] = "page"
                item["locator"] = r.locators.map { String($0.dropFirst(3)) }.joined(separator: "; ")
            } else {
                item["label"] = "paragraph"
                item["locator"] = r.locators.joined(separator: ", ")
            }
        }
        if let quote = r.quote { item["note"] = QuoteMarks.wrap(quote) }
        return item
    }
}
