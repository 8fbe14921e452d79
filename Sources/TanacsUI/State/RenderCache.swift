import Foundation
import TanacsModel

/// Everything a detail page's items depend on besides the model, which never changes.
struct DetailKey: Hashable {
    let route: Route?
    let reader: ReaderContext?
    let date: Day
    let period: HistoricalDate?
    let glyphs: Glyphs
}

/// Work the reducer and the views would otherwise repeat several times per keystroke: detail pages,
/// their wrapped lines and selectable items, and what the map draws. Each entry is keyed by all it
/// depends on, so a stale entry can never be returned, only recomputed. The model is immutable and
/// every copy of an `AppState` shares the same model, so copies may share one cache.
final class RenderCache: @unchecked Sendable {
    struct Page {
        let items: [DetailItem]
        let selectable: [Int]
        var lines: [Int: WrappedLines] = [:]
    }

    private let lock = NSLock()
    /// Recent pages, most recent last; a few, so going back finds the page still built.
    private var pages: [(key: DetailKey, page: Page)] = []
    private static let pageLimit = 8
    private var values: [String: Any] = [:]

    func page(_ key: DetailKey, build: () -> [DetailItem]) -> Page {
        lock.lock()
        if let i = pages.lastIndex(where: { $0.key == key }) {
            let found = pages.remove(at: i)
            pages.append(found)
            lock.unlock()
            return found.page
        }
        lock.unlock()
        let items = build()
        let page = Page(items: items, selectable: DetailDocument.selectable(items))
        lock.lock()
        pages.append((key, page))
        if pages.count > RenderCache.pageLimit { pages.removeFirst(pages.count - RenderCache.pageLimit) }
        lock.unlock()
        return page
    }

    func lines(_ key: DetailKey, width: Int, page: Page, build: () -> WrappedLines) -> WrappedLines {
        lock.lock()
        if let i = pages.lastIndex(where: { $0.key == key }), let lines = pages[i].page.lines[width] {
            lock.unlock()
            return lines
        }
        lock.unlock()
        let lines = build()
        lock.lock()
        if let i = pages.lastIndex(where: { $0.key == key }) { pages[i].page.lines[width] = lines }
        lock.unlock()
        return lines
    }

    /// A value remembered under a name as long as its key stays the same.
    func value<Key: Hashable, Value>(_ name: String, key: Key, build: () -> Value) -> Value {
        lock.lock()
        if let (k, v) = values[name] as? (Key, Value), k == key {
            lock.unlock()
            return v
        }
        lock.unlock()
        let v = build()
        lock.lock()
        values[name] = (key, v)
        lock.unlock()
        return v
    }
}

extension AppState {
    var detailKey: DetailKey { DetailKey(route: detail.route, reader: detail.reader, date: currentDate, period: currentPeriod, glyphs: glyphs) }

    private var detailPage: RenderCache.Page {
        cache.page(detailKey) { DetailDocument.items(for: detail.route, in: self) }
    }

    /// The detail page's items, built once per page, date and glyph set.
    public var detailItems: [DetailItem] { detailPage.items }

    /// Indices of the detail page's items that can be selected.
    public var detailSelectable: [Int] { detailPage.selectable }

    /// The detail page wrapped to a width, kept once per page and width and wrapped as far as asked.
    public func detailWrapped(width: Int) -> WrappedLines {
        let page = detailPage
        return cache.lines(detailKey, width: width, page: page) {
            WrappedLines(items: page.items, width: width, model: model, glyphs: glyphs)
        }
    }

    /// Every line of the detail page wrapped to a width.
    public func detailLines(width: Int) -> [DetailLine] { detailWrapped(width: width).all }
}
