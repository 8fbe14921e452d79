import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whole processes timed side by side on the same files: `tanacs render`, `jq -c .` and Python's
/// `json.load`, so the load is measured against tools a reader already has.
enum Peers {
    struct Timing {
        /// Median wall time of the runs, in nanoseconds.
        let medianNs: Double
        /// Largest peak resident memory of the runs, in kB.
        let peakkB: Int
    }

    /// Runs `arguments` `runs` times with stdout to /dev/null; nil when it cannot start or fails.
    static func time(_ arguments: [String], runs: Int) -> Timing? {
        var samples: [Double] = []
        for _ in 0..<runs {
            guard let (ns, _) = runOnce(arguments) else { return nil }
            samples.append(ns)
        }
        // A child spawned from this process inherits this process's peak memory in its own count
        // (Linux keeps the high-water mark across exec), so the peak is read by GNU time, whose
        // children start from its small footprint. Without it the peak is unknown (0).
        var peak = 0
        if access("/usr/bin/time", X_OK) == 0 {
            let time = "/usr/bin/time"
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("tanacs-bench-rss-\(getpid())").path
            defer { unlink(out) }
            if runOnce([time, "-f", "%M", "-o", out] + arguments) != nil,
               let text = try? String(contentsOfFile: out, encoding: .utf8),
               let kB = Int(text.split(separator: "\n").last.map(String.init) ?? "") {
                peak = kB
            }
        }
        return Timing(medianNs: Benchmark.percentile(samples, 0.5), peakkB: peak)
    }

    /// Runs `arguments` once, stdout to `output` (a file it creates) or /dev/null: wall time and peak
    /// memory, nil when it cannot start or does not exit with 0. Spawned and waited for here, not with
    /// Foundation's `Process`, whose wait never returned once the benchmark had run the painting code.
    private static func runOnce(_ arguments: [String], output: String = "/dev/null") -> (Double, Int)? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var argv = arguments.map { strdup($0) }
        argv.append(nil)
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let start = Benchmark.now()
        guard posix_spawnp(&pid, arguments[0], &actions, nil, &argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, 0, &usage) == pid else { return nil }
        let elapsed = Benchmark.now() - start
        // Exited normally with status 0.
        guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else { return nil }
        return (elapsed, Int(usage.ru_maxrss))
    }

    /// The first of `names` on $PATH, or nil.
    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if access(path, X_OK) == 0 { return path }
        }
        return nil
    }

    /// The interpreter itself when `python` is a launcher (pyenv's shim is a bash script that execs
    /// the real one): timing the shim would charge Python for a bash start and a pyenv lookup.
    static func pythonInterpreter(_ python: String) -> String {
        guard let out = capture([python, "-c", "import sys; print(sys.executable)"]) else { return python }
        let path = out.trimmingCharacters(in: .whitespacesAndNewlines)
        return access(path, X_OK) == 0 ? path : python
    }

    /// What `arguments` writes to stdout (through a file, so a daemon it starts, like tmux's server,
    /// holds no pipe open), or nil when it fails.
    static func capture(_ arguments: [String]) -> String? {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tanacs-bench-out-\(getpid())").path
        defer { unlink(out) }
        guard runOnce(arguments, output: out) != nil else { return nil }
        return (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
    }

    /// CPU the explorer uses while nobody types, in a real terminal (tmux): once its first frame is on
    /// screen and the work after it (the search index) has settled, the CPU time it takes over
    /// `seconds`. Nil with the reason when tmux is missing or the explorer does not start.
    static func idleCPU(tanacs: String, data: URL, seconds: Double = 2) -> (cpuMs: Double, note: String?) {
        guard let tmux = which("tmux") else { return (-1, "skipped: tmux is not installed") }
        // A server of its own (no one else's sessions are touched), ended when done.
        let session = "tanacs-bench-idle-\(getpid())"
        func tmuxRun(_ args: [String]) -> String? { capture([tmux, "-L", session] + args) }
        let command = "exec '\(tanacs)' --data '\(data.path)'"
        guard tmuxRun(["new-session", "-d", "-s", session, "-x", "120", "-y", "40", command]) != nil else {
            return (-1, "skipped: tmux could not start a session")
        }
        defer { _ = tmuxRun(["kill-server"]) }
        // Wait for the first frame (bounded: 60 s), then for the CPU count to stop moving.
        var shown = false
        for _ in 0..<600 {
            if let screen = tmuxRun(["capture-pane", "-p", "-t", session]), screen.contains("Timeline") { shown = true; break }
            usleep(100_000)
        }
        guard shown, let pidText = tmuxRun(["display-message", "-p", "-t", session, "#{pane_pid}"]),
              let pid = Int(pidText.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            return (-1, "skipped: the explorer did not show its first frame")
        }
        var last = cpuTicks(pid) ?? 0
        for _ in 0..<120 {
            usleep(250_000)
            let now = cpuTicks(pid) ?? 0
            if now == last { break }
            last = now
        }
        let before = cpuTicks(pid) ?? 0
        usleep(useconds_t(seconds * 1e6))
        let after = cpuTicks(pid) ?? 0
        let hz = Double(sysconf(Int32(_SC_CLK_TCK)))
        return (Double(after - before) * 1000 / hz, nil)
    }

    /// User plus system CPU ticks of a process, from /proc/PID/stat.
    static func cpuTicks(_ pid: Int) -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // After "pid (name)": state is field 3, utime 14 and stime 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        return user + system
    }
}
