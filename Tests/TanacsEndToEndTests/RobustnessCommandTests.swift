import Foundation
import TanacsUI
import XCTest

/// The command line on bad data, hostile text and closed pipes.
final class RobustnessCommandTests: XCTestCase {
    static let hostile = Tmux.repo.appendingPathComponent("Tests/Fixtures/hostile")

    /// Bytes no output may carry from the data: C0 controls but newline, DEL, C1 controls (as UTF-8),
    /// bidi overrides and isolates, zero-width characters and the byte order mark.
    static func unsafe(in text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { s in
            switch s.value {
            case 0x0A: return false
            case 0x00...0x1F, 0x7F...0x9F, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F, 0xFEFF: return true
            default: return false
            }
        }
    }

    func testHostileTextNeverReachesAnyOutput() throws {
        let commands: [[String]] = [
            ["events"], ["places"], ["councils"], ["people"], ["figures"], ["search", "pwned"], ["search", "budapest"],
            ["show", "event:1956-10-23-stalin-statue"], ["show", "place:gyor"], ["show", "person:sandor-bali"],
            ["show", "council:central-workers-council-of-greater-budapest"], ["show", "figure:dead-miskolc"],
            ["events", "--json"], ["places", "--json"], ["councils", "--json"], ["people", "--json"], ["figures", "--json"],
            ["search", "--json", "budapest"], ["show", "--json", "place:gyor"], ["validate"], ["validate", "--json"],
            ["export", "--format", "json"], ["export", "--format", "geojson"], ["export", "--format", "timelinejs"],
            ["export", "--format", "markdown"],
            ["render", "--size", "120x40"], ["render", "--size", "80x24", "--keys", "jj<Enter><Down*3><Enter>"],
            ["render", "--size", "100x30", "--keys", "p<Enter>"], ["render", "--size", "100x30", "--keys", "/pwn"],
        ] + ["events", "places", "councils", "people", "figures", "excerpts", "sources"].map { ["export", "--format", "csv", "--table", $0] }
        for arguments in commands {
            for columns in ["", "100"] {
                let result = try CLI.run(arguments, data: Self.hostile, environment: columns.isEmpty ? [:] : ["COLUMNS": columns])
                let name = arguments.joined(separator: " ")
                if arguments == ["show", "figure:dead-miskolc"] && result.status == 64 { continue } // not in the sample
                XCTAssertEqual(result.status, 0, "\(name): \(result.stderr)")
                XCTAssertEqual(Self.unsafe(in: result.stdout), [], "\(name) wrote control characters")
                XCTAssertEqual(Self.unsafe(in: result.stderr), [], "\(name) wrote control characters on stderr")
                XCTAssertFalse(result.stdout.contains("PWNED"), name)
                if arguments.first == "render" {
                    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                    let width = Int(arguments[2].split(separator: "x")[0])!
                    XCTAssertTrue(lines.allSatisfy { TextWidth.of(String($0)) <= width }, "\(name): a line overflows")
                }
                if arguments.contains("--json") || (arguments.first == "export" && ["json", "geojson", "timelinejs"].contains(arguments[2])) {
                    XCTAssertNoThrow(try JSONSerialization.jsonObject(with: result.data), "\(name) is still JSON")
                }
            }
        }
        // Tables stay aligned: every row of a fitted table is as wide as its rule.
        let table = try CLI.run(["events"], data: Self.hostile, environment: ["COLUMNS": "100"])
        for line in table.stdout.split(separator: "\n") { XCTAssertLessThanOrEqual(TextWidth.of(String(line)), 100, String(line)) }
    }

    func testHostileIdsAndErrorTextAreCleaned() throws {
        let folder = try CLI.copyOfSample()
        defer { try? FileManager.default.removeItem(at: folder) }
        try CLI.edit(folder, "people.json") { people in
            people[0]["id"] = "person:evil\u{1B}]0;PWNED\u{07}\u{202E}"
            people[1]["x\u{1B}[31mfield"] = 1
        }
        for arguments in [["validate"], ["events"], ["validate", "--json"]] {
            let result = try CLI.run(arguments, data: folder)
            XCTAssertEqual(result.status, 65, arguments.joined(separator: " "))
            XCTAssertEqual(RobustnessCommandTests.unsafe(in: result.stdout + result.stderr), [], arguments.joined(separator: " "))
            // The id is shown with its controls escaped visibly, so the reader sees what is wrong with it.
            // (In JSON the escape's backslash is itself escaped.)
            let visible = "person:evil\\u{001B}]0;PWNED\\u{0007}\\u{202E}"
            let output = result.stdout + result.stderr
            XCTAssertTrue(output.contains(visible) || output.contains(visible.replacingOccurrences(of: "\\", with: "\\\\")), output)
            XCTAssertTrue((result.stdout + result.stderr).contains("id must be"), result.stdout + result.stderr)
        }
    }

