import Foundation

/// Text as search compares it: folded (case and accents gone, `String.folded`), with every character
/// that is not a letter or a digit turned into spaces, so punctuation never stops a word matching:
/// "Workers’ Council" reads as "workers  council". Each character becomes as many bytes as its folded
/// form has, so byte offsets in the result are byte offsets in the folded text.
public enum SearchText {
    /// Folded, punctuation blanked, byte for byte with `folded`.
    public static func normalized(_ s: String) -> [UInt8] {
        var bytes = Array(s.folded.utf8)
        blankPunctuation(&bytes)
        return bytes
    }

    /// Normalized, runs of spaces made one and the ends trimmed: how names are stored and compared.
    public static func collapsed(_ s: String) -> [UInt8] {
        collapse(normalized(s))
    }

    /// The words of a query, normalized, each once, in the order given.
    public static func words(_ s: String) -> [[UInt8]] {
        var seen: Set<[UInt8]> = []
        var out: [[UInt8]] = []
        for word in normalized(s).split(separator: 0x20) where seen.insert(Array(word)).inserted {
            out.append(Array(word))
        }
        return out
    }

    static func collapse(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for b in bytes {
            if b == 0x20 && (out.isEmpty || out.last == 0x20) { continue }
            out.append(b)
        }
        if out.last == 0x20 { out.removeLast() }
        return out
    }

    /// Replaces, in place, every byte of a character that is not a letter, digit or combining mark with
    /// a space. ASCII is decided by byte; other scalars by their Unicode properties.
    static func blankPunctuation(_ bytes: inout [UInt8]) {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                let keep = (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A)
                if !keep { bytes[i] = 0x20 }
                i += 1
                continue
            }
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            let end = min(n, i + length)
            var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            if length > 1 { for k in (i + 1)..<end { value = value << 6 | (UInt32(bytes[k]) & 0x3F) } }
            let keep: Bool
            if length == 1 {
                keep = false
            } else if let scalar = Unicode.Scalar(value) {
                let p = scalar.properties
                keep = p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
                    || p.generalCategory == .spacingMark || p.generalCategory == .enclosingMark
            } else {
                keep = false
            }
            if !keep { for k in i..<end { bytes[k] = 0x20 } }
            i = end
        }
    }

    /// Damerau–Levenshtein distance (adjacent transpositions count one), or nil when it is above
    /// `limit`. Rows are cut off as soon as every cell passes the limit, so a far word costs little.
    static func distance(_ a: [UInt8], _ b: ArraySlice<UInt8>, limit: Int) -> Int? {
        let n = a.count, m = b.count
        if abs(n - m) > limit { return nil }
        if n == 0 { return m }
        if m == 0 { return n }
        let b = Array(b)
        var previous2 = [Int](repeating: 0, count: m + 1)
        var previous = Array(0...m)
        var current = [Int](repeating: 0, count: m + 1)
        for i in 1...n {
            current[0] = i
            var rowMin = i
            for j in 1...m {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { v = min(v, previous2[j - 2] + 1) }
                current[j] = v
                rowMin = min(rowMin, v)
            }
            if rowMin > limit { return nil }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[m] <= limit ? previous[m] : nil
    }

    /// `distance` for callers outside the model: nil when the words are more than `limit` apart.
    public static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int? {
        distance(a, b[...], limit: limit)
    }

    /// How far a word may be from a name's word and still count: none for one or two letters, one
    /// typo up to five, two from six.
    static func typoLimit(_ length: Int) -> Int {
        length <= 2 ? 0 : length <= 5 ? 1 : 2
    }
}
