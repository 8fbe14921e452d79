import ArgumentParser
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
        write(Data(text.utf8))
    }

    static func write(_ data: Data) {
        writeAll(data, to: STDOUT_FILENO)
    }

    /// Writes every byte with write(2). When the reader has gone (`tanacs events | head -1`) the
    /// process ends quietly, as the default SIGPIPE would end it, instead of Foundation's crash on
    /// EPIPE when a parent process left SIGPIPE ignored. Other write errors end it with status 74.
    static func writeAll(_ data: Data, to fd: Int32) {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard var pointer = buffer.baseAddress else { return }
            var left = buffer.count
            while left > 0 {
                let n = systemWrite(fd, pointer, left)
                if n < 0 {
                    if errno == EINTR { continue }
                    if errno == EAGAIN || errno == EWOULDBLOCK {
                        // A non-blocking descriptor whose reader is paused: sleep until it can take more.
                        var ready = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                        _ = poll(&ready, 1, -1)
                        continue
                    }
                    if errno == EPIPE { _exit(128 + SIGPIPE) }
                    let reason = String(cString: strerror(errno))
                    if fd != STDERR_FILENO {
                        let message = "tanacs: cannot write to \(fd == STDOUT_FILENO ? "standard output" : "the output"): \(reason)\n"
                        _ = message.withCString { systemWrite(STDERR_FILENO, $0, strlen($0)) }
                    }
                    _exit(ExitCode.ioError.rawValue)
                }
                pointer += n
                left -= n
            }
        }
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif

/// Every string from the data goes through this before it is printed.
let clean: @Sendable (String) -> String = { Sanitizer.clean($0) }
