/// One terminal cell: a grapheme cluster and its style. The cell after a wide grapheme is a continuation.
public struct Cell: Sendable, Hashable {
    public var grapheme: String
    public var style: Style
    public var isContinuation: Bool

    public static let blank = Cell(grapheme: " ", style: .plain, isContinuation: false)
}

/// A grid of cells that views draw into; the backend paints it and tests read it as text.
public struct Canvas: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < width, y < height else { return .blank }
        return cells[y * width + x]
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// Writes text from column `x` on row `y`, stopping before column `limit` (default: the right edge).
    /// Text is sanitized first; a wide grapheme that would straddle the limit becomes a space.
    /// Returns the column after the last one written.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        let end = min(limit ?? width, width)
        guard y >= 0, y < height else { return x }
        var column = x
        // Printable ASCII, most of what is drawn, is clean and a column a byte: no grapheme walk.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            for byte in text.utf8 {
                if column >= end { return end }
                if column >= 0 { put(Cell(grapheme: Canvas.ascii[Int(byte)], style: style, isContinuation: false), x: column, y: y) }
                column += 1
            }
            return column
        }
        let clean = Sanitizer.clean(text)
        // Text whose every scalar is a grapheme of its own (Hungarian letters, quotation marks,
        // borders, braille, superscripts) needs no grapheme breaking either.
        if clean.unicodeScalars.allSatisfy(TextWidth.standsAlone) {
            for scalar in clean.unicodeScalars {
                guard place(String(Character(scalar)), width: TextWidth.of(scalar), at: &column, y: y, end: end, style: style) else { return end }
            }
            return column
        }
        return writeGraphemes(clean, x: column, y: y, end: end, style: style)
    }

    /// `write` for cleaned text, a grapheme cluster at a time: the general way, which the others match.
    mutating func writeGraphemes(_ clean: String, x: Int, y: Int, end: Int, style: Style) -> Int {
        var column = x
        for character in clean {
            guard place(String(character), width: TextWidth.of(character), at: &column, y: y, end: end, style: style) else { return end }
        }
        return column
    }

    /// Puts one grapheme `width` columns wide at `column` and moves past it; false when it does not
    /// fit before `end` (a wide one straddling the end leaves a space).
    private mutating func place(_ grapheme: String, width w: Int, at column: inout Int, y: Int, end: Int, style: Style) -> Bool {
        if w == 0 { return true }
        if column + w > end {
            if column < end && column >= 0 { put(Cell(grapheme: " ", style: style, isContinuation: false), x: column, y: y) }
            return false
        }
        if column >= 0 {
            put(Cell(grapheme: grapheme, style: style, isContinuation: false), x: column, y: y)
            if w == 2 { put(Cell(grapheme: "", style: style, isContinuation: true), x: column + 1, y: y) }
        }
        column += w
        return true
    }

    /// Each ASCII byte as a one-character string.
    private static let ascii: [String] = (0..<128).map { String(Character(Unicode.Scalar(UInt8($0)))) }

    /// Fills a rectangle with spaces in a style.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        let r = rect.intersection(bounds)
        for y in r.y..<(r.y + r.height) {
            for x in r.x..<(r.x + r.width) { put(Cell(grapheme: " ", style: style, isContinuation: false), x: x, y: y) }
        }
    }

    /// Changes the style of cells already drawn, e.g. to highlight a selected row.
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        let r = rect.intersection(bounds)
        for y in r.y..<(r.y + r.height) {
            for x in r.x..<(r.x + r.width) { change(&cells[y * width + x].style) }
        }
    }

    /// Replaces a cell, repairing any wide grapheme it cuts in half.
    private mutating func put(_ cell: Cell, x: Int, y: Int) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let i = y * width + x
        if cells[i].isContinuation && x > 0 { cells[i - 1] = Cell(grapheme: " ", style: cells[i - 1].style, isContinuation: false) }
        if !cells[i].isContinuation && x + 1 < width && cells[i + 1].isContinuation {
            cells[i + 1] = Cell(grapheme: " ", style: cells[i + 1].style, isContinuation: false)
        }
        cells[i] = cell
    }

    /// The canvas as plain text lines, trailing spaces kept so widths can be checked.
    public var lines: [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width where !cells[y * width + x].isContinuation { line += cells[y * width + x].grapheme }
            return line
        }
    }

    /// The canvas as text with trailing spaces trimmed from each line, for snapshots.
    public var text: String {
        // Walks back over the trailing spaces only, not over whole lines.
        lines.map { line in
            var end = line.endIndex
            while end > line.startIndex, line[line.index(before: end)] == " " { end = line.index(before: end) }
            return String(line[..<end])
        }.joined(separator: "\n")
    }
}
