public enum Color: Int, Sendable, Hashable, CaseIterable {
    case black, red, green, yellow, blue, magenta, cyan, white
}

/// How a cell looks. The backend maps colours to pairs, or drops them under NO_COLOR.
public struct Style: Sendable, Hashable {
    public var fg: Color?
    public var bg: Color?
    public var bold = false
    public var dim = false
    public var underline = false
    public var reverse = false
    public var italic = false

    public init(fg: Color? = nil, bg: Color? = nil, bold: Bool = false, dim: Bool = false,
                underline: Bool = false, reverse: Bool = false, italic: Bool = false) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.dim = dim
        self.underline = underline
        self.reverse = reverse
        self.italic = italic
    }

    public static let plain = Style()
}

/// The roles text plays on screen, so every view styles alike.
public enum Theme {
    public static let text = Style.plain
    public static let title = Style(fg: .cyan, bold: true)
    public static let heading = Style(fg: .yellow, bold: true)
    public static let label = Style(dim: true)
    public static let link = Style(fg: .cyan)
    public static let quote = Style(fg: .green)
    /// A quotation inside its passage: bold as well as coloured, and always between quotation marks.
    public static let highlight = Style(fg: .green, bold: true)
    public static let source = Style(fg: .magenta, italic: true)
    public static let selected = Style(reverse: true)
    public static let selectedUnfocused = Style(underline: true)
    public static let border = Style(dim: true)
    public static let borderFocused = Style(fg: .cyan, bold: true)
    public static let status = Style(fg: .black, bg: .cyan)
    public static let statusKey = Style(fg: .black, bg: .cyan, bold: true)
    public static let disputed = Style(fg: .red, bold: true)
    public static let dim = Style(dim: true)
    public static let mapBorder = Style(fg: .yellow, dim: true)
    public static let mapWater = Style(fg: .blue)
    public static let mapEventToday = Style(fg: .red, bold: true)
    public static let mapCouncil = Style(fg: .green, bold: true)
    public static let mapLinked = Style(fg: .cyan, bold: true, underline: true)
}
