/// Makes text from data safe to show: escape sequences and control characters never reach the terminal.
public enum Sanitizer {
    /// Combining marks kept on one letter; more (as in "Zalgo" text) are dropped, since terminals draw
    /// tall stacks over the lines around them and ncurses keeps at most five characters in a cell.
    public static let maxCombiningMarks = 4

    /// Removes CSI, OSC and other escape sequences, C0 and C1 controls, bidi overrides, zero-width
    /// format characters and prepended concatenation marks; turns tabs and line breaks into spaces;
    /// caps stacks of combining marks.
    public static func clean(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        // Nothing to remove or replace: the text as it is.
        if isClean(text) { return text }
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        var marks = 0
        while let s = pending {
            pending = scalars.next()
            if isMark(s) {
                marks += 1
                if marks > maxCombiningMarks { continue }
            } else {
                marks = 0
            }
            switch s.value {
            case 0x1B: // ESC: drop the whole sequence that follows
                pending = skipEscapeSequence(after: pending, &scalars)
            case 0x9B: // C1 CSI
                pending = skipCSI(from: pending, &scalars)
            case 0x9D, 0x90, 0x9E, 0x9F, 0x98: // C1 OSC, DCS, PM, APC, SOS: skip to the terminator
                pending = skipString(from: pending, &scalars)
            case 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0x2028, 0x2029:
                out.append(" ")
            case 0x00...0x1F, 0x7F...0x9F:
                continue
            case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F, 0xFEFF:
                continue
            case 0x0600...0x0605, 0x06DD, 0x070F, 0x0890...0x0891, 0x08E2, 0x110BD, 0x110CD:
                // Prepended concatenation marks join the character after them into one cell of
                // unknowable width (a space after U+06DD would vanish into it).
                continue
            default:
                out.append(s)
            }
        }
        return String(out)
    }

    /// True when the loop below would return the text unchanged: no scalar to drop or replace and no
    /// stack of combining marks over the cap.
    private static func isClean(_ text: String) -> Bool {
        var marks = 0
        for s in text.unicodeScalars {
            if needsCleaning(s) { return false }
            if isMark(s) {
                marks += 1
                if marks > maxCombiningMarks { return false }
            } else {
                marks = 0
            }
        }
        return true
    }

    /// A combining mark (nonspacing or enclosing), which stacks on the character before it.
    static func isMark(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x300 ? false : s.value < markTableLimit ? markTable[Int(s.value)] : isMarkByProperty(s)
    }

    static func isMarkByProperty(_ s: Unicode.Scalar) -> Bool {
        let category = s.properties.generalCategory
        return category == .nonspacingMark || category == .enclosingMark
    }

    /// The answer for every scalar below U+3000, worked out once: borders, braille, quotation marks
    /// and accented letters are cleaned on every frame, and Unicode's property lookup is slow.
    private static let markTableLimit: UInt32 = 0x3000
    private static let markTable: [Bool] = (0..<markTableLimit).map { value in
        Unicode.Scalar(value).map(isMarkByProperty) ?? false
    }

    /// Scalars the loop below drops or replaces.
    private static func needsCleaning(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F, 0xFEFF, 0x2028, 0x2029: return true
        case 0x0600...0x0605, 0x06DD, 0x070F, 0x0890...0x0891, 0x08E2, 0x110BD, 0x110CD: return true
        default: return false
        }
    }

    private static func skipEscapeSequence(after next: Unicode.Scalar?, _ it: inout String.UnicodeScalarView.Iterator) -> Unicode.Scalar? {
        guard let next else { return nil }
        switch next {
        case "[": return skipCSI(from: it.next(), &it)
        case "]", "P", "^", "_", "X": return skipString(from: it.next(), &it)
        default:
            // Two-character escapes (ESC c, ESC 7, ...), with any intermediate bytes.
            var current: Unicode.Scalar? = next
            while let c = current, (0x20...0x2F).contains(c.value) { current = it.next() }
            return it.next()
        }
    }

    private static func skipCSI(from first: Unicode.Scalar?, _ it: inout String.UnicodeScalarView.Iterator) -> Unicode.Scalar? {
        var current = first
        while let c = current {
            if (0x40...0x7E).contains(c.value) { return it.next() }
            if !(0x20...0x3F).contains(c.value) { return current } // malformed: stop skipping
            current = it.next()
        }
        return nil
    }

    private static func skipString(from first: Unicode.Scalar?, _ it: inout String.UnicodeScalarView.Iterator) -> Unicode.Scalar? {
        var current = first
        while let c = current {
            if c.value == 0x07 || c.value == 0x9C { return it.next() }
            if c.value == 0x1B {
                let after = it.next()
                return after == "\\" ? it.next() : after
            }
            current = it.next()
        }
        return nil
    }
}
