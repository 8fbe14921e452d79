import Foundation

/// A source article's full text as paragraphs (blocks between blank lines), each with its whitespace
/// collapsed the way excerpts are, and where each of its printed lines starts.
public struct SourceText: Sendable {
    public struct Paragraph: Sendable {
        /// The block's text, every run of whitespace one space.
        public let text: String
        /// The offset in `text` (in characters) at which each printed line of the block begins.
        public let lineStarts: [Int]
    }

    public let paragraphs: [Paragraph]

    /// True for text converted from a PDF: hard line breaks inside page-sized blocks. Such a source is
    /// cited by page (its block) and line rather than by paragraph.
    public var isPaged: Bool {
        let lines = paragraphs.reduce(0) { $0 + $1.lineStarts.count }
        return !paragraphs.isEmpty && lines >= 10 * paragraphs.count
    }

    public init(_ raw: String) {
        var paragraphs: [Paragraph] = []
        var text = "", count = 0, starts: [Int] = []
        func flush() {
            if !starts.isEmpty { paragraphs.append(Paragraph(text: text, lineStarts: starts)) }
            text = ""; count = 0; starts = []
        }
        for line in raw.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = line.split(whereSeparator: \.isWhitespace)
            if words.isEmpty { flush(); continue }
            for (i, word) in words.enumerated() {
                if count > 0 { text.append(" "); count += 1 }
                if i == 0 { starts.append(count) }
                text += word
                count += word.count
            }
        }
        flush()
        self.paragraphs = paragraphs
    }

    /// Every source's text read from a folder holding the articles by file name (`--sources DIR`);
    /// a source whose file is missing is left out. Throws only for an unreadable folder.
    public static func load(from folder: URL, sources: [Source]) throws -> [String: SourceText] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue else {
            throw LoadError(file: folder.path, message: "no such folder (--sources wants the folder holding the source articles)")
        }
        var texts: [String: SourceText] = [:]
        for source in sources {
            let url = folder.appendingPathComponent(source.file)
            guard let data = FileManager.default.contents(atPath: url.path), data.count <= DataLoader.maxFileBytes else { continue }
            texts[source.id] = SourceText(String(decoding: data, as: UTF8.self))
        }
        return texts
    }

    /// Collapses whitespace runs to one space, as excerpts and paragraphs are compared: the words
    /// between runs of whitespace characters (`Character.isWhitespace`), joined by one space.
    /// Loading compares every excerpt with its passage this way, so it reads scalars rather than
    /// characters wherever that gives the same words: where no scalar beside a whitespace one could
    /// join it into one character (a combining mark after it, a prepended sign before it).
    public static func collapse(_ s: String) -> String {
        if let fast = s.utf8.withContiguousStorageIfAvailable(collapseScalars), let fast { return fast }
        return s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The words of UTF-8 text joined by one space, or nil when a scalar next to whitespace might
    /// form one character with it, which only the character-level split can tell.
    static func collapseScalars(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0, wordStart = -1
        var previousWasSpace = true, previous: UInt32 = 0x20
        while i < bytes.count {
            let (value, length) = scalar(bytes, at: i)
            let space = value < 0x80 ? value == 0x20 || (0x09...0x0D).contains(value) : Unicode.Scalar(value)!.properties.isWhitespace
            if space != previousWasSpace && i > 0 {
                // A boundary between a word and whitespace: the word's scalar there must stand alone.
                let wordSide = space ? previous : value
                if wordSide >= 0x80 && !standsAlone(wordSide) { return nil }
            }
            if space, wordStart >= 0 {
                if !out.isEmpty { out.append(0x20) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[wordStart..<i]))
                wordStart = -1
            } else if !space, wordStart < 0 {
                wordStart = i
            }
            previousWasSpace = space
            previous = value
            i += length
        }
        if wordStart >= 0 {
            if !out.isEmpty { out.append(0x20) }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[wordStart...]))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The scalar starting at a byte of valid UTF-8, and its length in bytes.
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b = bytes[i]
        if b < 0x80 { return (UInt32(b), 1) }
        let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
        var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | (UInt32(bytes[i + k]) & 0x3F) }
        return (value, length)
    }

    /// Letters with case, numbers, punctuation, symbols other than modifiers, separators and
    /// controls: none of these is a combining mark, a joiner or a prepended sign, so none joins the
    /// whitespace beside it into one character.
    private static func standsAlone(_ value: UInt32) -> Bool {
        switch Unicode.Scalar(value)!.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .otherSymbol, .spaceSeparator,
             .lineSeparator, .paragraphSeparator, .control:
            return true
        default:
            return false
        }
    }

    /// Where an excerpt's text stands in its paragraph (1-based), as character offsets; nil when it is not there.
    public func locate(_ text: String, paragraph: Int) -> Range<Int>? {
        guard paragraphs.indices.contains(paragraph - 1) else { return nil }
        let body = paragraphs[paragraph - 1].text
        let wanted = SourceText.collapse(text)
        guard !wanted.isEmpty, let range = body.range(of: wanted) else { return nil }
        let start = body.distance(from: body.startIndex, to: range.lowerBound)
        return start..<(start + wanted.count)
    }

    /// An excerpt in its paragraph, or running on into the next one where the paragraph stops
    /// mid-sentence (a page break): the text searched, the quote's range in it, and whether it runs on.
    func find(_ text: String, paragraph: Int) -> (body: [Character], range: Range<Int>, runsOn: Bool)? {
        if let range = locate(text, paragraph: paragraph) { return (Array(paragraphs[paragraph - 1].text), range, false) }
        guard paragraphs.indices.contains(paragraph) && paragraph >= 1 else { return nil }
        let here = paragraphs[paragraph - 1].text
        let joined = here + " " + paragraphs[paragraph].text
        let wanted = SourceText.collapse(text)
        guard !wanted.isEmpty, let r = joined.range(of: wanted), r.lowerBound < joined.index(joined.startIndex, offsetBy: here.count),
              r.upperBound > joined.index(joined.startIndex, offsetBy: here.count) else { return nil }
        let start = joined.distance(from: joined.startIndex, to: r.lowerBound)
        return (Array(joined), start..<(start + wanted.count), true)
    }

    /// The printed line (1-based within its block) holding a character offset.
    public func line(at offset: Int, paragraph: Int) -> Int {
        let starts = paragraphs[paragraph - 1].lineStarts
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }
}

