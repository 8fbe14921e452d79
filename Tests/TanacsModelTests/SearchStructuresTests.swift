import XCTest
@testable import TanacsModel

/// The pieces search finds names with: the names' words and their entries, streams of entries in
/// order, and the byte runs of the texts. Each is checked against the obvious computation.
final class SearchStructuresTests: XCTestCase {
    /// A small deterministic generator, so failures repeat.
    private struct Numbers {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    func testEntryStreamMergesSortedListsOnce() {
        var numbers = Numbers(state: 7)
        for round in 0..<200 {
            var list: [Int32] = [], ranges: [Range<Int>] = [], want: Set<Int32> = []
            for _ in 0..<numbers.next(6) {
                let values = Set((0..<numbers.next(12)).map { _ in Int32(numbers.next(40)) }).sorted()
                ranges.append(list.count..<(list.count + values.count))
                list += values
                want.formUnion(values)
            }
            var stream = EntryStream(list, ranges: ranges)
            var got: [Int32] = []
            while let v = stream.next() { got.append(v) }
            XCTAssertEqual(got, want.sorted(), "round \(round)")
        }
    }

    func testRangeStreamTakesARangesValuesInOrder() {
        var numbers = Numbers(state: 11)
        let values = (0..<500).map { _ in Int32(numbers.next(120)) }
        let table = RangeMinimum(values)
        for round in 0..<300 {
            var ranges: [Range<Int>] = [], want: Set<Int32> = []
            for _ in 0..<(1 + numbers.next(3)) {
                let a = numbers.next(values.count + 1), b = numbers.next(values.count + 1)
                let range = min(a, b)..<max(a, b)
                ranges.append(range)
                want.formUnion(values[range])
            }
            var stream = RangeStream(table, ranges: ranges)
            var got: [Int32] = []
            while let v = stream.next() { got.append(v) }
            XCTAssertEqual(got, want.sorted(), "round \(round) \(ranges)")
            if let range = ranges.first, !range.isEmpty {
                XCTAssertEqual(values[table.minimum(range)], values[range].min(), "\(range)")
            }
        }
        XCTAssertNil({ var s = RangeStream(RangeMinimum([]), ranges: []); return s.next() }())
    }

    func testByteGramsNeverMissARunTheBufferHolds() {
        let texts = ["workers council", "győr", "a", "", "csepel iron and steel", "x"]
        var buffer: [UInt8] = []
        for t in texts { buffer += SearchText.normalized(t) + [1] }
        buffer.append(0)
        let grams = ByteGrams(buffer)
        for t in texts {
            let bytes = SearchText.normalized(t)
            for i in bytes.indices {
                for j in (i + 1)...min(bytes.count, i + 6) { XCTAssertTrue(grams.mayHold(Array(bytes[i..<j])), "\(t) \(i)..<\(j)") }
            }
        }
        for absent in ["q", "zz", "dud", "councix", "ironx"] {
            XCTAssertFalse(grams.mayHold(SearchText.normalized(absent)), absent)
        }
        XCTAssertFalse(grams.mayHold([]))
    }

    func testNameWordsListEachWordsEntries() {
        let names = ["central workers council", "workers", "", "csepel council", "council csepel central"]
        let owners: [Int32] = [0, 0, 1, 2, 4]
        var bytes: [UInt8] = [], starts: [Int32] = []
        for n in names {
            starts.append(Int32(bytes.count))
            bytes += Array(n.utf8) + [1]
        }
        starts.append(Int32(bytes.count))
        bytes.append(0)
        let words = NameWords(names: bytes, nameStart: starts, nameOwner: owners)
        let all = (0..<words.count).map { String(decoding: words.word($0), as: UTF8.self) }
        XCTAssertEqual(all, ["central", "council", "csepel", "workers"])
        func entries(_ w: String) -> [Int32] { Array(words.postings[words.entries(words.id(of: Array(w.utf8))!)]) }
        XCTAssertEqual(entries("council"), [0, 2, 4])
        XCTAssertEqual(entries("workers"), [0], "an entry is listed once however many of its names hold the word")
        XCTAssertEqual(entries("central"), [0, 4])
        XCTAssertNil(words.id(of: Array("counci".utf8)))
        XCTAssertEqual(words.starting(with: Array("c".utf8)), 0..<3)
        XCTAssertEqual(words.starting(with: Array("cs".utf8)), 2..<3)
        // A word shorter than the query does not start with it, though the query starts with it.
        XCTAssertEqual(words.starting(with: Array("councils".utf8)), 2..<2)
        XCTAssertNil(words.id(of: Array("workersx".utf8)))
        // Every prefix of every word, and each word with a letter more, against the words themselves.
        for w in all {
            for query in (1...w.utf8.count).map({ Array(w.utf8.prefix($0)) }) + [Array(w.utf8) + [UInt8(ascii: "a")]] {
                let expected = all.indices.filter { Array(all[$0].utf8).starts(with: query) }
                XCTAssertEqual(Array(words.starting(with: query)), expected, String(decoding: query, as: UTF8.self))
            }
        }
        XCTAssertEqual(words.containing(Array("e".utf8)), [0, 2, 3])
        XCTAssertEqual(words.containing(Array("ouncil".utf8)), [1])
        XCTAssertEqual(words.containing(Array("zz".utf8)), [])
    }
}
