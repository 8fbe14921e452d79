import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The kinds of record search finds, in the order results of equal rank are listed.
public enum SearchKind: String, Sendable, CaseIterable, Codable {
    case place, council, person, event, figure, excerpt, source
}

/// One search result: a record, how it is labelled, and how well it matched (lower is better).
public struct SearchHit: Sendable, Equatable {
    public let id: String
    public let kind: SearchKind
    public let label: String
    /// What matched when it was not the name: an alternative name, or a snippet of text.
    public let context: String
    public let rank: Int

    public init(id: String, kind: SearchKind, label: String, context: String, rank: Int) {
        self.id = id
        self.kind = kind
        self.label = label
        self.context = context
        self.rank = rank
    }
}

/// A query taken apart: its words, and for a word no name contains, the names' words it may be a
/// typo of. `ranges(in:)` finds them in a line of text, for highlighting.
public struct SearchQuery: Sendable, Equatable {
    /// At most this many distinct words count; the rest are ignored, so the cost of a query is
    /// bounded by its length however many words it has.
    public static let maxWords = 16

    /// Each word with what it may match: itself first, then names' words within its typo limit.
    public let terms: [[[UInt8]]]
    /// The words joined by single spaces, to compare with whole names.
    let phrase: [UInt8]
    /// True when the query had more distinct words than `maxWords`.
    public let truncated: Bool

    public var isEmpty: Bool { terms.isEmpty }

    /// True when every word of the query (or a correction of it) occurs in `text`.
    public func matches(_ text: String) -> Bool {
        guard !terms.isEmpty else { return false }
        let bytes = SearchText.normalized(text)
        return terms.allSatisfy { $0.contains { SearchIndex.find($0, in: bytes, from: 0, to: bytes.count) != nil } }
    }

    /// The character ranges of `text` where a word of the query (or a typo's correction) occurs.
    public func ranges(in text: String) -> [Range<Int>] {
        guard !terms.isEmpty, !text.isEmpty else { return [] }
        let folded = text.folded
        // Offsets are characters of the original, which folding keeps one for one in Latin text.
        guard folded.count == text.count else { return [] }
        var bytes = Array(folded.utf8)
        SearchText.blankPunctuation(&bytes)
        var marked = [Bool](repeating: false, count: bytes.count)
        for alternatives in terms {
            for word in alternatives where !word.isEmpty {
                var from = 0
                while let at = SearchIndex.find(word, in: bytes, from: from, to: bytes.count) {
                    for k in at..<(at + word.count) { marked[k] = true }
                    from = at + 1
                }
            }
        }
        var ranges: [Range<Int>] = []
        var character = 0, byte = 0, start: Int?
        for c in folded {
            let length = c.utf8.count
            let on = marked[byte]
            if on, start == nil { start = character }
            if !on, let s = start { ranges.append(s..<character); start = nil }
            byte += length
            character += 1
        }
        if let s = start { ranges.append(s..<character) }
        return ranges
    }
}

/// Search by words over every record's names, titles, summaries, excerpt text, authors and sources.
///
/// Every word of a query must occur, in any order, ignoring case, accents and punctuation
/// (`SearchText`). Results are ranked: all the words in one name (the whole name, the start of it,
/// each at the start of a word, anywhere), then all the words among a record's names, then text.
/// A word that no name contains may be a typo: names' words within one or two edits of it count
/// instead (`gyr` and `gyoer` find Győr).
///
/// Names (collapsed, `SearchText.collapsed`) and texts (normalized) are kept in two byte buffers laid
/// out in result order (kind, then folded label), each string followed by a separator byte (1) and
/// the whole ending in a zero byte for the C library's `strstr`. Names are found through their words
/// (`NameWords`) and their sorted order, one rank at a time in result order, stopping at the limit,
/// so a query reads about as many records as it shows. Only when names do not fill the limit are the
/// texts scanned for the query's longest word, in buffer order, until they do.
public struct SearchIndex: Sendable {
    public enum Rank: Int, Sendable {
        case exactName = 0, namePrefix, nameWord, nameContains, names, text
    }

    struct Entry: Sendable {
        let id: String
        let kind: SearchKind
        let label: String
        let names: [String]
        let texts: [String]
        /// This entry's names and texts in `nameStart` and `textStart`.
        var firstName: Int32 = 0, firstText: Int32 = 0
    }

