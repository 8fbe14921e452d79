import Foundation
import TanacsModel
import TanacsTerminal
import TanacsUI
#if canImport(Glibc)
import Glibc
#endif

/// What the benchmark measures, each against a budget for the dataset's scale.
public enum Benchmark {
    public struct Options: Sendable {
        public var width = 120
        public var height = 40
        /// Keystrokes timed per kind of key (moving, opening, going back, stepping the date).
        public var keystrokes = 400
        /// Characters typed into the search line, at least.
        public var searchKeystrokes = 300
        /// The `tanacs` executable timed as a whole process; nil skips the whole-process rows.
        public var tanacs: String?
        /// Runs of each whole process; the median counts.
        public var processRuns = 5
        /// Where to keep the recording of the painted frames (first frame, then 21 `j`s), with each
        /// frame's end offset in `<path>.frames`; nil records to a temporary file and removes it.
        public var paintRecording: String?
        public var queries = ["budapest", "csepel", "workers council", "nagy imre", "gyor", "kilian barracks",
                              "strike", "sztalinvaros", "radio", "general strike", "miskolc", "dudas"]
        public init() {}
    }

    /// Budgets on a 2-core machine, release build. Scales above 1 are held to the 100× budgets.
    /// The issue sets all but the load's, which is ours: well under a blink at 1×, seconds at 100×.
    public struct Budgets: Sendable {
        public let loadMs: Double
        public let firstFrameMs: Double
        public let keyP99Ms: Double
        public let searchP99Ms: Double
        public let rssMB: Double
        /// Bytes of cursor moves and attribute changes ncurses sends for one `j`, besides the text of
        /// the cells that changed (the new page's text is what the user asked to see; see the README).
        public let bytesPerMove: Int

        public static func forScale(_ scale: Int) -> Budgets {
            if scale <= 1 { return Budgets(loadMs: 100, firstFrameMs: 30, keyP99Ms: 2, searchP99Ms: 10, rssMB: 40, bytesPerMove: 1024) }
            if scale <= 100 { return Budgets(loadMs: 5000, firstFrameMs: 1000, keyP99Ms: 8, searchP99Ms: 10, rssMB: 400, bytesPerMove: 1024) }
            // Past 100×, keys and search keep the 100× budgets; load, first frame and memory grow with the data.
            let f = Double(scale) / 100
            return Budgets(loadMs: 5000 * f, firstFrameMs: 1000 * f, keyP99Ms: 8, searchP99Ms: 10, rssMB: 400 * f, bytesPerMove: 1024)
        }
    }

    public struct Row: Sendable {
        public let name: String
        public let value: String
        public let budget: String
        public let ok: Bool
    }

    public struct Report: Sendable {
        public let scale: Int
        public let summary: String
        public let rows: [Row]
        public var allOK: Bool { rows.allSatisfy(\.ok) }

        /// A Markdown table, so the README can show it as printed.
        public var table: String {
            var lines = ["| measure | result | budget | |", "| --- | --- | --- | --- |"]
            for row in rows { lines.append("| \(row.name) | \(row.value) | \(row.budget) | \(row.ok ? "ok" : "OVER") |") }
            return lines.joined(separator: "\n")
        }
    }

    /// The names of every row `run` reports, in order.
    public static let rowNames = [
        "load (decode + validate + indices)", "first frame (state + render, 120×40)",
        "move (timeline j/k)", "open (Enter, follow link)", "back (Backspace)", "date step (] and [)",
        "search, per typed character", "bytes written for one j (ncurses, 120×40)", "peak memory (VmHWM)",
        "tanacs render --size 120x40 (whole process)", "jq -c . (same files)", "python3 json.load (same files)",
        "explorer CPU while idle (2 s, in tmux)",
    ]

