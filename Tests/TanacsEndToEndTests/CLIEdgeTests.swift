import Foundation
import XCTest

/// The command line against odd arguments, folders and limits: arguments echoed visibly escaped (also
/// in the argument parser's own errors), a data/ folder far above the binary named in a warning,
/// unreadable folders and files named as such, symbolic-link loops, a memory limit too small for the
/// data, and a crash reported on one line.
final class CLIEdgeTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tanacs-edge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        chmod(scratch.path, 0o755)
    }

    override func tearDown() {
        if let scratch {
            _ = try? Tmux.run(["chmod", "-R", "u+rwx", scratch.path])
            try? FileManager.default.removeItem(at: scratch)
        }
    }

    private func shell(_ script: String) throws -> (status: Int32, output: String) {
        try Tmux.run(["sh", "-c", script])
    }

    /// No raw control byte, only visible escapes.
    private func assertNoControls(_ text: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let raw = text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || (0x200B...0x200F).contains($0.value) || (0x202A...0x202E).contains($0.value) }
        XCTAssertEqual(raw.map { String($0.value, radix: 16) }, [], "\(what) wrote raw control characters: \(text.debugDescription)", file: file, line: line)
    }

    func testArgumentsEchoedInMessagesAreEscapedVisibly() throws {
        let cases: [([String], String)] = [
            (["show", "place:\u{1B}[31mred"], "place:\\u{001B}[31mred"),
            (["show", "gy\u{200B}xq"], "gy\\u{200B}xq"),
            (["events", "--place", "x\u{202E}evil"], "x\\u{202E}evil"),
            (["events", "--from", "1956\u{1B}]0;title\u{7}-10-23"], "1956\\u{001B}]0;title\\u{0007}-10-23"),
            (["events", "--kind", "riot\u{9B}2J"], "riot\\u{009B}2J"),
            (["render", "--size", "80x24", "--keys", "<\u{1B}[A>"], "\\u{001B}[a"),
            (["events", "--\u{1B}[2Jwipe"], "\\u{001B}[2Jwipe"),
            (["no-such-command\u{7}"], "\\u{0007}"),
        ]
        for (arguments, visible) in cases {
            let result = try CLI.run(arguments)
            let name = arguments.joined(separator: " ").debugDescription
            XCTAssertEqual(result.status, 64, "\(name): \(result.stderr)")
            assertNoControls(result.stderr, name)
            assertNoControls(result.stdout, name)
            XCTAssertTrue(result.stderr.contains(visible), "\(name) shows \(visible):\n\(result.stderr)")
        }
        // A very long argument is not echoed whole.
        let long = try CLI.run(["show", String(repeating: "x", count: 100_000)])
        XCTAssertEqual(long.status, 64)
        XCTAssertLessThan(long.stderr.count, 1_000, "the message stays short")
        XCTAssertTrue(long.stderr.contains("100000 characters"), long.stderr)
    }

    func testHelpAndCompletionsStillPrint() throws {
        let help = try CLI.run(["--help"], data: nil)
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("USAGE") || help.stdout.contains("Usage"), help.stdout)
        XCTAssertTrue(help.stdout.contains("74"), "the exit statuses are listed")
        let completion = try CLI.run(["--generate-completion-script", "bash"], data: nil)
        XCTAssertEqual(completion.status, 0)
        XCTAssertTrue(completion.stdout.contains("complete"), completion.stdout)
    }

    /// Copies the binary deep below a folder holding data/: the dataset it falls back to is named.
    func testADataFolderFarAboveTheBinaryIsNamedInAWarning() throws {
        let deep = scratch.appendingPathComponent("a/b/c/d/e")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.sample, to: scratch.appendingPathComponent("data"))
        let binary = deep.appendingPathComponent("tanacs")
        try FileManager.default.copyItem(at: Tmux.binary, to: binary)
        let (status, output) = try shell("env -u TANACS_DATA '\(binary.path)' validate 2>&1")
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.contains("warning: using the dataset \(scratch.appendingPathComponent("data").path), found 5 folders above the program"), output)
        // Beside the binary (or in the clone, three folders up) there is no warning.
        try FileManager.default.copyItem(at: CLI.sample, to: deep.appendingPathComponent("data"))
        let near = try shell("env -u TANACS_DATA '\(binary.path)' validate 2>&1")
        XCTAssertFalse(near.output.contains("warning"), near.output)
        let clone = try shell("env -u TANACS_DATA '\(Tmux.binary.path)' validate 2>&1")
        XCTAssertFalse(clone.output.contains("warning"), clone.output)
    }

    func testSymbolicLinkLoopsAreNotMissing() throws {
        let loop = scratch.appendingPathComponent("loop")
        try FileManager.default.createSymbolicLink(atPath: loop.path, withDestinationPath: loop.path)
        var result = try CLI.run(["validate"], data: loop)
        XCTAssertEqual(result.status, 65)
        XCTAssertTrue(result.stdout.contains("symbolic link loop"), result.stdout)
        let data = try CLI.copyOfSample()
        defer { try? FileManager.default.removeItem(at: data) }
        let events = data.appendingPathComponent("events.json")
        try FileManager.default.removeItem(at: events)
        try FileManager.default.createSymbolicLink(atPath: events.path, withDestinationPath: events.path)
        result = try CLI.run(["validate"], data: data)
        XCTAssertTrue(result.stdout.contains("events.json: cannot read the file (a symbolic link loop)"), result.stdout)
    }

    /// Run as nobody, since root reads everything: an unreadable dataset folder, geo/ folder or file
    /// is named as unreadable, not "not a dataset" or an empty map.
    func testUnreadableFoldersAndFilesAreNamed() throws {
        try XCTSkipUnless(getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "needs root and setpriv to run as nobody")
        let data = scratch.appendingPathComponent("data")
        try FileManager.default.copyItem(at: CLI.sample, to: data)
        let geo = data.appendingPathComponent("geo")
        try FileManager.default.removeItem(at: geo)
        try FileManager.default.copyItem(at: Tmux.repo.appendingPathComponent("data/geo"), to: geo)
        _ = try Tmux.run(["chmod", "-R", "a+rX", scratch.path])
        let asNobody = "setpriv --reuid=65534 --regid=65534 --clear-groups '\(Tmux.binary.path)' validate --data '\(data.path)' 2>&1"
        chmod(data.path, 0o700)
        var (status, output) = try shell(asNobody)
        XCTAssertEqual(status, 65, output)
        XCTAssertTrue(output.contains("\(data.path): cannot read the folder (permission denied)"), output)
        chmod(data.path, 0o755)
        chmod(geo.path, 0o700)
        (status, output) = try shell(asNobody)
        XCTAssertEqual(status, 65, output)
        XCTAssertTrue(output.contains("geo: cannot read the folder (permission denied)"), output)
        chmod(geo.path, 0o755)
        chmod(data.appendingPathComponent("people.json").path, 0o600)
        (status, output) = try shell(asNobody)
        XCTAssertEqual(status, 65, output)
        XCTAssertTrue(output.contains("people.json: cannot read the file (permission denied)"), output)
    }

    /// Files that report a size they do not have, or never end: the read itself is bounded.
    func testProcfsDevicesAndPipesAreReadWithABound() throws {
        let data = try CLI.copyOfSample()
        defer { try? FileManager.default.removeItem(at: data) }
        let figures = data.appendingPathComponent("figures.json")
        for (target, expected) in [("/proc/self/status", "figures.json: expected a JSON array at the top level"), ("/dev/zero", "is a device, not a file"),
                                   ("/dev/urandom", "is a device, not a file")] {
            try? FileManager.default.removeItem(at: figures)
            try FileManager.default.createSymbolicLink(atPath: figures.path, withDestinationPath: target)
            let result = try CLI.run(["validate"], data: data)
            XCTAssertEqual(result.status, 65, target)
            XCTAssertTrue(result.stdout.contains(expected), "\(target): \(result.stdout)")
        }
        try FileManager.default.removeItem(at: figures)
        XCTAssertEqual(mkfifo(figures.path, 0o644), 0)
        let result = try CLI.run(["validate"], data: data)
        XCTAssertTrue(result.stdout.contains("figures.json: is a named pipe, not a file"), result.stdout)
    }

    /// A dataset too large for the memory limit is a one-line error with its own status, no backtrace.
    func testAMemoryLimitTooSmallIsOneLine() throws {
        let data = try CLI.copyOfSample()
        defer { try? FileManager.default.removeItem(at: data) }
        let excerpts = try JSONSerialization.jsonObject(with: Data(contentsOf: data.appendingPathComponent("excerpts.json"))) as? [[String: Any]]
        let excerpt = excerpts?.first?["id"] as? String ?? "excerpt:x"
        var text = "["
        let filler = String(repeating: "a summary that says little, ", count: 8)
        for i in 0..<90_000 {
            text += (i == 0 ? "" : ",") + "{\"id\":\"person:p\(i)\",\"name\":\"Person \(i)\",\"names\":[],\"roles\":[],\"summary\":\"\(filler)\",\"citations\":[\"\(excerpt)\"]}"
        }
        text += "]"
        try Data(text.utf8).write(to: data.appendingPathComponent("people.json"))
        for command in ["validate", "events", "export --format json"] {
            let (status, output) = try shell("ulimit -v 200000; SWIFT_BACKTRACE=enable=yes '\(Tmux.binary.path)' \(command) --data '\(data.path)' 2>&1 >/dev/null")
            XCTAssertEqual(status, 71, "\(command): \(output)")
            XCTAssertEqual(output.split(separator: "\n").count, 1, "\(command): one line:\n\(output)")
            XCTAssertTrue(output.hasPrefix("tanacs: not enough memory to load the dataset"), output)
        }
    }

    /// A command killed by a crash signal (as running out of memory ends in the runtime) prints one
    /// line, not the runtime's backtrace, and still dies of the signal.
    func testACrashInACommandIsOneLine() throws {
        let fifo = scratch.appendingPathComponent("fifo").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        for signal in [SIGSEGV, SIGILL, SIGBUS, SIGABRT] {
            // Opening the pipe blocks until a reader comes: time to send the signal.
            let (_, output) = try shell("""
                SWIFT_BACKTRACE=enable=yes '\(Tmux.binary.path)' export --format json --data '\(CLI.sample.path)' --out '\(fifo)' 2>'\(scratch.path)/err' & pid=$!
                for i in $(seq 200); do grep -q partner /proc/$pid/wchan 2>/dev/null && break; sleep 0.05; done
                kill -\(signal) $pid; wait $pid; echo status=$?
                """)
            XCTAssertTrue(output.contains("status=\(128 + signal)"), "signal \(signal): \(output)")
            let stderr = try String(contentsOfFile: scratch.path + "/err", encoding: .utf8)
            XCTAssertEqual(stderr.split(separator: "\n").count, 1, "signal \(signal): one line:\n\(stderr)")
            XCTAssertTrue(stderr.hasPrefix("tanacs: stopped by a fatal signal"), stderr)
        }
    }
}