    /// In result order: kind, then folded label, then the order records were added.
    let entries: [Entry]
    let nameBytes: [UInt8]
    let nameStart: [Int32]
    let nameOwner: [Int32]
    /// Name indices in byte order of their collapsed text (equal names in entry order), for prefix lookups.
    let namesSorted: [Int32]
    /// The entry of each name in `namesSorted`, to take the entries of a range of names in order.
    let sortedNameOwners: RangeMinimum
    /// The names' words, each with the entries whose names hold it.
    let words: NameWords
    let textBytes: [UInt8]
    let textStart: [Int32]
    let textOwner: [Int32]
    /// The runs of one, two and three bytes the texts hold: a word with a run no text holds is in no
    /// text, known without scanning them (a query typed wrong would otherwise read every text).
    let textGrams: ByteGrams
    /// Every distinct word of every name, for typo tolerance, bucketed by length.
    let nameWords: [[[UInt8]]]
    /// The same words in byte order, to tell by binary search whether a query word starts one.
    let sortedNameWords: [[UInt8]]

    public init(model m: Model) {
        var raw: [Entry] = []
        raw.reserveCapacity(m.places.count + m.councils.count + m.people.count + m.events.count + m.figures.count
                            + m.excerpts.count + m.sources.count)
        for p in m.places { raw.append(Entry(id: p.id, kind: .place, label: p.name, names: [p.name] + p.names, texts: [p.summary])) }
        for c in m.councils {
            raw.append(Entry(id: c.id, kind: .council, label: c.name, names: [c.name] + c.names, texts: [c.summary] + c.demands.map(\.text)))
        }
        for p in m.people { raw.append(Entry(id: p.id, kind: .person, label: p.name, names: [p.name] + p.names, texts: [p.summary] + p.roleTexts)) }
        for e in m.events { raw.append(Entry(id: e.id, kind: .event, label: e.title, names: [e.title], texts: [e.summary])) }
        for f in m.figures {
            raw.append(Entry(id: f.id, kind: .figure, label: f.topic, names: [f.topic], texts: [f.summary ?? ""] + f.claims.map(\.asStated)))
        }
        for x in m.excerpts {
            let source = m.sourceByID[x.source]
            let author = source?.author ?? x.source
            // The source's author and title come last, so a snippet prefers the quotation itself.
            raw.append(Entry(id: x.id, kind: .excerpt, label: "\(author), ¶\(x.paragraph)", names: [],
                             texts: [x.text, "\(author), \(source?.title ?? "") (\(x.source))"]))
        }
        for s in m.sources {
            raw.append(Entry(id: s.id, kind: .source, label: s.title, names: [s.title, s.author, s.id],
                             texts: [s.publication, s.notes]))
        }
        // Kinds were added in result order; sort each kind by folded label, keeping ties in order.
        let kindOrder = Dictionary(uniqueKeysWithValues: SearchKind.allCases.enumerated().map { ($1, $0) })
        var labelKey: [String: String] = [:]
        let order = raw.indices.map { i -> (kind: Int, label: String, index: Int) in
            let label = raw[i].label
            if labelKey[label] == nil { labelKey[label] = label.folded }
            return (kindOrder[raw[i].kind]!, labelKey[label]!, i)
        }.sorted { ($0.kind, $0.label, $0.index) < ($1.kind, $1.label, $1.index) }

        var entries: [Entry] = [], nameBytes: [UInt8] = [], textBytes: [UInt8] = []
        var nameStart: [Int32] = [], nameOwner: [Int32] = [], textStart: [Int32] = [], textOwner: [Int32] = []
        var words: Set<[UInt8]> = []
        entries.reserveCapacity(raw.count)
        for (n, o) in order.enumerated() {
            var entry = raw[o.index]
            entry.firstName = Int32(nameStart.count)
            entry.firstText = Int32(textStart.count)
            for name in entry.names {
                let collapsed = SearchText.collapsed(name)
                nameStart.append(Int32(nameBytes.count))
                nameOwner.append(Int32(n))
                nameBytes.append(contentsOf: collapsed)
                nameBytes.append(1)
                for word in collapsed.split(separator: 0x20) where word.count > 2 { words.insert(Array(word)) }
            }
            for text in entry.texts {
                textStart.append(Int32(textBytes.count))
                textOwner.append(Int32(n))
                textBytes.append(contentsOf: SearchText.normalized(text))
                textBytes.append(1)
            }
            entries.append(entry)
        }
        nameStart.append(Int32(nameBytes.count))
        textStart.append(Int32(textBytes.count))
        nameBytes.append(0)
        textBytes.append(0)
        let sorted = nameBytes.withUnsafeBufferPointer { bytes in
            (0..<Int32(nameOwner.count)).sorted { a, b in
                let order = SearchIndex.compare(bytes, nameStart[Int(a)], nameStart[Int(a) + 1] - 1, nameStart[Int(b)], nameStart[Int(b) + 1] - 1)
                // Equal names in entry order, whatever the sort does with ties.
                return order != 0 ? order < 0 : a < b
            }
        }
        var buckets: [[[UInt8]]] = []
        let sortedWords = words.sorted(by: { $0.lexicographicallyPrecedes($1) })
        for word in sortedWords {
            while buckets.count <= word.count { buckets.append([]) }
            buckets[word.count].append(word)
        }
        self.entries = entries
        self.nameBytes = nameBytes
        self.nameStart = nameStart
        self.nameOwner = nameOwner
        self.namesSorted = sorted
        self.sortedNameOwners = RangeMinimum(sorted.map { nameOwner[Int($0)] })
        self.words = NameWords(names: nameBytes, nameStart: nameStart, nameOwner: nameOwner)
        self.textGrams = ByteGrams(textBytes)
        self.textBytes = textBytes
        self.textStart = textStart
        self.textOwner = textOwner
        self.nameWords = buckets
        self.sortedNameWords = sortedWords
    }

