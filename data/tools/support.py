"""The support lint's rules in Python, for the migration and for working on the data; the test that
enforces them is Tests/TanacsModelTests/SupportLintTests.swift, which applies the same rules."""
import json, os, re, unicodedata

NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
                "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
                "hundred": 100, "hundreds": 100, "thousand": 1000, "thousands": 1000, "million": 1000000}

def number_value(run):
    value = part = 0
    for x in run:
        v = 1 if x in ("one", "a") else NUMBER_WORDS[x]
        if v >= 1000: part = max(part, 1) * v; value += part; part = 0
        elif v == 100: part = max(part, 1) * 100
        else: part += v
    return value + part

def fold(s):
    s = s.replace("ł", "l").replace("Ł", "L")
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.lower().replace("\u2019", "'").replace("\u2018", "'")

WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*\d?", re.UNICODE)
NUM = re.compile(r"\d+(?:,\d{3})*")

def strip_possessive(w):
    for suffix in ("'s", "'"):
        if w.endswith(suffix): return w[: -len(suffix)]
    return w

def collapse_abbreviations(text):
    """"U.S.S.R." reads as "USSR", "U.S." as "US"."""
    return re.sub(r"(?<![^\W\d_])((?:[^\W\d_]\.){2,})", lambda m: m.group(1).replace(".", ""), text)

def words(text):
    """Folded words, possessives removed."""
    return [strip_possessive(w) for w in WORD.findall(fold(collapse_abbreviations(text)))]

def numbers(text):
    return [n.replace(",", "") for n in NUM.findall(text)]

def sentence_starts(text):
    """Offsets where a sentence (or a clause after a colon or semicolon) begins."""
    starts = {0}
    for m in re.finditer(r"[.!?:;]['\"’”)]*\s+|[(\u2013\u2014-]\s*|[‘“\"']", text):
        starts.add(m.end())
    return starts

def tokens(text, lexicon):
    """What the lint checks in a statement: numbers, number words and capitalised words (names,
    months, peoples). A capitalised word that opens a sentence counts only when the lexicon knows it
    as a name (it appears capitalised mid-sentence somewhere)."""
    out = []
    text = collapse_abbreviations(text)
    starts = sentence_starts(text)
    for m in NUM.finditer(text):
        out.append(("number", m.group().replace(",", "")))
    skip_to = -1
    for m in re.finditer(r"[^\W\d_]+(?:['’][^\W\d_]+)*", text):
        if m.start() < skip_to: continue
        w = m.group()
        f = strip_possessive(fold(w))
        if f in NUMBER_WORDS:
            # gather the whole run
            run, end = [f], m.end()
            while True:
                n = re.match(r"[ -]([^\W\d_]+)", text[end:])
                if not n or fold(n.group(1)) not in NUMBER_WORDS: break
                run.append(fold(n.group(1))); end += n.end()
            if len(run) > 1:
                out.append(("number", str(number_value(run)))); skip_to = end
            else:
                out.append(("numword", f))
            continue
        if not w[0].isupper(): continue
        if m.start() in starts and f not in lexicon: continue
        out.append(("name", f))
    return out