    public static func run(data: URL, scale: Int, options: Options = Options()) throws -> Report {
        let budgets = Budgets.forScale(scale)
        var rows: [Row] = []

        // Load: decode, validate, build the model's indices.
        var model: Model!
        let loadNs = try measure { model = try DataLoader.load(from: data) }
        rows.append(Row(name: rowNames[0], value: ms(loadNs), budget: "< \(show(budgets.loadMs)) ms",
                        ok: loadNs / 1e6 < budgets.loadMs))

        // First frame: everything between a loaded model and a painted canvas.
        var state: AppState!
        var canvas = Canvas(width: 0, height: 0)
        let firstNs = measure {
            state = AppState(model: model, width: options.width, height: options.height)
            canvas = Screen.render(state)
        }
        // As the explorer does: the search index is built after the first frame, beside the keys.
        state.prepareSearch()
        rows.append(Row(name: rowNames[1], value: ms(firstNs), budget: "< \(show(budgets.firstFrameMs)) ms",
                        ok: firstNs / 1e6 < budgets.firstFrameMs))
        keep(canvas)

        var samples = Samples(), cpu = Samples()
        func press(_ key: Key, into bucket: WritableKeyPath<Samples, [Double]>?) {
            let cpuStart = threadCPU()
            let ns = measure {
                Reducer.reduce(&state, .key(key))
                canvas = Screen.render(state)
            }
            if let bucket {
                samples[keyPath: bucket].append(ns)
                cpu[keyPath: bucket].append(threadCPU() - cpuStart)
            }
        }

        // Moving: down the timeline and back up.
        let span = max(1, min(options.keystrokes / 2, state.eventCount - 1))
        while samples.move.count < options.keystrokes {
            for _ in 0..<span { press(.char("j"), into: \.move) }
            for _ in 0..<span { press(.char("k"), into: \.move) }
        }

        // Opening and going back: open an event, follow one of its links, come back twice.
        var cycle = 0
        while samples.open.count < options.keystrokes {
            press(.char("1"), into: nil)
            for _ in 0..<(1 + cycle % 7) { press(.char("j"), into: nil) }
            press(.enter, into: \.open)
            for _ in 0..<(cycle % 4) { press(.char("j"), into: nil) }
            press(.enter, into: \.open)
            press(.backspace, into: \.back)
            press(.backspace, into: \.back)
            cycle += 1
        }

        // Stepping the date a month forward and back.
        press(.char("1"), into: nil)
        press(.char("g"), into: nil)
        while samples.date.count < options.keystrokes {
            for _ in 0..<30 { press(.char("]"), into: \.date) }
            for _ in 0..<30 { press(.char("["), into: \.date) }
        }

        // Incremental search: each query typed a character at a time.
        while samples.search.count < options.searchKeystrokes {
            for query in options.queries {
                press(.char("/"), into: nil)
                for c in query { press(.char(c), into: \.search) }
                press(.escape, into: nil)
            }
        }
        keep(canvas)

        // Wall time is what the budget holds; the thread's own CPU time beside it tells the work from
        // waiting for a core on a busy machine (the search index is built on another thread meanwhile).
        func keyRow(_ name: String, _ bucket: KeyPath<Samples, [Double]>, budget: Double) -> Row {
            let values = samples[keyPath: bucket], own = cpu[keyPath: bucket]
            let (median, p99) = (percentile(values, 0.5), percentile(values, 0.99))
            return Row(name: name, value: "median \(ms(median)), p99 \(ms(p99)) (\(values.count) keys; CPU median "
                + "\(ms(percentile(own, 0.5))), p99 \(ms(percentile(own, 0.99))))",
                       budget: "p99 < \(show(budget)) ms", ok: p99 / 1e6 < budget)
        }
        rows.append(keyRow(rowNames[2], \.move, budget: budgets.keyP99Ms))
        rows.append(keyRow(rowNames[3], \.open, budget: budgets.keyP99Ms))
        rows.append(keyRow(rowNames[4], \.back, budget: budgets.keyP99Ms))
        rows.append(keyRow(rowNames[5], \.date, budget: budgets.keyP99Ms))
        rows.append(keyRow(rowNames[6], \.search, budget: budgets.searchP99Ms))

        // Bytes: what ncurses writes for one cursor move after the first frame.
        let (first, mean) = try bytesPerMove(model: model, options: options)
        rows.append(Row(name: rowNames[7], value: "\(first.total) bytes: \(first.text) of text, \(first.control) of cursor moves and attributes "
                        + "(mean of the next 20: \(mean.total), \(mean.control) of them control)",
                        budget: "< \(budgets.bytesPerMove) bytes", ok: first.total < budgets.bytesPerMove))

        let peak = peakRSSkB().map { Double($0) / 1024 }
        rows.append(Row(name: rowNames[8], value: peak.map { String(format: "%.1f MB", $0) } ?? "unknown",
                        budget: "< \(show(budgets.rssMB)) MB", ok: peak.map { $0 < budgets.rssMB } ?? false))

        rows += processRows(data: data, scale: scale, options: options)

        let summary = "scale \(scale)×: \(model.events.count) events, \(model.places.count) places, "
            + "\(model.councils.count) councils, \(model.people.count) people, \(model.figures.count) figures, "
            + "\(model.excerpts.count) excerpts; screen \(options.width)×\(options.height)"
        return Report(scale: scale, summary: summary, rows: rows)
    }

