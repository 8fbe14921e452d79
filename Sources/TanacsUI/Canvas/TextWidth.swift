/// Terminal column widths, computed without the C library so tests need no locale.
public enum TextWidth {
    /// Columns a grapheme takes: 0 for controls and lone marks, 2 for East Asian wide and emoji, else 1.
    public static func of(_ c: Character) -> Int {
        let scalars = c.unicodeScalars
        guard let first = scalars.first else { return 0 }
        // A lone scalar's width depends on nothing else: look the common ones up.
        if first.value < tableLimit && scalars.index(after: scalars.startIndex) == scalars.endIndex {
            return Int(table[Int(first.value)])
        }
        return computed(c, first)
    }

    /// Columns a scalar takes as a grapheme by itself.
    static func of(_ s: Unicode.Scalar) -> Int {
        s.value < tableLimit ? Int(table[Int(s.value)]) : of(Character(s))
    }

    /// True for a scalar that is a grapheme cluster by itself whatever stands beside it: no mark,
    /// joiner, variation selector, prepended or paired scalar (regional indicators, Hangul jamo,
    /// CR LF) is in these ranges. Text made only of them can be drawn a scalar at a time.
    static func standsAlone(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20...0x7E, 0xA0...0x2FF, 0x2010...0x2027, 0x2030...0x205E, 0x2070...0x20CF, 0x2100...0x2BFF: return true
        default: return false
        }
    }

    /// Widths of the scalars below `tableLimit` (Latin, Greek, Cyrillic, punctuation, arrows, box
    /// drawing, shapes, dingbats, braille), worked out once by the rules below.
    private static let tableLimit: UInt32 = 0x3000
    private static let table: [UInt8] = (0..<tableLimit).map { value in
        // Printable ASCII without asking Unicode's tables; the rest as a lone scalar (no Character).
        if value >= 0x20 && value < 0x7F { return 1 }
        guard let scalar = Unicode.Scalar(value) else { return 1 }
        return UInt8(computedScalar(scalar))
    }

    /// `computed` for a character of one scalar below `tableLimit` (no U+FE0F can follow it).
    private static func computedScalar(_ s: Unicode.Scalar) -> Int {
        if isControlOrInvisible(s) { return 0 }
        let category = s.properties.generalCategory
        if category == .nonspacingMark || category == .enclosingMark { return 0 }
        return isWide(s) ? 2 : 1
    }

    private static func computed(_ c: Character, _ first: Unicode.Scalar) -> Int {
        if isControlOrInvisible(first) { return 0 }
        if first.properties.generalCategory == .nonspacingMark || first.properties.generalCategory == .enclosingMark {
            return 0
        }
        if c.unicodeScalars.contains(where: { $0.value == 0xFE0F }) && first.properties.isEmoji { return 2 }
        return isWide(first) ? 2 : 1
    }

    public static func of(_ s: String) -> Int {
        // Printable ASCII is a column a byte.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s.utf8.count }
        return s.reduce(0) { $0 + of($1) }
    }

    static func isControlOrInvisible(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x206F, 0xFEFF: return true
        default: return s.properties.generalCategory == .format
        }
    }

    static func isWide(_ s: Unicode.Scalar) -> Bool {
        if s.properties.isEmojiPresentation { return true }
        switch s.value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
