import XCTest
@testable import TanacsModel
@testable import TanacsBench

/// The benchmark's generator writes data the loader accepts, and `run` reports every row.
/// Timings are the benchmark's business, not these tests'.
final class BenchTests: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let data = repo.appendingPathComponent("data")

    func testGeneratedDatasetLoadsAndValidates() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tanacs-bench-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        try Generator.generate(from: Self.data, scale: 2, to: out)
        let original = try DataLoader.load(from: Self.data)
        let model = try DataLoader.load(from: out)
        XCTAssertEqual(model.events.count, 2 * original.events.count)
        XCTAssertEqual(model.places.count, 2 * original.places.count)
        XCTAssertEqual(model.councils.count, 2 * original.councils.count)
        XCTAssertEqual(model.people.count, 2 * original.people.count)
        XCTAssertEqual(model.figures.count, 2 * original.figures.count)
        XCTAssertEqual(model.excerpts.count, 2 * original.excerpts.count)
        XCTAssertEqual(model.sources.count, original.sources.count)
        XCTAssertFalse(model.geography.isEmpty, "geo/ is copied so the map draws")
        // The fast path loads the 2× dataset record for record as the checking path does.
        let read: (String) -> Data? = { FileManager.default.contents(atPath: out.appendingPathComponent($0).path) }
        let fast = try DataLoader.load(fastPath: true, reading: read), checked = try DataLoader.load(fastPath: false, reading: read)
        XCTAssertEqual(fast.model.events, checked.model.events)
        XCTAssertEqual(fast.model.places, checked.model.places)
        XCTAssertEqual(fast.model.councils, checked.model.councils)
        XCTAssertEqual(fast.model.people, checked.model.people)
        XCTAssertEqual(fast.model.figures, checked.model.figures)
        XCTAssertEqual(fast.model.excerpts, checked.model.excerpts)
        XCTAssertEqual(fast.model.sources, checked.model.sources)
        XCTAssertEqual(fast.warnings, checked.warnings)
        // Every file of it takes the fast path.
        func takesFastPath<T>(_ name: String, _ reader: (inout RecordReader) throws -> T) throws -> Bool {
            RecordReader.records(try XCTUnwrap(read(name)), reader) != nil
        }
        XCTAssertTrue(try takesFastPath("sources.json") { try $0.source() })
        XCTAssertTrue(try takesFastPath("excerpts.json") { try $0.excerpt() })
        XCTAssertTrue(try takesFastPath("places.json") { try $0.place() })
        XCTAssertTrue(try takesFastPath("councils.json") { try $0.council() })
        XCTAssertTrue(try takesFastPath("events.json") { try $0.event() })
        XCTAssertTrue(try takesFastPath("people.json") { try $0.person() })
        XCTAssertTrue(try takesFastPath("figures.json") { try $0.figure() })
        // References stay inside each copy.
        let copy = try XCTUnwrap(model.eventByID[original.events[0].id + "-copy2"])
        XCTAssertTrue(copy.places.allSatisfy { $0.hasSuffix("-copy2") })
        XCTAssertTrue(copy.citations.allSatisfy { $0.hasSuffix("-copy2") })
        XCTAssertEqual(model.excerptByID[copy.citations[0]]?.text, original.excerptByID[original.events[0].citations[0]]?.text)
    }

    func testPaintBytesTellTextFromControl() {
        let sent = Array("\u{1B}[1;13H\u{1B}(B\u{1B}[0;1m2 of “x”\r\u{1B}[28;35r\u{1B}[2T".utf8)
        let counted = Benchmark.PaintBytes(sent[...])
        XCTAssertEqual(counted.text, Array("2 of “x”".utf8).count)
        XCTAssertEqual(counted.control, 7 + 3 + 6 + 1 + 8 + 4)
        XCTAssertEqual(counted.total, sent.count)
    }

    func testRunReportsEveryRow() throws {
        var options = Benchmark.Options()
        options.keystrokes = 12
        options.searchKeystrokes = 12
        let report = try Benchmark.run(data: Self.data, scale: 1, options: options)
        XCTAssertEqual(report.rows.map(\.name), Benchmark.rowNames)
        let table = report.table
        for name in Benchmark.rowNames { XCTAssertTrue(table.contains("| \(name) |"), name) }
        XCTAssertTrue(report.rows.allSatisfy { !$0.value.isEmpty && !$0.budget.isEmpty })
        XCTAssertTrue(table.contains("ok") || table.contains("OVER"))
    }
}
