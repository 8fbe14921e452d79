import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The kinds of record search finds, in the order results of equal rank are listed.
public enum SearchKind: String, Sendable, CaseIterable, Codable {
    case place, council, person, event, figure, excerpt
}

/// One search result: a record, how it is labelled, and how well it matched (lower is better).
public struct SearchHit: Sendable, Equatable {
    public let id: String
    public let kind: SearchKind
    public let label: String
    /// What matched when it was not the name: an alternative name, or a snippet of text.
    public let context: String
    public let rank: Int
}

/// Accent- and case-insensitive search over every record's names, titles, summaries and excerpt text.
///
/// Everything is folded once, at construction, into two byte buffers (names, texts) laid out in the
/// order results are listed (kind, then folded label). A query is a `strstr` scan of those buffers;
/// names starting with the query are found by binary search first, and when they alone fill the
/// result limit nothing else is scanned. Text matches are taken in buffer order, so the scan stops as
/// soon as the limit is reached.
public struct SearchIndex: Sendable {
    /// How a match ranks: an exact name (or historical name) beats a name prefix beats a word in a
    /// name beats any part of a name beats the text of a summary or excerpt.
    public enum Rank: Int, Sendable {
        case exactName = 0, namePrefix, nameWord, nameContains, text
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
    /// Folded names, each followed by a separator byte (1), the whole ending in a zero byte so the C
    /// library's `strstr` can scan it; `nameStart[i]` is where name i begins, and `nameStart[count]`
    /// the end. `nameOwner[i]` is its entry.
    let nameBytes: [UInt8]
    let nameStart: [Int32]
    let nameOwner: [Int32]
    /// Name indices in byte order of their folded text, for prefix lookups.
    let namesSorted: [Int32]
    let textBytes: [UInt8]
    let textStart: [Int32]
    let textOwner: [Int32]
    /// True when some folded text holds a zero byte, which `strstr` would take for the end.
    let hasZeroBytes: Bool

    public init(model m: Model) {
        var raw: [Entry] = []
        raw.reserveCapacity(m.places.count + m.councils.count + m.people.count + m.events.count + m.figures.count + m.excerpts.count)
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
            let source = m.sourceByID[x.source]?.author ?? x.source
            raw.append(Entry(id: x.id, kind: .excerpt, label: "\(source), ¶\(x.paragraph)", names: [], texts: [x.text]))
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
        entries.reserveCapacity(raw.count)
        for (n, o) in order.enumerated() {
            var entry = raw[o.index]
            entry.firstName = Int32(nameStart.count)
            entry.firstText = Int32(textStart.count)
            for name in entry.names {
                nameStart.append(Int32(nameBytes.count))
                nameOwner.append(Int32(n))
                nameBytes.append(contentsOf: name.folded.utf8)
                nameBytes.append(1)
            }
            for text in entry.texts {
                textStart.append(Int32(textBytes.count))
                textOwner.append(Int32(n))
                textBytes.append(contentsOf: text.folded.utf8)
                textBytes.append(1)
            }
            entries.append(entry)
        }
        nameStart.append(Int32(nameBytes.count))
        textStart.append(Int32(textBytes.count))
        hasZeroBytes = nameBytes.contains(0) || textBytes.contains(0)
        nameBytes.append(0)
        textBytes.append(0)
        let sorted = nameBytes.withUnsafeBufferPointer { bytes in
            (0..<Int32(nameOwner.count)).sorted { a, b in
                SearchIndex.compare(bytes, nameStart[Int(a)], nameStart[Int(a) + 1] - 1, nameStart[Int(b)], nameStart[Int(b) + 1] - 1) < 0
            }
        }
        self.entries = entries
        self.nameBytes = nameBytes
        self.nameStart = nameStart
        self.nameOwner = nameOwner
        self.namesSorted = sorted
        self.textBytes = textBytes
        self.textStart = textStart
        self.textOwner = textOwner
    }

    /// Results for a query, best first; an empty query finds nothing.
    /// The characters of a query that are searched for; the rest is ignored.
    public static let maxQueryCharacters = 200

    public func search(_ query: String, limit: Int = 500) -> [SearchHit] {
        // A query's cost grows with its length; past a few lines of text nothing more narrows the hits.
        let query = query.count > SearchIndex.maxQueryCharacters ? String(query.prefix(SearchIndex.maxQueryCharacters)) : query
        let q = Array(query.folded.trimmingCharacters(in: .whitespaces).utf8)
        guard !q.isEmpty, limit > 0 else { return [] }
        // Best name rank per entry (255: no name matched), and the entries with a name match.
        var best: [UInt8] = Array(repeating: 255, count: entries.count)
        var owners: [Int32] = []
        nameBytes.withUnsafeBufferPointer { names in
            // Names that start with the query (exact names and prefixes), by binary search. When they
            // fill the limit, nothing ranked lower can make the list.
            for i in prefixRange(q, names) {
                let name = Int(namesSorted[i]), owner = Int(nameOwner[name])
                let length = Int(nameStart[name + 1] - nameStart[name]) - 1
                if best[owner] == 255 { owners.append(Int32(owner)) }
                best[owner] = min(best[owner], length == q.count ? 0 : 1)
            }
            if owners.count >= limit {
                owners.sort()
                return
            }
            // Not enough: every name that contains the query, in result order.
            for owner in owners { best[Int(owner)] = 255 }
            owners = []
            scan(q, names, starts: nameStart) { name, _ in
                let owner = Int(nameOwner[name])
                let rank = UInt8(SearchIndex.rank(q, names, from: Int(nameStart[name]), to: Int(nameStart[name + 1]) - 1).rawValue)
                if best[owner] == 255 { owners.append(Int32(owner)) }
                best[owner] = min(best[owner], rank)
                return name + 1
            }
        }
        var found: [[Int32]] = Array(repeating: [], count: 4)
        for owner in owners { found[Int(best[Int(owner)])].append(owner) }
        var order = found.flatMap { $0 }
        if order.count > limit { order.removeLast(order.count - limit) }
        var hits = order.map { nameHit(Int($0), q) }
        guard hits.count < limit else { return hits }

        // Text matches, in result order, until the limit.
        textBytes.withUnsafeBufferPointer { texts in
            scan(q, texts, starts: textStart) { text, offset in
                let owner = Int(textOwner[text])
                let entry = entries[owner]
                let next = Int(entry.firstText) + entry.texts.count
                if best[owner] == 255 {
                    hits.append(textHit(owner, text: text - Int(entry.firstText), byteOffset: offset - Int(textStart[text])))
                    if hits.count >= limit { return nil }
                }
                return next
            }
        }
        return hits
    }

