import TanacsUI

/// A table of text aligned by terminal columns (TextWidth), fitted to a width by shortening the
/// flexible columns first. Dates (`keep`) are never cut. When the ids and the names cannot both fit
/// whole, each row's id goes on a line of its own below it, indented, so ids stay whole (to copy)
/// and names keep their room. Cells are sanitized; no escape sequences are written, so piped output is plain.
struct Table {
    struct Column {
        let header: String
        /// Flexible columns (titles, summaries) give up room when the table is too wide: the one with the
        /// lowest `order` first, down to `floor` columns; a column squeezed to 0 is left out. A column
        /// headed ID is cut only when every other column is down to 3, since a cut id cannot be copied.
        var flexible = false
        var order = 0
        var floor = 8
        /// Never cut (dates): a cut date reads as another date.
        var keep = false

        init(header: String, flexible: Bool = false, order: Int = 0, floor: Int = 8, keep: Bool = false) {
            self.header = header
            self.flexible = flexible
            self.order = order
            self.floor = floor
            self.keep = keep
        }

        /// A column that goes first and may disappear.
        static func optional(_ header: String, order: Int = 0) -> Column {
            Column(header: header, flexible: true, order: order, floor: 0)
        }
    }

    let columns: [Column]
    var rows: [[String]] = []

    init(_ columns: [Column]) { self.columns = columns }

    mutating func add(_ row: [String]) { rows.append(row.map(clean)) }

    /// The table as lines; with a width, no line is wider than it.
    func render(width: Int?, glyphs: Glyphs = Console.glyphs) -> String {
        let gap = 2
        var widths = columns.indices.map { i in
            max(TextWidth.of(columns[i].header), rows.map { TextWidth.of($0[i]) }.max() ?? 0)
        }
        var shown = Array(columns.indices)
        var stackedID: Int?
        if let width {
            let natural = widths
            func over() -> Int { shown.map { widths[$0] }.reduce(0, +) + gap * (max(1, shown.count) - 1) - width }
            // Flexible columns in their order, each down to its floor (0 drops it).
            func shrinkFlexible() {
                for i in columns.indices.filter({ columns[$0].flexible }).sorted(by: { columns[$0].order < columns[$1].order }) where over() > 0 {
                    widths[i] = max(columns[i].floor, widths[i] - over())
                    if widths[i] == 0 { shown.removeAll { $0 == i } }
                }
            }
            shrinkFlexible()
            // Still too wide with the id beside the rest: the id goes below each row instead.
            if over() > 0, let id = columns.firstIndex(where: { $0.header == "ID" }), shown.count > 1 {
                stackedID = id
                widths = natural
                shown = columns.indices.filter { $0 != id }
                shrinkFlexible()
            }
            // Then the widest shown column that may be cut, down to 3, and ids only after that.
            for idsToo in [false, true] {
                while over() > 0, let widest = shown.filter({ widths[$0] > 3 && !columns[$0].keep && (idsToo || columns[$0].header != "ID") })
                    .max(by: { widths[$0] < widths[$1] }) {
                    widths[widest] -= 1
                }
            }
        }
        func line(_ cells: [String]) -> String {
            var out = ""
            for (n, i) in shown.enumerated() {
                let cell = cells[i]
                let last = n == shown.count - 1
                let text = Text.truncate(cell, to: widths[i], glyphs: glyphs)
                out += last ? text : Text.pad(text, to: widths[i], glyphs: glyphs) + String(repeating: " ", count: gap)
            }
            var trimmed = out
            while trimmed.hasSuffix(" ") { trimmed.removeLast() }
            // A table squeezed below its minimum still never passes the width.
            if let width, TextWidth.of(trimmed) > width { trimmed = Text.truncate(trimmed, to: width, glyphs: glyphs) }
            return trimmed
        }
        var out = [line(columns.map(\.header)), line(widths.map { String(repeating: glyphs.horizontal, count: $0) })]
        if let id = stackedID {
            out[0] = line(columns.map(\.header)) + "  (" + columns[id].header + " below)"
            if let width, TextWidth.of(out[0]) > width { out[0] = line(columns.map(\.header)) }
            for row in rows {
                out.append(line(row))
                let idLine = "  " + row[id]
                out.append(width.map { TextWidth.of(idLine) > $0 ? Text.truncate(idLine, to: $0, glyphs: glyphs) : idLine } ?? idLine)
            }
        } else {
            out += rows.map(line)
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Prints the table fitted to the console, or a note on standard error when it has no rows.
    /// `decorate` may style each body line after fitting (widths are measured without its escapes).
    func print(empty: String, decorate: ((String) -> String)? = nil) {
        if rows.isEmpty { printError(empty); return }
        var text = render(width: Console.width)
        if let decorate {
            text = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                .map { $0.offset < 2 || $0.element.isEmpty ? String($0.element) : decorate(String($0.element)) }
                .joined(separator: "\n")
        }
        Console.write(text)
    }
}
