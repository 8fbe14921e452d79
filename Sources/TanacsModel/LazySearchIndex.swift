import Foundation

/// The search index, built the first time search needs it or ahead of that on another thread, so
/// loading and the first frame never wait for it. Asking before a background build is done waits
/// for that build; nothing else does.
public final class LazySearchIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var model: Model?
    private var built: SearchIndex?

    public init(model: Model) { self.model = model }
    public init(_ index: SearchIndex) { built = index }

    public var index: SearchIndex {
        lock.withLock {
            if let built { return built }
            let index = SearchIndex(model: model!)
            built = index
            model = nil
            return index
        }
    }

    public var isBuilt: Bool { lock.withLock { built != nil } }

    /// Starts the build on a thread of its own (once the first frame is on screen), after the model's
    /// indices that loading left for first use: those are what an opened page reads (a quotation's
    /// "cited by"), and take a fraction of the search index's time, so no key waits for them.
    public func buildInBackground() {
        guard !isBuilt else { return }
        let model = lock.withLock { self.model }
        Thread.detachNewThread {
            model?.buildDeferredIndices()
            _ = self.index
        }
    }
}
