import XCTest
@testable import TanacsBench
@testable import TanacsModel

/// Search through the names' word index returns exactly what the scanning search did (same records,
/// order, ranks, labels and context) for many queries, on the bundled data and on a dataset four
/// times its size; and the entries a query reads do not grow with the dataset. Work is counted,
/// never timed.
final class SearchWorkTests: XCTestCase {
    static let small = try! DataLoader.load(from: BenchTests.data)
    static let largeData: URL = {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tanacs-search-work-\(UUID().uuidString)")
        try! Generator.generate(from: BenchTests.data, scale: 4, to: out)
        return out
    }()
    static let large = try! DataLoader.load(from: largeData)

    override class func tearDown() {
        try? FileManager.default.removeItem(at: largeData)
        super.tearDown()
    }

    /// Queries as people type them: every prefix of every word of every name, the first characters of
    /// whole names, words of two names together and reversed, typos, accents and case, and hostile input.
    static func queries(_ m: Model, every step: Int) -> [String] {
        var names: [String] = []
        for p in m.places { names += [p.name] + p.names }
        for c in m.councils { names += [c.name] + c.names }
        for p in m.people { names += [p.name] + p.names }
        names += m.events.map(\.title) + m.figures.map(\.topic) + m.sources.flatMap { [$0.title, $0.author, $0.id] }
        var queries: [String] = ["", " ", "   ", "-", "’ - “", "a", "e", "1", "1956", "copy", "copy 2", "zzzqqq", "qz", "ő",
                                 "GYŐR", "gyor", "Gyoer", "gyr", "gyr workers council", "maletre", "nagy, imre", "imre nagy",
                                 "Nagy Imre!", "workers’ council", "council workers central greater budapest", "tanks soviet",
                                 "e\u{301}", "👍🏽", "a\u{20DD}b", "ΣΊΣΥΦΟΣ", "straße", String(repeating: "budapest ", count: 30),
                                 (1...20).map { "w\($0)" }.joined(separator: " "), String(repeating: "x", count: 300), "dud", "dudas"]
        for (n, name) in names.enumerated() where n % step == 0 {
            let words = name.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "," }).map(String.init)
            for k in 1...min(6, name.count) { queries.append(String(name.prefix(k))) }
            queries.append(name)
            queries.append(name.uppercased())
            for word in words {
                for k in 1...word.count { queries.append(String(word.prefix(k))) }
                if word.count > 3 {
                    var typo = Array(word)
                    typo.swapAt(1, 2)
                    queries.append(String(typo))
                    queries.append(String(word.dropFirst()))
                    queries.append(String(word.prefix(2)) + "x" + String(word.dropFirst(3)))
                }
            }
            if words.count > 1 {
                queries.append(words.reversed().joined(separator: " "))
                queries.append(words[0] + " " + String(words[1].prefix(2)))
            }
            let other = names[(n * 7 + 3) % names.count].split(separator: " ").first.map(String.init) ?? ""
            queries.append((words.first ?? "") + " " + other)
        }
        var seen: Set<String> = []
        return queries.filter { seen.insert($0).inserted }
    }

    private func assertSameAsScanning(_ model: Model, every step: Int, limits: [Int]) {
        let index = SearchIndex(model: model)
        let queries = Self.queries(model, every: step)
        XCTAssertGreaterThan(queries.count, 1000 / step)
        var differ = 0
        for query in queries {
            let parsed = index.parse(query)
            for limit in limits {
                let got = index.search(parsed, limit: limit), want = index.scanningSearch(parsed, limit: limit)
                if got != want {
                    differ += 1
                    let show = { (hits: [SearchHit]) in hits.map { "\($0.id) \($0.rank) \($0.label) | \($0.context)" } }
                    if differ <= 5 { XCTAssertEqual(show(got), show(want), "\(query) limit \(limit)") }
                }
            }
        }
        XCTAssertEqual(differ, 0, "queries whose results differ, of \(queries.count)")
        print("SearchWorkTests: \(queries.count) queries compared at limits \(limits) over \(model.events.count) events")
    }

    func testSameResultsAsTheScanningSearchOnTheBundledData() {
        assertSameAsScanning(Self.small, every: 3, limits: [7, 300])
    }

    func testSameResultsAsTheScanningSearchAtFourTimesTheData() {
        assertSameAsScanning(Self.large, every: 20, limits: [7, 300])
    }

    /// Typed a character at a time, a query whose names fill the page reads about as many entries as
    /// it shows, at 1× and at 4× alike, while the scan it replaced reads every name holding its words.
    func testEntriesReadPerCharacterDoNotGrowWithTheData() {
        let queries = ["budapest", "csepel", "workers council", "nagy imre", "gyor", "kilian barracks", "strike",
                       "sztalinvaros", "radio", "general strike", "miskolc", "council", "imre", "a", "s"]
        let limit = 20
        func work(_ model: Model) -> [String: SearchIndex.SearchWork] {
            let index = SearchIndex(model: model)
            var out: [String: SearchIndex.SearchWork] = [:]
            for query in queries {
                for k in 1...query.count {
                    let typed = String(query.prefix(k))
                    var w = SearchIndex.SearchWork()
                    let hits = index.search(index.parse(typed), limit: limit, work: &w)
                    // Only queries whose names fill the page: the rest go on to scan the texts.
                    if hits.count == limit, hits.allSatisfy({ $0.rank < SearchIndex.Rank.text.rawValue }) { out[typed] = w }
                }
            }
            return out
        }
        let small = work(Self.small), large = work(Self.large)
        XCTAssertGreaterThan(large.count, 40, "most typed prefixes fill a page from names at 4×")
        var compared = 0
        for (typed, w) in large {
            // Ranking an entry means reading its names; a page of 20 never costs more than a few pages.
            XCTAssertLessThanOrEqual(w.entriesRanked, 3 * limit, typed)
            XCTAssertLessThanOrEqual(w.entriesRead, 3 * limit, typed)
            XCTAssertEqual(w.textBytesScanned, 0, typed)
            if let s = small[typed] {
                compared += 1
                // Four times the data, no more entries read (copies sort next to their originals).
                XCTAssertLessThanOrEqual(w.entriesRanked, s.entriesRanked + limit, typed)
            }
        }
        XCTAssertGreaterThan(compared, 20)
        // A word that is in no name and no text, as while a typo is typed: nothing is scanned.
        let index = SearchIndex(model: Self.large)
        for typed in ["budapest xqjz", "xqjz csepel", "dudas", "council qxw", "zzzqqq"] {
            var w = SearchIndex.SearchWork()
            XCTAssertEqual(index.search(index.parse(typed), limit: 300, work: &w), [], typed)
            XCTAssertEqual(w.textBytesScanned, 0, typed)
            XCTAssertEqual(w.entriesRead, 0, typed)
        }
        print("SearchWorkTests: \(large.count) typed prefixes fill a page at 4×; most ranked \(large.values.map(\.entriesRanked).max()!), "
              + "most read \(large.values.map(\.entriesRead).max()!); at 1× most ranked \(small.values.map(\.entriesRanked).max() ?? 0)")
    }
}
