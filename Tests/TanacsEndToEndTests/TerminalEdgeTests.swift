import Foundation
import XCTest

/// The explorer in tmux against what nobody types: every signal that ends a process (also when the
/// parent blocked or ignored it), an outside SIGSTOP and `fg`, input that ends (a closed pty, a killed
/// pane), a non-blocking terminal, a stale COLUMNS/LINES, escape sequences nobody knows and bracketed
/// pastes. The explorer runs under a non-interactive `sh` script, so nothing but the explorer itself
/// can put the terminal back.
final class TerminalEdgeTests: XCTestCase {
    private var tmux: Tmux!
    private var folder: URL!

    override func setUpWithError() throws {
        try XCTSkipUnless(Tmux.available, "tmux is not installed (.ci/run installs it)")
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/perl"), "perl starts the explorer with a pid file")
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tanacs-term-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Writes its pid, blocks the signals in T_BLOCK, ignores those in T_IGNORE, makes the terminal
        // non-blocking with T_NONBLOCK=1, then becomes the explorer (exec keeps the pid).
        try """
            use POSIX; use Fcntl;
            open(my $f, ">", shift) or die; print $f $$; close $f;
            my @block = split(" ", $ENV{T_BLOCK} // "");
            sigprocmask(SIG_BLOCK, POSIX::SigSet->new(@block)) if @block;
            $SIG{$_} = "IGNORE" for split(" ", $ENV{T_IGNORE} // "");
            if ($ENV{T_NONBLOCK}) { my $flags = fcntl(STDIN, F_GETFL, 0); fcntl(STDIN, F_SETFL, $flags | O_NONBLOCK); }
            exec @ARGV or die;
            """.write(to: folder.appendingPathComponent("start.pl"), atomically: true, encoding: .utf8)
        tmux = Tmux()
    }