def lowercase_words(text):
    """Words written in lower case somewhere: such a word opening a sentence is not taken for a name."""
    return {strip_possessive(fold(w)) for w in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", text) if w[0].islower()}

def build_lexicon(d):
    """Names: capitalised words seen mid-sentence in the project's prose or in record names, less
    any word also written in lower case (so "In", "People" opening a sentence are not names)."""
    lex, lower = set(), set()
    for kind in ["places", "councils", "events", "people", "figures"]:
        for r in d[kind]:
            texts = [s["text"] for f in ("statements", "roles", "demands") for s in r.get(f, [])]
            texts += [r[f] for f in ("title", "topic") if r.get(f)]
            for t in texts:
                lex |= capitalised_midsentence(t); lower |= lowercase_words(t)
            for n in [r.get("name")] + r.get("names", []):
                if n: lex |= {strip_possessive(fold(w)) for w in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", n) if w[0].isupper()}
    for x in d["excerpts"]: lower |= lowercase_words(x["text"])
    return lex - lower

def capitalised_midsentence(text):
    starts = sentence_starts(text)
    found = set()
    for m in re.finditer(r"[^\W\d_]+(?:['’][^\W\d_]+)*", text):
        w = m.group()
        if w[0].isupper() and m.start() not in starts:
            found.add(strip_possessive(fold(w)))
    return found

def word_matches(t, w):
    if t == w: return True
    n = min(len(t), len(w))
    cp = 0
    while cp < n and t[cp] == w[cp]: cp += 1
    return cp >= 4 and cp >= n - 2

# A statement may name the source it reports ("Haynes gives 52"): supported by that source's excerpts.
SOURCE_NAMES = {"source:kosuth": ["kosuth"], "source:marakis": ["marakis"], "source:prole": ["prole", "info"],
                "source:blog": ["blog"], "source:haynes": ["haynes"]}

# Names the sources use for the same thing: a country and its people, and the Soviet Union, which the
# sources call Soviet, Russian or the USSR alike. A statement's word is supported by any word in its group.
SAME = [{"soviet", "soviets", "russian", "russians", "russia", "ussr"},
        {"hungary", "hungarian", "hungarians", "magyar"},
        {"poland", "polish", "poles", "pole"},
        {"britain", "british", "england", "english"},
        {"america", "american", "americans", "us", "usa", "u.s"},
        {"hq", "headquarters"}, {"un", "nations"},
        {"france", "french"}, {"germany", "german", "germans"}, {"yugoslavia", "yugoslav"},
        {"egypt", "egyptian"}, {"austria", "austrian"}, {"israel", "israeli"}]
SAME_AS = {w: g for g in SAME for w in g}

def add_aliases(d):
    """Spellings the dataset lists as one person's surname or one place's name ("Kopácsi", "Kopásci";
    "Szolnok", "Skolnok") support each other: the names lists say they are the same."""
    groups = []
    for p in d["people"]:
        groups.append({words(n)[-1] for n in [p["name"]] + p.get("names", []) if words(n)})
    for p in d["places"]:
        groups.append({words(n)[0] for n in [p["name"]] + p.get("names", []) if words(n)})
    for g in groups:
        if len(g) < 2: continue
        for w in g: SAME_AS[w] = set(SAME_AS.get(w, set())) | g

# Misreadings in the PDF-derived account, read as the word they stand for (and never used as names).
OCR = {"canz": "ganz", "cwc1": "cwc", "hdf": "mdp", "zsiground": "zsigmond", "erasso": "krasso",
       "sander": "sandor", "skolnok": "szolnok", "hi": "hq", "tanesos": "tanczos", "cespel": "csepel"}

class Evidence:
    """One excerpt's text, indexed for the lint."""
    def __init__(self, text, source=None):
        self.words = {OCR.get(w, w) for w in words(text)} | set(SOURCE_NAMES.get(source, []))
        nums = set(numbers(text))
        self.numbers = nums | {n[-2:] for n in nums if len(n) == 4}
        for w in self.words:
            if w in NUMBER_WORDS: self.numbers.add(str(NUMBER_WORDS[w]))
        # "thirty thousand", "one hundred thousand": number words in a row make one number
        run = []
        for w in WORD.findall(fold(text)) + [""]:
            if w in NUMBER_WORDS or (w in ("one", "a") and not run):
                run.append(w); continue
            if run:
                value, part = 0, 0
                for x in run:
                    v = 1 if x in ("one", "a") else NUMBER_WORDS[x]
                    if v >= 1000: part = max(part, 1) * v; value += part; part = 0
                    elif v == 100: part = max(part, 1) * 100
                    else: part += v
                value += part
                if value: self.numbers.add(str(value))
                run = []
        self.numwords = {w for w in self.words if w in NUMBER_WORDS}

    def supports(self, token):
        kind, value = token
        if kind == "number":
            return value in self.numbers
        if kind == "numword":
            return value in self.words or str(NUMBER_WORDS[value]) in self.numbers
        if value in self.words: return True
        if any(w in self.words for w in SAME_AS.get(value, ())): return True
        return any(word_matches(value, w) for w in self.words)

def load(folder):
    return {k: json.load(open(os.path.join(folder, k + ".json"), encoding="utf-8"))
            for k in ["sources", "excerpts", "places", "councils", "events", "people", "figures"]}

def register(folder):
    path = os.path.join(folder, "outside-knowledge.json")
    return json.load(open(path, encoding="utf-8")) if os.path.exists(path) else []

def write(folder, kind, records):
    with open(os.path.join(folder, kind + ".json"), "w", encoding="utf-8") as f:
        json.dump(records, f, ensure_ascii=False, indent=1)
        f.write("\n")
