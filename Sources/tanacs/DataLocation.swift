import Foundation
import TanacsModel

/// Where the dataset comes from: a folder, or the copy compiled into the binary.
enum DataSource {
    case folder(URL)
    case bundled

    var displayName: String {
        switch self {
        case .folder(let url): return url.path
        case .bundled: return BundledData.displayName
        }
    }
}

/// Finds the dataset: `--data DIR`, then `TANACS_DATA`, then a `data/` folder beside or above the
/// executable (a clone's .build/debug/tanacs), then the data compiled into the binary.
enum DataLocation {
    static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> DataSource {
        if let option { return .folder(URL(fileURLWithPath: option)) }
        if let env = environment["TANACS_DATA"], !env.isEmpty { return .folder(URL(fileURLWithPath: env)) }
        return besideExecutable().map(DataSource.folder) ?? .bundled
    }

    /// Folders above the executable where a bundled data/ is expected without a warning.
    static let nearLevels = 3

    /// Walks up from the executable (.build/debug/tanacs in a clone) to the first folder holding data/.
    static func besideExecutable() -> URL? {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? Bundle.main.executablePath ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).resolvingSymlinksInPath().deletingLastPathComponent()
        for levels in 0..<8 {
            for candidate in ["data", "share/tanacs/data"] {
                let folder = dir.appendingPathComponent(candidate)
                if FileManager.default.fileExists(atPath: folder.appendingPathComponent("sources.json").path) {
                    // A clone's binary is at most three folders below it (.build/<triple>/debug); further
                    // up, the data/ found may be someone else's: say which one is used.
                    if levels > nearLevels {
                        printError("tanacs: warning: using the dataset \(VisibleText.text(folder.path)), found \(levels) folders above the program; pass --data DIR or set TANACS_DATA to choose")
                    }
                    return folder
                }
            }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { break }
            dir = parent
        }
        return nil
    }
}