    override func tearDown() {
        tmux?.stop()
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    private var pidFile: String { folder.appendingPathComponent("pid").path }

    /// A script run by a non-interactive sh: the explorer, then its status, the terminal's modes and
    /// tmux's view of the alternate screen, mouse reporting and cursor.
    private func launch(env: String = "", prefix: String = "", width: Int = 100, height: Int = 30, report: Bool = true) throws {
        try? FileManager.default.removeItem(atPath: pidFile)
        let script = """
            ulimit -c 0
            \(env) \(prefix) perl '\(folder.appendingPathComponent("start.pl").path)' '\(pidFile)' env LANG=C.UTF-8 TERM=xterm-256color SWIFT_BACKTRACE=interactive=no '\(Tmux.binary.path)' --data '\(CLI.sample.path)'
            echo "EXIT=$?"
            stty -a | tr ' ' '\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' '; echo MODE-"END"
            """
        let file = folder.appendingPathComponent("run.sh")
        try script.write(to: file, atomically: true, encoding: .utf8)
        try tmux.start(report ? "sh '\(file.path)'" : "sh '\(file.path)'; exit", width: width, height: height)
    }

    private func explorerPID() throws -> Int32 {
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: pidFile, encoding: .utf8), let pid = Int32(text) { return pid }
            usleep(30_000)
        }
        throw XCTSkip("the explorer never wrote its pid")
    }

    private func alive(_ pid: Int32) -> Bool { kill(pid, 0) == 0 }

    /// Alternate screen off, mouse reporting off, cursor shown, as tmux sees the pane.
    private func assertTerminalBack(_ screen: String, exit: String, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertTrue(screen.contains(exit), "expected \(exit):\n\(screen)", file: file, line: line)
        XCTAssertTrue(screen.contains("icanon echo"), "canonical mode with echo:\n\(screen)", file: file, line: line)
        let flags = try tmux.tmux("display-message", "-p", "-t", tmux.session, "#{alternate_on} #{mouse_any_flag} #{cursor_flag}")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(flags, "0 0 1", "alternate screen, mouse reporting, cursor", file: file, line: line)
    }

    private func fresh() {
        tmux.stop()
        tmux = Tmux()
    }

    // MARK: signals

    /// Signals whose default action ends the process (or dumps core), beyond the four the first round
    /// tested: each restores the terminal and ends the process as the signal would.
    func testEveryTerminatingSignalRestoresTheTerminal() throws {
        let signals: [(String, Int32)] = [
            ("USR1", SIGUSR1), ("USR2", SIGUSR2), ("ALRM", SIGALRM), ("PIPE", SIGPIPE), ("VTALRM", SIGVTALRM),
            ("PROF", SIGPROF), ("XCPU", SIGXCPU), ("XFSZ", SIGXFSZ), ("SYS", SIGSYS), ("IO", 29), ("PWR", 30),
            ("STKFLT", 16), ("TRAP", SIGTRAP), ("RTMIN", 34), ("RTMIN+5", 39), ("RTMAX", 64),
        ]
        for (name, number) in signals {
            fresh()
            try launch()
            try tmux.waitFor(text: "Timeline 2/13")
            let pid = try explorerPID()
            XCTAssertEqual(kill(pid, number), 0, name)
            try assertTerminalBack(try tmux.waitFor(text: "MODE-END"), exit: "EXIT=\(128 + number)")
        }
    }

    /// A parent that blocked or ignored signals does not keep them from the explorer: they are unblocked
    /// at start-up and the handlers replace an inherited "ignore".
    func testSignalsBlockedOrIgnoredByTheParentStillRestore() throws {
        for (env, number) in [("T_BLOCK='\(SIGTERM) \(SIGUSR1) \(SIGHUP)'", SIGUSR1), ("T_BLOCK='\(SIGTERM)'", SIGTERM),
                              ("T_IGNORE='USR2 ALRM'", SIGUSR2), ("T_IGNORE='ALRM'", SIGALRM)] {
            fresh()
            try launch(env: "env \(env)")
            try tmux.waitFor(text: "Timeline 2/13")
            XCTAssertEqual(kill(try explorerPID(), number), 0)
            try assertTerminalBack(try tmux.waitFor(text: "MODE-END"), exit: "EXIT=\(128 + number)")
        }
    }

    /// SIGSTOP from outside, then `fg` in an interactive shell: the explorer is back in its own modes
    /// (no echo, not canonical) and has redrawn over what the shell printed meanwhile.
    func testOutsideStopAndForegroundRedrawsInTheExplorersModes() throws {
        try? FileManager.default.removeItem(atPath: pidFile)
        try tmux.start("perl '\(folder.appendingPathComponent("start.pl").path)' '\(pidFile)' env LANG=C.UTF-8 TERM=xterm-256color '\(Tmux.binary.path)' --data '\(CLI.sample.path)'",
                       width: 100, height: 30)
        try tmux.waitFor(text: "Timeline 2/13")
        let pid = try explorerPID()
        let tty = try tmux.tmux("display-message", "-p", "-t", tmux.session, "#{pane_tty}").trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(kill(pid, SIGSTOP), 0)
        try tmux.waitFor(text: "Stopped")
        // Nobody gave the shell its modes back (no CR-to-NL, no echo): a line ends with Ctrl-J.
        try tmux.literal("fg")
        try tmux.keys("C-j")
        let screen = try tmux.waitFor("the explorer redrawn") { $0.contains("Timeline 2/13") && !$0.contains("Stopped") }
        XCTAssertFalse(screen.contains("Stopped"), screen)
        let modes = try Tmux.run(["stty", "-a", "-F", tty]).output
        XCTAssertTrue(modes.contains("-icanon"), "raw (non-canonical) again after fg:\n\(modes)")
        XCTAssertTrue(modes.contains("-echo "), "no echo after fg:\n\(modes)")
        try tmux.keys("j")
        try tmux.waitFor(text: "Timeline 3/13")
        try tmux.keys("q")
        try tmux.waitFor("the shell") { !$0.contains("Timeline 3/13") }
        XCTAssertFalse(alive(pid))
    }

    // MARK: input that ends

    /// The pane is killed while the explorer has no controlling terminal (setsid), so no SIGHUP comes:
    /// its reads fail, and it must end instead of spinning.
    func testClosedTerminalWithoutHangupEndsTheExplorer() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/setsid"), "setsid starts it without a controlling terminal")
        try launch(prefix: "setsid -w")
        try tmux.waitFor(text: "Timeline 2/13")
        let pid = try explorerPID()
        try tmux.tmux("kill-pane", "-t", tmux.session)
        try waitUntilGone(pid)
    }

    /// A killed pane while the parent blocks SIGHUP: the explorer unblocked it at start-up, so it ends.
    func testKilledPaneWhileTheParentBlocksHangupEndsTheExplorer() throws {
        try launch(env: "env T_BLOCK='\(SIGHUP)' T_IGNORE='HUP'")
        try tmux.waitFor(text: "Timeline 2/13")
        let pid = try explorerPID()
        try tmux.tmux("kill-pane", "-t", tmux.session)
        try waitUntilGone(pid)
    }

    private func waitUntilGone(_ pid: Int32, file: StaticString = #filePath, line: UInt = #line) throws {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline && alive(pid) { usleep(50_000) }
        if alive(pid) {
            let cpu = cpuTicks(pid)
            kill(pid, SIGKILL)
            XCTFail("the explorer is still running 10 s after its terminal closed (CPU ticks: \(cpu))", file: file, line: line)
        }
    }

    /// utime + stime of a process, in clock ticks.
    /// A terminal left non-blocking by the parent: the explorer neither quits at once nor spins while
    /// it waits for a key.
    func testNonBlockingTerminalNeitherQuitsNorSpins() throws {
        try launch(env: "env T_NONBLOCK=1")
        try tmux.waitFor(text: "Timeline 2/13")
        let pid = try explorerPID()
        usleep(300_000)
        let before = cpuTicks(pid)
        usleep(1_500_000)
        let after = cpuTicks(pid)
        // A busy loop would use all 150 ticks of the 1.5 s; waiting for input uses none.
        XCTAssertLessThan(after - before, 40, "CPU ticks while idle")
        try tmux.keys("j")
        try tmux.waitFor(text: "Timeline 3/13")
        try tmux.keys("q")
        try assertTerminalBack(try tmux.waitFor(text: "MODE-END"), exit: "EXIT=0")
    }

    // MARK: size and input decoding

    /// COLUMNS and LINES exported from an older, smaller terminal do not shrink the explorer.
    func testStaleColumnsAndLinesDoNotOverrideTheRealSize() throws {
        for env in ["env COLUMNS=40 LINES=10", "env COLUMNS=300 LINES=90", "env COLUMNS=0 LINES=-5"] {
            fresh()
            try launch(env: env)
            func rows(_ screen: String) -> [String] { screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
            // A frame can reach tmux in pieces: wait for the status line itself, not only the timeline's title.
            let screen = try tmux.waitFor("\(env): the frame down to the status line on row 30") { screen in
                let lines = rows(screen)
                return screen.contains("Timeline 2/13") && lines.count >= 30 && !lines[29].trimmingCharacters(in: .whitespaces).isEmpty
            }
            let lines = rows(screen)
            XCTAssertTrue(lines.contains { $0.count > 60 }, "\(env): the frame fills the width:\n\(screen)")
            try tmux.keys("q")
            try assertTerminalBack(try tmux.waitFor(text: "MODE-END"), exit: "EXIT=0")
        }
    }

    /// Escape sequences no key has (function keys ncurses does not know, terminal replies, focus
    /// reports) and a bracketed paste outside the search line change nothing; none of their bytes runs
    /// as a command (digits switch panes, q quits, j moves).
    func testUnknownSequencesAndPastesNeverRunAsCommands() throws {
        try launch()
        let before = try tmux.waitFor(text: "Timeline 2/13")
        let sequences = ["\u{1B}[99~", "\u{1B}[57;5u", "\u{1B}[?1;2c", "\u{1B}[I", "\u{1B}[O", "\u{1B}Oz", "\u{1B}[1;2Q",
                         "\u{1B}]11;rgb:0000/0000/0000\u{7}", "\u{1B}P1$r0m\u{1B}\\", "\u{1B}_q2\u{1B}\\",
                         "\u{1B}[200~jjjj2q?/\u{1B}[201~", "\u{1B}[200~multi\nline\tq\u{1B}[31m\u{1B}[201~"]
        for sequence in sequences { try tmux.literal(sequence) }
        try tmux.keys("j")
        try tmux.waitFor(text: "Timeline 3/13")
        try tmux.keys("k")
        let after = try tmux.waitFor(text: "Timeline 2/13")
        XCTAssertEqual(after, before, "the screen after the sequences and j k is the screen before them")
        // In the search line a paste is typed text, never keys: its q does not quit, its Enter does not choose.
        try tmux.keys("/")
        try tmux.literal("\u{1B}[200~csepel q\n\u{1B}[201~")
        try tmux.waitFor(text: "/ csepel q")
        try tmux.keys("Escape")
        try tmux.waitFor(text: "Timeline 2/13")
        try tmux.keys("q")
        try assertTerminalBack(try tmux.waitFor(text: "MODE-END"), exit: "EXIT=0")
    }

    /// Home and End (and the arrows) in the encodings of terminals other than the one TERM names
    /// (tmux and the Linux console ESC[1~ ESC[4~, rxvt ESC[7~ ESC[8~, xterm ESC[H ESC[F and ESC O F)
    /// still move to the first and last event.
    func testHomeAndEndInOtherTerminalsEncodings() throws {
        try launch()
        try tmux.waitFor(text: "Timeline 2/13")
        for (end, home) in [("\u{1B}[4~", "\u{1B}[1~"), ("\u{1B}[8~", "\u{1B}[7~"), ("\u{1B}[F", "\u{1B}[H"), ("\u{1B}OF", "\u{1B}OH")] {
            try tmux.literal(end)
            try tmux.waitFor(text: "Timeline 13/13")
            try tmux.literal(home)
            try tmux.waitFor(text: "Timeline 1/13")
        }
        try tmux.literal("\u{1B}[B")
        try tmux.waitFor(text: "Timeline 2/13")
        try tmux.keys("q")
        try assertTerminalBack(try tmux.waitFor(text: "MODE-END"), exit: "EXIT=0")
    }
}
