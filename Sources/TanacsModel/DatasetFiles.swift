import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What is at a path, told apart the way a person needs to hear it: a symbolic-link loop or a folder
/// without permission is not "missing".
public enum PathStatus: Equatable, Sendable {
    case missing
    case folder
    case file(size: Int)
    /// A named pipe, a device or a socket: reading one could block or never end.
    case special(String)
    /// Not reachable: a symbolic-link loop, no permission on a folder on the way, a name too long...
    case unreachable(String)

    public static func of(_ path: String) -> PathStatus {
        var info = stat()
        guard stat(path, &info) == 0 else {
            switch errno {
            // A symbolic link to nothing counts as missing: a copied dataset's relative geo/ link is one.
            case ENOENT, ENOTDIR: return .missing
            case ELOOP: return .unreachable("a symbolic link loop")
            case EACCES: return .unreachable("permission denied")
            default: return .unreachable(String(cString: strerror(errno)))
            }
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file(size: Int(info.st_size))
        case S_IFIFO: return .special("a named pipe")
        case S_IFCHR, S_IFBLK: return .special("a device")
        case S_IFSOCK: return .special("a socket")
        default: return .special("not a regular file")
        }
    }
}

/// Reads the files of a dataset folder with a bound on the read itself, not on the size the file
/// system reports (procfs files say 0 and a device never ends).
enum DatasetFiles {
    /// The bytes of `folder/name`; nil when there is no such file. Throws a `LoadError` naming the
    /// real cause: a loop, a permission, a folder or pipe where a file should be, a file over `limit`.
    static func read(_ name: String, in folder: URL, limit: Int) throws -> Data? {
        let path = folder.appendingPathComponent(name).path
        switch PathStatus.of(path) {
        case .missing: return nil
        case .folder: throw LoadError(file: name, message: "is a folder, not a file")
        case .special(let kind): throw LoadError(file: name, message: "is \(kind), not a file")
        case .unreachable(let why): throw LoadError(file: name, message: "cannot read the file (\(why))")
        case .file(let size):
            if size > limit { throw tooLarge(name, size: size, limit: limit) }
            return try boundedRead(path, name: name, limit: limit)
        }
    }

    /// Reads at most `limit` + 1 bytes: one more than allowed proves the file is too large.
    static func boundedRead(_ path: String, name: String, limit: Int) throws -> Data {
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else {
            throw LoadError(file: name, message: "cannot read the file (\(String(cString: strerror(errno)).lowercased()))")
        }
        defer { close(fd) }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while data.count <= limit {
            let want = min(chunk.count, limit + 1 - data.count)
            let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, want) }
            if n < 0 {
                if errno == EINTR { continue }
                throw LoadError(file: name, message: "cannot read the file (\(String(cString: strerror(errno)).lowercased()))")
            }
            if n == 0 { return data }
            data.append(contentsOf: chunk[0..<n])
        }
        throw tooLarge(name, size: nil, limit: limit)
    }

    private static func tooLarge(_ name: String, size: Int?, limit: Int) -> LoadError {
        LoadError(file: name, message: "the file is too large (\(size.map { "\($0 >> 20) MB" } ?? "more than \(limit >> 20) MB read"); the limit is \(limit >> 20) MB)")
    }

    /// Why a folder cannot be used as it is, or nil when it can be listed and read.
    static func folderProblem(_ path: String) -> String? {
        switch PathStatus.of(path) {
        case .folder:
            return access(path, R_OK | X_OK) == 0 ? nil : "cannot read the folder (permission denied)"
        case .missing: return "no such folder"
        case .file, .special: return "not a folder"
        case .unreachable(let why): return "cannot open the folder (\(why))"
        }
    }
}
