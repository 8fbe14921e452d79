import Foundation
import XCTest
import TanacsUI

/// `validate` over good and broken datasets, `render` widths and keys, usage errors, help and completions.
final class ValidateAndRenderTests: XCTestCase {
    func testValidateGoodData() throws {
        for data in [CLI.sample, nil] {
            let result = try CLI.run(["validate"], data: data)
            XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
            XCTAssertTrue(result.stdout.hasPrefix("ok: "), result.stdout)
        }
        let sample = try CLI.run(["validate"])
        XCTAssertTrue(sample.stdout.contains("13 events, 5 places, 4 councils, 3 people, 2 figures, 24 excerpts, 5 sources"), sample.stdout)
        let json = try XCTUnwrap(try CLI.json(["validate", "--json"]) as? [String: Any])
        XCTAssertEqual(json["ok"] as? Bool, true)
        XCTAssertEqual((json["counts"] as? [String: Int])?["events"], 13)
    }

    private func broken(_ breakIt: (URL) throws -> Void) throws -> CLI.Result {
        let folder = try CLI.copyOfSample()
        defer { try? FileManager.default.removeItem(at: folder) }
        try breakIt(folder)
        let result = try CLI.run(["validate"], data: folder)
        XCTAssertEqual(result.status, 65, result.stdout + result.stderr)
        return result
    }

    func testValidateSyntaxErrorGivesLineAndColumn() throws {
        let result = try broken { folder in
            try "[\n {\"id\": \"event:x\",\n  \"date\" \"1956\"\n }\n]\n".write(to: folder.appendingPathComponent("events.json"), atomically: true, encoding: .utf8)
        }
        let line = try XCTUnwrap(result.stdout.split(separator: "\n").first.map(String.init))
        XCTAssertTrue(line.contains("events.json:3:"), "file, line and column: \(line)")
        XCTAssertTrue(line.contains("invalid JSON"), line)
        XCTAssertTrue(result.stderr.contains("1 problem"), result.stderr)
    }

    func testValidateNamesFileRecordAndField() throws {
        let result = try broken { folder in
            try CLI.edit(folder, "events.json") { events in
                events[1]["places"] = ["place:atlantis"]
                events[2]["citations"] = ["excerpt:nowhere"]
            }
            try CLI.edit(folder, "places.json") { places in places[0]["lat"] = 120.0 }
        }
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4, result.stdout) // unknown place, unknown excerpt, latitude out of range and outside Hungary
        XCTAssertTrue(lines.contains { $0.contains("events.json, record event:1956-10-23-demonstration, field places: unknown place \"place:atlantis\"") }, result.stdout)
        XCTAssertTrue(lines.contains { $0.contains("events.json, record event:1956-10-23-stalin-statue, field citations: unknown excerpt \"excerpt:nowhere\"") }, result.stdout)
        XCTAssertTrue(lines.contains { $0.contains("places.json, record place:budapest, field lat:") }, result.stdout)

        let missing = try broken { folder in
            try CLI.edit(folder, "people.json") { people in people[0].removeValue(forKey: "name") }
        }
        // The first record's "{" on line 2, after the pretty printer's indent.
        XCTAssertTrue(missing.stdout.contains("people.json:2:3, record person:"), missing.stdout)
        XCTAssertTrue(missing.stdout.contains("field name: missing required field"), missing.stdout)

