import Foundation
import XCTest

/// `export --out` writes as the shell's `>` would: refuses what the user may not write, keeps mode,
/// owner and hard links, writes devices and pipes in place, follows symbolic links, makes folders for
/// `DIR/`, and says so when a disk is full. Standard output on a full device or a non-blocking pipe
/// with a paused reader is handled too. CSV cells that would run as formulas are neutralised.
final class OutputFileTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tanacs-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        chmod(folder.path, 0o777)
    }

    override func tearDown() {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    private func path(_ name: String) -> String { folder.path + "/" + name } // keeps a trailing /

    private func export(_ arguments: [String]) throws -> CLI.Result {
        try CLI.run(["export", "--format", "json"] + arguments)
    }

    private func info(_ path: String) -> stat {
        var s = stat()
        stat(path, &s)
        return s
    }

    private var isRoot: Bool { getuid() == 0 }

    private func shell(_ script: String) throws -> (status: Int32, output: String) {
        try Tmux.run(["sh", "-c", script])
    }

    func testAnExistingFileKeepsItsModeOwnerAndHardLinks() throws {
        let file = path("private.json"), link = path("link.json")
        try Data("old".utf8).write(to: URL(fileURLWithPath: file))
        chmod(file, 0o600)
        XCTAssertEqual(Glibc.link(file, link), 0)
        if isRoot { chown(file, 65534, 65534) }
        let before = info(file)
        let result = try export(["--out", file])
        XCTAssertEqual(result.status, 0, result.stderr)
        let after = info(file)
        XCTAssertEqual(after.st_mode & 0o7777, 0o600, "mode kept")
        XCTAssertEqual(after.st_ino, before.st_ino, "written in place, not replaced")
        XCTAssertEqual(after.st_nlink, 2, "the hard link stays")
        XCTAssertEqual(after.st_uid, before.st_uid, "owner kept")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: link)), try Data(contentsOf: URL(fileURLWithPath: file)))
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: link))))
    }

    func testAtomicReplacesWithARenameKeepingModeAndOwner() throws {
        let file = path("atomic.json")
        try Data("old".utf8).write(to: URL(fileURLWithPath: file))
        chmod(file, 0o640)
        if isRoot { chown(file, 65534, 65534) }
        let before = info(file)
        let result = try export(["--out", file, "--atomic"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let after = info(file)
        XCTAssertNotEqual(after.st_ino, before.st_ino, "--atomic renames a new file over the old")
        XCTAssertEqual(after.st_mode & 0o7777, 0o640)
        XCTAssertEqual(after.st_uid, before.st_uid)
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("tanacs-") }
        XCTAssertEqual(leftovers, [], "no temporary file left")
    }

    func testANewFileGetsTheUmasksMode() throws {
        let file = path("new.json")
        let (status, output) = try shell("umask 027; '\(Tmux.binary.path)' export --format json --data '\(CLI.sample.path)' --out '\(file)'")
        XCTAssertEqual(status, 0, output)
        XCTAssertEqual(info(file).st_mode & 0o7777, 0o640)
    }

    func testASymbolicLinkIsFollowedAndStaysALink() throws {
        let target = path("target.json"), link = path("via-link.json")
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        XCTAssertEqual(try export(["--out", link]).status, 0)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), target)
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: target))))
    }

    func testDevicesAreWrittenInPlaceNeverReplaced() throws {
        let result = try export(["--out", "/dev/null"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(info("/dev/null").st_mode & S_IFMT, S_IFCHR, "/dev/null is still a device")
        let full = try export(["--out", "/dev/full"])
        XCTAssertEqual(full.status, 73)
        XCTAssertTrue(full.stderr.contains("cannot write /dev/full: no space left on device"), full.stderr)
        XCTAssertEqual(info("/dev/full").st_mode & S_IFMT, S_IFCHR)
    }

    func testANamedPipeIsWrittenInPlace() throws {
        let fifo = path("pipe")
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let (status, output) = try shell("cat '\(fifo)' > '\(path("copy.json"))' & '\(Tmux.binary.path)' export --format json --data '\(CLI.sample.path)' --out '\(fifo)'; s=$?; wait; echo status=$s")
        XCTAssertEqual(status, 0)
        XCTAssertTrue(output.contains("status=0"), output)
        XCTAssertEqual(info(fifo).st_mode & S_IFMT, S_IFIFO, "still a pipe")
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path("copy.json")))))
    }

    func testWhatTheUserMayNotWriteIsRefused() throws {
        let readOnly = path("read-only.json")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: readOnly))
        chmod(readOnly, 0o444)
        if isRoot {
            // Root may write a 0444 file (so may `>`); an ordinary user may not.
            try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "setpriv runs the binary as nobody")
            let asNobody = "setpriv --reuid=65534 --regid=65534 --clear-groups '\(Tmux.binary.path)' export --format json --data '\(CLI.sample.path)' --out"
            var (status, output) = try shell("\(asNobody) '\(readOnly)' 2>&1")
            XCTAssertEqual(status, 73, output)
            XCTAssertTrue(output.contains("permission denied"), output)
            XCTAssertEqual(try String(contentsOfFile: readOnly, encoding: .utf8), "keep me", "the file is untouched")
            let closed = path("closed")
            try FileManager.default.createDirectory(atPath: closed, withIntermediateDirectories: true)
            chmod(closed, 0o755)
            (status, output) = try shell("\(asNobody) '\(closed)/x.json' 2>&1")
            XCTAssertEqual(status, 73, output)
            XCTAssertTrue(output.contains("permission denied"), output)
        } else {
            let result = try export(["--out", readOnly])
            XCTAssertEqual(result.status, 73)
            XCTAssertTrue(result.stderr.contains("permission denied"), result.stderr)
            XCTAssertEqual(try String(contentsOfFile: readOnly, encoding: .utf8), "keep me")
        }
    }

    func testFoldersForOutEndingInASlash() throws {
        // A folder is created, with the format's file in it.
        var result = try export(["--out", path("made/deeper/")])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path("made/deeper/tanacs.json")))))
        // CSV writes every table into it.
        result = try CLI.run(["export", "--format", "csv", "--out", path("tables/")])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path("tables/events.csv")))
        // A file where the folder should be: said, not overwritten.
        try Data("a file".utf8).write(to: URL(fileURLWithPath: path("plain")))
        result = try export(["--out", path("plain/")])
        XCTAssertEqual(result.status, 73)
        XCTAssertTrue(result.stderr.contains("not a folder"), result.stderr)
        result = try CLI.run(["export", "--format", "csv", "--out", path("plain/inside/")])
        XCTAssertEqual(result.status, 73)
        XCTAssertTrue(result.stderr.contains("is a file, not a folder"), result.stderr)
        XCTAssertEqual(try String(contentsOfFile: path("plain"), encoding: .utf8), "a file")
        // A folder given without the slash for a one-file format.
        result = try export(["--out", path("made")])
        XCTAssertEqual(result.status, 73)
        XCTAssertTrue(result.stderr.contains("it is a folder"), result.stderr)
        // A file in a folder that does not exist.
        result = try export(["--out", path("nowhere/x.json")])
        XCTAssertEqual(result.status, 73)
        XCTAssertTrue(result.stderr.contains("no such file or directory"), result.stderr)
    }

    func testAFullStandardOutputGetsAMessage() throws {
        for command in ["export --format json", "events", "export --format markdown"] {
            let (status, output) = try shell("'\(Tmux.binary.path)' \(command) --data '\(CLI.sample.path)' > /dev/full 2>'\(path("err"))'; echo status=$?")
            XCTAssertEqual(status, 0)
            XCTAssertTrue(output.contains("status=74"), "\(command): \(output)")
            let stderr = try String(contentsOfFile: path("err"), encoding: .utf8)
            XCTAssertEqual(stderr, "tanacs: cannot write to standard output: No space left on device\n", command)
        }
    }

    /// A non-blocking pipe whose reader pauses: the writer sleeps in poll instead of spinning on EAGAIN,
    /// and the whole export arrives once the reader reads again.
    func testANonBlockingStandardOutputWithAPausedReaderDoesNotSpin() throws {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        let flags = fcntl(fds[1], F_GETFL)
        _ = fcntl(fds[1], F_SETFL, flags | O_NONBLOCK)
        let process = Process()
        process.executableURL = Tmux.binary
        process.arguments = ["export", "--format", "json", "--data", Tmux.repo.appendingPathComponent("data").path]
        process.standardOutput = FileHandle(fileDescriptor: fds[1], closeOnDealloc: false)
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        close(fds[1])
        // Wait until the pipe is full (the export is larger than its 64 KB), then leave the reader paused.
        var full = false
        for _ in 0..<300 where !full {
            usleep(50_000)
            var size: Int32 = 0
            _ = ioctl(fds[0], UInt(FIONREAD), &size)
            full = size >= 65_536
        }
        XCTAssertTrue(full, "the pipe filled")
        usleep(200_000)
        let before = cpuTicks(process.processIdentifier)
        usleep(1_500_000)
        let after = cpuTicks(process.processIdentifier)
        XCTAssertLessThan(after - before, 40, "CPU ticks while the reader is paused (a busy loop uses all 150)")
        let data = FileHandle(fileDescriptor: fds[0], closeOnDealloc: true).readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: data), "the whole export arrived")
    }

    /// Cells a spreadsheet would run (=, +, -, @, tab, CR first) get a leading ', unless --keep-formulas.
    func testCSVCellsThatWouldRunAsFormulasAreNeutralised() throws {
        let data = try CLI.copyOfSample()
        defer { try? FileManager.default.removeItem(at: data) }
        let formulas = ["=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-2+3", "@SUM(A1)", "\tTAB", "=1"]
        try CLI.edit(data, "people.json") { people in
            let citations = people[0]["citations"] as? [String] ?? []
            for (i, formula) in formulas.enumerated() where i < people.count {
                people[i]["statements"] = [["text": formula, "citations": citations]]
            }
            people[0]["roles"] = [["text": "=cmd|' /C calc'!A0", "citations": citations], ["text": "worker", "citations": citations]]
        }
        var result = try CLI.run(["export", "--format", "csv", "--table", "people"], data: data)
        XCTAssertEqual(result.status, 0, result.stderr)
        for line in result.stdout.split(separator: "\n").dropFirst() {
            for cell in line.split(separator: ",") {
                let text = cell.hasPrefix("\"") ? cell.dropFirst() : cell
                XCTAssertFalse(text.hasPrefix("=") || text.hasPrefix("+") || text.hasPrefix("@"), "a live formula: \(line)")
            }
        }
        XCTAssertTrue(result.stdout.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""), result.stdout)
        XCTAssertTrue(result.stdout.contains("'+1+2"), result.stdout)
        XCTAssertTrue(result.stdout.contains("'=cmd|' /C calc'!A0; worker"), result.stdout)
        result = try CLI.run(["export", "--format", "csv", "--table", "people", "--keep-formulas"], data: data)
        XCTAssertTrue(result.stdout.contains(",+1+2\n"), result.stdout)
        XCTAssertFalse(result.stdout.contains("'+1+2"), result.stdout)
        XCTAssertEqual(try CLI.run(["export", "--format", "json", "--keep-formulas"]).status, 64)
    }
}
