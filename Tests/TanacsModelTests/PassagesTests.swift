import Foundation
import XCTest
@testable import TanacsModel

/// data/passages.json: made by data/make-passages.sh from the source articles, verbatim, and current.
final class PassagesTests: XCTestCase {
    static let committed: [Passage] = {
        let data = try! Data(contentsOf: Paths.bundled.appendingPathComponent("passages.json"))
        return try! JSONDecoder().decode([Passage].self, from: data)
    }()

    private func texts() throws -> [String: SourceText] {
        guard let seeds = Paths.seeds else {
            throw XCTSkip("source articles not found: set TANACS_SOURCES or put shared/seeds beside the clone")
        }
        return try SourceText.load(from: seeds, sources: BundledDatasetTests.model.sources)
    }

    /// Read from memory (as the bundled dataset in the binary is), the passages load with the rest.
    func testPassagesLoadFromMemoryAsFromAFolder() throws {
        let folder = Paths.bundled
        let loaded = try DataLoader.load(reading: { name in
            let url = folder.appendingPathComponent(name)
            return FileManager.default.fileExists(atPath: url.path) ? try Data(contentsOf: url) : nil
        })
        XCTAssertEqual(loaded.model.passages.count, Self.committed.count, "every passage, as from the folder")
        XCTAssertEqual(loaded.model.passages.count, try DataLoader.loadReportingWarnings(from: folder).model.passages.count)
    }

    /// Fails while the file is stale: after excerpts.json changes, run data/make-passages.sh.
    func testCommittedFileIsWhatTheGeneratorMakesNow() throws {
        let (fresh, missing) = Passages.build(excerpts: BundledDatasetTests.model.excerpts, texts: try texts())
        XCTAssertEqual(missing, [], "excerpts not found verbatim, so without a passage")
        let old = Dictionary(Self.committed.map { ($0.excerpt, $0) }, uniquingKeysWith: { a, _ in a })
        let stale = fresh.filter { old[$0.excerpt] != $0 }.map(\.excerpt)
        let gone = Set(old.keys).subtracting(fresh.map(\.excerpt)).sorted()
        XCTAssertEqual(stale + gone, [], "data/passages.json is stale for these excerpts: run data/make-passages.sh")
        XCTAssertEqual(try Passages.encode(fresh), try Data(contentsOf: Paths.bundled.appendingPathComponent("passages.json")),
                       "data/passages.json is not byte for byte what data/make-passages.sh writes")
    }

    /// Checked against the article without the generator's code: the quote with the text around it is
    /// one run of the paragraph; the sentences borrowed from neighbouring paragraphs end and begin them.
    func testEveryPassageIsVerbatimAndHoldsASentenceEachSide() throws {
        guard let seeds = Paths.seeds else { throw XCTSkip("source articles not found") }
        let m = BundledDatasetTests.model
        var failures: [String] = [], paragraphs: [String: [String]] = [:]
        for source in m.sources {
            paragraphs[source.id] = BundledDatasetTests.paragraphs(try String(contentsOf: seeds.appendingPathComponent(source.file), encoding: .utf8))
        }
        for p in Self.committed {
            guard let paras = paragraphs[p.source] else { failures.append("\(p.excerpt): unknown source"); continue }
            // A quote running on over a page break is one run of the two pages joined.
            let para = p.runsOn == true ? paras[p.paragraph - 1] + " " + paras[p.paragraph] : paras[p.paragraph - 1]
            let following = p.runsOn == true ? p.paragraph + 1 : p.paragraph
            if !para.contains(p.before + p.quote + p.after) || !Array(para)[p.offset...].starts(with: Array(p.quote)) { failures.append("\(p.excerpt): not one run of paragraph \(p.paragraph)") }
            if let previous = p.previous, !paras[p.paragraph - 2].hasSuffix(previous) { failures.append("\(p.excerpt): previous is not the end of paragraph \(p.paragraph - 1)") }
            if let next = p.next, !paras[following].hasPrefix(next) { failures.append("\(p.excerpt): next is not the start of paragraph \(p.paragraph + 1)") }
            let atStart = p.paragraph == 1 && para.hasPrefix(p.before + p.quote)
            let atEnd = following == paras.count && para.hasSuffix(p.quote + p.after)
            // A whole sentence before: text ending in a sentence's end, here or in the paragraph before.
            if !atStart && !(Self.holdsSentence(p.before) || p.previous != nil) { failures.append("\(p.excerpt): no sentence before") }
            if !atEnd && !(Self.holdsSentence(p.after) || p.next != nil) { failures.append("\(p.excerpt): no sentence after") }
            if let x = m.excerptByID[p.excerpt], SourceText.collapse(x.text) != p.quote { failures.append("\(p.excerpt): quote differs from the excerpt") }
        }
        XCTAssertEqual(failures, [])
        XCTAssertEqual(Set(Self.committed.map(\.excerpt)), Set(m.excerpts.map(\.id)), "every excerpt has a passage")
    }

