import TanacsModel

// Kept apart from Glyphs.swift, which the text fuzz target compiles without the model.
extension Glyphs {
    /// A quotation from the sources in this glyph set's marks, marked exactly once (see QuoteMarks).
    public func quoted(_ text: String) -> String { QuoteMarks.wrap(text, ascii: self == .ascii) }
}
