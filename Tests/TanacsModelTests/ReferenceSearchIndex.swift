import Foundation
@testable import TanacsModel

/// Search by words written the slow, obvious way over strings, to check that the index's scans,
/// shortcuts and early stops find exactly the same records, in the same order, with the same ranks.
/// Typo corrections come from the index's own `parse`, which the tests check separately.
struct ReferenceSearchIndex: Sendable {
    struct Entry: Sendable {
        let id: String
        let kind: SearchKind
        let label: String
        let names: [String]
        let texts: [String]
        /// Names and texts as `words` makes them, once.
        var nameWords: [String] = [], textWords: [String] = []
    }

    let entries: [Entry]

    init(model m: Model) {
        var entries: [Entry] = []
        for p in m.places { entries.append(Entry(id: p.id, kind: .place, label: p.name, names: [p.name] + p.names, texts: [p.summary])) }
        for c in m.councils { entries.append(Entry(id: c.id, kind: .council, label: c.name, names: [c.name] + c.names, texts: [c.summary] + c.demands.map(\.text))) }
        for p in m.people { entries.append(Entry(id: p.id, kind: .person, label: p.name, names: [p.name] + p.names, texts: [p.summary] + p.roleTexts)) }
        for e in m.events { entries.append(Entry(id: e.id, kind: .event, label: e.title, names: [e.title], texts: [e.summary])) }
        for f in m.figures { entries.append(Entry(id: f.id, kind: .figure, label: f.topic, names: [f.topic], texts: [f.summary ?? ""] + f.claims.map(\.asStated))) }
        for x in m.excerpts {
            let s = m.sourceByID[x.source]
            let author = s?.author ?? x.source
            entries.append(Entry(id: x.id, kind: .excerpt, label: "\(author), ¶\(x.paragraph)", names: [],
                                 texts: [x.text, "\(author), \(s?.title ?? "") (\(x.source))"]))
        }
        for s in m.sources { entries.append(Entry(id: s.id, kind: .source, label: s.title, names: [s.title, s.author, s.id], texts: [s.publication, s.notes])) }
        let order = Dictionary(uniqueKeysWithValues: SearchKind.allCases.enumerated().map { ($1, $0) })
        self.entries = entries.enumerated().sorted { a, b in
            (order[a.element.kind]!, a.element.label.foundationFolded, a.offset) < (order[b.element.kind]!, b.element.label.foundationFolded, b.offset)
        }.map { e in
            var e = e.element
            e.nameWords = e.names.map(Self.words)
            e.textWords = e.texts.map(Self.words)
            return e
        }
    }

    /// Letters and digits kept, everything else a space, runs of spaces one.
    static func words(_ s: String) -> String {
        let mapped = s.foundationFolded.unicodeScalars.map { c -> Character in
            c.properties.isAlphabetic || c.properties.numericType != nil || c.properties.generalCategory == .nonspacingMark ? Character(c) : " "
        }
        return String(mapped).split(separator: " ").joined(separator: " ")
    }

    /// (id, rank) of every hit, best first.
    func search(_ query: String, terms: [[String]], limit: Int) -> [(String, Int)] {
        guard !terms.isEmpty else { return [] }
        let phrase = Self.words(query).split(separator: " ").prefix(SearchQuery.maxWords).joined(separator: " ")
        var hits: [(id: String, rank: Int, order: Int)] = []
        for (n, e) in entries.enumerated() {
            let names = e.nameWords, texts = e.textWords
            func rank(_ name: String) -> Int? {
                guard terms.allSatisfy({ $0.contains { name.contains($0) } }) else { return nil }
                for p in terms.count == 1 ? terms[0] : [phrase] {
                    if name == p { return 0 }
                }
                for p in terms.count == 1 ? terms[0] : [phrase] where name.hasPrefix(p) { return 1 }
                let starts = terms.allSatisfy { alternatives in
                    alternatives.contains { w in name == w || name.hasPrefix(w) || name.contains(" " + w) }
                }
                return starts ? 2 : 3
            }
            if let best = names.compactMap(rank).min() {
                hits.append((e.id, best, n))
            } else if terms.allSatisfy({ $0.contains { w in names.contains { $0.contains(w) } } }) {
                hits.append((e.id, 4, n))
            } else if terms.allSatisfy({ $0.contains { w in (names + texts).contains { $0.contains(w) } } }) {
                hits.append((e.id, 5, n))
            }
        }
        return hits.sorted { ($0.rank, $0.order) < ($1.rank, $1.order) }.prefix(limit).map { ($0.id, $0.rank) }
    }
}
