import Foundation

/// Folders the tests read, found from this file's place in the repository.
enum Paths {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sample = repo.appendingPathComponent("Tests/Fixtures/sample")
    static let bundled = repo.appendingPathComponent("data")
    /// The five source articles: TANACS_SOURCES, else ../shared/seeds beside the clone.
    static var seeds: URL? {
        if let env = ProcessInfo.processInfo.environment["TANACS_SOURCES"], !env.isEmpty { return URL(fileURLWithPath: env) }
        let shared = repo.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        return FileManager.default.fileExists(atPath: shared.path) ? shared : nil
    }
}
