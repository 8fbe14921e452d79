import Foundation

extension String {
    /// Lowercased with accents removed, for sorting and accent-insensitive search: "Győr" → "gyor".
    ///
    /// The same as Foundation's folding (case-, diacritic- and width-insensitive), done a scalar at a
    /// time: ASCII is lowercased in place and every other scalar is folded by Foundation once and
    /// remembered, so folding a long text costs about as much as copying it.
    public var folded: String {
        if let fast = utf8.withContiguousStorageIfAvailable(Folding.fold) { return fast }
        var native = self // bridged or foreign storage: make it native and contiguous first
        native.makeContiguousUTF8()
        return native.utf8.withContiguousStorageIfAvailable(Folding.fold) ?? Folding.foundationFold(self)
    }

    /// Foundation's own folding, which `folded` reproduces; tests compare the two.
    public var foundationFolded: String { Folding.foundationFold(self) }
}

enum Folding {
    static func foundationFold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// Folds UTF-8 text: ASCII bytes are lowercased, other scalars go through the table; a base
    /// followed by combining marks is folded as one cluster, as Foundation folds "e\u{301}" to "e".
    static func fold(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var i = 0
        let n = bytes.count
        // All ASCII and already lowercase: nothing to do but copy.
        while i < n {
            let b = bytes[i]
            if b >= 0x80 || (b >= 0x41 && b <= 0x5A) { break }
            i += 1
        }
        if i == n { return String(decoding: bytes, as: UTF8.self) }
        var out = [UInt8]()
        out.reserveCapacity(n)
        out.append(contentsOf: bytes[0..<i])
        // Where the last base scalar starts, in the input and in the output.
        var baseIn = i > 0 ? i - 1 : -1, baseOut = i > 0 ? i - 1 : -1
        func decode(_ at: Int) -> (value: UInt32, length: Int) {
            let b = bytes[at]
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<max(2, length) where at + k < n && k < length { value = value << 6 | (UInt32(bytes[at + k]) & 0x3F) }
            return (length == 1 ? 0xFFFD : value, length)
        }
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                baseIn = i
                baseOut = out.count
                out.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
                i += 1
                continue
            }
            let (value, length) = decode(i)
            let entry = table.entry(value)
            if !entry.isMark {
                baseIn = i
                baseOut = out.count
                out.append(contentsOf: entry.folded)
                i += length
                continue
            }
            // Combining marks: fold them together with the base they follow.
            var end = i + length
            while end < n, bytes[end] >= 0x80 {
                let (v, l) = decode(end)
                guard table.entry(v).isMark else { break }
                end += l
            }
            let start = baseIn >= 0 ? baseIn : i
            if baseIn >= 0 { out.removeSubrange(baseOut...) } else { baseOut = out.count }
            out.append(contentsOf: table.cluster(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)))
            baseIn = start
            i = end
        }
        return String(decoding: out, as: UTF8.self)
    }

    static let table = ScalarTable()

    /// Non-ASCII scalars (and clusters of a base and its marks) folded by Foundation, each once.
    final class ScalarTable: @unchecked Sendable {
        struct Entry {
            let folded: [UInt8]
            /// Combining marks and joiners, which fold together with the character before them.
            let isMark: Bool
        }
        private let lock = NSLock()
        private var scalars: [UInt32: Entry] = [:]
        private var clusters: [String: [UInt8]] = [:]

        func entry(_ value: UInt32) -> Entry {
            lock.lock()
            defer { lock.unlock() }
            if let known = scalars[value] { return known }
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            let category = scalar.properties.generalCategory
            let isMark = category == .nonspacingMark || category == .spacingMark || category == .enclosingMark
                || scalar.value == 0x200D || scalar.properties.isVariationSelector
            let entry = Entry(folded: Array(Folding.foundationFold(String(Character(scalar))).utf8), isMark: isMark)
            scalars[value] = entry
            return entry
        }

        func cluster(_ text: String) -> [UInt8] {
            lock.lock()
            defer { lock.unlock() }
            if let known = clusters[text] { return known }
            let result = Array(Folding.foundationFold(text).utf8)
            clusters[text] = result
            return result
        }
    }
}