    /// `tanacs render`, jq and Python as whole processes on the same files, and the explorer's idle CPU.
    static func processRows(data: URL, scale: Int, options: Options) -> [Row] {
        guard let tanacs = options.tanacs else {
            return rowNames[9...].map { Row(name: $0, value: "skipped (no tanacs executable given)", budget: "not measured", ok: true) }
        }
        var rows: [Row] = []
        // The files the loader reads: record files and their parts, the register and the passages.
        var files: [String] = []
        for file in DataLoader.files + [DataLoader.registerFile, DataLoader.passagesFile] {
            var part = 1
            while FileManager.default.fileExists(atPath: data.appendingPathComponent(DataLoader.partName(file, part)).path) {
                files.append(data.appendingPathComponent(DataLoader.partName(file, part)).path)
                part += 1
            }
        }
        let runs = options.processRuns
        let render = Peers.time([tanacs, "render", "--size", "120x40", "--data", data.path], runs: runs)
        if let render {
            let mb = Double(render.peakkB) / 1024
            let budget = scale <= 1 ? "no slower than jq" : scale <= 100 ? "< 1000 ms, < 150 MB" : "reported"
            let ok = scale <= 1 || scale > 100 || (render.medianNs / 1e6 < 1000 && mb < 150)
            rows.append(Row(name: rowNames[9], value: "\(ms(render.medianNs)), \(String(format: "%.1f", mb)) MB peak (median of \(runs))",
                            budget: budget, ok: ok))
        } else {
            rows.append(Row(name: rowNames[9], value: "failed to run", budget: "runs", ok: false))
        }
        func peer(_ name: String, _ arguments: [String]?, missing: String, hard: Bool) -> Row {
            guard let arguments else { return Row(name: name, value: "skipped: \(missing) is not installed", budget: "not measured", ok: true) }
            guard let timing = Peers.time(arguments, runs: runs) else { return Row(name: name, value: "failed to run", budget: "not measured", ok: true) }
            let ratio = render.map { $0.medianNs / timing.medianNs }
            let value = "\(ms(timing.medianNs)), \(String(format: "%.1f", Double(timing.peakkB) / 1024)) MB peak; render takes "
                + (ratio.map { String(format: "%.2f×", $0) } ?? "?")
            return Row(name: name, value: value, budget: hard ? "render ≤ 1.0×" : "aim: render ≤ 1.0×",
                       ok: !hard || (ratio.map { $0 <= 1.0 } ?? false))
        }
        rows.append(peer(rowNames[10], Peers.which("jq").map { [$0, "-c", "."] + files }, missing: "jq", hard: scale <= 1))
        let script = "import json, sys\nfor f in sys.argv[1:]:\n    with open(f, 'rb') as h: json.load(h)"
        rows.append(peer(rowNames[11], Peers.which("python3").map { [Peers.pythonInterpreter($0), "-c", script] + files }, missing: "python3", hard: false))
        let idle = Peers.idleCPU(tanacs: tanacs, data: data)
        rows.append(idle.note.map { Row(name: rowNames[12], value: $0, budget: "0 ms", ok: true) }
            ?? Row(name: rowNames[12], value: String(format: "%.0f ms of CPU", idle.cpuMs), budget: "0 ms", ok: idle.cpuMs == 0))
        return rows
    }

