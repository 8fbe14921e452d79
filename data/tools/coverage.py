#!/usr/bin/env python3
"""Coverage per source: body paragraphs, how many some excerpt cites, and the uncited ones.
Body: every paragraph of the article's own text, less its title lines and headings, the author's
note, endnotes, the blog's reader comments and the Greek site's boilerplate."""
import json, os, re, sys
from sources import load_sources
folder = os.path.join(os.path.dirname(__file__), "..")
paras = load_sources(folder)
xs = json.load(open(os.path.join(folder, "excerpts.json"), encoding="utf-8"))
NOT_BODY = {"source:kosuth": set(range(1, 4)) | {124}, "source:marakis": set(range(1, 4)) | set(range(116, 123)),
            "source:blog": set(range(1, 3)) | set(range(6, 23)), "source:haynes": set(range(1, 4)) | {79}, "source:prole": set()}
def is_body(src, n, p):
    if n in NOT_BODY[src]: return False
    if re.match(r"^\(?\d+[.)]", p): return True        # a numbered demand is text, however short
    return len(p) >= 100 or len(re.findall(r"[.!?]", p)) >= 2
cited = {}
for x in xs:
    cited.setdefault(x["source"], set()).add(x["paragraph"])
    # an excerpt that runs on across a page break cites the next paragraph too
    p = paras[x["source"]][x["paragraph"] - 1]
    if " ".join(x["text"].split()) not in p: cited[x["source"]].add(x["paragraph"] + 1)
rows = []
for src, ps in paras.items():
    body = [n for n, p in enumerate(ps, 1) if is_body(src, n, p)]
    hit = [n for n in body if n in cited.get(src, set())]
    miss = [n for n in body if n not in cited.get(src, set())]
    rows.append((src, len(ps), len(body), len(hit), miss))
for src, total, body, hit, miss in rows:
    print(f"{src}: {total} paragraphs, {body} body, {hit} cited ({100*hit//max(1,body)}%), uncited: {miss}")
if "-v" in sys.argv:
    for src, total, body, hit, miss in rows:
        for n in miss: print(f"  {src} ¶{n}: {paras[src][n-1][:160]}")
