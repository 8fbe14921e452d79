import Foundation
import XCTest
@testable import TanacsModel

/// One bad-data case for every kind of reference and every validation rule: each breaks one field of a
/// copy of Tests/Fixtures/sample and expects the error that names that file, record and field. Removing
/// any one check from the validator makes its case fail.
final class ValidationCoverageTests: XCTestCase {
    typealias Records = [[String: Any]]

    struct Case: Sendable {
        let name: String
        let file: String
        let change: @Sendable (inout Records) -> Void
        /// The error expected: record id, field, and the start of its message.
        let record: String
        let field: String
        let message: String
    }

    private static let nope = "excerpt:no-such-excerpt"

    /// Sets `key` of the object at `index` of the array under `field` in a record.
    private static func setNested(_ record: inout [String: Any], _ field: String, _ index: Int, _ key: String, _ value: Any) {
        var items = record[field] as! [[String: Any]]
        items[index][key] = value
        record[field] = items
    }

    static let cases: [Case] = [
        // References, one per kind of reference.
        Case(name: "an excerpt's source", file: "excerpts.json", change: { $0[0]["source"] = "source:nope" },
             record: "excerpt:blog-p3-1", field: "source", message: "unknown source \"source:nope\""),
        Case(name: "a place's parent", file: "places.json", change: { $0[1]["parent"] = "place:nope" },
             record: "place:ujpest", field: "parent", message: "unknown place \"place:nope\""),
        Case(name: "a place's citation", file: "places.json", change: { $0[0]["citations"] = [nope] },
             record: "place:budapest", field: "citations", message: "unknown excerpt \"\(nope)\""),
        Case(name: "a population's citation", file: "places.json",
             change: { $0[3]["population1956"] = ["value": 70000, "citation": nope] },
             record: "place:gyor", field: "population1956.citation", message: "unknown excerpt \"\(nope)\""),
        Case(name: "a council's place", file: "councils.json", change: { $0[0]["place"] = "place:nope" },
             record: "council:ujpest-revolutionary-council", field: "place", message: "unknown place \"place:nope\""),
        Case(name: "a council's parent", file: "councils.json", change: { $0[0]["parent"] = "council:nope" },
             record: "council:ujpest-revolutionary-council", field: "parent", message: "unknown council \"council:nope\""),
        Case(name: "a council member", file: "councils.json", change: { setNested(&$0[1], "people", 0, "person", "person:nope") },
             record: "council:central-workers-council-of-greater-budapest", field: "people", message: "unknown person \"person:nope\""),
        Case(name: "a council's citation", file: "councils.json", change: { $0[0]["citations"] = [nope] },
             record: "council:ujpest-revolutionary-council", field: "citations", message: "unknown excerpt"),
        Case(name: "a founding date's citation", file: "councils.json",
             change: { $0[1]["formed"] = ["date": "1956-11-14", "citation": nope] },
             record: "council:central-workers-council-of-greater-budapest", field: "formed", message: "unknown excerpt"),
        Case(name: "an end date's citation", file: "councils.json",
             change: { $0[1]["ended"] = ["date": "1956-12-09", "citation": nope] },
             record: "council:central-workers-council-of-greater-budapest", field: "ended", message: "unknown excerpt"),
        Case(name: "a member's citation", file: "councils.json", change: { setNested(&$0[1], "people", 0, "citations", [nope]) },
             record: "council:central-workers-council-of-greater-budapest", field: "people[0].citations", message: "unknown excerpt"),
        Case(name: "an uncited member", file: "councils.json", change: { setNested(&$0[1], "people", 1, "citations", [String]()) },
             record: "council:central-workers-council-of-greater-budapest", field: "people[1].citations", message: "at least one citation is required"),
        Case(name: "a demand's citation", file: "councils.json", change: { $0[2]["demands"] = [["text": "free elections", "citations": [nope]]] },
             record: "council:gyor-national-council", field: "demands[0].citations", message: "unknown excerpt"),
        Case(name: "a council statement's citation", file: "councils.json", change: { setNested(&$0[1], "statements", 0, "citations", [nope]) },
             record: "council:central-workers-council-of-greater-budapest", field: "statements[0].citations", message: "unknown excerpt"),
        Case(name: "an event statement's citation", file: "events.json", change: { setNested(&$0[1], "statements", 1, "citations", [nope]) },
             record: "event:1956-10-23-demonstration", field: "statements[1].citations", message: "unknown excerpt"),
        Case(name: "an uncited event statement", file: "events.json", change: { setNested(&$0[1], "statements", 0, "citations", [String]()) },
             record: "event:1956-10-23-demonstration", field: "statements[0].citations", message: "at least one citation is required"),
        Case(name: "an empty event statement", file: "events.json", change: { setNested(&$0[1], "statements", 0, "text", "  ") },
             record: "event:1956-10-23-demonstration", field: "statements[0].text", message: "empty statement"),
        Case(name: "a role's citation", file: "people.json", change: { setNested(&$0[0], "roles", 0, "citations", [nope]) },
             record: "person:sandor-racz", field: "roles[0].citations", message: "unknown excerpt"),
        Case(name: "a person statement's citation", file: "people.json", change: { setNested(&$0[0], "statements", 0, "citations", [nope]) },
             record: "person:sandor-racz", field: "statements[0].citations", message: "unknown excerpt"),
        Case(name: "an event's place", file: "events.json", change: { $0[1]["places"] = ["place:nope"] },
             record: "event:1956-10-23-demonstration", field: "places", message: "unknown place \"place:nope\""),
        Case(name: "an event's council", file: "events.json", change: { $0[1]["councils"] = ["council:nope"] },
             record: "event:1956-10-23-demonstration", field: "councils", message: "unknown council \"council:nope\""),
        Case(name: "an event's person", file: "events.json", change: { $0[1]["people"] = ["person:nope"] },
             record: "event:1956-10-23-demonstration", field: "people", message: "unknown person \"person:nope\""),
        Case(name: "an event's figure", file: "events.json", change: { $0[1]["figures"] = ["figure:nope"] },
             record: "event:1956-10-23-demonstration", field: "figures", message: "unknown figure \"figure:nope\""),
        Case(name: "an event's citation", file: "events.json", change: { $0[1]["citations"] = [nope] },
             record: "event:1956-10-23-demonstration", field: "citations", message: "unknown excerpt"),
        Case(name: "a date claim's citation", file: "events.json",
             change: { $0[1]["date_claims"] = [["date": "1956-10-23", "citation": nope]] },
             record: "event:1956-10-23-demonstration", field: "date_claims", message: "unknown excerpt"),
        Case(name: "a person's citation", file: "people.json", change: { $0[0]["citations"] = [nope] },
             record: "person:sandor-racz", field: "citations", message: "unknown excerpt"),
        Case(name: "a figure's claim's citation", file: "figures.json", change: { setNested(&$0[0], "claims", 0, "citation", nope) },
             record: "figure:soviet-tanks-second-intervention", field: "claims", message: "unknown excerpt"),

        // Required citations.
        Case(name: "an uncited place", file: "places.json", change: { $0[0]["citations"] = [String]() },
             record: "place:budapest", field: "citations", message: "at least one citation is required"),
        Case(name: "an uncited council", file: "councils.json", change: { $0[0]["citations"] = [String]() },
             record: "council:ujpest-revolutionary-council", field: "citations", message: "at least one citation is required"),
        Case(name: "an uncited event", file: "events.json", change: { $0[1]["citations"] = [String]() },
             record: "event:1956-10-23-demonstration", field: "citations", message: "at least one citation is required"),
        Case(name: "an uncited person", file: "people.json", change: { $0[2]["citations"] = [String]() },
             record: "person:imre-nagy", field: "citations", message: "at least one citation is required"),
        Case(name: "a figure without claims", file: "figures.json", change: { $0[1]["claims"] = [Any]() },
             record: "figure:dead-miskolc", field: "claims", message: "at least one claim is required"),

        // Ids.
        Case(name: "a duplicate id", file: "people.json", change: { $0[1]["id"] = "person:sandor-racz" },
             record: "person:sandor-racz", field: "id", message: "duplicate id"),
        Case(name: "an over-long id given twice", file: "people.json",
             change: { $0[1]["id"] = "person:" + String(repeating: "x", count: 250); $0[2]["id"] = "person:" + String(repeating: "x", count: 250) },
             record: "person:" + String(repeating: "x", count: 250), field: "id", message: "duplicate id"),
        Case(name: "an id used by another kind's file", file: "figures.json", change: { $0[1]["id"] = "person:imre-nagy" },
             record: "person:imre-nagy", field: "id", message: "duplicate id (also in people.json)"),
        Case(name: "an id without its kind", file: "people.json", change: { $0[2]["id"] = "human:imre-nagy" },
             record: "human:imre-nagy", field: "id", message: "id must start with \"person:\""),
        Case(name: "an id with a capital", file: "people.json", change: { $0[2]["id"] = "person:imre-Nagy" },
             record: "person:imre-Nagy", field: "id", message: "id must be \"person:\" then lowercase"),
        Case(name: "an id with a space", file: "people.json", change: { $0[2]["id"] = "person:imre nagy" },
             record: "person:imre nagy", field: "id", message: "id must be \"person:\" then lowercase"),
        Case(name: "an id with nothing after its kind", file: "people.json", change: { $0[2]["id"] = "person:" },
             record: "person:", field: "id", message: "id must be \"person:\" then lowercase"),
        Case(name: "an id with a control character", file: "people.json", change: { $0[2]["id"] = "person:imre\u{1B}[2J" },
             record: "person:imre\u{1B}[2J", field: "id", message: "id must be \"person:\" then lowercase"),

        // Values.
        Case(name: "an empty excerpt", file: "excerpts.json", change: { $0[0]["text"] = " \n " },
             record: "excerpt:blog-p3-1", field: "text", message: "empty excerpt"),
        Case(name: "paragraph 0", file: "excerpts.json", change: { $0[0]["paragraph"] = 0 },
             record: "excerpt:blog-p3-1", field: "paragraph", message: "must be 1 or more"),
        Case(name: "latitude out of range", file: "places.json", change: { $0[4]["lat"] = 90.5 },
             record: "place:miskolc", field: "lat", message: "latitude 90.5 out of range"),
        Case(name: "longitude out of range", file: "places.json", change: { $0[4]["lon"] = -180.5 },
             record: "place:miskolc", field: "lon", message: "longitude -180.5 out of range"),
        Case(name: "a place outside Hungary not marked abroad", file: "places.json", change: { $0[4]["lat"] = 52.52 },
             record: "place:miskolc", field: "lat", message: "outside Hungary but not marked \"abroad\""),
        Case(name: "a place east of Hungary not marked abroad", file: "places.json", change: { $0[4]["lon"] = 24.5 },
             record: "place:miskolc", field: "lat", message: "outside Hungary but not marked \"abroad\""),
        Case(name: "a council that ends before it formed", file: "councils.json",
             change: { $0[1]["ended"] = ["date": "1956-11-13", "citation": "excerpt:haynes-p62-3"] },
             record: "council:central-workers-council-of-greater-budapest", field: "ended", message: "ends before it was formed"),
        Case(name: "a council date with no end", file: "councils.json",
             change: { $0[1]["formed"] = ["date": "1956-11-14/..", "basis": "approximate", "citation": "excerpt:haynes-p62-3"] },
             record: "council:central-workers-council-of-greater-budapest", field: "formed",
             message: "a council's date needs an end (START/END); an open end (START/..) is for events"),
        Case(name: "an hour past 23", file: "events.json", change: { $0[1]["time"] = "24:00" },
             record: "event:1956-10-23-demonstration", field: "time", message: "invalid time \"24:00\""),
        Case(name: "a minute past 59", file: "events.json", change: { $0[1]["time"] = "10:60" },
             record: "event:1956-10-23-demonstration", field: "time", message: "invalid time \"10:60\""),
        Case(name: "a time without its leading zero", file: "events.json", change: { $0[1]["time"] = "9:30" },
             record: "event:1956-10-23-demonstration", field: "time", message: "invalid time \"9:30\""),
        Case(name: "a council that is its own parent", file: "councils.json",
             change: { $0[3]["parent"] = "council:transdanubian-national-council" },
             record: "council:transdanubian-national-council", field: "parent", message: "council parents form a cycle"),
    ]