/// A quotation in its passage: the excerpt with at least the sentence before it and the sentence after
/// it, verbatim from the article. Made by `Passages.build` from the source texts and bundled in
/// `data/passages.json`, so the reader shows context without the articles.
public struct Passage: Codable, Sendable, Equatable {
    public let excerpt: String
    public let source: String
    public let paragraph: Int
    /// Where the quote starts in its paragraph (characters, whitespace collapsed), to order quotations.
    public let offset: Int
    /// The excerpt as it stands in the article, whitespace collapsed; a passage whose quote no longer
    /// matches its excerpt is stale and not shown.
    public let quote: String
    /// The paragraph's text from the start of the sentence before the quote up to the quote.
    public let before: String
    /// The paragraph's text from the end of the quote to the end of the sentence after it.
    public let after: String
    /// The last sentence of the paragraph before, when the quote's paragraph has no sentence before it.
    public let previous: String?
    /// The first sentence of the next paragraph, when the quote's paragraph has no sentence after it.
    public let next: String?
    /// For a source converted from a PDF: the page (its block) and the printed lines the quote spans.
    public let page: Int?
    public let line: Int?
    public let lastLine: Int?
    /// True when the quote runs on into the next paragraph (a page break mid-sentence): `before`,
    /// the quote and `after` are then one run of the two paragraphs joined by a space.
    public var runsOn: Bool? = nil

    enum CodingKeys: String, CodingKey {
        case excerpt, source, paragraph, offset, quote, before, after, previous, next, page, line
        case lastLine = "last_line"
        case runsOn = "runs_on"
    }

    /// "p. 3, lines 12–14" for a paged source, else "¶7" (with the glyph the caller gives).
    public func location(paragraphMark: String = "¶") -> String {
        guard let page, let line else { return "\(paragraphMark)\(paragraph)" }
        if runsOn == true { return "p. \(page), line \(line) to p. \(page + 1)" }
        if let lastLine, lastLine != line { return "p. \(page), lines \(line)–\(lastLine)" }
        return "p. \(page), line \(line)"
    }
}

