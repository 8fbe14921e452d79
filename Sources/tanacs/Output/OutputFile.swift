import Foundation
import TanacsModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way an export reaches a file named by `--out`: as the shell's `>` would write it. A file the
/// user may not write is refused; an existing file is truncated and written in place, so its mode,
/// owner and hard links stay; devices and pipes (`/dev/null`, a FIFO) are written, never replaced; a new
/// file gets 0666 less the umask. With `atomic`, a regular file is instead replaced by a temporary file
/// beside it, renamed over it once complete, with the old mode and owner.
enum OutputFile {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Writes `data` to `path`; throws a `Failure` whose text names the path and the reason.
    static func write(_ data: Data, to path: String, atomic: Bool = false) throws {
        let shown = VisibleText.text(path)
        var info = stat()
        if stat(path, &info) != 0 {
            let reason = errno
            guard reason == ENOENT else { throw Failure(description: "cannot write \(shown): \(describe(reason))") }
            try create(data, at: path, shown: shown, atomic: atomic)
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            throw Failure(description: "cannot write \(shown): it is a folder (give a file name, or end --out with / for a folder of files)")
        case S_IFREG:
            guard access(path, W_OK) == 0 else { throw Failure(description: "cannot write \(shown): \(describe(errno))") }
            if atomic { try replace(data, at: path, shown: shown, keeping: info) } else { try inPlace(data, at: path, shown: shown) }
        default:
            // A device, a pipe or a socket: written in place, as `>` would.
            try inPlace(data, at: path, shown: shown)
        }
    }

    /// Makes sure `path` is a folder files can be written in, creating it (and its parents) if needed.
    static func folder(_ given: String) throws -> URL {
        let shown = VisibleText.text(given)
        var path = given
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() } // "plain/" on a file is ENOTDIR
        switch PathStatus.of(path) {
        case .folder:
            guard access(path, W_OK | X_OK) == 0 else { throw Failure(description: "cannot write in the folder \(shown): \(describe(errno))") }
        case .missing:
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                let reason = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError).map { describe(Int32($0.code)) }
                    ?? firstBlocking(path)
                throw Failure(description: "cannot create the folder \(shown): \(reason)")
            }
        case .file, .special:
            throw Failure(description: "cannot write in \(shown): it is a file, not a folder")
        case .unreachable(let why):
            throw Failure(description: "cannot create the folder \(shown): \(why)")
        }
        return URL(fileURLWithPath: path, isDirectory: true)
    }

    /// Why a folder cannot be made: the first part of the path that exists and is no folder, or cannot be written.
    private static func firstBlocking(_ path: String) -> String {
        var url = URL(fileURLWithPath: path)
        while url.path != "/" {
            url.deleteLastPathComponent()
            var parent = url.path
            while parent.count > 1 && parent.hasSuffix("/") { parent.removeLast() }
            switch PathStatus.of(parent) {
            case .missing: continue
            case .folder: return access(url.path, W_OK | X_OK) == 0 ? "it cannot be created" : "permission denied in \(VisibleText.text(url.path))"
            case .file, .special: return "\(VisibleText.text(url.path)) is a file, not a folder"
            case .unreachable(let why): return why
            }
        }
        return "it cannot be created"
    }

    private static func describe(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }

    /// A new file, as `>` creates one; removed again when it cannot be written whole.
    private static func create(_ data: Data, at path: String, shown: String, atomic: Bool) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o666)
        // EEXIST: a symbolic link to nothing (or a file made meanwhile): `>` writes through it.
        if fd < 0 && errno == EEXIST { return try inPlace(data, at: path, shown: shown, creating: true) }
        guard fd >= 0 else { throw Failure(description: "cannot write \(shown): \(describe(errno))") }
        if let problem = writeAll(data, to: fd) {
            unlink(path)
            throw Failure(description: "cannot write \(shown): \(problem)")
        }
        _ = atomic // a file that did not exist has nothing to keep whole
    }

    private static func inPlace(_ data: Data, at path: String, shown: String, creating: Bool = false) throws {
        let fd = creating ? open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o666) : open(path, O_WRONLY | O_TRUNC)
        guard fd >= 0 else { throw Failure(description: "cannot write \(shown): \(describe(errno))") }
        if let problem = writeAll(data, to: fd) { throw Failure(description: "cannot write \(shown): \(problem)") }
    }

    /// `--atomic`: a temporary file beside the target (symbolic links followed), renamed over it.
    private static func replace(_ data: Data, at path: String, shown: String, keeping info: stat) throws {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        var template = Array(target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).tanacs-XXXXXX").path.utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw Failure(description: "cannot write \(shown) with --atomic: cannot create a file beside it (\(describe(errno)))")
        }
        let temporary = String(cString: template)
        // The old file's permissions and owner; a chown only root may make is skipped.
        fchmod(fd, info.st_mode & 0o7777)
        if fchown(fd, info.st_uid, info.st_gid) != 0 { _ = fchown(fd, getuid(), info.st_gid) }
        if let problem = writeAll(data, to: fd, sync: true) {
            unlink(temporary)
            throw Failure(description: "cannot write \(shown): \(problem)")
        }
        guard rename(temporary, target.path) == 0 else {
            let reason = describe(errno)
            unlink(temporary)
            throw Failure(description: "cannot write \(shown): \(reason)")
        }
    }

    /// Writes every byte and closes the descriptor; the reason it failed, or nil.
    private static func writeAll(_ data: Data, to fd: Int32, sync: Bool = false) -> String? {
        var failure: Int32 = 0
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard var pointer = buffer.baseAddress else { return }
            var left = buffer.count
            while left > 0 {
                let n = Foundation.write(fd, pointer, left)
                if n < 0 {
                    if errno == EINTR { continue }
                    if errno == EAGAIN {
                        var ready = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                        _ = poll(&ready, 1, -1)
                        continue
                    }
                    failure = errno
                    return
                }
                pointer += n
                left -= n
            }
        }
        if failure == 0 && sync && fsync(fd) != 0 && errno != EINVAL { failure = errno }
        if close(fd) != 0 && failure == 0 && errno != EINTR { failure = errno }
        return failure == 0 ? nil : describe(failure)
    }
}
