"""The five articles as the tests read them: paragraphs are blocks between blank lines, whitespace
collapsed; sentences split after ., ! or ? (and a glued endnote number) before a capital or quote."""
import json, os, re

SEEDS = os.environ.get("TANACS_SOURCES") or os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "seeds")

def paragraphs(text):
    out, cur = [], []
    for line in text.split("\n"):
        if line.strip() == "":
            if cur: out.append(" ".join(" ".join(cur).split())); cur = []
        else:
            cur.append(line)
    if cur: out.append(" ".join(" ".join(cur).split()))
    return out

SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’')]*\d{0,2}\s+(?=[A-Z0-9ÁÉÍÓÖŐÚÜŰ“\"‘'(])")

def sentences(paragraph):
    out, start = [], 0
    for m in SENTENCE_END.finditer(paragraph):
        end = m.start() + len(m.group().rstrip())
        out.append(paragraph[start:end].strip())
        start = m.end()
    if start < len(paragraph): out.append(paragraph[start:].strip())
    return [s for s in out if s]

def load_sources(folder):
    srcs = json.load(open(os.path.join(folder, "sources.json"), encoding="utf-8"))
    return {s["id"]: paragraphs(open(os.path.join(SEEDS, s["file"]), encoding="utf-8").read()) for s in srcs}

SHORT = {"source:kosuth": "kosuth", "source:marakis": "marakis", "source:prole": "prole", "source:blog": "blog", "source:haynes": "haynes"}
# Paragraphs that hold endnotes, not the article's text.
NOTES = {"source:haynes": {79}}
