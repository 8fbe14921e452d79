import XCTest
@testable import TanacsModel

/// The pre-folded search finds what the original search found, in the same order, with the same
/// ranks and context; and `folded` agrees with Foundation's folding on every string in the dataset.
final class SearchEquivalenceTests: XCTestCase {
    static let model = BundledDatasetTests.model

    func testFoldingMatchesFoundationOnEveryString() throws {
        var strings = ["Győr", "e\u{301}tat", "ΣΊΣΥΦΟΣ", "straße", "ﬁne", "Ｆｕｌｌ", "\u{301}", "a\u{20DD}b",
                       "x\u{301}\u{302}y", "👍🏽 👨‍👩‍👧", "ABC", "", "\u{301}a", "E\u{301}", "Ő", "Sztálinváros"]
        let m = Self.model
        for p in m.places { strings += [p.name, p.summary] + p.names }
        for c in m.councils { strings += [c.name, c.summary] + c.names + c.demands.map(\.text) }
        for p in m.people { strings += [p.name, p.summary] + p.names + p.roleTexts }
        for e in m.events { strings += [e.title, e.summary] }
        for f in m.figures { strings += [f.topic, f.summary ?? ""] + f.claims.map(\.asStated) }
        for x in m.excerpts { strings.append(x.text) }
        for s in strings { XCTAssertEqual(s.folded, s.foundationFolded, s) }
    }

    func testSameResultsAsTheOriginalSearch() {
        let fast = SearchIndex(model: Self.model), reference = ReferenceSearchIndex(model: Self.model)
        var queries: Set<String> = ["gyor", "GYŐR", "racz", "sztalinvaros", "csepel", "Kádár taxis", "   ", "zzzqqq",
                                    "workers council", "council", "-", " ", "a", "e", "1956", "’", "“", "nagy imre", "ő"]
        // Every prefix of every name, and some words from the texts.
        let m = Self.model
        for name in m.places.map(\.name) + m.councils.map(\.name) + m.people.map(\.name) {
            for n in 1...min(4, name.count) { queries.insert(String(name.prefix(n))) }
        }
        // Every prefix of every word of an eighth of those names (the reference is slow; SearchWorkTests
        // types them all), the word with a typo, and two words together.
        let named = m.places.map(\.name) + m.councils.map(\.name) + m.people.map(\.name) + m.figures.map(\.topic)
        for name in named.enumerated().filter({ $0.offset % 8 == 0 }).map(\.element) {
            let words = name.split(separator: " ").map(String.init)
            for word in words {
                for n in 1...word.count { queries.insert(String(word.prefix(n))) }
                if word.count > 3 {
                    var swapped = Array(word)
                    swapped.swapAt(1, 2)
                    queries.insert(String(swapped))
                    queries.insert(String(word.dropLast()) + "q")
                }
            }
            if words.count > 1 { queries.insert(words[1] + " " + words[0].prefix(3)) }
        }
        queries.formUnion(["", "copy", "e\u{301}", "ÁVH", "straße", String(repeating: "a ", count: 40), "dud", "dudas"])
        for x in m.excerpts.prefix(60) {
            for word in x.text.split(separator: " ").prefix(4) { queries.insert(String(word)) }
        }
        queries.formUnion(["central workers council", "council csepel", "csepel council", "Workers’ Council", "gyr", "Gyoer",
                           "maleter", "haynes", "source:haynes", "nagy, imre", "imre nagy", "tanks soviet", "gyr council",
                           "council workers central greater budapest"])
        for query in queries.sorted() {
            let terms = fast.parse(query).terms.map { $0.map { String(decoding: $0, as: UTF8.self) } }
            let all = reference.search(query, terms: terms, limit: 300).map { "\($0.0) \($0.1)" }
            for limit in [7, 300] {
                let got = fast.search(query, limit: limit).map { "\($0.id) \($0.rank)" }
                let want = Array(all.prefix(limit))
                XCTAssertEqual(got, want, "\(query) limit \(limit)")
            }
        }
    }
}
