import Foundation

/// User plus system CPU ticks a process has used so far (from /proc), or -1 when it cannot be read:
/// tests bound the work a process does while it should be idle, not the time it takes.
func cpuTicks(_ pid: Int32) -> Int {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")") else { return -1 }
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 13, let user = Int(fields[11]), let system = Int(fields[12]) else { return -1 }
    return user + system
}
