import Foundation
@testable import TanacsModel

/// The search as it was before the index was pre-folded into byte buffers, kept to check that the
/// faster index finds exactly the same records, in the same order, with the same context.
struct ReferenceSearchIndex: Sendable {
    struct Entry: Sendable {
        let id: String
        let kind: SearchKind
        let label: String
        let names: [(original: String, folded: String)]
        let texts: [(original: String, folded: String)]
    }

    let entries: [Entry]

    init(model m: Model) {
        func fold(_ strings: [String]) -> [(original: String, folded: String)] { strings.map { ($0, $0.foundationFolded) } }
        var entries: [Entry] = []
        for p in m.places { entries.append(Entry(id: p.id, kind: .place, label: p.name, names: fold([p.name] + p.names), texts: fold([p.summary]))) }
        for c in m.councils {
            entries.append(Entry(id: c.id, kind: .council, label: c.name, names: fold([c.name] + c.names),
                                 texts: fold([c.summary] + c.demands.map(\.text))))
        }
        for p in m.people { entries.append(Entry(id: p.id, kind: .person, label: p.name, names: fold([p.name] + p.names), texts: fold([p.summary] + p.roleTexts))) }
        for e in m.events { entries.append(Entry(id: e.id, kind: .event, label: e.title, names: fold([e.title]), texts: fold([e.summary]))) }
        for f in m.figures {
            entries.append(Entry(id: f.id, kind: .figure, label: f.topic, names: fold([f.topic]),
                                 texts: fold([f.summary ?? ""] + f.claims.map(\.asStated))))
        }
        for x in m.excerpts {
            let source = m.sourceByID[x.source]?.author ?? x.source
            entries.append(Entry(id: x.id, kind: .excerpt, label: "\(source), ¶\(x.paragraph)", names: [], texts: fold([x.text])))
        }
        self.entries = entries
    }

    /// Results for a query, best first; an empty query finds nothing.
    func search(_ query: String, limit: Int = 500) -> [SearchHit] {
        let q = query.foundationFolded.trimmingCharacters(in: .whitespaces)
        guard !q.isEmpty else { return [] }
        var hits: [SearchHit] = []
        for entry in entries {
            if let hit = match(entry, q) { hits.append(hit) }
        }
        let order = Dictionary(uniqueKeysWithValues: SearchKind.allCases.enumerated().map { ($1, $0) })
        hits.sort { ($0.rank, order[$0.kind]!, $0.label.foundationFolded) < ($1.rank, order[$1.kind]!, $1.label.foundationFolded) }
        return Array(hits.prefix(limit))
    }

    private func match(_ entry: Entry, _ q: String) -> SearchHit? {
        func hit(_ rank: SearchIndex.Rank, _ context: String = "") -> SearchHit {
            SearchHit(id: entry.id, kind: entry.kind, label: entry.label, context: context, rank: rank.rawValue)
        }
        // The best match over all of a record's names; a match on a name other than the first says which.
        var best: (SearchIndex.Rank, String)?
        for (i, name) in entry.names.enumerated() {
            let f = name.folded
            let rank: SearchIndex.Rank
            if f == q { rank = .exactName }
            else if f.hasPrefix(q) { rank = .namePrefix }
            else if f.contains(" " + q) || f.contains("-" + q) { rank = .nameWord }
            else if f.contains(q) { rank = .nameContains }
            else { continue }
            if best == nil || rank.rawValue < best!.0.rawValue { best = (rank, i == 0 ? "" : name.original) }
        }
        if let (rank, context) = best { return hit(rank, context) }
        for text in entry.texts {
            if let range = text.folded.range(of: q) {
                return hit(.text, ReferenceSearchIndex.snippet(text.original, folded: text.folded, at: range))
            }
        }
        return nil
    }

    /// A short piece of text around a match, taken from the original (unfolded) string when the
    /// folded one lines up with it character for character, as it does for Latin text.
    static func snippet(_ original: String, folded: String, at range: Range<String.Index>) -> String {
        let source = original.count == folded.count ? original : folded
        let start = folded.distance(from: folded.startIndex, to: range.lowerBound)
        let chars = Array(source)
        let from = max(0, start - 30), to = min(chars.count, start + 50)
        return (from > 0 ? "…" : "") + String(chars[from..<to]) + (to < chars.count ? "…" : "")
    }
}
