/// Every key: the focused view's first, then those that work everywhere.
public enum HelpView {
    public typealias Section = (title: String, keys: [(key: String, action: String)])

    /// Every section, for the man page.
    public static var allSections: [Section] { [everywhere, timeline, map, detail, reader, search, filter] }

    public static let everywhere: Section = ("Everywhere", [
        ("?", "show or hide this help"),
        ("q", "close the help, the reader, a menu or an empty go-to line; on the main screen, quit"),
        ("Q  Ctrl-C", "quit at once"),
        ("Esc", "close, or go back"),
        ("Ctrl-L", "redraw the whole screen"),
        ("z", "maximise the focused pane, or restore the layout"),
        ("Tab  Shift-Tab", "next or previous pane"),
        ("1 2 3", "timeline, map, detail"),
        ("j k  ↓ ↑", "move down or up"),
        ("PgDn PgUp  Space", "move a page (also Ctrl-D Ctrl-U)"),
        ("g G  Home End", "first or last"),
        ("/", "search everything: towns, councils, people, events, figures, quotations"),
        ("n N", "next or previous match of the last search in this list"),
        ("t c p e F", "indexes: towns, councils, people, events by kind, figures"),
        ("s", "the sources: each one's quotations in the article's order"),
        ("y", "copy a citation of the quotation or record (OSC 52) and show it"),
        ("Backspace  H  Ctrl-O", "back (like a browser)"),
        ("L", "forward (Ctrl-I is the same key as Tab in terminals)"),
        ("[ ]", "move the current date a day back or forward"),
        (":", "go to a day (1956-11-04, 4 nov, nov 4 1956, 14.11.1956) or a record by name or id"),
        ("P", "play: step the day forward on its own; any key pauses"),
        ("f", "filter the timeline by kind, town or council"),
        ("X", "clear every timeline filter"),
        ("mouse", "click selects, a second click opens, the wheel scrolls (on the map it zooms)"),
    ])

    public static let timeline: Section = ("Timeline", [
        ("Enter  l  →", "open the selected event in the detail pane"),
        ("letters", "D demonstration, F fighting, M massacre, S strike, C council, P political, A military, R repression, I international, · other"),
        ("◆", "the current date's heading (one heading at most)"),
        ("day not stated", "events dated only to a month, a year or a span come after the days they can mean"),
    ])

    public static let map: Section = ("Map", [
        ("← → ↑ ↓  h l k j", "nearest town that way"),
        ("Enter", "open the town in the detail pane"),
        ("click", "select the town under the pointer; a second click opens it"),
        ("+  -  0", "zoom in, out, whole country"),
        ("b", "Budapest's districts and sites, or back"),
        ("m", "draw in braille, half blocks or ASCII"),
        ("✱ *", "an event in the town on the current date (or in the current period)"),
        ("■ #", "a council of the town at work that day, as far as the sources date it"),
        ("✱■ *#", "both: an event and a council at work"),
        ("● o", "events on other days"),
        ("· +", "no events recorded"),
        ("reverse", "the selected town; underlined: linked to the detail page"),
    ])

    public static let detail: Section = ("Detail", [
        ("j k", "select the next or previous link or quotation"),
        ("Enter  l  →", "follow the link, or read the quotation with its source"),
        ("h  ←", "back to the list pane"),
        ("a", "the whole article of the selected quotation (needs --sources)"),
        ("⚑", "disputed: the sources give different dates or numbers, each shown with its source"),
    ])

    public static let reader: Section = ("Reader", [
        ("> <  . ,", "next or previous quotation: of the record you came from, else of its source in the article's order; in the whole article, the next marked passage"),
        ("Enter", "open a record that cites this excerpt"),
        ("a", "read the whole article from this quotation (needs --sources)"),
        ("q  Esc  Backspace", "back to the record"),
    ])

    public static let search: Section = ("Search line", [
        ("typing", "search as you type: every word, in any order; case, accents, punctuation and small typos do not matter"),
        ("↑ ↓", "on an empty line (or a recalled one): earlier and later searches"),
        ("↓ ↑  Tab", "move through the results"),
        ("Enter", "open the selected result"),
        ("Esc", "cancel and go back"),
    ])

    public static let filter: Section = ("Filter menu", [
        ("j k", "move"),
        ("Space  Enter", "switch a kind on or off, or apply the entry"),
        ("Esc  f  q", "close"),
    ])

    /// The sections for what is on screen now, most specific first.
    public static func sections(for state: AppState) -> [Section] {
        var own: [Section]
        if state.search != nil { own = [search] }
        else if state.filterMenu != nil { own = [filter] }
        else {
            switch state.focus {
            case .timeline: own = [timeline]
            case .map: own = [map]
            case .detail:
                switch state.detail.route {
                case .excerpt, .article: own = [reader, detail]
                default: own = [detail]
                }
            }
        }
        return own + [everywhere]
    }

    /// The help text as lines, for the overlay and for tests. Keys sit in a column as wide as the
    /// widest key plus a gap; where that leaves too little room, each key's text goes below it.
    public static func lines(for state: AppState, width: Int) -> [(String, Style)] {
        var out: [(String, Style)] = [("Tanács keys", Theme.title), ("", Theme.text)]
        let all = sections(for: state)
        let keyWidth = 2 + (all.flatMap(\.keys).map { TextWidth.of($0.key) }.max() ?? 0) + 2
        let stacked = width - keyWidth < 24
        for section in all {
            out.append((section.title, Theme.heading))
            for (key, action) in section.keys {
                if stacked {
                    out.append(("  " + key, Theme.heading))
                    for part in Text.wrap(action, width: max(1, width - 4)) { out.append(("    " + part, Theme.text)) }
                    continue
                }
                let wrapped = Text.wrap(action, width: max(1, width - keyWidth))
                for (i, part) in wrapped.enumerated() {
                    out.append(((i == 0 ? Text.pad("  " + key, to: keyWidth) : String(repeating: " ", count: keyWidth)) + part, Theme.text))
                }
            }
            out.append(("", Theme.text))
        }
        return out
    }

    public static func render(_ state: AppState, in screen: Rect, canvas: inout Canvas) {
        let width = min(screen.width - 2, 80), height = min(screen.height - 2, 44)
        guard width >= 10, height >= 4 else { return }
        let rect = Rect(x: screen.x + (screen.width - width) / 2, y: screen.y + (screen.height - height) / 2, width: width, height: height)
        canvas.fill(rect)
        canvas.box(rect, title: "Help", focused: true, glyphs: state.glyphs)
        let inner = rect.inset(1)
        // A column of margin each side, so no text runs into the border.
        let all = lines(for: state, width: inner.width - 2)
        let top = min(state.helpScroll, max(0, all.count - inner.height))
        for row in 0..<inner.height where top + row < all.count {
            let (text, style) = all[top + row]
            canvas.write(text, x: inner.x + 1, y: inner.y + row, style: style, limit: inner.maxX)
        }
    }
}