/// Builds passages for every excerpt found verbatim in its source's text.
public enum Passages {
    public static func build(excerpts: [Excerpt], texts: [String: SourceText]) -> (passages: [Passage], missing: [String]) {
        var passages: [Passage] = [], missing: [String] = []
        for x in excerpts {
            guard let text = texts[x.source], let (body, range, runsOn) = text.find(x.text, paragraph: x.paragraph) else {
                missing.append(x.id)
                continue
            }
            let after = runsOn ? x.paragraph + 1 : x.paragraph  // 0-based index of the paragraph after the passage
            let starts = sentenceStarts(body)
            // The sentence holding the quote's start, then one more back.
            let own = starts.last { $0 <= range.lowerBound } ?? 0
            let back = starts.last { $0 < own }
            let from = back ?? own
            let ends = starts.map { $0 - 1 } + [body.count]  // a sentence ends before the space that starts the next
            let ownEnd = ends.first { $0 >= range.upperBound } ?? body.count
            // The next sentence, taken with those after it while it is a lone word ("5.", "Wanted!").
            let forward = ends.first { $0 > ownEnd && $0 <= body.count && body[ownEnd..<$0].split(separator: " ").count >= 2 }
            let to = forward ?? ownEnd
            var previous: String?, next: String?
            // A list number ("6. ") is no sentence: then the paragraph before gives one too.
            let beforeWords = body[from..<range.lowerBound].split(separator: " ").count
            if back == nil || beforeWords < 2, x.paragraph >= 2 {
                let prior = Array(text.paragraphs[x.paragraph - 2].text)
                let last = sentenceStarts(prior).last ?? 0
                previous = String(prior[last...])
            }
            // A paragraph that stops mid-sentence (a page break, a colon before a quoted block) goes on
            // in the next one.
            let endsSentence = String(body[..<to]).reversed().drop { "\"”’')]".contains($0) || $0.isNumber }.first.map { ".!?".contains($0) } ?? false
            if forward == nil || !endsSentence, text.paragraphs.indices.contains(after) {
                let following = Array(text.paragraphs[after].text)
                let end = (sentenceStarts(following).dropFirst().first.map { $0 - 1 }) ?? following.count
                next = String(following[..<end])
            }
            let paged = text.isPaged
            passages.append(Passage(
                excerpt: x.id, source: x.source, paragraph: x.paragraph, offset: range.lowerBound,
                quote: String(body[range]), before: String(body[from..<range.lowerBound]),
                after: String(body[range.upperBound..<to]), previous: previous, next: next,
                page: paged ? x.paragraph : nil,
                line: paged ? text.line(at: range.lowerBound, paragraph: x.paragraph) : nil,
                lastLine: paged && !runsOn ? text.line(at: max(range.lowerBound, range.upperBound - 1), paragraph: x.paragraph) : nil,
                runsOn: runsOn ? true : nil))
        }
        return (passages, missing)
    }

    /// Offsets where sentences begin: 0, and after `.`, `!` or `?` (with any closing quotes, brackets
    /// or glued endnote numbers) and a space, before a letter, digit, quote or bracket that opens one.
    static func sentenceStarts(_ chars: [Character]) -> [Int] {
        var starts = [0]
        var i = 0
        while i < chars.count {
            if chars[i] == "." || chars[i] == "!" || chars[i] == "?" {
                var j = i + 1
                while j < chars.count, "\"”’')]".contains(chars[j]) || chars[j].isNumber { j += 1 }
                if j + 1 < chars.count, chars[j] == " ", isSentenceOpening(chars[j + 1]), !isAbbreviation(chars, before: i) {
                    starts.append(j + 1)
                    i = j + 1
                    continue
                }
            }
            i += 1
        }
        return starts
    }

    private static func isSentenceOpening(_ c: Character) -> Bool {
        c.isUppercase || c.isNumber || "\"“‘'([".contains(c)
    }

    /// "Mr.", "Dr.", "St." and single initials ("J. Smith") do not end a sentence.
    private static func isAbbreviation(_ chars: [Character], before dot: Int) -> Bool {
        var start = dot
        while start > 0, chars[start - 1].isLetter { start -= 1 }
        let word = String(chars[start..<dot])
        if start > 0, chars[start - 1] != " " { return false }
        return word.count == 1 && word.first!.isUppercase || ["Mr", "Mrs", "Dr", "St", "Gen", "Col", "Lt", "Capt", "No", "vs", "cf"].contains(word)
    }

    /// The passages file's bytes: pretty-printed, keys sorted, one stable form for the freshness test.
    public static func encode(_ passages: [Passage]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(passages) + Data("\n".utf8)
    }
}
