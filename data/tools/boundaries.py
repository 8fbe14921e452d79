#!/usr/bin/env python3
"""Excerpt boundary lint (ExcerptQualityTests): starts on a capital, quote or digit, not a cut-off
lowercase continuation; ends on a sentence end (a closing quote or note number may follow), a colon
or semicolon, the end of a paragraph the next one does not continue, or the end of an endnote."""
import os, re
from support import load
from sources import load_sources
folder = os.path.join(os.path.dirname(__file__), "..")
d = load(folder); paras = load_sources(folder)
END = re.compile(r"(?:[.!?…:;](?:[\"'”’)\]]|\[\d+\])*\d{0,2}|,[\"”])$")
bad = 0
for x in d["excerpts"]:
    t = " ".join(x["text"].split())
    ps = paras[x["source"]]; n = x["paragraph"]
    p = ps[n - 1]; joined = p + (" " + ps[n] if n < len(ps) else "")
    at = joined.find(t)
    if t[0].islower(): bad += 1; print("start", x["id"], t[:60])
    if END.search(t): continue
    end = at + len(t)
    if end == len(p) and (n >= len(ps) or not ps[n][0].islower()): continue
    if end == len(joined): continue
    if re.match(r"\s\d+: ", joined[end:]): continue
    bad += 1; print("end", x["id"], "…" + t[-60:], "| then:", joined[end:end + 30])
print(bad, "boundary problems")
