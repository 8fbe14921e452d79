#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every distinct word of every name (as search stores names: collapsed, `SearchText`), in byte
/// order, each with the search entries whose names hold it.
/// A query word finds the words it starts by binary search and the words it is inside by one scan of
/// the words (a few hundred kilobytes however many records repeat them), and from them the entries,
/// in entry order, without reading every name. Built once, with the search index.
struct NameWords: Sendable {
    /// The words, each followed by a separator byte (1), the whole ending in a zero byte for `strstr`.
    let bytes: [UInt8]
    /// Where each word starts in `bytes`, plus the end.
    let starts: [Int32]
    /// For each word, the entries (ascending, each once) with a name holding it: `postings[postingStart[w]..<postingStart[w + 1]]`.
    let postingStart: [Int32]
    let postings: [Int32]

    var count: Int { starts.count - 1 }

    /// From names laid out in entry order: name `n` is `names[nameStart[n]..<nameStart[n + 1] - 1]`
    /// and belongs to entry `nameOwner[n]` (never decreasing).
    init(names: [UInt8], nameStart: [Int32], nameOwner: [Int32]) {
        var ids: [ArraySlice<UInt8>: Int] = [:]
        var words: [ArraySlice<UInt8>] = []
        var lists: [[Int32]] = []
        for n in 0..<nameOwner.count {
            let owner = nameOwner[n]
            let to = Int(nameStart[n + 1]) - 1
            var p = Int(nameStart[n])
            while p < to {
                var end = p
                while end < to && names[end] != 0x20 { end += 1 }
                let word = names[p..<end]
                let id: Int
                if let known = ids[word] {
                    id = known
                } else {
                    id = words.count
                    ids[word] = id
                    words.append(word)
                    lists.append([])
                }
                // Entries come in order, so an entry already listed is the list's last.
                if lists[id].last != owner { lists[id].append(owner) }
                p = end + 1
            }
        }
        let order = words.indices.sorted { words[$0].lexicographicallyPrecedes(words[$1]) }
        var bytes: [UInt8] = [], starts: [Int32] = []
        var postingStart: [Int32] = [0], postings: [Int32] = []
        for id in order {
            starts.append(Int32(bytes.count))
            bytes.append(contentsOf: words[id])
            bytes.append(1)
            postings.append(contentsOf: lists[id])
            postingStart.append(Int32(postings.count))
        }
        starts.append(Int32(bytes.count))
        bytes.append(0)
        self.bytes = bytes
        self.starts = starts
        self.postingStart = postingStart
        self.postings = postings
    }

    func word(_ w: Int) -> ArraySlice<UInt8> { bytes[Int(starts[w])..<(Int(starts[w + 1]) - 1)] }

    /// The entries whose names hold word `w`, as a range of `postings`.
    func entries(_ w: Int) -> Range<Int> { Int(postingStart[w])..<Int(postingStart[w + 1]) }

    /// The words that start with `prefix`.
    func starting<C: Collection>(with prefix: C) -> Range<Int> where C.Element == UInt8 {
        func order(_ w: Int) -> Int {
            var i = Int(starts[w])
            let end = Int(starts[w + 1]) - 1
            for b in prefix {
                if i >= end { return -1 }
                if bytes[i] != b { return bytes[i] < b ? -1 : 1 }
                i += 1
            }
            return 0
        }
        var lo = 0, hi = count
        while lo < hi { let mid = (lo + hi) / 2; if order(mid) < 0 { lo = mid + 1 } else { hi = mid } }
        let first = lo
        hi = count
        while lo < hi { let mid = (lo + hi) / 2; if order(mid) <= 0 { lo = mid + 1 } else { hi = mid } }
        return first..<lo
    }

    /// The word equal to `word`, if some name has it.
    func id<C: Collection>(of word: C) -> Int? where C.Element == UInt8 {
        let range = starting(with: word)
        guard let first = range.first, self.word(first).count == word.count else { return nil }
        return first
    }

