import CNcursesw
import Foundation
import TanacsUI
#if canImport(Glibc)
import Glibc
#endif

/// Why the terminal could not be used.
public struct TerminalError: Error, CustomStringConvertible {
    public let description: String
}

/// What the terminal's input gave: a message, something the explorer ignores, or its end.
public enum TerminalInput: Sendable, Equatable {
    case message(Msg)
    case ignored
    /// Stdin hung up, failed or reached its end (a closed pty, a killed pane): time to quit.
    case ended
}

/// The ncurses screen: set-up, tear-down, input decoding and painting. The only code that calls ncurses.
public final class Terminal {
    private var screen: OpaquePointer?
    private let useColor: Bool
    /// True when the locale's character set is UTF-8, so box drawing and accents can be shown.
    public let isUTF8: Bool
    private var open = true
    /// Files opened by `init(recordingTo:)`, closed at shutdown.
    private var files: [UnsafeMutablePointer<FILE>] = []
    /// The file status flags stdin and stdout had, put back at shutdown (O_NONBLOCK is cleared meanwhile).
    private var savedFlags: [(fd: Int32, flags: Int32)] = []
    /// Reads that failed in a row; many without a key between them mean the input is gone.
    private var failedReads = 0
    /// Pasted text kept for the search line; more is dropped.
    public static let maxPaste = 1024

