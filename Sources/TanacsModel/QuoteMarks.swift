/// How a quotation from the sources is put in quotation marks, so it is marked exactly once.
public enum QuoteMarks {
    /// In double marks; where the text holds double marks of its own, in single ones, so the source's
    /// “ never stands against ours (““); and a text that is already one quotation in the source (its
    /// only double marks open and close it) keeps just its own. `ascii` uses " and '.
    public static func wrap(_ text: String, ascii: Bool = false) -> String {
        var count = 0
        for c in text where doubles.contains(c) { count += 1 }
        guard count > 0 else { return ascii ? "\"" + text + "\"" : "“" + text + "”" }
        // A note number or reference after the closing mark (”26, "[5]) stands outside it.
        let end = text.reversed().drop(while: { $0.isNumber || trailing.contains($0) }).first
        if count == 2, let first = text.first, "“„\"".contains(first), let end, "”\"".contains(end) { return text }
        return ascii ? "'" + text + "'" : "‘" + text + "’"
    }

    private static let doubles: Set<Character> = ["“", "”", "„", "\""]
    private static let trailing: Set<Character> = ["[", "]", " ", "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
}