    /// The characters of a query that are searched for; the rest is ignored.
    public static let maxQueryCharacters = 200

    // MARK: - Queries

    /// The query's words, each with the names' words it may be a typo of when it starts no word of
    /// any name (found by binary search, so parsing costs nothing like a scan).
    public func parse(_ query: String) -> SearchQuery {
        // A query's cost grows with its length; past a few lines of text nothing more narrows the hits.
        let query = query.count > SearchIndex.maxQueryCharacters ? String(query.prefix(SearchIndex.maxQueryCharacters)) : query
        var words = SearchText.words(query)
        let truncated = words.count > SearchQuery.maxWords
        if truncated { words.removeLast(words.count - SearchQuery.maxWords) }
        // A word inside another word of the query adds nothing: the longer one finds it too.
        words = words.filter { w in !words.contains { $0 != w && $0.count > w.count && SearchIndex.find(w, in: $0, from: 0, to: $0.count) != nil } }
        let terms = words.map { word -> [[UInt8]] in
            guard word.count > 2, !startsANameWord(word) else { return [word] }
            return [word] + typoCorrections(word)
        }
        var phrase: [UInt8] = []
        for word in SearchText.words(query).prefix(SearchQuery.maxWords) {
            if !phrase.isEmpty { phrase.append(0x20) }
            phrase += word
        }
        return SearchQuery(terms: terms, phrase: phrase, truncated: truncated)
    }

    /// Results for a query, best first; a query without letters or digits finds nothing.
    public func search(_ query: String, limit: Int = 500) -> [SearchHit] {
        search(parse(query), limit: limit)
    }

    public func search(_ q: SearchQuery, limit: Int = 500) -> [SearchHit] {
        var work = SearchWork()
        return search(q, limit: limit, work: &work)
    }

    /// What one query cost: entries whose names were ranked, entries read from the words' lists,
    /// bytes of text scanned. Tests bound these; nothing times them.
    struct SearchWork {
        var entriesRanked = 0, entriesRead = 0, textBytesScanned = 0
    }

