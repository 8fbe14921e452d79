import CTanacsData
import Foundation

/// The dataset compiled into the binary (Sources/CTanacsData), used when no --data, TANACS_DATA or
/// data/ folder beside the executable names another.
enum BundledData {
    /// The files by name ("events.json", "geo/border.json"), their bytes not copied.
    static let files: [String: Data] = {
        var count = 0
        guard let table = tanacs_bundled_files(&count) else { return [:] }
        var out: [String: Data] = [:]
        for i in 0..<count {
            let file = table[i]
            out[String(cString: file.name)] = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: file.bytes),
                                                  count: file.length, deallocator: .none)
        }
        return out
    }()

    /// How the bundled data is named in messages.
    static let displayName = "(bundled data)"
}