    /// The words `part` occurs in, in order.
    func containing(_ part: [UInt8]) -> [Int] {
        var found: [Int] = []
        SearchIndex.scan(part, bytes, starts: starts) { w, _ in
            found.append(w)
            return w + 1
        }
        return found
    }
}

/// Entries one at a time, ascending, each once.
protocol EntrySource {
    mutating func next() -> Int32?
}

/// Ascending lists of entries merged into one ascending stream, each entry once: the smallest head
/// of the lists is kept on a heap, so taking the first k entries of m lists costs about k log m.
struct EntryStream: EntrySource {
    private let list: [Int32]
    private var heap: [(at: Int, end: Int)]
    private var last: Int32 = -1

    init(_ list: [Int32], ranges: [Range<Int>]) {
        self.list = list
        heap = ranges.filter { !$0.isEmpty }.map { ($0.lowerBound, $0.upperBound) }
        if heap.count > 1 { for i in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(i) } }
    }

    mutating func next() -> Int32? {
        while let top = heap.first {
            let value = list[top.at]
            if top.at + 1 < top.end {
                heap[0].at += 1
            } else {
                heap[0] = heap[heap.count - 1]
                heap.removeLast()
            }
            if !heap.isEmpty { siftDown(0) }
            if value != last {
                last = value
                return value
            }
        }
        return nil
    }

    private mutating func siftDown(_ start: Int) {
        var i = start
        let n = heap.count
        while true {
            let l = 2 * i + 1, r = l + 1
            var smallest = i
            if l < n, list[heap[l].at] < list[heap[smallest].at] { smallest = l }
            if r < n, list[heap[r].at] < list[heap[smallest].at] { smallest = r }
            if smallest == i { return }
            heap.swapAt(i, smallest)
            i = smallest
        }
    }
}

/// The positions of the smallest values in ranges of an array (a segment tree of positions), so the
/// values of any range can be taken in ascending order without reading the whole range.
struct RangeMinimum: Sendable {
    let values: [Int32]
    /// Node k covers its children 2k and 2k + 1; leaves (n + i) are the positions themselves.
    private let tree: [Int32]

    init(_ values: [Int32]) {
        self.values = values
        let n = values.count
        var tree = [Int32](repeating: 0, count: 2 * max(n, 1))
        for i in 0..<n { tree[n + i] = Int32(i) }
        if n > 1 {
            for k in stride(from: n - 1, through: 1, by: -1) {
                let (a, b) = (tree[2 * k], tree[2 * k + 1])
                tree[k] = values[Int(b)] < values[Int(a)] ? b : a
            }
        }
        self.tree = tree
    }

    /// The position of the smallest value in `range` (non-empty).
    func minimum(_ range: Range<Int>) -> Int {
        let n = values.count
        var l = range.lowerBound + n, r = range.upperBound + n
        var best = range.lowerBound
        while l < r {
            if l & 1 == 1 { let p = Int(tree[l]); if values[p] < values[best] { best = p }; l += 1 }
            if r & 1 == 1 { r -= 1; let p = Int(tree[r]); if values[p] < values[best] { best = p } }
            l >>= 1
            r >>= 1
        }
        return best
    }
}

/// The values of some ranges of an array, ascending, each once: the range holding the smallest value
/// left is split around it, so taking k values costs about k log n however long the ranges are.
struct RangeStream: EntrySource {
    private let table: RangeMinimum
    /// Pieces of ranges not taken yet, each with the position of its smallest value; a min-heap.
    private var heap: [(at: Int, range: Range<Int>)] = []
    private var last: Int32 = -1

    init(_ table: RangeMinimum, ranges: [Range<Int>]) {
        self.table = table
        for range in ranges where !range.isEmpty { push(range) }
    }