    /// Results are every entry ranked by its names (best rank, then result order), then those with
    /// every word somewhere in their text. Each name rank is taken in turn, from the entries that can
    /// have it, in result order, and the search stops when the limit is reached: so a query reads
    /// about as many entries as it shows, not every name holding its words.
    func search(_ q: SearchQuery, limit: Int, work: inout SearchWork) -> [SearchHit] {
        guard !q.terms.isEmpty, limit > 0 else { return [] }
        var hits: [(owner: Int, rank: Rank)] = []
        // Name ranks worked out so far (nil: some word is in none of the entry's names).
        var ranks: [Int32: Rank?] = [:]
        func take<Source: EntrySource>(_ stream: inout Source, _ rank: Rank) -> Bool {
            while hits.count < limit, let owner = stream.next() {
                work.entriesRead += 1
                let r: Rank?
                if let known = ranks[owner] {
                    r = known
                } else {
                    work.entriesRanked += 1
                    r = nameRank(Int(owner), q)
                    ranks[owner] = r
                }
                if r == rank { hits.append((Int(owner), rank)) }
            }
            return hits.count >= limit
        }
        func named() -> [SearchHit] { hits.map { nameHit($0.owner, q, rank: $0.rank) } }

        // The whole name, then its start: the query's words in order, or one word's corrections.
        let phrases = q.terms.count == 1 ? q.terms[0] : [q.phrase]
        var exact = RangeStream(sortedNameOwners, ranges: phrases.map(exactRange))
        if take(&exact, .exactName) { return named() }
        var starting = RangeStream(sortedNameOwners, ranges: phrases.map(prefixRange))
        if take(&starting, .namePrefix) { return named() }

        // Every word at the start of a word of one name: from the entries of the term whose words
        // (those it starts) are in the fewest entries.
        func rarest(_ sets: [Set<Int>]) -> Set<Int> {
            sets.min { a, b in
                a.reduce(0) { $0 + words.entries($1).count } < b.reduce(0) { $0 + words.entries($1).count }
            }!
        }
        let started = rarest(q.terms.map { alternatives in Set(alternatives.flatMap { words.starting(with: $0) }) })
        var wordStarts = EntryStream(words.postings, ranges: started.map(words.entries))
        if take(&wordStarts, .nameWord) { return named() }

        // Every word inside one name, then every word among the names.
        let inside = q.terms.map { alternatives in Set(alternatives.flatMap { words.containing($0) }) }
        let holding = rarest(inside)
        var inOneName = EntryStream(words.postings, ranges: holding.map(words.entries))
        if take(&inOneName, .nameContains) { return named() }
        var inNames = EntryStream(words.postings, ranges: holding.map(words.entries))
        if take(&inNames, .names) { return named() }

        // Every entry ranked by names is in `hits` now. Then text: entries holding every word, with
        // the driver (the longest word that needs no correction) in a name or in a text. A word in no
        // name and no text (a typo being typed) leaves nothing to look for.
        for (i, alternatives) in q.terms.enumerated() where inside[i].isEmpty && !alternatives.contains(where: textGrams.mayHold) {
            return named()
        }
        let ranked = Set(hits.map(\.owner))
        let driver = q.terms.indices.max { a, b in
            let (x, y) = (q.terms[a], q.terms[b])
            return (x.count == 1 ? 1 : 0, x[0].count) < (y.count == 1 ? 1 : 0, y[0].count)
        }!
        let others = q.terms.indices.filter { $0 != driver }.map { q.terms[$0] }
        var textTier: Set<Int> = []
        var driverInNames = EntryStream(words.postings, ranges: inside[driver].map(words.entries))
        while let owner = driverInNames.next().map(Int.init) {
            work.entriesRead += 1
            if !ranked.contains(owner), allInEntry(owner, others) { textTier.insert(owner) }
        }
        var results = named()
        let room = limit - hits.count
        var found: Set<Int> = textTier
        var offsets: [Int: (text: Int, offset: Int)] = [:]
        for alternative in q.terms[driver] where textGrams.mayHold(alternative) {
            var count = 0
            Self.scan(alternative, textBytes, starts: textStart) { text, offset in
                let owner = Int(textOwner[text])
                let entry = entries[owner]
                let next = Int(entry.firstText) + entry.texts.count
                work.textBytesScanned = max(work.textBytesScanned, offset)
                if !ranked.contains(owner), offsets[owner] == nil, allInEntry(owner, others) {
                    offsets[owner] = (text - Int(entry.firstText), offset - Int(textStart[text]))
                    if found.insert(owner).inserted { count += 1 }
                    if count >= room { return nil }
                }
                return next
            }
        }
        for owner in found.sorted().prefix(room) {
            let at = offsets[owner] ?? firstTextMatch(owner, q)
            results.append(textHit(owner, text: at.text, byteOffset: at.offset))
        }
        return results
    }