    static func holdsSentence(_ s: String) -> Bool {
        s.trimmingCharacters(in: .whitespaces).split(separator: " ").count >= 2
            && s.contains(where: { ".!?".contains($0) })
    }

    /// The PDF-derived account is cited by page and printed line: the line named holds the quote's
    /// first words, in the page (block) named.
    func testPagedSourceIsCitedByPageAndLine() throws {
        guard let seeds = Paths.seeds else { throw XCTSkip("source articles not found") }
        let m = BundledDatasetTests.model
        let prole = try XCTUnwrap(m.sourceByID["source:prole"])
        let raw = try String(contentsOf: seeds.appendingPathComponent(prole.file), encoding: .utf8)
        var blocks: [[String]] = [], current: [String] = []
        for line in raw.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) { if !current.isEmpty { blocks.append(current); current = [] } } else { current.append(String(line)) }
        }
        if !current.isEmpty { blocks.append(current) }
        let paged = Self.committed.filter { $0.source == prole.id }
        XCTAssertFalse(paged.isEmpty)
        for p in paged {
            let page = try XCTUnwrap(p.page, p.excerpt), line = try XCTUnwrap(p.line, p.excerpt)
            if p.runsOn == true {
                XCTAssertTrue(SourceText.collapse(blocks[page - 1][line - 1]).contains(String(p.quote.split(separator: " ")[0])), p.excerpt)
                XCTAssertTrue(p.location().hasSuffix("to p. \(page + 1)"))
                continue
            }
            let last = try XCTUnwrap(p.lastLine)
            XCTAssertLessThanOrEqual(line, last)
            let printed = SourceText.collapse(blocks[page - 1][line - 1])
            let lastPrinted = SourceText.collapse(blocks[page - 1][last - 1])
            let firstWord = String(p.quote.split(separator: " ")[0]), lastWord = String(p.quote.split(separator: " ").last!)
            XCTAssertTrue(printed.contains(firstWord), "\(p.excerpt): line \(line) of page \(page) is “\(printed)”")
            XCTAssertTrue(lastPrinted.contains(lastWord), "\(p.excerpt): line \(last) of page \(page) is “\(lastPrinted)”")
            XCTAssertTrue(p.location().hasPrefix("p. \(page), line"))
        }
        XCTAssertTrue(Self.committed.filter { $0.source != prole.id }.allSatisfy { $0.page == nil }, "other sources keep paragraphs")
    }

    func testSentencesSplitAfterStopsQuotesAndEndnoteNumbers() {
        let text = Array("He said “no.”1 Then Mr. Smith left. J. Smith stayed! 1956 came.")
        // "Mr." and the initial "J." inside a sentence do not end it; "left." before "J." does.
        let starts = Passages.sentenceStarts(text)
        XCTAssertEqual(starts.map { String(text[$0...].prefix(4)) }, ["He s", "Then", "J. S", "1956"])
    }

    /// A passage whose quote no longer matches its excerpt (the excerpt was edited) is dropped at load.
    func testStalePassagesAreDroppedAtLoad() {
        var m = BundledDatasetTests.model
        let x = m.excerpts[0]
        m.passages = [x.id: Passage(excerpt: x.id, source: x.source, paragraph: x.paragraph, offset: 0, quote: "something else",
                                    before: "", after: "", previous: nil, next: nil, page: nil, line: nil, lastLine: nil)]
        XCTAssertNil(m.passages[x.id])
        XCTAssertNotNil(BundledDatasetTests.model.passages[x.id], "the bundled dataset loads its passages")
    }
}
