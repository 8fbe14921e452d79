/// Column-aware text helpers: truncation, padding and word wrapping. Each is linear in its input (one
/// cleaning pass, then at most one walk over the characters), whatever the text holds.
public enum Text {
    /// "1 event", "3 events", "" for none.
    public static func count(_ n: Int, _ noun: String) -> String {
        n == 0 ? "" : "\(n.formatted) \(noun)\(n == 1 ? "" : "s")"
    }

    /// Cuts `s` to at most `width` columns, ending in an ellipsis when it was cut.
    public static func truncate(_ s: String, to width: Int, glyphs: Glyphs = .unicode) -> String {
        guard width > 0 else { return "" }
        return truncate(clean: glyphs.fold(Sanitizer.clean(s)), to: width, glyphs: glyphs)
    }

    /// `truncate` for text already cleaned: looks at no more than `width` + 1 columns of it, so cutting
    /// a huge text to a screen's width costs the screen's width.
    public static func truncate(clean: String, to width: Int, glyphs: Glyphs = .unicode) -> String {
        guard width > 0 else { return "" }
        // Short printable ASCII, the common case, fits as it is.
        if clean.utf8.count <= width && clean.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return clean }
        // An ellipsis wider than the room ("..." in two ASCII columns) is left out: the cut still fits.
        let ellipsis = TextWidth.of(glyphs.ellipsis) <= width ? glyphs.ellipsis : ""
        let room = width - TextWidth.of(ellipsis)
        var used = 0, cutAt = clean.startIndex
        var index = clean.startIndex
        while index < clean.endIndex {
            let w = TextWidth.of(clean[index])
            // Past the width: cut where the ellipsis still fits.
            if used + w > width { return String(clean[..<cutAt]) + ellipsis }
            used += w
            index = clean.index(after: index)
            if used <= room { cutAt = index }
        }
        return clean
    }

    /// The end of `s` in at most `width` columns, starting with an ellipsis when the start was cut: for
    /// a line being typed, where the cursor is at the end. Walks back no further than it shows.
    public static func tail(_ s: String, to width: Int, glyphs: Glyphs = .unicode) -> String {
        guard width > 0 else { return "" }
        var kept: [Character] = [], used = 0
        for raw in s.reversed() {
            // One character at a time: a control disappears, a tab or line break becomes a space.
            guard let c = Sanitizer.clean(String(raw)).first else { continue }
            let w = TextWidth.of(c)
            if used + w > width {
                // As in truncate: an ellipsis wider than the room is left out.
                let ellipsis = TextWidth.of(glyphs.ellipsis) <= width ? glyphs.ellipsis : ""
                let mark = TextWidth.of(ellipsis)
                while used + mark > width, let last = kept.popLast() { used -= TextWidth.of(last) }
                return ellipsis + String(kept.reversed())
            }
            kept.append(c)
            used += w
        }
        return String(kept.reversed())
    }

    /// Pads with spaces to exactly `width` columns (truncating first if needed).
    public static func pad(_ s: String, to width: Int, glyphs: Glyphs = .unicode) -> String {
        let t = truncate(s, to: width, glyphs: glyphs)
        return t + String(repeating: " ", count: max(0, width - TextWidth.of(t)))
    }

    /// Word-wraps to lines of at most `width` columns; words longer than a line are broken. Each word
    /// is measured once, and a word longer than a line is cut in one walk over its characters, so a
    /// huge word costs its length, not its length times its lines.
    public static func wrap(_ s: String, width: Int) -> [String] { wrap(clean: Sanitizer.clean(s), width: width) }

    /// `wrap` for text `Sanitizer.clean` has already cleaned.
    static func wrap(clean s: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = [], line = "", lineWidth = 0
        func flush() {
            lines.append(line)
            line = ""
            lineWidth = 0
        }
        for word in s.split(separator: " ", omittingEmptySubsequences: true) {
            var w = String(word), ww = TextWidth.of(w)
            // Emptiness, not width, says whether a line has begun: a word of marks alone is 0 wide.
            if !line.isEmpty && lineWidth + 1 + ww <= width {
                line += " " + w
                lineWidth += 1 + ww
                continue
            }
            if !line.isEmpty { flush() }
            if ww > width {
                // Full lines of the word; what is left starts the next line.
                var head = "", hw = 0
                for c in w {
                    let cw = TextWidth.of(c)
                    if cw > width { continue } // a wide character on a one-column line cannot be shown
                    if hw + cw > width {
                        lines.append(head)
                        head = ""
                        hw = 0
                    }
                    head.append(c)
                    hw += cw
                }
                w = head
                ww = hw
            }
            line = w
            lineWidth = ww
        }
        if !line.isEmpty || lines.isEmpty { flush() }
        return lines
    }
}

extension Int {
    /// 123456 → "123,456".
    var formatted: String {
        let digits = String(Swift.abs(self))
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (self < 0 ? "-" : "") + String(out.reversed())
    }
}
