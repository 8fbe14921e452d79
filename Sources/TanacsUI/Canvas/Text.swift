/// Column-aware text helpers: truncation, padding and word wrapping.
public enum Text {
    /// "1 event", "3 events", "" for none.
    public static func count(_ n: Int, _ noun: String) -> String {
        n == 0 ? "" : "\(n.formatted) \(noun)\(n == 1 ? "" : "s")"
    }

    /// Cuts `s` to at most `width` columns, ending in an ellipsis when it was cut.
    public static func truncate(_ s: String, to width: Int, glyphs: Glyphs = .unicode) -> String {
        let clean = glyphs.fold(Sanitizer.clean(s))
        guard width > 0 else { return "" }
        if TextWidth.of(clean) <= width { return clean }
        var out = "", used = 0
        let room = width - TextWidth.of(glyphs.ellipsis)
        for c in clean {
            let w = TextWidth.of(c)
            if used + w > room { break }
            out.append(c)
            used += w
        }
        return out + glyphs.ellipsis
    }

    /// Pads with spaces to exactly `width` columns (truncating first if needed).
    public static func pad(_ s: String, to width: Int, glyphs: Glyphs = .unicode) -> String {
        let t = truncate(s, to: width, glyphs: glyphs)
        return t + String(repeating: " ", count: max(0, width - TextWidth.of(t)))
    }

    /// Word-wraps to lines of at most `width` columns; words longer than a line are broken.
    public static func wrap(_ s: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = [], line = "", lineWidth = 0
        func flush() {
            lines.append(line)
            line = ""
            lineWidth = 0
        }
        for word in Sanitizer.clean(s).split(separator: " ", omittingEmptySubsequences: true) {
            var w = String(word), ww = TextWidth.of(w)
            if lineWidth > 0 && lineWidth + 1 + ww <= width {
                line += " " + w
                lineWidth += 1 + ww
                continue
            }
            if lineWidth > 0 { flush() }
            while ww > width { // break a long word across lines
                var head = "", hw = 0
                for c in w {
                    let cw = TextWidth.of(c)
                    if hw + cw > width { break }
                    head.append(c)
                    hw += cw
                }
                if head.isEmpty { break }
                lines.append(head)
                w = String(w.dropFirst(head.count))
                ww = TextWidth.of(w)
            }
            line = w
            lineWidth = ww
        }
        if lineWidth > 0 || lines.isEmpty { flush() }
        return lines
    }
}
