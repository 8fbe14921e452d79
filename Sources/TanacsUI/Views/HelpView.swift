/// Every key, by pane, in a box over the screen.
public enum HelpView {
    public static let sections: [(String, [(String, String)])] = [
        ("Everywhere", [
            ("?", "show or hide this help"),
            ("q  Ctrl-C", "quit"),
            ("Tab  Shift-Tab", "next or previous pane"),
            ("1 2 3", "timeline, map, detail"),
            ("j k  ↓ ↑", "move down or up"),
            ("PgDn PgUp  Space", "move a page"),
            ("Ctrl-D Ctrl-U", "move a page"),
            ("g G  Home End", "first or last"),
            ("mouse", "click selects, second click opens, wheel scrolls"),
        ]),
        ("Timeline", [
            ("Enter  l  →", "open the selection in the detail pane"),
            ("[  ]", "the map's day back or forward (anywhere)"),
        ]),
        ("Map", [
            ("← → ↑ ↓  h l k j", "nearest town that way"),
            ("Enter", "open the town in the detail pane"),
            ("+  -  0", "zoom in, out, whole country"),
            ("b", "Budapest's districts and sites, or back"),
            ("m", "draw in braille, half blocks or ASCII"),
            ("✱ *", "an event in the town on the map's day"),
            ("■ #", "a council of the town at work that day"),
            ("● o", "events on other days"),
            ("· +", "no events recorded"),
            ("reverse", "the selected town; cyan underlined: linked to the detail page"),
        ]),
        ("Detail", [
            ("j k", "select the next or previous link or quote"),
            ("Enter  l  →", "follow the link, or open the quote with its source"),
            ("Backspace  Ctrl-O", "back to the previous page"),
            ("Esc", "back, or to the list when there is nothing to go back to"),
            ("h  ←", "to the list"),
        ]),
        ("Help", [
            ("j k  PgDn PgUp", "scroll this help"),
            ("Esc  ?  Enter", "close"),
        ]),
    ]

    /// The help text as lines, for the overlay and for tests.
    public static func lines(width: Int) -> [(String, Style)] {
        var out: [(String, Style)] = [("Tanács keys", Theme.title), ("", Theme.text)]
        let keyWidth = 20
        for (title, keys) in sections {
            out.append((title, Theme.heading))
            for (key, action) in keys {
                let wrapped = Text.wrap(action, width: max(1, width - keyWidth - 2))
                for (i, part) in wrapped.enumerated() {
                    out.append(((i == 0 ? Text.pad("  " + key, to: keyWidth) : String(repeating: " ", count: keyWidth)) + part, Theme.text))
                }
            }
            out.append(("", Theme.text))
        }
        return out
    }

    public static func render(_ state: AppState, in screen: Rect, canvas: inout Canvas) {
        let width = min(screen.width - 2, 72), height = min(screen.height - 2, 40)
        guard width >= 10, height >= 4 else { return }
        let rect = Rect(x: screen.x + (screen.width - width) / 2, y: screen.y + (screen.height - height) / 2, width: width, height: height)
        canvas.fill(rect)
        canvas.box(rect, title: "Help", focused: true, glyphs: state.glyphs)
        let inner = rect.inset(1)
        let all = lines(width: inner.width - 1)
        let top = min(state.helpScroll, max(0, all.count - inner.height))
        for row in 0..<inner.height where top + row < all.count {
            let (text, style) = all[top + row]
            canvas.write(text, x: inner.x + 1, y: inner.y + row, style: style, limit: inner.maxX)
        }
    }
}
