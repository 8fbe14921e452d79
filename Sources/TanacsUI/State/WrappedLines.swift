import Foundation
import TanacsModel

/// A detail page's screen lines, wrapped only as far as they have been asked for. A key needs the
/// lines up to the selection and the rows on screen, not the whole page: a place page of a thousand
/// events, or three hundred search results, is wrapped as the reader scrolls into it. What is wrapped
/// is exactly what `DetailDocument.lines` gives for the whole page (each item's lines depend on that
/// item alone), so asking for more never changes the lines already given.
public final class WrappedLines: @unchecked Sendable {
    private let items: [DetailItem]
    private let width: Int
    private let model: Model
    private let glyphs: Glyphs
    private let lock = NSLock()
    private var wrapped: [DetailLine] = []
    /// The first line of each item wrapped so far; every item has at least one line.
    private var itemStart: [Int] = []

    init(items: [DetailItem], width: Int, model: Model, glyphs: Glyphs) {
        self.items = items
        self.width = width
        self.model = model
        self.glyphs = glyphs
    }

    /// Wraps items until `done` says enough, or the page ends.
    private func wrap(until done: () -> Bool) {
        while itemStart.count < items.count && !done() {
            let i = itemStart.count
            itemStart.append(wrapped.count)
            DetailDocument.appendLines(of: items[i], at: i, width: width, in: model, glyphs: glyphs, to: &wrapped)
        }
    }

    /// The number of lines, when the page has fewer than `n`; otherwise some number of at least `n`
    /// (so `min(n, count(atLeast: n))` is exact), wrapping no further than that needs.
    public func count(atLeast n: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        wrap { wrapped.count >= n }
        return wrapped.count
    }

    /// Every line of the page.
    public var all: [DetailLine] {
        lock.lock()
        defer { lock.unlock() }
        wrap { false }
        return wrapped
    }

    /// How many lines have been wrapped so far: what tests bound the work by.
    var wrappedSoFar: Int {
        lock.lock()
        defer { lock.unlock() }
        return wrapped.count
    }

    /// Lines `range.lowerBound` up to `range.upperBound` (fewer where the page ends first).
    public func lines(_ range: Range<Int>) -> ArraySlice<DetailLine> {
        lock.lock()
        defer { lock.unlock() }
        wrap { wrapped.count >= range.upperBound }
        let upper = min(range.upperBound, wrapped.count)
        return wrapped[min(range.lowerBound, upper)..<upper]
    }

    /// The first and last line of the `item`th item, nil for an item the page does not have.
    public func span(of item: Int) -> ClosedRange<Int>? {
        guard items.indices.contains(item) else { return nil }
        lock.lock()
        defer { lock.unlock() }
        wrap { itemStart.count > item }
        let end = item + 1 < itemStart.count ? itemStart[item + 1] : wrapped.count
        return itemStart[item]...(end - 1)
    }
}
