import Foundation
import TanacsUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where command output goes, and how wide it may be.
enum Console {
    /// True when standard output is a terminal.
    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// The width tables are fitted to: the terminal's (TIOCGWINSZ) when standard output is one, else
    /// `$COLUMNS` when set; nil (no fitting) when output is piped and `$COLUMNS` is unset.
    static var width: Int? {
        let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
        guard isTerminal else { return columns }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return columns ?? 80
    }

    /// Unicode rules and ellipses where the locale is UTF-8, ASCII otherwise.
    static var glyphs: Glyphs {
        let env = ProcessInfo.processInfo.environment
        let locale = env["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? env["LC_CTYPE"].flatMap { $0.isEmpty ? nil : $0 } ?? env["LANG"] ?? ""
        let utf8 = locale.uppercased().replacingOccurrences(of: "-", with: "").contains("UTF8")
        return utf8 ? .unicode : .ascii
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func write(_ data: Data) {
        FileHandle.standardOutput.write(data)
    }
}

/// Every string from the data goes through this before it is printed.
let clean: @Sendable (String) -> String = { Sanitizer.clean($0) }
