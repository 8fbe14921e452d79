import Foundation
@testable import TanacsModel

/// The search as it was before the names' word index (issue 16): every name holding the query's
/// longest word found by scanning all names, every match ranked, then the best kept. Kept here,
/// unchanged, to check that the index returns exactly what it did.
extension SearchIndex {
    func scanningSearch(_ q: SearchQuery, limit: Int) -> [SearchHit] {
        guard !q.terms.isEmpty, limit > 0 else { return [] }
        // A single word's names by prefix: exact names and name prefixes rank first, so when they fill
        // the limit nothing else can make the list.
        // Best rank per entry (255: none yet) and the entries ranked, kept in arrays: a short query
        // at 100× touches tens of thousands of names.
        var best = [UInt8](repeating: 255, count: entries.count)
        var owners: [Int32] = []
        if q.terms.count == 1, q.terms[0].count == 1 {
            let word = q.terms[0][0]
            for i in prefixRange(word) {
                let name = Int(namesSorted[i]), owner = Int(nameOwner[name])
                let length = Int(nameStart[name + 1] - nameStart[name]) - 1
                let rank: UInt8 = length == word.count ? 0 : 1
                if best[owner] == 255 { owners.append(Int32(owner)) }
                best[owner] = min(best[owner], rank)
            }
            if owners.count >= limit {
                return ordered(owners, best).prefix(limit).map { nameHit($0, q, rank: SearchIndex.Rank(rawValue: Int(best[$0]))!) }
            }
            for owner in owners { best[Int(owner)] = 255 }
            owners = []
        }
        // Several words: names starting with them in order rank first, found by binary search; when
        // they fill the limit, nothing else can make the list.
        if q.terms.count > 1, q.terms.allSatisfy({ $0.count == 1 }) {
            for i in prefixRange(q.phrase) {
                let name = Int(namesSorted[i]), owner = Int(nameOwner[name])
                let length = Int(nameStart[name + 1] - nameStart[name]) - 1
                let rank: UInt8 = length == q.phrase.count ? 0 : 1
                if best[owner] == 255 { owners.append(Int32(owner)) }
                best[owner] = min(best[owner], rank)
            }
            if owners.count >= limit {
                return ordered(owners, best).prefix(limit).map { nameHit($0, q, rank: SearchIndex.Rank(rawValue: Int(best[$0]))!) }
            }
            for owner in owners { best[Int(owner)] = 255 }
            owners = []
        }
        // The driver: the longest word that needs no correction, whose occurrences are scanned for.
        let driver = q.terms.indices.max { a, b in
            let (x, y) = (q.terms[a], q.terms[b])
            return (x.count == 1 ? 1 : 0, x[0].count) < (y.count == 1 ? 1 : 0, y[0].count)
        }!
        let others = q.terms.indices.filter { $0 != driver }.map { q.terms[$0] }

        // Entries with the driver in a name: ranked by names when every word is in them, else by text.
        var textTier: Set<Int> = []
        for alternative in q.terms[driver] {
            SearchIndex.scan(alternative, nameBytes, starts: nameStart) { name, _ in
                let owner = Int(nameOwner[name])
                let entry = entries[owner]
                let next = Int(entry.firstName) + entry.names.count
                if best[owner] == 255, !textTier.contains(owner) {
                    if let r = nameRank(owner, q) {
                        best[owner] = UInt8(r.rawValue)
                        owners.append(Int32(owner))
                    } else if allInEntry(owner, others) {
                        textTier.insert(owner)
                    }
                }
                return next
            }
        }
        var hits = ordered(owners, best).prefix(limit).map { nameHit($0, q, rank: SearchIndex.Rank(rawValue: Int(best[$0]))!) }
        guard hits.count < limit else { return hits }

        // Entries with the driver in a text and every other word somewhere in them, in result order.
        let room = limit - hits.count
        var found: Set<Int> = textTier
        var offsets: [Int: (text: Int, offset: Int)] = [:]
        for alternative in q.terms[driver] {
            var count = 0
            SearchIndex.scan(alternative, textBytes, starts: textStart) { text, offset in
                let owner = Int(textOwner[text])
                let entry = entries[owner]
                let next = Int(entry.firstText) + entry.texts.count
                if best[owner] == 255, offsets[owner] == nil, allInEntry(owner, others) {
                    offsets[owner] = (text - Int(entry.firstText), offset - Int(textStart[text]))
                    if found.insert(owner).inserted { count += 1 }
                    if count >= room { return nil }
                }
                return next
            }
        }
        for owner in found.sorted().prefix(room) {
            let at = offsets[owner] ?? firstTextMatch(owner, q)
            hits.append(textHit(owner, text: at.text, byteOffset: at.offset))
        }
        return hits
    }

    /// Entries by rank, then in result order: a counting sort, linear in the entries.
    func ordered(_ owners: [Int32], _ best: [UInt8]) -> [Int] {
        var buckets = [[Int]](repeating: [], count: Rank.text.rawValue + 1)
        for owner in owners.sorted() { buckets[Int(best[Int(owner)])].append(Int(owner)) }
        return buckets.flatMap { $0 }
    }
}
