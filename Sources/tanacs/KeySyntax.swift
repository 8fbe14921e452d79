import ArgumentParser
import TanacsUI

/// Keys written as text for `tanacs render --keys`: every character is that key, and names in angle
/// brackets are the others: `<Enter>`, `<Tab>`, `<S-Tab>`, `<Esc>`, `<Up>`, `<Down>`, `<Left>`,
/// `<Right>`, `<PgUp>`, `<PgDn>`, `<Home>`, `<End>`, `<BS>`, `<Space>`, `<C-x>` (Ctrl and a letter),
/// `<lt>` for a literal `<`. A name may end in `*N` to repeat it: `<Down*5>`. Names ignore case.
enum KeySyntax {
    static let names: [String: Key] = [
        "enter": .enter, "return": .enter, "cr": .enter, "tab": .tab, "s-tab": .backTab, "backtab": .backTab,
        "esc": .escape, "escape": .escape, "up": .up, "down": .down, "left": .left, "right": .right,
        "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown, "home": .home, "end": .end,
        "bs": .backspace, "backspace": .backspace, "space": .char(" "), "lt": .char("<"),
    ]

    static func parse(_ text: String) throws -> [Key] {
        var keys: [Key] = []
        var rest = Substring(text)
        while let c = rest.first {
            rest = rest.dropFirst()
            guard c == "<" else { keys.append(.char(c)); continue }
            guard let close = rest.firstIndex(of: ">") else {
                throw ValidationError("--keys: \"<\" without \">\" (write <lt> for a literal <)")
            }
            var name = rest[..<close].lowercased()
            rest = rest[rest.index(after: close)...]
            var count = 1
            if let star = name.lastIndex(of: "*") {
                guard let n = Int(name[name.index(after: star)...]), n >= 0, n <= 10_000 else {
                    throw ValidationError("--keys: bad repeat count in <\(name)>")
                }
                count = n
                name = String(name[..<star])
            }
            let key: Key
            if let named = names[name] {
                key = named
            } else if (name.hasPrefix("c-") || name.hasPrefix("ctrl-")), let letter = name.split(separator: "-").last,
                      letter.count == 1, let ch = letter.first, ch.isLetter {
                key = .ctrl(ch)
            } else {
                throw ValidationError("--keys: unknown key <\(name)>; see tanacs render --help")
            }
            keys += Array(repeating: key, count: count)
        }
        return keys
    }
}