    mutating func next() -> Int32? {
        while let top = heap.first {
            heap[0] = heap[heap.count - 1]
            heap.removeLast()
            if !heap.isEmpty { siftDown(0) }
            if top.range.lowerBound < top.at { push(top.range.lowerBound..<top.at) }
            if top.at + 1 < top.range.upperBound { push((top.at + 1)..<top.range.upperBound) }
            let value = table.values[top.at]
            if value != last {
                last = value
                return value
            }
        }
        return nil
    }

    private func value(_ i: Int) -> Int32 { table.values[heap[i].at] }

    private mutating func push(_ range: Range<Int>) {
        heap.append((table.minimum(range), range))
        var i = heap.count - 1
        while i > 0, value(i) < value((i - 1) / 2) {
            heap.swapAt(i, (i - 1) / 2)
            i = (i - 1) / 2
        }
    }

    private mutating func siftDown(_ start: Int) {
        var i = start
        let n = heap.count
        while true {
            let l = 2 * i + 1, r = l + 1
            var smallest = i
            if l < n, value(l) < value(smallest) { smallest = l }
            if r < n, value(r) < value(smallest) { smallest = r }
            if smallest == i { return }
            heap.swapAt(i, smallest)
            i = smallest
        }
    }
}

/// Which runs of one, two and three bytes occur in a buffer, one bit each (three-byte runs hashed
/// to 2^21 bits, 256 KB), set in one pass. A string with a run that never occurs is not in the
/// buffer; one whose runs all occur (or share a bit with runs that do) may be, and is looked for.
struct ByteGrams: Sendable {
    private let singles: [UInt64], pairs: [UInt64], triples: [UInt64]

    init(_ bytes: [UInt8]) {
        var singles = [UInt64](repeating: 0, count: 1 << 2)
        var pairs = [UInt64](repeating: 0, count: 1 << 10)
        var triples = [UInt64](repeating: 0, count: 1 << (ByteGrams.tripleBits - 6))
        bytes.withUnsafeBufferPointer { b in
            singles.withUnsafeMutableBufferPointer { one in
                pairs.withUnsafeMutableBufferPointer { two in
                    triples.withUnsafeMutableBufferPointer { three in
                        guard b.count >= 2 else {
                            for byte in b { one[Int(byte) >> 6] |= 1 << (UInt64(byte) & 63) }
                            return
                        }
                        var run = UInt32(b[0]) << 8 | UInt32(b[1])
                        for byte in b { one[Int(byte) >> 6] |= 1 << (UInt64(byte) & 63) }
                        two[Int(run) >> 6] |= 1 << UInt64(run & 63)
                        for i in 2..<b.count {
                            run = (run << 8 | UInt32(b[i])) & 0xFF_FFFF
                            let pair = run & 0xFFFF
                            two[Int(pair) >> 6] |= 1 << UInt64(pair & 63)
                            let k = ByteGrams.slot(run)
                            three[k >> 6] |= 1 << UInt64(k & 63)
                        }
                    }
                }
            }
        }
        self.singles = singles
        self.pairs = pairs
        self.triples = triples
    }

    static let tripleBits = 21

    /// A three-byte run's bit: Fibonacci hashing spreads the runs of text over the table.
    @inline(__always) static func slot(_ run: UInt32) -> Int { Int((run &* 0x9E37_79B1) >> (32 - UInt32(tripleBits))) }

    /// False when `word` certainly does not occur in the buffer.
    func mayHold(_ word: [UInt8]) -> Bool {
        func has(_ table: [UInt64], _ k: Int) -> Bool { table[k >> 6] & (1 << UInt64(k & 63)) != 0 }
        switch word.count {
        case 0: return false
        case 1: return has(singles, Int(word[0]))
        case 2: return has(pairs, Int(word[0]) << 8 | Int(word[1]))
        default:
            for i in 2..<word.count where !has(triples, ByteGrams.slot(UInt32(word[i - 2]) << 16 | UInt32(word[i - 1]) << 8 | UInt32(word[i]))) {
                return false
            }
            return true
        }
    }
}
