import Foundation
import XCTest

/// A private tmux server running the built binary, read through capture-pane.
final class Tmux {
    let socket = "tanacs-test-\(getpid())-\(UUID().uuidString.prefix(8))"
    let session = "t"

    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary `swift test` built beside the test bundle.
    static var binary: URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("tanacs")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return repo.appendingPathComponent(".build/debug/tanacs")
    }

    static var available: Bool { (try? run(["tmux", "-V"]).status) == 0 }

    /// Runs a command and returns its status and output. With `detached`, output goes to /dev/null:
    /// a tmux server started by the command would otherwise hold the pipe open forever.
    @discardableResult
    static func run(_ arguments: [String], detached: Bool = false) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        if detached { return (spawnQuietly(arguments), "") }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// posix_spawn and waitpid: Foundation's Process can miss the exit of a command that leaves a
    /// daemon behind (tmux new-session), so that one command is started without it.
    static func spawnQuietly(_ arguments: [String]) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd in Int32(0)...2 { posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0) }
        let argv = (["/usr/bin/env"] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/usr/bin/env", &actions, nil, argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status >> 8) & 0xFF
    }

    @discardableResult
    func tmux(_ arguments: String...) throws -> String {
        try Tmux.run(["tmux", "-L", socket] + arguments).output
    }

    /// Starts a shell command in a new session of the given size; the pane stays after it exits.
    func start(_ command: String, width: Int, height: Int) throws {
        try Tmux.run(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", session,
                      "-x", "\(width)", "-y", "\(height)", "sh"], detached: true)
        try tmux("set-option", "-g", "remain-on-exit", "on")
        try tmux("send-keys", "-t", session, "-l", command)
        try tmux("send-keys", "-t", session, "Enter")
    }

    func keys(_ keys: String...) throws {
        for key in keys { try tmux("send-keys", "-t", session, key) }
    }

    func literal(_ text: String) throws { try tmux("send-keys", "-t", session, "-l", text) }

    func screen() throws -> String { try tmux("capture-pane", "-p", "-t", session) }

    func resize(_ width: Int, _ height: Int) throws {
        try tmux("resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)")
    }

    /// Polls the screen until `predicate` holds, failing with the last screen after `timeout` seconds.
    @discardableResult
    func waitFor(_ what: String, timeout: TimeInterval = 15, file: StaticString = #filePath, line: UInt = #line,
                 _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if predicate(last) { return last }
            usleep(30_000)
        }
        XCTFail("timed out waiting for \(what); screen was:\n\(last)", file: file, line: line)
        return last
    }

    @discardableResult
    func waitFor(text: String, timeout: TimeInterval = 15, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try waitFor("\"\(text)\"", timeout: timeout, file: file, line: line) { $0.contains(text) }
    }

    /// Polls until the shell has printed `EXIT=<status>`. The typed command line holds "EXIT=" too
    /// (`echo "EXIT=$?"`), so waiting for that text alone can return before the program has ended.
    @discardableResult
    func waitForExit(timeout: TimeInterval = 15, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try waitFor("an EXIT=<status> line", timeout: timeout, file: file, line: line) { screen in
            screen.range(of: "EXIT=[0-9]", options: .regularExpression) != nil
        }
    }

    /// Polls until every text is on one screen. A frame can reach tmux in pieces, so one text of it
    /// being there does not mean the rest of the frame is: wait for each thing a test then checks.
    @discardableResult
    func waitFor(all texts: [String], timeout: TimeInterval = 15, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try waitFor(texts.map { "\"\($0)\"" }.joined(separator: " and "), timeout: timeout, file: file, line: line) { screen in
            texts.allSatisfy { screen.contains($0) }
        }
    }

    func stop() { _ = try? tmux("kill-server") }
}
