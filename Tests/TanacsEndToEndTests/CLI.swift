import Foundation
import XCTest

/// Runs the built binary with arguments, stdout and stderr kept apart.
enum CLI {
    static let sample = Tmux.repo.appendingPathComponent("Tests/Fixtures/sample")

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        var data: Data { Data(stdout.utf8) }
    }

    /// Runs `tanacs ARGS` (on the sample data unless `data` says otherwise) with stdin from /dev/null.
    static func run(_ arguments: [String], data: URL? = sample, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = Tmux.binary
        process.arguments = arguments + (data.map { ["--data", $0.path] } ?? [])
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "interactive=no"
        env["LANG"] = "C.UTF-8"
        env["COLUMNS"] = nil
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        // stderr goes to a file, so a full pipe can never block the child while stdout is read.
        let errFile = FileManager.default.temporaryDirectory.appendingPathComponent("tanacs-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errFile) }
        let out = Pipe(), err = try FileHandle(forWritingTo: errFile)
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try err.close()
        let errData = try Data(contentsOf: errFile)
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs and parses standard output as JSON, failing the test on a non-zero exit.
    static func json(_ arguments: [String], data: URL? = sample, file: StaticString = #filePath, line: UInt = #line) throws -> Any {
        let result = try run(arguments, data: data)
        XCTAssertEqual(result.status, 0, "tanacs \(arguments.joined(separator: " ")): \(result.stderr)", file: file, line: line)
        return try JSONSerialization.jsonObject(with: result.data)
    }

    /// A copy of the sample dataset in a temporary folder, to break; removed by the caller.
    static func copyOfSample() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tanacs-cli-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: sample, to: folder)
        return folder
    }

    /// Edits one file of a dataset as a JSON array of objects.
    static func edit(_ folder: URL, _ file: String, _ change: (inout [[String: Any]]) -> Void) throws {
        let url = folder.appendingPathComponent(file)
        var records = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [[String: Any]]
        change(&records)
        try JSONSerialization.data(withJSONObject: records, options: [.prettyPrinted]).write(to: url)
    }
}