    /// Positions in `namesSorted` of the names equal to `phrase`: the first of those starting with it.
    func exactRange(_ phrase: [UInt8]) -> Range<Int> {
        let range = prefixRange(phrase)
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi {
            let mid = (lo + hi) / 2
            let name = Int(namesSorted[mid])
            if Int(nameStart[name + 1] - nameStart[name]) - 1 == phrase.count { lo = mid + 1 } else { hi = mid }
        }
        return range.lowerBound..<lo
    }

    /// Up to `limit` records a mistyped name may have meant, best first: what search finds for it
    /// (typos corrected), else the names closest to it as a whole. `accept` narrows the kinds (ids).
    public func suggestions(for argument: String, limit: Int = 3, accept: (String) -> Bool = { _ in true }) -> [SearchHit] {
        let found = search(argument, limit: 200).filter { $0.kind != .excerpt && accept($0.id) }
        if !found.isEmpty { return Array(found.prefix(limit)) }
        let target = SearchText.collapsed(String(argument.prefix(200)))
        guard target.count > 2 else { return [] }
        let allowed = max(2, target.count / 3)
        var scored: [(distance: Int, entry: Int)] = []
        var seen: Set<Int> = []
        for name in 0..<nameOwner.count {
            let owner = Int(nameOwner[name])
            guard entries[owner].kind != .excerpt, !seen.contains(owner), accept(entries[owner].id) else { continue }
            let bytes = nameBytes[Int(nameStart[name])..<(Int(nameStart[name + 1]) - 1)]
            if let d = SearchText.distance(target, bytes, limit: allowed) {
                scored.append((d, owner))
                seen.insert(owner)
            }
        }
        scored.sort { ($0.distance, $0.entry) < ($1.distance, $1.entry) }
        return scored.prefix(limit).map { nameHit($0.entry, SearchQuery(terms: [], phrase: [], truncated: false), rank: .nameContains) }
    }

    // MARK: - Matching