    /// Takes over the terminal. Fails without touching it when stdin or stdout is not a terminal.
    public init(mouse: Bool, color: Bool) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TerminalError(description: "the explorer needs a terminal on stdin and stdout; for scripts use the query commands (see --help)")
        }
        setlocale(LC_ALL, "")
        isUTF8 = Terminal.localeIsUTF8
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard !term.isEmpty, term != "dumb" else {
            throw TerminalError(description: "TERM is \(term.isEmpty ? "unset" : "\"dumb\""); the explorer needs a screen-addressable terminal")
        }
        guard let screen = tanacs_newterm() else {
            throw TerminalError(description: "cannot open the terminal type \"\(term)\"")
        }
        self.screen = screen
        set_term(screen)
        // A parent may hand over a non-blocking terminal: reads would fail at once and writes spin.
        savedFlags = [STDIN_FILENO, STDOUT_FILENO].map { ($0, tanacs_make_blocking($0)) }
        tanacs_install_signal_handlers()
        cbreak()
        noecho()
        nonl()
        intrflush(tanacs_stdscr(), false)
        keypad(tanacs_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        // The cursor is hidden and never marks anything (the search line draws its own), so ncurses
        // need not move it back after each frame.
        leaveok(tanacs_stdscr(), true)
        useColor = Terminal.startColors(if: color)
        if mouse {
            mouseinterval(0)
            mousemask(tanacs_all_mouse_events(), nil)
        }
        tanacs_bracketed_paste_on()
    }

    /// A screen of `width`×`height` that paints into the file at `path` instead of the terminal, so a
    /// benchmark can count the bytes ncurses would send. Reads no input and installs no signal handlers.
    public init(recordingTo path: String, term: String = "xterm-256color", width: Int, height: Int, color: Bool = true) throws {
        setlocale(LC_ALL, "")
        if !Terminal.localeIsUTF8 { setlocale(LC_CTYPE, "C.UTF-8") }
        isUTF8 = Terminal.localeIsUTF8
        guard let output = fopen(path, "w") else { throw TerminalError(description: "cannot write \(path)") }
        guard let input = fopen("/dev/null", "r") else {
            fclose(output)
            throw TerminalError(description: "cannot read /dev/null")
        }
        files = [output, input]
        guard let screen = newterm(term, output, input) else {
            files.forEach { fclose($0) }
            throw TerminalError(description: "cannot open the terminal type \"\(term)\"")
        }
        self.screen = screen
        set_term(screen)
        resizeterm(Int32(height), Int32(width))
        noecho()
        curs_set(0)
        leaveok(tanacs_stdscr(), true)
        useColor = Terminal.startColors(if: color)
    }

    /// Whether the locale set by `setlocale` uses UTF-8.
    private static var localeIsUTF8: Bool {
        String(cString: tanacs_codeset()).uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
    }

    /// Starts colours with a pair for every foreground and background, when wanted and available.
    private static func startColors(if wanted: Bool) -> Bool {
        guard wanted && has_colors() else { return false }
        start_color()
        use_default_colors()
        definePairs()
        return true
    }

    deinit { shutdown() }

    /// Gives the terminal back in the state it was found.
    public func shutdown() {
        guard open else { return }
        open = false
        // Without an alternate screen (vt100, linux) the last frame would stay under the shell's prompt.
        if tanacs_has_alternate_screen() == 0 {
            erase()
            refresh()
        }
        tanacs_bracketed_paste_off()
        endwin()
        for saved in savedFlags { tanacs_restore_flags(saved.fd, saved.flags) }
        savedFlags = []
        if let screen { delscreen(screen) }
        screen = nil
        files.forEach { fclose($0) }
        files = []
    }

    public var size: (width: Int, height: Int) {
        (Int(getmaxx(tanacs_stdscr())), Int(getmaxy(tanacs_stdscr())))
    }

    /// Waits for the next key, mouse event, resize or paste. With `tickAfter`, waits at most that many
    /// milliseconds and then gives `.tick`; without it the read blocks, so an idle explorer uses no
    /// CPU. The end of input (a hung-up or failed stdin, or a run of reads that fail) is `.ended`,
    /// never "no key yet", so the loop cannot spin.
    public func nextInput(tickAfter milliseconds: Int? = nil) -> TerminalInput {
        if tanacs_take_continued() != 0 { return resumed() }
        var ch: wint_t = 0
        wtimeout(tanacs_stdscr(), Int32(milliseconds ?? -1))
        let rc = get_wch(&ch)
        if rc == KEY_CODE_YES {
            failedReads = 0
            return functionKey(Int32(ch)).map(TerminalInput.message) ?? .ignored
        }
        if rc != OK {
            if tanacs_take_continued() != 0 { return resumed() }
            if tanacs_input_closed() != 0 { return .ended }
            // With a timeout, no key in time is the tick.
            if milliseconds != nil { return .message(.tick) }
            // A read a signal interrupted, or one ncurses gave up on after SIGCONT: try again, but a run
            // of failures with no key between them is an input that has ended.
            failedReads += 1
            return failedReads > 100 ? .ended : .ignored
        }
        failedReads = 0
        switch ch {
        case 9: return .message(.key(.tab))
        case 10, 13: return .message(.key(.enter))
        case 27: return escapeSequence()
        case 8, 127: return .message(.key(.backspace))
        case 1...26: return .message(.key(.ctrl(Character(Unicode.Scalar(UInt8(ch) + 96)))))
        case 0...31, 0x80...0x9F: return .ignored // other C0 and C1 controls are no keys
        default:
            guard let scalar = Unicode.Scalar(UInt32(ch)) else { return .ignored }
            return .message(.key(.char(Character(scalar))))
        }
    }

    /// Waits for the next message (or tick), skipping ignored input; nil when the input has ended.
    public func nextMessage(tickAfter milliseconds: Int? = nil) -> Msg? {
        while true {
            switch nextInput(tickAfter: milliseconds) {
            case .message(let msg): return msg
            case .ignored: continue
            case .ended: return nil
            }
        }
    }

    /// After an outside SIGSTOP and `fg` the shell may have left its own modes (cooked, echo): put
    /// the explorer's back and have the next paint redraw every cell.
    private func resumed() -> TerminalInput {
        reset_prog_mode()
        clearok(tanacs_curscr(), true)
        let (w, h) = size
        return .message(.resize(width: w, height: h))
    }

    /// After ESC: the Escape key, or a sequence ncurses did not recognise: Home, End, the arrows and
    /// pages in another terminal's encoding (EscapeKeys) become those keys; anything else (ESC[99~, a
    /// focus report, OSC and DCS replies) is swallowed whole so none of its bytes runs as a command. A bracketed paste (ESC[200~ ... ESC[201~) becomes one `.paste`.
    private func escapeSequence() -> TerminalInput {
        let window = tanacs_stdscr()
        // ncurses already waited ESCDELAY for the rest; what belongs to the sequence is here, or close.
        wtimeout(window, 0)
        defer { wtimeout(window, -1) }
        guard let first = nextScalar() else { return .message(.key(.escape)) }
        wtimeout(window, 30)
        switch first {
        case "[":
            var parameters = ""
            while let c = nextScalar() {
                if (0x40...0x7E).contains(c.value) {
                    if c == "~" && parameters == "200" { return paste() }
                    return EscapeKeys.csi(parameters: parameters, final: Character(c)).map { .message(.key($0)) } ?? .ignored
                }
                guard (0x20...0x3F).contains(c.value) else { return .ignored }
                if parameters.unicodeScalars.count < 32 { parameters.unicodeScalars.append(c) }
            }
            return .ignored
        case "O":
            return nextScalar().flatMap { EscapeKeys.ss3(Character($0)) }.map { .message(.key($0)) } ?? .ignored
        case "]", "P", "_", "^", "X":
            // A string (OSC, DCS, APC, PM, SOS) runs to BEL or ESC \.
            while let c = nextScalar() {
                if c.value == 0x07 || c.value == 0x9C { break }
                if c.value == 0x1B { _ = nextScalar(); break }
            }
            return .ignored
        default:
            // Escape, then a key typed quickly: both count, as in vim and less.
            unget_wch(wchar_t(bitPattern: first.value))
            return .message(.key(.escape))
        }
    }

    /// The text of a bracketed paste up to ESC[201~ (or until the input pauses): controls and escape
    /// sequences inside it become spaces, and at most `maxPaste` characters are kept.
    private func paste() -> TerminalInput {
        wtimeout(tanacs_stdscr(), 200)
        var text = String.UnicodeScalarView()
        var kept = 0
        func keep(_ c: Unicode.Scalar) {
            guard kept < Terminal.maxPaste else { return }
            text.append(c.value < 0x20 || (0x7F...0x9F).contains(c.value) ? " " : c)
            kept += 1
        }
        while let c = nextScalar() {
            guard c.value == 0x1B else { keep(c); continue }
            var sequence = ""
            while sequence.unicodeScalars.count < 5, let d = nextScalar() {
                sequence.unicodeScalars.append(d)
                if !"[201~".hasPrefix(sequence) { break }
            }
            if sequence == "[201~" { break }
            keep(" ")
        }
        return .message(.paste(String(text)))
    }

    /// One character of input within the current timeout; nil when none came (function keys count as none).
    private func nextScalar() -> Unicode.Scalar? {
        var ch: wint_t = 0
        guard get_wch(&ch) == OK else { return nil }
        return Unicode.Scalar(UInt32(ch))
    }

    private func functionKey(_ code: Int32) -> Msg? {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_BTAB: return .key(.backTab)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_ENTER: return .key(.enter)
        case KEY_RESIZE:
            let (w, h) = size
            return .resize(width: w, height: h)
        case KEY_MOUSE: return mouseMessage()
        default: return nil
        }
    }

    private func mouseMessage() -> Msg? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let x = Int(event.x), y = Int(event.y)
        if event.bstate & tanacs_button4_pressed() != 0 { return .scroll(x: x, y: y, lines: -3) }
        if tanacs_button5_pressed() != 0 && event.bstate & tanacs_button5_pressed() != 0 { return .scroll(x: x, y: y, lines: 3) }
        if event.bstate & (tanacs_button1_pressed() | tanacs_button1_clicked()) != 0 { return .click(x: x, y: y) }
        return nil
    }

    /// Copies the canvas to the screen; ncurses sends only the cells that changed. Where the locale is
    /// not UTF-8, every cell is folded to one ASCII character first (Győr → Gyor, “ → "), since such a
    /// terminal would show anything else as garbage.
    public func paint(_ canvas: Canvas) {
        // A cell holds a spacing character and at most four combining marks (CCHARW_MAX is 5).
        var buffer = [wchar_t](repeating: 0, count: 6)
        for y in 0..<canvas.height {
            for x in 0..<canvas.width {
                let cell = canvas[x, y]
                var grapheme = cell.grapheme
                if cell.isContinuation {
                    guard !isUTF8 else { continue }
                    grapheme = " " // the second half of a wide character that became one ASCII cell
                } else if !isUTF8 {
                    grapheme = Terminal.ascii(grapheme)
                }
                var n = 0
                for s in grapheme.unicodeScalars.prefix(5) { buffer[n] = wchar_t(bitPattern: s.value); n += 1 }
                if n == 0 { buffer[0] = 32; n = 1 }
                buffer[n] = 0
                if tanacs_put_cell(Int32(y), Int32(x), buffer, attributes(cell.style), pair(cell.style)) == ERR && n > 1 {
                    // Something setcchar refuses (a mark without a base): the base character alone.
                    buffer[1] = 0
                    _ = tanacs_put_cell(Int32(y), Int32(x), buffer, attributes(cell.style), pair(cell.style))
                }
            }
        }
        refresh()
    }

    /// Forgets what the screen shows, so the next paint clears it and sends every cell again: Ctrl-L,
    /// after another program wrote over the screen.
    public func invalidate() {
        clearok(tanacs_curscr(), true)
    }

    /// Puts text on the clipboard with OSC 52, which tmux, xterm, kitty, iTerm2 and Windows Terminal
    /// understand (tmux keeps it as a buffer when its set-clipboard option is on). The text is cleaned
    /// first and sent base64-encoded, so nothing in it can act as a control sequence.
    public func copyToClipboard(_ text: String) {
        let payload = Data(Sanitizer.clean(text).utf8).base64EncodedString()
        let sequence = "\u{1B}]52;c;\(payload)\u{07}"
        // Written straight to the terminal between frames; ncurses does not track it, so nothing on
        // screen changes.
        let bytes = Array(sequence.utf8)
        _ = bytes.withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }

    /// One printable ASCII character for a grapheme: accents dropped, typographic marks replaced, "?"
    /// for anything without an ASCII likeness (CJK, braille, emoji).
    static func ascii(_ grapheme: String) -> String {
        if grapheme.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) { return grapheme.isEmpty ? " " : grapheme }
        if let first = grapheme.unicodeScalars.first, let mapped = asciiLikeness[first.value] { return mapped }
        let folded = grapheme.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        if let letter = folded.unicodeScalars.first(where: { $0.value >= 0x20 && $0.value < 0x7F }) { return String(letter) }
        return "?"
    }

    private static let asciiLikeness: [UInt32: String] = [
        0x2018: "'", 0x2019: "'", 0x201A: "'", 0x201C: "\"", 0x201D: "\"", 0x201E: "\"", 0x00AB: "\"", 0x00BB: "\"",
        0x2013: "-", 0x2014: "-", 0x2212: "-", 0x2010: "-", 0x2026: ".", 0x00B6: "p", 0x00A0: " ", 0x00D7: "x", 0x00B7: ".",
        0x2022: "*", 0x25CF: "*", 0x25C6: "*", 0x25C7: "o", 0x25CB: "o", 0x2691: "!", 0x203A: ">", 0x2039: "<",
        0x2192: ">", 0x2190: "<", 0x2191: "^", 0x2193: "v", 0x2500: "-", 0x2502: "|", 0x00DF: "s", 0x0141: "L", 0x0142: "l",
        0x00D8: "O", 0x00F8: "o", 0x00C6: "A", 0x00E6: "a", 0x0152: "O", 0x0153: "o",
    ]

    private func attributes(_ style: Style) -> attr_t {
        var a = tanacs_a_normal()
        if style.bold { a |= tanacs_a_bold() }
        if style.dim { a |= tanacs_a_dim() }
        if style.underline { a |= tanacs_a_underline() }
        if style.reverse { a |= tanacs_a_reverse() }
        if style.italic { a |= tanacs_a_italic() }
        return a
    }

    /// Pair numbers cover every foreground and background, including the terminal's default (-1).
    private func pair(_ style: Style) -> Int16 {
        guard useColor, style.fg != nil || style.bg != nil else { return 0 }
        let fg = (style.fg?.rawValue ?? -1) + 1, bg = (style.bg?.rawValue ?? -1) + 1
        return Int16(1 + fg * 9 + bg)
    }

    private static func definePairs() {
        for fg in -1..<8 {
            for bg in -1..<8 where fg >= 0 || bg >= 0 {
                let number = 1 + (fg + 1) * 9 + (bg + 1)
                if number < Int(tanacs_color_pairs()) { init_pair(Int16(number), Int16(fg), Int16(bg)) }
            }
        }
    }

}
