/// Keys sent as escape sequences the terminal's terminfo entry does not name, so ncurses passes them
/// through unrecognised: Home and End as ESC[1~ ESC[4~ (tmux, screen, the Linux console), ESC[7~
/// ESC[8~ (rxvt), ESC[H ESC[F or ESC O H / ESC O F (xterm), and the same for the arrows and pages.
/// A user whose TERM does not quite match the terminal still gets the key.
public enum EscapeKeys {
    /// The key for ESC [ `parameters` `final`, or nil for a sequence that is no key (it is ignored).
    public static func csi(parameters: String, final: Character) -> Key? {
        // Modifiers (ESC[1;5H) do not change which key it is.
        let first = parameters.split(separator: ";", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        switch final {
        case "~":
            switch first {
            case "1", "7": return .home
            case "4", "8": return .end
            case "5": return .pageUp
            case "6": return .pageDown
            default: return nil
            }
        case "Z" where parameters.isEmpty: return .backTab
        default: return parameters.isEmpty || first == "1" ? ss3(final) : nil
        }
    }

    /// The key for ESC O `final` (or ESC [ `final`).
    public static func ss3(_ final: Character) -> Key? {
        switch final {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H": return .home
        case "F": return .end
        default: return nil
        }
    }
}