    /// True when some word of some name starts with `word`.
    func startsANameWord(_ word: [UInt8]) -> Bool {
        var lo = 0, hi = sortedNameWords.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sortedNameWords[mid].lexicographicallyPrecedes(word) { lo = mid + 1 } else { hi = mid }
        }
        return lo < sortedNameWords.count && sortedNameWords[lo].starts(with: word)
    }

    /// Names' words within the word's typo limit, closest first.
    func typoCorrections(_ word: [UInt8]) -> [[UInt8]] {
        let limit = SearchText.typoLimit(word.count)
        guard limit > 0 else { return [] }
        var found: [(Int, [UInt8])] = []
        for length in max(0, word.count - limit)...(word.count + limit) where length < nameWords.count {
            for candidate in nameWords[length] {
                if let d = SearchText.distance(word, candidate[...], limit: limit) { found.append((d, candidate)) }
            }
        }
        return found.sorted { $0.0 < $1.0 }.prefix(8).map(\.1)
    }

    /// How the entry's names hold every word: all in one name (ranked as it matches), spread over its
    /// names, or nil when some word is in no name.
    func nameRank(_ owner: Int, _ q: SearchQuery) -> Rank? {
        let entry = entries[owner]
        var best: Rank?
        for i in 0..<entry.names.count {
            let n = Int(entry.firstName) + i
            let (from, to) = (Int(nameStart[n]), Int(nameStart[n + 1]) - 1)
            guard let r = rankInName(q, from: from, to: to) else { continue }
            if best.map({ r.rawValue < $0.rawValue }) ?? true { best = r }
        }
        if best != nil { return best }
        let (from, to) = names(of: owner)
        for alternatives in q.terms where !alternatives.contains(where: { has($0, nameBytes, from, to) }) { return nil }
        return .names
    }

    /// The rank of one name holding every word: the whole name, its start, each at a word's start,
    /// or anywhere; nil when a word is missing.
    func rankInName(_ q: SearchQuery, from: Int, to: Int) -> Rank? {
        var allAtWordStart = true
        for alternatives in q.terms {
            var present = false, atStart = false
            for word in alternatives {
                var p = from
                while let at = nameBytes.withUnsafeBufferPointer({ SearchIndex.find(word, in: $0, from: p, to: to) }) {
                    present = true
                    if at == from || nameBytes[at - 1] == 0x20 { atStart = true; break }
                    p = at + 1
                }
                if atStart { break }
            }
            if !present { return nil }
            if !atStart { allAtWordStart = false }
        }
        // The whole name or its start: the query's words in order, or a correction of its one word.
        let length = to - from
        var best: Rank?
        for phrase in q.terms.count == 1 ? q.terms[0] : [q.phrase] where !phrase.isEmpty && phrase.count <= length {
            guard nameBytes[from..<(from + phrase.count)].elementsEqual(phrase) else { continue }
            if length == phrase.count { return .exactName }
            best = .namePrefix
        }
        return best ?? (allAtWordStart ? .nameWord : .nameContains)
    }

    /// True when every word (some alternative of it) is in the entry's names or texts.
    func allInEntry(_ owner: Int, _ terms: [[[UInt8]]]) -> Bool {
        let (nFrom, nTo) = names(of: owner), (tFrom, tTo) = texts(of: owner)
        for alternatives in terms {
            let present = alternatives.contains { has($0, nameBytes, nFrom, nTo) || has($0, textBytes, tFrom, tTo) }
            if !present { return false }
        }
        return true
    }

    func names(of owner: Int) -> (Int, Int) {
        let e = entries[owner]
        return (Int(nameStart[Int(e.firstName)]), Int(nameStart[Int(e.firstName) + e.names.count]))
    }

    func texts(of owner: Int) -> (Int, Int) {
        let e = entries[owner]
        return (Int(textStart[Int(e.firstText)]), Int(textStart[Int(e.firstText) + e.texts.count]))
    }

    func has(_ word: [UInt8], _ bytes: [UInt8], _ from: Int, _ to: Int) -> Bool {
        bytes.withUnsafeBufferPointer { SearchIndex.find(word, in: $0, from: from, to: to) } != nil
    }

    /// The first text of an entry holding a word of the query, and where.
    func firstTextMatch(_ owner: Int, _ q: SearchQuery) -> (text: Int, offset: Int) {
        let entry = entries[owner]
        for i in 0..<entry.texts.count {
            let t = Int(entry.firstText) + i
            let (from, to) = (Int(textStart[t]), Int(textStart[t + 1]) - 1)
            for alternatives in q.terms {
                for word in alternatives {
                    if let at = textBytes.withUnsafeBufferPointer({ SearchIndex.find(word, in: $0, from: from, to: to) }) {
                        return (i, at - from)
                    }
                }
            }
        }
        return (0, 0)
    }

    /// Where `word` first occurs in `bytes[from..<to]`: memchr for its first byte, memcmp for the rest.
    static func find(_ word: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard !word.isEmpty, to - from >= word.count, let base = bytes.baseAddress else { return nil }
        return word.withUnsafeBufferPointer { w -> Int? in
            let first = Int32(w[0]), rest = w.count - 1
            var p = from
            let last = to - w.count
            while p <= last {
                guard let hit = memchr(base + p, first, last - p + 1) else { return nil }
                let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                if rest == 0 || memcmp(base + at + 1, w.baseAddress! + 1, rest) == 0 { return at }
                p = at + 1
            }
            return nil
        }
    }

    static func find(_ word: [UInt8], in bytes: [UInt8], from: Int, to: Int) -> Int? {
        bytes.withUnsafeBufferPointer { find(word, in: $0, from: from, to: to) }
    }

    /// Calls `found` with each string (and byte offset) where `word` occurs, from the string `found`
    /// returns onwards; nil stops. Strings never hold the separator, so no match spans two.
    static func scan(_ word: [UInt8], _ buffer: [UInt8], starts: [Int32], _ found: (Int, Int) -> Int?) {
        guard starts.count > 1, !word.isEmpty else { return }
        buffer.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            var position = 0, string = 0
            let total = Int(starts[starts.count - 1])
            let needle = word + [0]
            while position < total {
                let hit = needle.withUnsafeBufferPointer { n in
                    UnsafeRawPointer(base + position).withMemoryRebound(to: CChar.self, capacity: total - position + 1) { hay in
                        n.baseAddress!.withMemoryRebound(to: CChar.self, capacity: n.count) { strstr(hay, $0) }
                    }
                }
                guard let hit else { return }
                let offset = position + UnsafeRawPointer(base + position).distance(to: UnsafeRawPointer(hit))
                guard offset < total else { return }
                string = SearchIndex.owner(of: offset, starts, from: string)
                guard let next = found(string, offset) else { return }
                string = max(string, next)
                position = next < starts.count - 1 ? max(offset + 1, Int(starts[next])) : total
            }
        }
    }

    /// Index of the string holding byte `offset`, searching forward from `from`.
    static func owner(of offset: Int, _ starts: [Int32], from: Int) -> Int {
        var lo = from, hi = starts.count - 2
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(starts[mid]) <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// Positions in `namesSorted` of the names starting with `q`.
    func prefixRange(_ q: [UInt8]) -> Range<Int> {
        nameBytes.withUnsafeBufferPointer { names in
            func order(_ i: Int) -> Int {
                let name = Int(namesSorted[i])
                let start = Int(nameStart[name]), end = Int(nameStart[name + 1]) - 1
                for k in 0..<q.count {
                    if start + k >= end { return -1 }
                    let a = names[start + k], b = q[k]
                    if a != b { return a < b ? -1 : 1 }
                }
                return 0
            }
            var lo = 0, hi = namesSorted.count
            while lo < hi { let mid = (lo + hi) / 2; if order(mid) < 0 { lo = mid + 1 } else { hi = mid } }
            let first = lo
            hi = namesSorted.count
            while lo < hi { let mid = (lo + hi) / 2; if order(mid) <= 0 { lo = mid + 1 } else { hi = mid } }
            return first..<lo
        }
    }

    static func compare(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int32, _ aEnd: Int32, _ b: Int32, _ bEnd: Int32) -> Int {
        var i = Int(a), j = Int(b)
        while i < Int(aEnd) && j < Int(bEnd) {
            if bytes[i] != bytes[j] { return bytes[i] < bytes[j] ? -1 : 1 }
            i += 1
            j += 1
        }
        return (Int(aEnd) - i) - (Int(bEnd) - j) == 0 ? 0 : (i == Int(aEnd) ? -1 : 1)
    }

    // MARK: - Hits

    /// The hit for an entry matched by name; its context is the first other name with the best rank,
    /// when the record's own name does not have it.
    func nameHit(_ index: Int, _ q: SearchQuery, rank: Rank) -> SearchHit {
        let entry = entries[index]
        var context = ""
        if rank != .names, !q.terms.isEmpty {
            for i in 0..<entry.names.count {
                let n = Int(entry.firstName) + i
                if rankInName(q, from: Int(nameStart[n]), to: Int(nameStart[n + 1]) - 1) == rank {
                    context = i == 0 ? "" : entry.names[i]
                    break
                }
            }
        }
        return SearchHit(id: entry.id, kind: entry.kind, label: entry.label, context: context, rank: rank.rawValue)
    }

    func textHit(_ index: Int, text: Int, byteOffset: Int) -> SearchHit {
        let entry = entries[index]
        let original = entry.texts[text]
        let folded = original.folded
        let utf8 = folded.utf8
        let at = utf8.index(utf8.startIndex, offsetBy: min(byteOffset, utf8.count))
        let snippet = SearchIndex.snippet(original, folded: folded, at: at..<at)
        return SearchHit(id: entry.id, kind: entry.kind, label: entry.label, context: snippet, rank: Rank.text.rawValue)
    }

    /// A short piece of text around a match, taken from the original (unfolded) string when the
    /// folded one lines up with it character for character, as it does for Latin text.
    static func snippet(_ original: String, folded: String, at range: Range<String.Index>) -> String {
        let source = original.count == folded.count ? original : folded
        let start = folded.distance(from: folded.startIndex, to: range.lowerBound)
        let count = source.count
        let from = max(0, start - 30), to = min(count, start + 50)
        let lower = source.index(source.startIndex, offsetBy: from)
        let upper = source.index(lower, offsetBy: max(0, to - from))
        return (from > 0 ? "…" : "") + String(source[lower..<upper]) + (to < count ? "…" : "")
    }
}
