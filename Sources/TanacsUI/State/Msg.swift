/// A key press, decoded by the backend into names the reducer understands.
public enum Key: Sendable, Hashable {
    case char(Character)
    case ctrl(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, tab, backTab, escape, backspace
}

/// Everything that can change the state.
public enum Msg: Sendable, Hashable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// A left click at a screen cell.
    case click(x: Int, y: Int)
    /// Wheel movement at a screen cell: negative is up.
    case scroll(x: Int, y: Int, lines: Int)
    /// Text the terminal delivered as a bracketed paste: typed into the search line when it is open,
    /// otherwise dropped, so pasted letters never run as commands.
    case paste(String)
    /// Time passing while playing: the next day.
    case tick
}
