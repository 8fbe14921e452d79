import Foundation
import XCTest

/// A copy of the binary alone in an empty folder carries its dataset; --data and TANACS_DATA still win.
final class InstallTests: XCTestCase {
    private var folder: URL!
    private var copy: URL { folder.appendingPathComponent("tanacs") }

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tanacs-install-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Tmux.binary, to: copy)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    private func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = copy
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env["TANACS_DATA"] = nil
        env["COLUMNS"] = nil
        env["LANG"] = "C.UTF-8"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    func testCopiedBinaryAnswersFromAnEmptyFolder() throws {
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["tanacs"], "nothing beside the copy")
        let events = try run(["events"])
        XCTAssertEqual(events.status, 0, events.stderr)
        let bundled = try JSONSerialization.jsonObject(with: Data(contentsOf: Tmux.repo.appendingPathComponent("data/events.json"))) as! [[String: Any]]
        XCTAssertEqual(events.stdout.split(separator: "\n").count, bundled.count + 2, "every bundled event, under a header and a rule")
        XCTAssertTrue(events.stdout.contains("event:1956-10-23-"), events.stdout)
        let validate = try run(["validate"])
        XCTAssertTrue(validate.stdout.hasPrefix("ok: (bundled data): \(bundled.count) events"), validate.stdout)

        // The passages are built in too: a quotation is shown in its passage, the PDF account by page and line.
        let passage = try run(["show", "excerpt:prole-p2-1"])
        XCTAssertEqual(passage.status, 0, passage.stderr)
        XCTAssertTrue(passage.stdout.contains("In its passage"), passage.stdout)
        XCTAssertTrue(passage.stdout.contains("Page and line: p. 2, lines 18–19"), passage.stdout)

        // Other datasets still override the built-in one.
        let sample = CLI.sample.path
        let byOption = try run(["validate", "--data", sample])
        XCTAssertTrue(byOption.stdout.contains("13 events"), byOption.stdout)
        let byEnvironment = try run(["validate"], environment: ["TANACS_DATA": sample])
        XCTAssertTrue(byEnvironment.stdout.contains("13 events"), byEnvironment.stdout)
        let missing = try run(["events"], environment: ["TANACS_DATA": folder.appendingPathComponent("nowhere").path])
        XCTAssertEqual(missing.status, 66, "a dataset that is not there is missing input")
        XCTAssertTrue(missing.stderr.contains("nowhere: no such folder"), missing.stderr)
    }

    func testCopiedBinaryOpensTheExplorer() throws {
        try XCTSkipUnless(Tmux.available, "tmux is not installed (.ci/run installs it)")
        let tmux = Tmux()
        defer { tmux.stop() }
        try tmux.start("cd '\(folder.path)' && env -u TANACS_DATA SWIFT_BACKTRACE=interactive=no LANG=C.UTF-8 TERM=xterm-256color ./tanacs; echo \"EXIT=$?\"; echo MODE-\"END\"",
                       width: 120, height: 40)
        let screen = try tmux.waitFor(text: "Timeline")
        XCTAssertTrue(screen.contains("Map Tue 23 Oct 1956"), screen)
        XCTAssertFalse(screen.contains("Timeline 2/13"), "the bundled data, not the sample:\n\(screen)")
        try tmux.keys("q")
        XCTAssertTrue(try tmux.waitFor(text: "MODE-END").contains("EXIT=0"))
    }
}
