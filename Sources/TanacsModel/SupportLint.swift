/// The support lint: a title or statement may name a number, day, month, year or proper name only
/// when one of its own cited excerpts contains it, accent- and case-folded, with the inflections and
/// spellings the sources use. Exceptions: words the outside-knowledge register lists for the record,
/// and a name of the record itself or of a record it links that the excerpt's paragraph names (the
/// quotation says "the town", its paragraph says which). data/tools/support.py applies the same rules
/// while editing the data.
public struct SupportLint: Sendable {
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public let file: String
        public let record: String
        public let field: String
        /// The folded word or number no cited excerpt contains.
        public let token: String
        public let text: String

        public var description: String { "\(file), record \(record), field \(field): “\(token)” is in no cited excerpt: \(text)" }
    }

    enum Token: Hashable {
        case number(String)
        case numberWord(String)
        case name(String)

        var value: String {
            switch self {
            case .number(let v), .numberWord(let v), .name(let v): return v
            }
        }
    }

    static let numberWords: [String: Int] = [
        "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "hundreds": 100, "thousand": 1000,
        "thousands": 1000, "million": 1_000_000,
    ]

    /// Names the sources use for the same thing: a country and its people; the Soviet Union, which the
    /// sources call Soviet, Russian or the USSR alike; an abbreviation and its words.
    static let sameGroups: [Set<String>] = [
        ["soviet", "soviets", "russian", "russians", "russia", "ussr"],
        ["hungary", "hungarian", "hungarians", "magyar"],
        ["poland", "polish", "poles", "pole"],
        ["britain", "british", "england", "english"],
        ["america", "american", "americans", "us", "usa"],
        ["hq", "headquarters"], ["un", "nations"],
        ["france", "french"], ["germany", "german", "germans"], ["yugoslavia", "yugoslav"],
        ["egypt", "egyptian"], ["austria", "austrian"], ["israel", "israeli"],
    ]

    /// Misreadings in the PDF-derived account, read as the word they stand for (never used as names).
    public static let ocr: [String: String] = [
        "canz": "ganz", "cwc1": "cwc", "hdf": "mdp", "zsiground": "zsigmond", "erasso": "krasso",
        "sander": "sandor", "skolnok": "szolnok", "hi": "hq", "tanesos": "tanczos", "cespel": "csepel",
    ]

    /// A statement may name the source it reports ("Haynes gives 52"): its excerpts support that name.
    static let sourceNames: [String: [String]] = [
        "source:kosuth": ["kosuth"], "source:marakis": ["marakis"], "source:prole": ["prole", "info"],
        "source:blog": ["blog"], "source:haynes": ["haynes"],
    ]

    let model: Model
    /// Each source's paragraphs (as the verbatim test reads them), for the paragraph rule; nil skips it.
    let paragraphs: [String: [String]]?
    let lexicon: Set<String>
    let same: [String: Set<String>]
    let evidence: [String: Evidence]

    public init(model: Model, paragraphs: [String: [String]]?) {
        self.model = model
        self.paragraphs = paragraphs
        lexicon = Self.lexicon(model)
        var same: [String: Set<String>] = [:]
        for group in Self.sameGroups { for w in group { same[w, default: []].formUnion(group) } }
        // Spellings the dataset lists as one person's surname or one place's name support each other.
        var groups: [Set<String>] = []
        for p in model.people { groups.append(Set(([p.name] + p.names).compactMap { Self.words($0).last })) }
        for p in model.places { groups.append(Set(([p.name] + p.names).compactMap { Self.words($0).first })) }
        for group in groups where group.count > 1 { for w in group { same[w, default: []].formUnion(group) } }
        self.same = same
        var evidence: [String: Evidence] = [:]
        for x in model.excerpts { evidence[x.id] = Evidence(x.text, source: x.source) }
        self.evidence = evidence
    }

    /// Every title and statement word that its evidence does not carry.
    public func problems() -> [Problem] {
        var out: [Problem] = []
        var paragraphEvidence: [String: Evidence] = [:]
        func paragraph(_ excerpt: String) -> Evidence? {
            guard let x = model.excerptByID[excerpt], let paras = paragraphs?[x.source], paras.indices.contains(x.paragraph - 1) else { return nil }
            let key = "\(x.source)#\(x.paragraph)"
            if let known = paragraphEvidence[key] { return known }
            let made = Evidence(paras[x.paragraph - 1], source: x.source)
            paragraphEvidence[key] = made
            return made
        }
        func check(_ file: String, _ id: String, _ field: String, _ text: String, _ cites: [String], _ subjects: Set<String>) {
            let register = (model.outsideByRecord[id] ?? []) + model.outsideKnowledge.filter { $0.records.isEmpty }
            for token in tokens(text) {
                if cites.contains(where: { evidence[$0].map { supports($0, token) } ?? false }) { continue }
                if case .name(let v) = token, subjects.contains(v),
                   cites.contains(where: { paragraph($0).map { supports($0, token) } ?? false }) { continue }
                if register.contains(where: { Self.words($0.term).contains(token.value) }) { continue }
                out.append(Problem(file: file, record: id, field: field, token: token.value, text: text))
            }
        }
        func statements(_ file: String, _ id: String, _ field: String, _ list: [Statement], _ subjects: Set<String>) {
            for (i, s) in list.enumerated() { check(file, id, "\(field)[\(i)]", s.text, s.citations, subjects) }
        }
        for p in model.places {
            let subjects = names([p.id, p.parent].compactMap { $0 })
            statements("places.json", p.id, "statements", p.statements, subjects)
        }
        for c in model.councils {
            let subjects = names([c.id, c.place, c.parent].compactMap { $0 } + c.people.map(\.person))
            statements("councils.json", c.id, "statements", c.statements, subjects)
            statements("councils.json", c.id, "demands", c.demands, subjects)
        }
        for e in model.events {
            let subjects = names([e.id] + e.places + e.councils + e.people + e.figures)
            statements("events.json", e.id, "statements", e.statements, subjects)
            check("events.json", e.id, "title", e.title, unique(e.citations + e.statements.citations), subjects)
        }
        for p in model.people {
            let subjects = names([p.id])
            statements("people.json", p.id, "roles", p.roles, subjects)
            statements("people.json", p.id, "statements", p.statements, subjects)
        }
        for f in model.figures { statements("figures.json", f.id, "statements", f.statements, names([f.id])) }
        return out
    }

    /// A role or council member's part must cite an excerpt naming the person; a council's demand or
    /// act must cite an excerpt that names the council, or whose paragraph does (a programme's points
    /// listed below it).
    public func namingProblems() -> [Problem] {
        var out: [Problem] = []
        func text(_ s: String) -> String { " " + Self.words(s).map { Self.ocr[$0] ?? $0 }.joined(separator: " ") + " " }
        func namesPerson(_ p: Person, _ excerpt: String) -> Bool {
            guard let x = model.excerptByID[excerpt] else { return false }
            let surnames = Set(([p.name] + p.names).compactMap { Self.words($0).last })
            return !surnames.isDisjoint(with: Set(text(x.text).split(separator: " ").map(String.init)))
        }
        func namesCouncil(_ c: Council, _ raw: String) -> Bool {
            let t = text(raw)
            if ([c.name] + c.names).contains(where: { t.contains(text($0)) }) { return true }
            guard let seat = c.place.flatMap({ model.placeByID[$0] }) else { return false }
            return ([seat.name] + seat.names).contains(where: { t.contains(text($0)) })
                && [" council", " committee", " parliament"].contains(where: { t.contains($0) })
        }
        func paragraphText(_ excerpt: String) -> String? {
            guard let x = model.excerptByID[excerpt], let paras = paragraphs?[x.source], paras.indices.contains(x.paragraph - 1) else { return nil }
            return paras[x.paragraph - 1]
        }
        for p in model.people {
            for (i, role) in p.roles.enumerated() where !role.citations.contains(where: { namesPerson(p, $0) }) {
                out.append(Problem(file: "people.json", record: p.id, field: "roles[\(i)]", token: p.name, text: role.text))
            }
        }
        for c in model.councils {
            for (i, member) in c.people.enumerated() {
                guard let p = model.personByID[member.person], !member.citations.contains(where: { namesPerson(p, $0) }) else { continue }
                out.append(Problem(file: "councils.json", record: c.id, field: "people[\(i)]", token: p.name, text: member.role))
            }
            // A demand, and each of the council's own statements (its acts), names the council.
            for (field, list) in [("demands", c.demands), ("statements", c.statements)] {
                for (i, s) in list.enumerated() {
                    let named = s.citations.contains { id in
                        (model.excerptByID[id].map { namesCouncil(c, $0.text) } ?? false) || (paragraphText(id).map { namesCouncil(c, $0) } ?? false)
                    }
                    if !named { out.append(Problem(file: "councils.json", record: c.id, field: "\(field)[\(i)]", token: c.name, text: s.text)) }
                }
            }
        }
        return out
    }

    /// Statements whose every citation is an endnote: a note may add to a fact, never carry it alone.
    /// A claim resting on an endnote: every excerpt it cites is a note, or a name, number or date it
    /// gives is in a cited note and in none of its other excerpts, and the claim does not say that a
    /// note is where it comes from ("Haynes's note").
    public func notesOnly() -> [Problem] {
        var out: [Problem] = []
        func check(_ file: String, _ id: String, _ field: String, _ list: [Statement]) {
            let register = (model.outsideByRecord[id] ?? []) + model.outsideKnowledge.filter { $0.records.isEmpty }
            for (i, s) in list.enumerated() where s.citations.contains(where: { model.excerptByID[$0]?.isNote ?? false }) {
                let body = s.citations.filter { !(model.excerptByID[$0]?.isNote ?? true) }
                if body.isEmpty {
                    out.append(Problem(file: file, record: id, field: "\(field)[\(i)]", token: "note", text: s.text))
                    continue
                }
                if Self.words(s.text).contains("note") { continue }
                for token in tokens(s.text) where !body.contains(where: { evidence[$0].map { supports($0, token) } ?? false }) {
                    if register.contains(where: { Self.words($0.term).contains(token.value) }) { continue }
                    out.append(Problem(file: file, record: id, field: "\(field)[\(i)]", token: token.value, text: s.text))
                }
            }
        }
        for p in model.places { check("places.json", p.id, "statements", p.statements) }
        for c in model.councils {
            check("councils.json", c.id, "statements", c.statements)
            check("councils.json", c.id, "demands", c.demands)
            check("councils.json", c.id, "people", c.people.map { Statement(text: $0.role, citations: $0.citations) })
        }
        for e in model.events { check("events.json", e.id, "statements", e.statements) }
        for p in model.people {
            check("people.json", p.id, "roles", p.roles)
            check("people.json", p.id, "statements", p.statements)
        }
        for f in model.figures { check("figures.json", f.id, "statements", f.statements) }
        return out
    }

    /// Words naming these records (a record's name and other names, an event's title).
    func names(_ ids: [String]) -> Set<String> {
        var out = Set<String>()
        for id in ids {
            let forms: [String]
            if let p = model.placeByID[id] { forms = [p.name] + p.names }
            else if let c = model.councilByID[id] { forms = [c.name] + c.names }
            else if let p = model.personByID[id] { forms = [p.name] + p.names }
            else if let e = model.eventByID[id] { forms = [e.title] }
            else if let f = model.figureByID[id] { forms = [f.topic] }
            else { forms = [] }
            for form in forms { out.formUnion(Self.words(form)) }
        }
        return out
    }

    func supports(_ e: Evidence, _ token: Token) -> Bool {
        switch token {
        case .number(let n): return e.numbers.contains(n)
        case .numberWord(let w): return e.words.contains(w) || e.numbers.contains(String(Self.numberWords[w] ?? -1))
        case .name(let w):
            if e.words.contains(w) { return true }
            if let group = same[w], !group.isDisjoint(with: e.words) { return true }
            return e.words.contains { Self.sameWord(w, $0) }
        }
    }

    /// Inflections and spellings: "Rákosi" and "Rakosi's", "Hungary" and "Hungarian", "Stalin" and
    /// "Stalinist" share all but the last two letters of the shorter, and at least four.
    static func sameWord(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        let n = min(x.count, y.count)
        var common = 0
        while common < n && x[common] == y[common] { common += 1 }
        return common >= 4 && common >= n - 2
    }

    /// The statement's numbers, number words and names, in order.
    func tokens(_ text: String) -> [Token] {
        var out: [Token] = []
        let chars = Array(Self.collapseAbbreviations(text))
        let starts = Self.sentenceStarts(chars)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if Self.isDigit(c) {
                let (digits, end) = Self.number(chars, from: i)
                out.append(.number(digits))
                i = end
                continue
            }
            if c.isLetter {
                let start = i
                let word = Self.word(chars, at: &i)
                let folded = Self.stripPossessive(Self.fold(word))
                if Self.numberWords[folded] != nil {
                    // "thirty thousand" is one number; a lone "three" stays a word the source may spell either way
                    var run = [folded], j = i
                    while j + 1 < chars.count, chars[j] == " " || chars[j] == "-", chars[j + 1].isLetter {
                        var k = j + 1, next = ""
                        while k < chars.count, chars[k].isLetter { next.append(chars[k]); k += 1 }
                        let f = Self.fold(next)
                        guard Self.numberWords[f] != nil else { break }
                        run.append(f)
                        j = k
                    }
                    if run.count > 1, let value = Self.value(of: run) { out.append(.number(String(value))); i = j }
                    else { out.append(.numberWord(folded)) }
                    continue
                }
                guard c.isUppercase else { continue }
                if starts.contains(start) && !lexicon.contains(folded) { continue }
                out.append(.name(folded))
                continue
            }
            i += 1
        }
        return out
    }

    /// Where a sentence, a clause after a colon or semicolon, a bracket, a dash or a quotation begins:
    /// a capital there is not by itself a name.
    static func sentenceStarts(_ chars: [Character]) -> Set<Int> {
        var starts: Set<Int> = [0]
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if ".!?:;".contains(c) {
                var j = i + 1
                while j < chars.count, "'\"’”)".contains(chars[j]) { j += 1 }
                if j < chars.count, chars[j].isWhitespace {
                    while j < chars.count, chars[j].isWhitespace { j += 1 }
                    starts.insert(j)
                }
            } else if "(–—-".contains(c) {
                var j = i + 1
                while j < chars.count, chars[j].isWhitespace { j += 1 }
                starts.insert(j)
            } else if "‘“\"'".contains(c) {
                starts.insert(i + 1)
            }
            i += 1
        }
        return starts
    }

    /// Capitalised words used mid-sentence in the project's prose or in record names, less any word
    /// also written in lower case: so "In" or "People" opening a sentence are not taken for names.
    static func lexicon(_ m: Model) -> Set<String> {
        var names = Set<String>(), lower = Set<String>()
        func scan(_ text: String) {
            let chars = Array(text)
            let starts = sentenceStarts(chars)
            forEachWord(chars) { start, word in
                let folded = stripPossessive(fold(word))
                if word.first?.isUppercase == true { if !starts.contains(start) { names.insert(folded) } }
                else { lower.insert(folded) }
            }
        }
        func scanName(_ text: String) {
            forEachWord(Array(text)) { _, word in if word.first?.isUppercase == true { names.insert(stripPossessive(fold(word))) } }
        }
        for p in m.places { p.statements.forEach { scan($0.text) }; ([p.name] + p.names).forEach(scanName) }
        for c in m.councils { (c.statements + c.demands).forEach { scan($0.text) }; ([c.name] + c.names).forEach(scanName) }
        for e in m.events { e.statements.forEach { scan($0.text) }; scan(e.title) }
        for p in m.people { (p.statements + p.roles).forEach { scan($0.text) }; ([p.name] + p.names).forEach(scanName) }
        for f in m.figures { f.statements.forEach { scan($0.text) }; scan(f.topic) }
        for x in m.excerpts {
            forEachWord(Array(x.text)) { _, word in if word.first?.isLowercase == true { lower.insert(stripPossessive(fold(word))) } }
        }
        return names.subtracting(lower)
    }

    /// The word starting at `i` (letters, with an apostrophe between letters kept as `'`); moves `i` past it.
    static func word(_ chars: [Character], at i: inout Int) -> String {
        var word = ""
        while i < chars.count {
            if chars[i].isLetter { word.append(chars[i]); i += 1 }
            else if (chars[i] == "'" || chars[i] == "’"), i + 1 < chars.count, chars[i + 1].isLetter { word.append("'"); i += 1 }
            else { break }
        }
        return word
    }

    static func forEachWord(_ chars: [Character], _ body: (Int, String) -> Void) {
        var i = 0
        while i < chars.count {
            guard chars[i].isLetter else { i += 1; continue }
            let start = i
            body(start, word(chars, at: &i))
        }
    }

    /// Folded words of a text, possessives removed; a digit glued to a word stays with it ("CWC1").
    static func words(_ text: String) -> [String] {
        var out: [String] = []
        let chars = Array(fold(collapseAbbreviations(text)))
        var i = 0
        while i < chars.count {
            guard chars[i].isLetter else { i += 1; continue }
            var word = ""
            while i < chars.count {
                if chars[i].isLetter { word.append(chars[i]); i += 1 }
                else if chars[i] == "'", i + 1 < chars.count, chars[i + 1].isLetter { word.append("'"); i += 1 }
                else { break }
            }
            if i < chars.count, isDigit(chars[i]) { word.append(chars[i]); i += 1 }
            out.append(stripPossessive(word))
        }
        return out
    }

    static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    /// "U.S.S.R." reads as "USSR", "U.S." as "US": single letters each followed by a full stop.
    static func collapseAbbreviations(_ text: String) -> String {
        guard text.contains(".") else { return text }
        let chars = Array(text)
        var out = "", i = 0
        while i < chars.count {
            var j = i
            var letters = ""
            let startsWord = i == 0 || !chars[i - 1].isLetter
            while startsWord, j + 1 < chars.count, chars[j].isLetter, chars[j + 1] == "." {
                letters.append(chars[j])
                j += 2
            }
            if letters.count >= 2 { out += letters; i = j } else { out.append(chars[i]); i += 1 }
        }
        return out
    }

    /// The value of number words in a row: "thirty thousand" → 30000, "one hundred thousand" → 100000.
    static func value(of run: [String]) -> Int? {
        var value = 0, part = 0
        for w in run {
            guard let v = (w == "one" || w == "a") ? 1 : numberWords[w] else { return nil }
            if v >= 1000 { part = max(part, 1) * v; value += part; part = 0 }
            else if v == 100 { part = max(part, 1) * 100 }
            else { part += v }
        }
        value += part
        return value > 0 ? value : nil
    }

    /// The number starting at `start` ("20,000" is one number, read as 20000) and where it ends.
    static func number(_ chars: [Character], from start: Int) -> (String, Int) {
        var digits = "", i = start
        while i < chars.count {
            if isDigit(chars[i]) { digits.append(chars[i]); i += 1; continue }
            // a comma followed by three digits continues the number
            if chars[i] == ",", !digits.isEmpty, (i + 1..<i + 4).allSatisfy({ $0 < chars.count && isDigit(chars[$0]) }) {
                i += 1
                continue
            }
            break
        }
        return (digits, i)
    }

    static func fold(_ s: String) -> String {
        s.replacingOccurrences(of: "ł", with: "l").replacingOccurrences(of: "Ł", with: "L").folded
            .replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "‘", with: "'")
    }

    static func stripPossessive(_ w: String) -> String {
        if w.hasSuffix("'s") { return String(w.dropLast(2)) }
        if w.hasSuffix("'") { return String(w.dropLast()) }
        return w
    }

    /// One excerpt's (or paragraph's) words and numbers, indexed once.
    struct Evidence: Sendable {
        let words: Set<String>
        let numbers: Set<String>

        init(_ text: String, source: String?) {
            let list = SupportLint.words(text)
            var words = Set(list.map { SupportLint.ocr[$0] ?? $0 })
            words.formUnion(SupportLint.sourceNames[source ?? ""] ?? [])
            self.words = words
            var numbers = Set<String>()
            let chars = Array(text)
            var i = 0
            while i < chars.count {
                guard SupportLint.isDigit(chars[i]) else { i += 1; continue }
                let (digits, end) = SupportLint.number(chars, from: i)
                numbers.insert(digits)
                i = end
            }
            for n in numbers where n.count == 4 { numbers.insert(String(n.suffix(2))) }
            // "thirty thousand", "one hundred thousand": number words in a row make one number
            var run: [String] = []
            func flush() {
                guard !run.isEmpty else { return }
                var value = 0, part = 0
                for w in run {
                    let v = (w == "one" || w == "a") ? 1 : (SupportLint.numberWords[w] ?? 0)
                    if v >= 1000 { part = max(part, 1) * v; value += part; part = 0 }
                    else if v == 100 { part = max(part, 1) * 100 }
                    else { part += v }
                }
                value += part
                if value > 0 { numbers.insert(String(value)) }
                run = []
            }
            for w in list { if let v = SupportLint.numberWords[w] { numbers.insert(String(v)) } }
            for w in list {
                if SupportLint.numberWords[w] != nil || ((w == "one" || w == "a") && run.isEmpty) { run.append(w) } else { flush() }
            }
            flush()
            self.numbers = numbers
        }
    }
}

private func unique(_ ids: [String]) -> [String] {
    var seen = Set<String>()
    return ids.filter { seen.insert($0).inserted }
}
