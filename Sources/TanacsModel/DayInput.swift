/// A day as people type it: `1956-11-04`, `4 nov`, `nov 4 1956`, `4 November 1956`, `14.11.1956`,
/// `14/11/1956`, or the Hungarian `1956. november 4.`; English and Hungarian month names, in full or
/// cut to three letters or more, accents and case ignored. A day with no year takes `defaultYear`.
public enum DayInput {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case empty
        case notADate(String)
        case noSuchDay(String)
        case monthOnly(String)

        public var description: String {
            switch self {
            case .empty: return "Type a day or a record"
            case .notADate(let text): return "“\(text)” is not a day: try 1956-11-04, 4 nov, nov 4 1956 or 14.11.1956"
            case .noSuchDay(let text): return "There is no such day as “\(text)”"
            case .monthOnly(let text): return "“\(text)” is a month, not a day: add the day, as in 1 \(text)"
            }
        }
    }

    /// The forms accepted, for help texts.
    public static let examples = "1956-11-04, 4 nov, nov 4 1956, 14.11.1956"

    public static func parse(_ input: String, defaultYear: Int = 1956) -> Result<Day, Failure> {
        let text = input.trimmingSpaces
        guard !text.isEmpty else { return .failure(.empty) }
        // Split into runs of digits and runs of letters; everything else separates.
        var tokens: [Token] = [], current = "", kind: Token.Kind?
        func flush() {
            if let kind, !current.isEmpty { tokens.append(Token(kind: kind, text: current)) }
            current = ""
            kind = nil
        }
        for ch in text.folded {
            let k: Token.Kind? = ch.isASCII && ch.isNumber ? .number : ch.isLetter ? .word : nil
            if k != kind { flush() }
            if let k { kind = k; current.append(ch) }
        }
        flush()
        // Ordinal suffixes: "4th", "23rd".
        tokens.removeAll { $0.kind == .word && ["st", "nd", "rd", "th", "of"].contains($0.text) }
        let numbers = tokens.filter { $0.kind == .number }.map { Int($0.text) ?? -1 }
        let words = tokens.filter { $0.kind == .word }
        guard words.count <= 1, !numbers.isEmpty, numbers.count <= 3, numbers.allSatisfy({ $0 >= 0 }) else {
            return .failure(.notADate(text))
        }
        let month: Int?
        if let word = words.first {
            guard let m = monthNumber(word.text) else { return .failure(.notADate(text)) }
            month = m
        } else {
            month = nil
        }
        var year = defaultYear, day: Int, monthValue: Int
        func isYear(_ token: String) -> Bool { token.count == 4 }
        let numberTokens = tokens.filter { $0.kind == .number }
        if let month {
            // "4 nov", "nov 4 1956", "1956 nov 4", "4 nov 1956"; a lone year with a month is a month.
            let yearIndex = numberTokens.firstIndex { isYear($0.text) }
            let rest = numberTokens.indices.filter { $0 != yearIndex }.map { Int(numberTokens[$0].text)! }
            if let yearIndex { year = Int(numberTokens[yearIndex].text)! }
            guard rest.count <= 1 else { return .failure(.notADate(text)) }
            guard let d = rest.first else { return .failure(.monthOnly(text)) }
            day = d
            monthValue = month
        } else {
            guard numberTokens.count >= 2 else { return .failure(.notADate(text)) }
            let n = numbers
            if isYear(numberTokens[0].text) {
                // Year first: 1956-11-04, 1956.11.04.
                guard n.count == 3 else { return .failure(.notADate(text)) }
                (year, monthValue, day) = (n[0], n[1], n[2])
            } else {
                // Day first, as in Hungary and most of Europe: 14.11.1956, 14/11, 4.11.56 is not taken.
                guard n.count == 2 || isYear(numberTokens[2].text) else { return .failure(.notADate(text)) }
                (day, monthValue) = (n[0], n[1])
                if n.count == 3 { year = n[2] }
            }
        }
        guard let result = Day(year: year, month: monthValue, day: day) else { return .failure(.noSuchDay(text)) }
        return .success(result)
    }

    private struct Token {
        enum Kind { case number, word }
        let kind: Kind
        let text: String
    }

    /// English and Hungarian month names (folded), by their first three letters or more.
    static func monthNumber(_ word: String) -> Int? {
        let names = [["january", "januar"], ["february", "februar"], ["march", "marcius"], ["april", "aprilis"],
                     ["may", "majus"], ["june", "junius"], ["july", "julius"], ["august", "augusztus"],
                     ["september", "szeptember"], ["october", "oktober"], ["november"], ["december"]]
        guard word.count >= 3 else { return nil }
        for (i, forms) in names.enumerated() where forms.contains(where: { $0.hasPrefix(word) }) { return i + 1 }
        // "sept" and "szept" are prefixes already; "okt" too. Nothing else is a month.
        return nil
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