    func testBadDataGivesOneLinePerProblemAndStatus65() throws {
        let cases: [(String, (URL) throws -> Void, String)] = [
            ("wrong type", { try CLI.edit($0, "places.json") { $0[0]["lat"] = "north" } }, ", record place:budapest, field lat: wrong type (expected a number)"),
            ("duplicate id", { try CLI.edit($0, "people.json") { $0[1]["id"] = $0[0]["id"]! } }, ": duplicate id (also in people.json)"),
            ("dangling", { try CLI.edit($0, "councils.json") { $0[0]["place"] = "place:atlantis" } }, "field place: unknown place \"place:atlantis\""),
            ("cycle", { folder in
                try CLI.edit(folder, "councils.json") { councils in
                    let ids = councils.map { $0["id"] as! String }
                    councils[0]["parent"] = ids[1]
                    councils[1]["parent"] = ids[0]
                }
            }, "field parent: council parents form a cycle"),
            ("backward interval", { try CLI.edit($0, "events.json") { $0[5]["date"] = "1956-11-04/1956-10-23" } }, "the interval ends (1956-10-23) before it starts (1956-11-04)"),
            ("coordinates", { try CLI.edit($0, "places.json") { $0[1]["lon"] = 181.5 } }, "field lon: longitude 181.5 out of range"),
            ("empty", { try Data().write(to: $0.appendingPathComponent("sources.json")) }, "sources.json: the file is empty"),
            ("missing", { try FileManager.default.removeItem(at: $0.appendingPathComponent("excerpts.json")) }, "excerpts.json: cannot read the file (missing)"),
        ]
        for (name, breakIt, expected) in cases {
            let folder = try CLI.copyOfSample()
            defer { try? FileManager.default.removeItem(at: folder) }
            try breakIt(folder)
            let validate = try CLI.run(["validate"], data: folder)
            XCTAssertEqual(validate.status, 65, name)
            XCTAssertTrue(validate.stdout.contains(expected), "\(name): \(validate.stdout)")
            if name == "wrong type" {
                XCTAssertNotNil(validate.stdout.range(of: #"/places\.json:\d+:\d+, record place:budapest, field lat"#, options: .regularExpression),
                                "the file, line and column of the value: \(validate.stdout)")
            }
            XCTAssertTrue(validate.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix(folder.path) }, "\(name): every line names its file:\n\(validate.stdout)")
            let events = try CLI.run(["events"], data: folder)
            XCTAssertEqual(events.status, 65, name)
            XCTAssertEqual(events.stdout, "", name)
            XCTAssertTrue(events.stderr.contains(expected), "\(name): \(events.stderr)")
            XCTAssertFalse(events.stderr.contains("Fatal error") || events.stderr.contains("Backtrac"), name)
        }
        let file = try CLI.run(["validate"], data: CLI.sample.appendingPathComponent("events.json"))
        XCTAssertEqual(file.status, 66, "a file where the dataset's folder should be: missing input")
        XCTAssertTrue(file.stdout.contains("not a folder"), file.stdout)
    }

    func testUnknownFieldsWarnOnStderrAndExitZero() throws {
        let folder = try CLI.copyOfSample()
        defer { try? FileManager.default.removeItem(at: folder) }
        try CLI.edit(folder, "events.json") { $0[0]["mood"] = "hopeful" }
        let result = try CLI.run(["validate"], data: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("ok: "), result.stdout)
        XCTAssertTrue(result.stderr.contains("tanacs: warning: \(folder.path)/events.json, record event:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("field mood: unknown field (ignored)"), result.stderr)
        let json = try CLI.run(["validate", "--json"], data: folder)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: json.data) as? [String: Any])
        XCTAssertEqual(report["ok"] as? Bool, true)
        XCTAssertEqual((report["warnings"] as? [[String: Any]])?.first?["field"] as? String, "mood")
        let events = try CLI.run(["events"], data: folder)
        XCTAssertEqual(events.status, 0)
        XCTAssertTrue(events.stderr.contains("warning:"), events.stderr)
    }

    func testAClosedPipeEndsQuietly() throws {
        // The bundled data gives far more than a pipe's buffer, so the writer meets the closed pipe.
        for setup in ["", "trap '' PIPE; "] {
            for command in ["events", "export --format json", "export --format markdown"] {
                let script = "\(setup)'\(Tmux.binary.path)' \(command) 2>/tmp/tanacs-pipe-err-$$ | head -c 100 >/dev/null; cat /tmp/tanacs-pipe-err-$$; rm -f /tmp/tanacs-pipe-err-$$"
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/bin/sh")
                process.arguments = ["-c", script]
                var env = ProcessInfo.processInfo.environment
                env["SWIFT_BACKTRACE"] = "interactive=no"
                env["TANACS_DATA"] = nil
                process.environment = env
                let out = Pipe()
                process.standardOutput = out
                process.standardError = out
                process.standardInput = FileHandle.nullDevice
                try process.run()
                let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                XCTAssertEqual(text, "", "\(setup)\(command) printed on stderr")
            }
        }
    }
}

