import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The dataset does not fit in the memory this process may use (a `ulimit -v`, a container's limit).
public struct NotEnoughMemory: Error, CustomStringConvertible {
    public let neededMB: Int
    public let availableMB: Int
    public var description: String {
        "not enough memory to load the dataset: it needs about \(neededMB) MB and \(availableMB) MB are left under this process's limit"
    }
}

/// Checks before loading that a dataset fits under the process's memory limits, so running short is a
/// one-line error and not a crash halfway through decoding.
public enum MemoryBudget {
    /// Peak memory while loading, as a multiple of the files' size (measured: a 30 MB file peaks at
    /// about 4.7 times its size), with a margin.
    public static let peakPerByte = 6

    /// Throws `NotEnoughMemory` when `bytes` of JSON would not fit in what the limits leave.
    public static func check(loading bytes: Int) throws {
        guard let room = headroom() else { return }
        let needed = bytes * peakPerByte
        if needed > room { throw NotEnoughMemory(neededMB: max(1, needed >> 20), availableMB: max(0, room >> 20)) }
    }

    /// Bytes the process may still take: the tightest of its address-space and data limits and its
    /// cgroup's memory limit; nil when none is set.
    public static func headroom() -> Int? {
        var rooms: [Int] = []
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let statm = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8))?
            .split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? []
        #if os(Linux)
        // statm: size (field 0) is the address space, data (field 5) the data segment and heap.
        let limits = [(RLIMIT_AS, 0), (RLIMIT_DATA, 5)]
        for (resource, field) in limits {
            var limit = rlimit()
            guard getrlimit(__rlimit_resource_t(resource.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max,
                  statm.count > field else { continue }
            rooms.append(Int(clamping: limit.rlim_cur) - statm[field] * page)
        }
        if let cgroup = cgroupRoom() { rooms.append(cgroup) }
        #endif
        return rooms.min().map { max(0, $0) }
    }

    /// memory.max less memory.current of the process's cgroup (v2), when a limit is set.
    private static func cgroupRoom() -> Int? {
        guard let line = (try? String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8))?
            .split(separator: "\n").first(where: { $0.hasPrefix("0::") }) else { return nil }
        let folder = "/sys/fs/cgroup" + line.dropFirst(3)
        func number(_ name: String) -> Int? {
            (try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        guard let max = number("memory.max"), let current = number("memory.current") else { return nil }
        return max - current
    }
}
