import Foundation

/// The real programs that read our exports (sqlite3, pandoc), found on PATH and run with input.
extension CLI {
    /// The program's path, or nil when it is not installed.
    static func which(_ name: String) -> URL? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let url = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// Runs a program with `input` on standard input; stdout and stderr kept apart.
    static func shell(_ program: URL, arguments: [String], input: String) throws -> Result {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        let inFile = FileManager.default.temporaryDirectory.appendingPathComponent("tanacs-in-\(UUID().uuidString)")
        let errFile = FileManager.default.temporaryDirectory.appendingPathComponent("tanacs-err-\(UUID().uuidString)")
        try Data(input.utf8).write(to: inFile)
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: inFile); try? FileManager.default.removeItem(at: errFile) }
        process.standardInput = try FileHandle(forReadingFrom: inFile)
        let out = Pipe(), err = try FileHandle(forWritingTo: errFile)
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try err.close()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errFile), as: UTF8.self))
    }
}