    struct Samples {
        var move: [Double] = [], open: [Double] = [], back: [Double] = [], date: [Double] = [], search: [Double] = []
    }

    /// What a terminal was sent: characters shown, and the rest (escape sequences and C0 controls:
    /// cursor moves, attribute changes, scrolling).
    public struct PaintBytes: Sendable, Equatable {
        public var text = 0, control = 0
        public var total: Int { text + control }

        public init(_ bytes: ArraySlice<UInt8>) {
            var i = bytes.startIndex
            while i < bytes.endIndex {
                let b = bytes[i]
                guard b == 0x1B || b < 0x20 || b == 0x7F else { text += 1; i += 1; continue }
                var end = i + 1
                if b == 0x1B, end < bytes.endIndex {
                    if bytes[end] == UInt8(ascii: "[") {
                        // CSI: parameters and intermediates up to a final byte.
                        end += 1
                        while end < bytes.endIndex && !(0x40...0x7E).contains(bytes[end]) { end += 1 }
                        end = min(end + 1, bytes.endIndex)
                    } else if (0x20...0x2F).contains(bytes[end]) {
                        end = min(end + 2, bytes.endIndex) // a character set designation: ESC ( B
                    } else {
                        end += 1
                    }
                }
                control += end - i
                i = end
            }
        }

        init(text: Int, control: Int) {
            self.text = text
            self.control = control
        }
    }

    /// Paints the first frame into a recording terminal, then counts the bytes one `j` adds, and the
    /// mean of the next twenty.
    static func bytesPerMove(model: Model, options: Options) throws -> (first: PaintBytes, mean: PaintBytes) {
        let path = options.paintRecording ?? FileManager.default.temporaryDirectory.appendingPathComponent("tanacs-bench-\(getpid()).out").path
        defer { if options.paintRecording == nil { try? FileManager.default.removeItem(atPath: path) } }
        let terminal = try Terminal(recordingTo: path, width: options.width, height: options.height)
        var state = AppState(model: model, width: options.width, height: options.height)
        terminal.paint(Screen.render(state))
        var sizes = [fileSize(path)]
        for _ in 0..<21 {
            Reducer.reduce(&state, .key(.char("j")))
            terminal.paint(Screen.render(state))
            sizes.append(fileSize(path))
        }
        terminal.shutdown()
        if let kept = options.paintRecording {
            try sizes.map(String.init).joined(separator: "\n").appending("\n").write(toFile: kept + ".frames", atomically: false, encoding: .utf8)
        }
        let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
        let frames = zip(sizes, sizes.dropFirst()).map { PaintBytes(bytes[min($0, bytes.count)..<min($1, bytes.count)]) }
        let rest = frames.dropFirst(), n = max(1, rest.count)
        return (frames[0], PaintBytes(text: rest.map(\.text).reduce(0, +) / n, control: rest.map(\.control).reduce(0, +) / n))
    }

    static func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// Peak resident set size in kB, from /proc/self/status.
    public static func peakRSSkB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "")
        }
        return nil
    }

    // MARK: - Timing

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) * 1e9 + Double(t.tv_nsec)
    }

    /// CPU time this thread has used, in nanoseconds.
    static func threadCPU() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) * 1e9 + Double(t.tv_nsec)
    }

    static func measure(_ body: () throws -> Void) rethrows -> Double {
        let start = now()
        try body()
        return now() - start
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Int((p * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(0, rank), sorted.count - 1)]
    }

    static func ms(_ ns: Double) -> String {
        let value = ns / 1e6
        return value >= 100 ? String(format: "%.0f ms", value) : value >= 10 ? String(format: "%.1f ms", value) : String(format: "%.2f ms", value)
    }

    static func show(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// Keeps a result alive so the optimiser cannot drop the work that made it.
    @inline(never)
    static func keep(_ canvas: Canvas) {
        if canvas.width < 0 { print(canvas.text) }
    }
}