        let folder = try CLI.copyOfSample()
        defer { try? FileManager.default.removeItem(at: folder) }
        try CLI.edit(folder, "councils.json") { councils in councils[0]["level"] = "galactic" }
        let json = try CLI.run(["validate", "--json"], data: folder)
        XCTAssertEqual(json.status, 65)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: json.data) as? [String: Any])
        XCTAssertEqual(report["ok"] as? Bool, false)
        let problem = try XCTUnwrap((report["problems"] as? [[String: Any]])?.first)
        XCTAssertEqual(problem["file"] as? String, "councils.json")
        XCTAssertEqual(problem["field"] as? String, "level")

        let nowhere = try CLI.run(["validate"], data: URL(fileURLWithPath: "/nonexistent-tanacs-data"))
        XCTAssertEqual(nowhere.status, 66, "no dataset there: missing input")
    }

    func testRenderNeverExceedsTheWidth() throws {
        let sizes = [(40, 10), (45, 12), (60, 20), (79, 24), (80, 24), (100, 30), (119, 40), (120, 40), (200, 50), (20, 5), (1, 1)]
        let keyRuns = ["", "jjj<Enter>jj<Enter>", "<Tab><Down*3><Enter><Down*4>", "?<PgDn>", "2G<Enter>",
                       "<End><Enter><Down*20><Enter>"]
        for (w, h) in sizes {
            for keys in keyRuns {
                let result = try CLI.run(["render", "--size", "\(w)x\(h)", "--keys", keys], data: nil)
                XCTAssertEqual(result.status, 0, result.stderr)
                let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                XCTAssertEqual(lines.count, h, "\(w)x\(h) \(keys)")
                for line in lines {
                    XCTAssertLessThanOrEqual(TextWidth.of(String(line)), w, "\(w)x\(h) keys \(keys): \(line)")
                }
            }
        }
    }

    func testRenderKeysAndDeepLinks() throws {
        let first = try CLI.run(["render", "--size", "120x40"])
        XCTAssertTrue(first.stdout.contains("Timeline 2/13"), "opens on 23 October 1956:\n\(first.stdout)")
        let moved = try CLI.run(["render", "--size", "120x40", "--keys", "j"])
        XCTAssertTrue(moved.stdout.contains("Timeline 3/13"), moved.stdout)
        let named = try CLI.run(["render", "--size", "120x40", "--keys", "<Down><Tab><Left><Enter>"])
        XCTAssertTrue(named.stdout.contains("Population 1956: 70,000"), named.stdout)

        let at = try CLI.run(["render", "--size", "120x40", "--at", "place:gyor"])
        XCTAssertEqual(at.status, 0, at.stderr)
        XCTAssertTrue(at.stdout.contains("Population 1956: 70,000"), "the detail pane shows the record:\n\(at.stdout)")
        let council = try CLI.run(["render", "--size", "120x40", "--at", "council:central-workers-council-of-greater-budapest"])
        XCTAssertTrue(council.stdout.contains("Council ") && council.stdout.contains("Formed: 14 Nov 1956"), council.stdout)
        let event = try CLI.run(["render", "--size", "120x40", "--at", "event:1956-10-23-stalin-statue"])
        XCTAssertTrue(event.stdout.contains("Timeline 3/13"), "an event is selected in the timeline too:\n\(event.stdout)")

        // The first event on or after the day: sample events on 23 Oct are 2..., the next day's first follows them.
        let events = try XCTUnwrap(try CLI.json(["events", "--json"]) as? [[String: Any]])
        let expected = try XCTUnwrap(events.firstIndex { ($0["start"] as! String) >= "1956-10-24" }) + 1
        let dated = try CLI.run(["render", "--size", "120x40", "--date", "1956-10-24"])
        XCTAssertTrue(dated.stdout.contains("Timeline \(expected)/13"), "expected event \(expected):\n\(dated.stdout)")

        XCTAssertEqual(try CLI.run(["render", "--keys", "<Nope>"]).status, 64)
        XCTAssertEqual(try CLI.run(["render", "--keys", "<Down"]).status, 64)
        XCTAssertEqual(try CLI.run(["render", "--size", "0x10"]).status, 64)
        XCTAssertEqual(try CLI.run(["render", "--at", "place:atlantis"]).status, 64)
    }

    func testUsageErrorsExit64() throws {
        for args in [["nosuchcommand"], ["events", "--nosuchoption"], ["show"], ["export"], ["export", "--format", "pdf"],
                     ["councils", "--level", "cosmic"], ["search"], ["--at", "place:atlantis"], ["--at", "x", "--date", "1956-10-23"]] {
            let result = try CLI.run(args)
            XCTAssertEqual(result.status, 64, "\(args): \(result.stderr)")
            XCTAssertFalse(result.stderr.isEmpty, "\(args) says what is wrong")
        }
    }

    func testHelpOnEveryCommandAndCompletions() throws {
        for command in ["", "explore", "events", "places", "councils", "people", "figures", "show", "search", "export", "validate", "render"] {
            let result = try CLI.run(command.isEmpty ? ["--help"] : [command, "--help"], data: nil)
            XCTAssertEqual(result.status, 0, command)
            XCTAssertTrue(result.stdout.contains("USAGE:"), command)
        }
        for shell in ["bash", "zsh", "fish"] {
            let result = try CLI.run(["--generate-completion-script", shell], data: nil)
            XCTAssertEqual(result.status, 0, shell)
            XCTAssertTrue(result.stdout.contains("tanacs"), shell)
        }
    }
}
