import Foundation
import XCTest

/// What a command-line tool is expected to do: --version, suggestions for what was mistyped, sysexits
/// statuses, plain-word file errors, every problem in one validate run, and shell completions.
final class ConventionsTests: XCTestCase {
    func testVersion() throws {
        let result = try CLI.run(["--version"], data: nil)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, result.stdout)
    }

    func testMistypedCommandGetsASuggestionNotTheExplorer() throws {
        for (typed, meant) in [("evnets", "events"), ("shwo", "show"), ("serach", "search"), ("valdate", "validate"), ("exprot", "export")] {
            let result = try CLI.run([typed], data: nil)
            XCTAssertEqual(result.status, 64, typed)
            XCTAssertTrue(result.stderr.contains("no command \"\(typed)\"; did you mean tanacs \(meant)"), result.stderr)
            XCTAssertFalse(result.stderr.contains("terminal"), "never reaches the explorer: \(result.stderr)")
        }
        let nothingNear = try CLI.run(["xyzzyplugh"], data: nil)
        XCTAssertEqual(nothingNear.status, 64)
        XCTAssertTrue(nothingNear.stderr.contains("see tanacs --help"), nothingNear.stderr)
    }

    func testDidYouMeanForRecords() throws {
        let cases: [([String], String)] = [
            (["show", "gyr"], "did you mean place:gyor (Győr)"),
            (["show", "Gyoer"], "did you mean place:gyor (Győr)"),
            (["show", "maleterr"], "did you mean person:pal-maleter (Pál Maléter)"),
            (["events", "--place", "gyr"], "--place: no record \"gyr\"; did you mean place:gyor (Győr)"),
            (["events", "--council", "gyor nationl council"], "did you mean council:gyor-national-council"),
            (["render", "--at", "maleterr"], "did you mean person:pal-maleter"),
        ]
        for (arguments, expected) in cases {
            let result = try CLI.run(arguments, data: nil)
            XCTAssertEqual(result.status, 64, arguments.joined(separator: " "))
            XCTAssertTrue(result.stderr.contains(expected), "\(arguments): \(result.stderr)")
            let suggested = result.stderr.components(separatedBy: "did you mean ").last?.components(separatedBy: "), ").count ?? 0
            XCTAssertLessThanOrEqual(suggested, 3, "at most three: \(result.stderr)")
        }
        let place = try CLI.run(["events", "--place", "gyr"], data: nil)
        XCTAssertFalse(place.stderr.contains("council:"), "--place suggests only places: \(place.stderr)")
    }

    func testMissingDatasetExits66() throws {
        let nowhere = FileManager.default.temporaryDirectory.appendingPathComponent("tanacs-none-\(UUID().uuidString)")
        for arguments in [["events"], ["validate"], ["search", "x"], ["export", "--format", "json"]] {
            let result = try CLI.run(arguments, data: nowhere)
            XCTAssertEqual(result.status, 66, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("no such folder") || result.stdout.contains("no such folder"), result.stderr)
        }
        let byEnvironment = try CLI.run(["events"], data: nil, environment: ["TANACS_DATA": nowhere.path])
        XCTAssertEqual(byEnvironment.status, 66)
    }

    func testFileErrorsInPlainWords() throws {
        let result = try CLI.run(["export", "--format", "json", "--out", "/nonexistent-tanacs-dir/x.json"])
        XCTAssertEqual(result.status, 73)
        XCTAssertTrue(result.stderr.contains("cannot write /nonexistent-tanacs-dir/x.json: no such file or directory"), result.stderr)
        XCTAssertFalse(result.stderr.contains("NSCocoaErrorDomain") || result.stderr.contains("error 512") || result.stderr.contains("operation could not"), result.stderr)
    }

    func testValidateReportsEveryProblemInOneRun() throws {
        let folder = try CLI.copyOfSample()
        defer { try? FileManager.default.removeItem(at: folder) }
        try CLI.edit(folder, "events.json") { events in
            events[1]["places"] = ["place:atlantis"]       // a dangling reference
            events[2]["date"] = 5                            // a wrong type in one record
            events[3]["date"] = "1956-02-30"                 // an impossible date
        }
        try CLI.edit(folder, "people.json") { people in people[0].removeValue(forKey: "name") }  // a missing field
        try "[{\"id\": ".write(to: folder.appendingPathComponent("figures.json"), atomically: true, encoding: .utf8) // bad syntax
        let result = try CLI.run(["validate"], data: folder)
        XCTAssertEqual(result.status, 65)
        let expected = ["events.json, record event:1956-10-23-demonstration, field places: unknown place \"place:atlantis\"",
                        "field date: invalid date \"1956-02-30\"",
                        "figures.json:1:"]
        for line in expected { XCTAssertTrue(result.stdout.contains(line), "\(line) in one run:\n\(result.stdout)") }
        // Decoding errors carry the line and column of the value (or of the object missing a field).
        for pattern in [#"events\.json:\d+:\d+, record event:1956-10-23-stalin-statue, field date: wrong type"#,
                        #"people\.json:\d+:\d+, record person:[^,]+, field name: missing required field"#] {
            XCTAssertNotNil(result.stdout.range(of: pattern, options: .regularExpression), "\(pattern) in one run:\n\(result.stdout)")
        }
        XCTAssertFalse(result.stdout.contains("unknown figure"), "references into an unreadable file are not reported again:\n\(result.stdout)")
    }

    func testManPageHasKeysEnvironmentAndExitStatus() throws {
        let result = try CLI.run(["manual"], data: nil)
        XCTAssertEqual(result.status, 0, result.stderr)
        let roff = result.stdout
        for section in [".SH NAME", ".SH SYNOPSIS", ".SH COMMANDS", ".SH KEYS", ".SH ENVIRONMENT", ".SH EXIT STATUS"] {
            XCTAssertTrue(roff.contains("\n\(section)\n"), section)
        }
        XCTAssertTrue(roff.contains("Tanács"), "non-ASCII text kept as UTF-8")
        XCTAssertTrue(roff.contains(".B TANACS_DATA") && roff.contains(".B 66"))
        XCTAssertFalse(roff.split(separator: "\n").contains { $0.hasPrefix("'") }, "no line starts a roff request by accident")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tanacs-\(UUID().uuidString).1")
        defer { try? FileManager.default.removeItem(at: file) }
        try roff.write(to: file, atomically: true, encoding: .utf8)
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/man"), "man is not installed")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/man")
        process.arguments = ["-l", file.path]
        process.environment = ["MANWIDTH": "80", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "MAN_KEEP_FORMATTING": ""]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        for heading in ["KEYS", "ENVIRONMENT", "EXIT STATUS"] {
            XCTAssertTrue(text.contains("\n" + heading + "\n"), "man renders \(heading):\n\(text.prefix(400))")
        }
        XCTAssertTrue(text.contains("Tanács"), "man keeps the accents")
        XCTAssertTrue(text.contains("tanacs --at place:gyor"), "hyphens render as hyphens")
    }

    /// The generated bash script in a real bash with bash-completion: paths for --data and --out,
    /// record ids and names for show, --at, --place and --council.
    func testBashCompletionOfPathsAndRecords() throws {
        let bashCompletion = "/usr/share/bash-completion/bash_completion"
        try XCTSkipUnless(FileManager.default.fileExists(atPath: bashCompletion), "bash-completion is not installed (.ci/run installs it)")
        let script = try CLI.run(["--generate-completion-script", "bash"], data: nil)
        XCTAssertEqual(script.status, 0, script.stderr)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tanacs-complete-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("mydata"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try script.stdout.write(to: folder.appendingPathComponent("tanacs.bash"), atomically: true, encoding: .utf8)
        try "".write(to: folder.appendingPathComponent("myfile.txt"), atomically: true, encoding: .utf8)
        let binary = Tmux.binary.deletingLastPathComponent()

        /// Completes the command line `line` (cursor at its end) and returns the candidates.
        func complete(_ line: String) throws -> [String] {
            let words = line.split(separator: " ", omittingEmptySubsequences: false).map { "'\($0)'" }.joined(separator: " ")
            let program = """
                source \(bashCompletion)
                source tanacs.bash
                COMP_WORDS=(\(words)); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}
                _tanacs tanacs "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
                printf '%s\\n' "${COMPREPLY[@]}"
                """
            var env = ProcessInfo.processInfo.environment
            env["PATH"] = binary.path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
            env["TANACS_DATA"] = nil
            return try Self.outputLines("/bin/bash", ["--norc", "--noprofile", "-c", program], in: folder, environment: env)
        }

        XCTAssertEqual(try complete("tanacs events --data my"), ["mydata"], "--data completes folders only")
        XCTAssertEqual(Set(try complete("tanacs export --format json --out my")), ["mydata", "myfile.txt"], "--out completes paths")
        XCTAssertTrue(try complete("tanacs show place:gy").contains("place:gyor"))
        XCTAssertTrue(try complete("tanacs show Gy").contains("Győr"), "names complete too")
        // The generated script completes a command's own options: --at under `explore` (the default command) and `render`.
        XCTAssertTrue(try complete("tanacs explore --at person:pal").contains("person:pal-maleter"))
        XCTAssertTrue(try complete("tanacs render --at person:pal").contains("person:pal-maleter"))
        // explore is the default command: its options and their values complete without naming it.
        XCTAssertTrue(try complete("tanacs --at person:pal").contains("person:pal-maleter"))
        XCTAssertTrue(try complete("tanacs --date 1956-11-04 --at place:gy").contains("place:gyor"))
        XCTAssertEqual(Set(try complete("tanacs --da")), ["--data", "--date"])
        XCTAssertEqual(try complete("tanacs ev"), ["events"], "a first word that is no option is still a command")
        let places = try complete("tanacs events --place ")
        XCTAssertTrue(places.contains("place:csepel"))
        XCTAssertFalse(places.contains { $0.hasPrefix("council:") }, "--place offers places only")
        XCTAssertTrue(try complete("tanacs events --council council:gyor").contains("council:gyor-national-council"))
        let sample = try complete("tanacs show --data \(CLI.sample.path) person:")
        XCTAssertEqual(Set(sample), ["person:imre-nagy", "person:sandor-racz", "person:sandor-bali"], "from the dataset --data names")
    }

    /// fish: a bare `tanacs` offers the explorer's options, as it runs the explorer.
    func testFishCompletionOffersTheExplorersOptions() throws {
        let fish = ["/usr/bin/fish", "/bin/fish"].first { FileManager.default.isExecutableFile(atPath: $0) }
        try XCTSkipUnless(fish != nil, "fish is not installed (.ci/run installs it)")
        let script = try CLI.run(["--generate-completion-script", "fish"], data: nil)
        XCTAssertEqual(script.status, 0, script.stderr)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tanacs-\(UUID().uuidString).fish")
        try script.stdout.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }

        func complete(_ line: String) throws -> [String] {
            // fish prints each candidate with its description after a tab.
            try Self.outputLines(fish!, ["--no-config", "-c", "source \(file.path); complete -C '\(line)'"])
                .map { String($0.split(separator: "\t")[0]) }
        }
        let options = Set(try complete("tanacs --"))
        XCTAssertTrue(options.isSuperset(of: ["--at", "--date", "--data", "--no-mouse", "--ascii"]), "\(options)")
        XCTAssertEqual(Set(try complete("tanacs explore --a")), ["--at", "--ascii"])
        XCTAssertEqual(try complete("tanacs ev"), ["events"])
    }

    /// zsh: the root's argument specs carry the explorer's options (zsh has no batch completion to drive).
    func testZshCompletionScriptKnowsTheExplorersOptionsAtTheRoot() throws {
        let script = try CLI.run(["--generate-completion-script", "zsh"], data: nil)
        XCTAssertEqual(script.status, 0, script.stderr)
        let root = try XCTUnwrap(script.stdout.range(of: "\n_tanacs() {")).upperBound
        let rootEnd = try XCTUnwrap(script.stdout.range(of: "\n}\n", range: root..<script.stdout.endIndex)).lowerBound
        let body = script.stdout[root..<rootEnd]
        for option in ["'--at[", "'--date[", "'--data[", "'--no-mouse[", "'--ascii["] {
            XCTAssertTrue(body.contains(option), "root _tanacs lacks \(option)")
        }
        XCTAssertTrue(body.contains("---completion explore -- --at"), "--at values come from the explorer's completion")
    }

    /// The lines a program prints on standard output (standard error and input go nowhere).
    private static func outputLines(_ executable: String, _ arguments: [String], in folder: URL? = nil,
                                    environment: [String: String]? = nil) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        if let environment { process.environment = environment }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
