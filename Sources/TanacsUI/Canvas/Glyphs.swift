import Foundation

/// Line-drawing characters: Unicode box drawing where the terminal takes UTF-8, ASCII otherwise.
public struct Glyphs: Sendable, Hashable {
    public let horizontal: String
    public let vertical: String
    public let topLeft: String
    public let topRight: String
    public let bottomLeft: String
    public let bottomRight: String
    public let ellipsis: String
    public let quoteOpen: String
    public let quoteClose: String
    public let pointer: String
    public let disputed: String
    /// Marks something present on the current date (a council existing, a town's event).
    public let present: String
    /// Marks the current date's heading in the timeline.
    public let today: String
    /// Footnote marks as superscript digits (¹,²); in ASCII, bracketed numbers ([1,2]).
    public let superscript: Bool
    /// Marks a word or fact from outside the sources (see the register).
    public let outside: String
    /// Before a paragraph number: "¶12", or "p.12" without Unicode.
    public let paragraph: String

    /// The footnote mark for quotations `numbers` of a page: "¹,²" or "[1,2]".
    public func marks(_ numbers: [Int]) -> String {
        guard !numbers.isEmpty else { return "" }
        guard superscript else { return "[" + numbers.map(String.init).joined(separator: ",") + "]" }
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return numbers.map { n in String(String(n).map { digits[Int(String($0))!] }) }.joined(separator: ",")
    }

    public static let unicode = Glyphs(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
                                       bottomLeft: "└", bottomRight: "┘", ellipsis: "…",
                                       quoteOpen: "“", quoteClose: "”", pointer: "›", disputed: "⚑",
                                       present: "●", today: "◆", superscript: true, outside: "†", paragraph: "¶")
    public static let ascii = Glyphs(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
                                     bottomLeft: "+", bottomRight: "+", ellipsis: "...",
                                     quoteOpen: "\"", quoteClose: "\"", pointer: ">", disputed: "!",
                                     present: "*", today: "*", superscript: false, outside: "+", paragraph: "p.")
}

extension Glyphs {
    /// Text from the data as this glyph set can show it: without Unicode, "…" becomes "..." and "¶"
    /// "p." rather than one character the terminal would fold to "?" or to a mark the map uses.
    public func fold(_ s: String) -> String {
        guard self == .ascii, s.contains(where: { $0 == "…" || $0 == "¶" }) else { return s }
        return s.replacingOccurrences(of: "…", with: "...").replacingOccurrences(of: "¶", with: "p.")
    }
}

extension Canvas {
    /// Draws a border around `rect` with a title in the top edge.
    public mutating func box(_ rect: Rect, title: String, focused: Bool, glyphs: Glyphs) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let style = focused ? Theme.borderFocused : Theme.border
        let inner = String(repeating: glyphs.horizontal, count: rect.width - 2)
        write(glyphs.topLeft + inner + glyphs.topRight, x: rect.x, y: rect.y, style: style, limit: rect.maxX)
        write(glyphs.bottomLeft + inner + glyphs.bottomRight, x: rect.x, y: rect.maxY - 1, style: style, limit: rect.maxX)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            write(glyphs.vertical, x: rect.x, y: y, style: style)
            write(glyphs.vertical, x: rect.maxX - 1, y: y, style: style)
        }
        if rect.width > 6 {
            let label = Text.truncate(" \(title) ", to: rect.width - 4, glyphs: glyphs)
            write(label, x: rect.x + 2, y: rect.y, style: focused ? Theme.borderFocused : Theme.title, limit: rect.maxX - 2)
        }
    }
}