    // MARK: - Matching

    /// Calls `found` with each string (and byte offset) where `q` occurs, from the string `found`
    /// returns onwards; nil stops. A match across a string's end does not count.
    private func scan(_ q: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, starts: [Int32], _ found: (Int, Int) -> Int?) {
        guard let base = bytes.baseAddress, starts.count > 1 else { return }
        var position = 0, string = 0
        let total = Int(starts[starts.count - 1])
        let needle = q + [0]
        let useStrstr = !hasZeroBytes && !q.contains(0)
        while position < total {
            let offset: Int
            if useStrstr {
                let hit = needle.withUnsafeBufferPointer { n in
                    UnsafeRawPointer(base + position).withMemoryRebound(to: CChar.self, capacity: total - position + 1) { hay in
                        n.baseAddress!.withMemoryRebound(to: CChar.self, capacity: n.count) { strstr(hay, $0) }
                    }
                }
                guard let hit else { return }
                offset = position + UnsafeRawPointer(base + position).distance(to: UnsafeRawPointer(hit))
            } else {
                guard let at = SearchIndex.naiveFind(q, bytes, from: position, to: total) else { return }
                offset = at
            }
            // The string holding the match: the last start at or before it.
            string = SearchIndex.owner(of: offset, starts, from: string)
            let end = Int(starts[string + 1]) - 1
            if offset + q.count > end {
                position = offset + 1
                continue
            }
            guard let next = found(string, offset) else { return }
            string = max(string, next)
            position = next < starts.count ? max(offset + 1, Int(starts[next])) : total
        }
    }

    private static func naiveFind(_ q: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int? {
        var p = from
        while p + q.count <= end {
            var k = 0
            while k < q.count && bytes[p + k] == q[k] { k += 1 }
            if k == q.count { return p }
            p += 1
        }
        return nil
    }

    /// Index of the string holding byte `offset`, searching forward from `from`.
    private static func owner(of offset: Int, _ starts: [Int32], from: Int) -> Int {
        var lo = from, hi = starts.count - 2
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(starts[mid]) <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// Positions in `namesSorted` of the names starting with `q`.
    private func prefixRange(_ q: [UInt8], _ names: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        // Compares a name's first q.count bytes with q.
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

    /// How a folded name matches: equal, a prefix, after a space or hyphen, or anywhere.
    static func rank(_ q: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Rank {
        let length = end - start
        func matches(at p: Int) -> Bool {
            guard p + q.count <= end else { return false }
            for k in 0..<q.count where bytes[p + k] != q[k] { return false }
            return true
        }
        if matches(at: start) { return length == q.count ? .exactName : .namePrefix }
        var found = false
        var p = start + 1
        while p + q.count <= end {
            if matches(at: p) {
                if bytes[p - 1] == 0x20 || bytes[p - 1] == 0x2D { return .nameWord }
                found = true
            }
            p += 1
        }
        return found ? .nameContains : .text
    }

    private static func compare(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int32, _ aEnd: Int32, _ b: Int32, _ bEnd: Int32) -> Int {
        var i = Int(a), j = Int(b)
        while i < Int(aEnd) && j < Int(bEnd) {
            if bytes[i] != bytes[j] { return bytes[i] < bytes[j] ? -1 : 1 }
            i += 1
            j += 1
        }
        return (Int(aEnd) - i) - (Int(bEnd) - j) == 0 ? 0 : (i == Int(aEnd) ? -1 : 1)
    }

    // MARK: - Hits

    /// The hit for an entry matched by name: its best rank, and the first name that has it when
    /// that is not the record's own name.
    private func nameHit(_ index: Int, _ q: [UInt8]) -> SearchHit {
        let entry = entries[index]
        var best: (Rank, String)?
        nameBytes.withUnsafeBufferPointer { names in
            for (i, name) in entry.names.enumerated() {
                let n = Int(entry.firstName) + i
                let rank = SearchIndex.rank(q, names, from: Int(nameStart[n]), to: Int(nameStart[n + 1]) - 1)
                guard rank != .text else { continue }
                if best == nil || rank.rawValue < best!.0.rawValue { best = (rank, i == 0 ? "" : name) }
            }
        }
        let (rank, context) = best ?? (.nameContains, "")
        return SearchHit(id: entry.id, kind: entry.kind, label: entry.label, context: context, rank: rank.rawValue)
    }

    private func textHit(_ index: Int, text: Int, byteOffset: Int) -> SearchHit {
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
