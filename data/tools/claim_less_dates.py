#!/usr/bin/env python3
"""Claim less: removes from a statement a date phrase ("on 23 October", "in late October 1956",
"from 25-26 October") whose day, month or year none of the statement's excerpts states. The record's
date field still says when; the statement no longer claims more than its quotation. Prints each change."""
import os, re
from support import Evidence, build_lexicon, load, tokens, write

folder = os.path.join(os.path.dirname(__file__), "..")
d = load(folder)
ev = {x["id"]: Evidence(x["text"], x["source"]) for x in d["excerpts"]}
lex = build_lexicon(d)
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
DAY = r"\d{1,2}(?:st|nd|rd|th)?(?:\s*[–-]\s*\d{1,2}(?:st|nd|rd|th)?)?"
PHRASE = re.compile(
    r",?\s*(?:\b(?:on|by|from|until|till|to|after|before|in|since|of|between|around|about|through)\s+)?"
    r"(?:(?:the\s+)?(?:early|late|mid-|end\s+of|evening\s+of|morning\s+of|night\s+of|summer\s+of|spring\s+of|autumn\s+of|beginning\s+of)\s*)?"
    r"(?:(?:" + DAY + r"\s+" + MONTH + r"|" + MONTH + r"\s+" + DAY + r"|" + MONTH + r")(?:[–-]" + MONTH + r")?(?:,?\s+\d{4})?|\d{4}(?:[–-]\d{2,4})?)\b")

def supported(text, cites):
    return all(any(ev[c].supports(t) for c in cites if c in ev) for t in tokens(text, lex))

changes = []
for kind in ["places", "councils", "events", "people", "figures"]:
    for r in d[kind]:
        for field in ["statements", "roles", "demands"]:
            for s in r.get(field, []):
                text = s["text"]
                for m in reversed(list(PHRASE.finditer(text))):
                    if supported(m.group(), s["citations"]): continue
                    text = text[: m.start()] + text[m.end():]
                text = re.sub(r"\s+([,.;:)])", r"\1", text)
                text = re.sub(r"\(\s*\)", "", text)
                text = re.sub(r"\s{2,}", " ", text).strip()
                text = re.sub(r",\s*$", "", text)
                if text and text[0].islower() and s["text"][0].isupper(): text = text[0].upper() + text[1:]
                if text != s["text"]:
                    changes.append((r["id"], s["text"], text))
                    s["text"] = text
for kind in ["places", "councils", "events", "people", "figures"]: write(folder, kind, d[kind])
for c in changes: print(f"{c[0]}\n  - {c[1]}\n  + {c[2]}")
print(len(changes), "statements changed")
