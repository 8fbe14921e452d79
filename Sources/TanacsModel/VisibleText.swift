/// Text echoed in messages (ids, field names, command-line arguments) made visible rather than
/// silently cleaned: a character that would be invisible, would move the cursor or could pass for
/// another is written as `\u{XXXX}`, and a very long value is cut with its length said.
public enum VisibleText {
    /// Characters of an echoed value that are shown; the rest is summarised.
    public static let maxEchoed = 80

    /// For ids and field names, which are ASCII by the schemas: everything outside printable ASCII is
    /// escaped, so `place:gyor\u{200B}` and a Cyrillic `а` in `plаce:x` show what is wrong.
    public static func id(_ text: String) -> String {
        escape(text) { $0.value >= 0x20 && $0.value < 0x7F }
    }

    /// For words a person typed or wrote (arguments, names): letters of every script stay, while
    /// controls, escape sequences' ESC, format characters (zero-width, bidi) and separators are escaped.
    public static func text(_ text: String, keepLineBreaks: Bool = false) -> String {
        escape(text) { s in
            if keepLineBreaks && (s == "\n" || s == "\t") { return true }
            return isPrintable(s)
        }
    }

    /// A whole message (usage text, help): no length cap; line breaks and tabs kept unless it must
    /// stay one line.
    public static func message(_ text: String, keepLineBreaks: Bool = true) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for s in text.unicodeScalars {
            if (keepLineBreaks && (s == "\n" || s == "\t")) || isPrintable(s) { out.unicodeScalars.append(s) } else { out += code(s) }
        }
        return out
    }

    static func isPrintable(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0xFFF9...0xFFFB: return false
        default:
            switch s.properties.generalCategory {
            case .format, .control, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator: return false
            default: return true
            }
        }
    }

    static func code(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        return "\\u{" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "}"
    }

    private static func escape(_ text: String, keep: (Unicode.Scalar) -> Bool) -> String {
        var out = "", shown = 0, total = 0
        for s in text.unicodeScalars {
            total += 1
            guard shown < maxEchoed else { continue }
            shown += 1
            if keep(s) { out.unicodeScalars.append(s) } else { out += code(s) }
        }
        if total > maxEchoed { out += "... (\(total) characters)" }
        return out
    }
}