    private func copyOfSample() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tanacs-validate-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Paths.sample, to: folder)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    private func edit(_ folder: URL, _ file: String, _ change: (inout Records) -> Void) throws {
        let url = folder.appendingPathComponent(file)
        var records = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? Records)
        change(&records)
        try JSONSerialization.data(withJSONObject: records, options: [.prettyPrinted]).write(to: url)
    }

    /// The errors loading `folder` reports; none when it loads.
    private func errors(_ folder: URL) -> [LoadError] { Self.errors(folder) }

    private static func errors(_ folder: URL) -> [LoadError] {
        do {
            _ = try DataLoader.load(from: folder)
            return []
        } catch let e as LoadErrors {
            return e.errors
        } catch {
            XCTFail("unexpected error \(error)")
            return []
        }
    }

    func testTheUnbrokenSampleLoads() throws {
        XCTAssertEqual(errors(try copyOfSample()).map(\.description), [])
    }

    func testEveryReferenceAndRuleHasItsError() throws {
        for c in Self.cases {
            let folder = try copyOfSample()
            try edit(folder, c.file, c.change)
            let found = errors(folder)
            XCTAssertTrue(found.contains { $0.file == c.file && $0.record == c.record && $0.field == c.field && $0.message.hasPrefix(c.message) },
                          "\(c.name): expected \(c.file), record \(c.record), field \(c.field): \(c.message)…; got \(found.map(\.description))")
        }
    }

    /// Valid edge values pass: the rules reject only what they say.
    func testBoundaryValuesAreAccepted() throws {
        let folder = try copyOfSample()
        try edit(folder, "events.json") { events in
            events[1]["time"] = "00:00"
            events[2]["time"] = "23:59"
        }
        try edit(folder, "excerpts.json") { $0[0]["paragraph"] = 1 }
        try edit(folder, "places.json") { places in
            places[4]["lat"] = 52.52
            places[4]["abroad"] = true
            places[2]["lon"] = -180.0
            places[2]["lat"] = 90.0
            places[2]["abroad"] = true
        }
        XCTAssertEqual(errors(folder).map(\.description), [])
    }

    /// A council whose parent leads into a cycle it is not part of: Győr's committee → the Transdanubian
    /// council ⇄ Újpest's council. A check that only looks for its own id again would walk the loop
    /// forever, so the load runs on a thread with a bound it must finish within.
    func testACycleAboveACouncilIsFoundAndTheCheckEnds() throws {
        let folder = try copyOfSample()
        try edit(folder, "councils.json") { councils in
            councils[3]["parent"] = "council:ujpest-revolutionary-council"      // Transdanubian → Újpest
            councils[0]["parent"] = "council:transdanubian-national-council"    // Újpest → Transdanubian
            // Győr's committee keeps its parent, the Transdanubian council: it leads into the cycle.
        }
        let finished = DispatchSemaphore(value: 0)
        let box = ErrorBox()
        let thread = Thread {
            box.errors = Self.errors(folder)
            finished.signal()
        }
        thread.start()
        guard finished.wait(timeout: .now() + 30) == .success else {
            XCTFail("validating a council above a cycle never finished: the cycle check loops")
            return
        }
        let cycles = box.errors.filter { $0.field == "parent" && $0.message.contains("cycle") }.compactMap(\.record)
        XCTAssertTrue(cycles.contains("council:transdanubian-national-council"), "\(box.errors)")
        XCTAssertTrue(cycles.contains("council:ujpest-revolutionary-council"), "\(box.errors)")
    }

    /// A file that is not valid JSON is reported once, where it breaks; records it would have held are
    /// not reported missing again, wherever they are named (references, the outside-knowledge register).
    func testAnUnreadableFileIsReportedOnceNotAtEveryReferenceToIt() throws {
        for (file, broken, record) in [("people.json", "person:imre-nagy", "person:imre-nagy"),
                                       ("places.json", "place:budapest", "place:gyor")] {
            let folder = try copyOfSample()
            let register: Records = [["id": "outside:sample", "term": "a term", "reason": "a reason", "records": [record]]]
            try JSONSerialization.data(withJSONObject: register).write(to: folder.appendingPathComponent("outside-knowledge.json"))
            XCTAssertEqual(errors(folder).map(\.description), [], "the register names a record that exists")
            let url = folder.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            let at = try XCTUnwrap(text.range(of: "\"\(broken)\""))
            try text.replacingCharacters(in: at, with: "\"\(broken)\\ud800\"").write(to: url, atomically: true, encoding: .utf8)
            let found = errors(folder)
            XCTAssertEqual(found.count, 1, "\(file): one problem, at the broken string: \(found.map(\.description))")
            XCTAssertEqual(found.first?.file, file)
            XCTAssertTrue(found.first?.message.contains("lone surrogate") ?? false, "\(found.map(\.description))")
        }
    }

    private final class ErrorBox: @unchecked Sendable {
        var errors: [LoadError] = []
    }
}
