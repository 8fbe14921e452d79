#!/usr/bin/env python3
"""Applies hand edits to statements: python3 apply_edits.py EDITS.py. EDITS maps "record|field|index"
to (new text or None to drop the statement, [citations to add]); a citation is an excerpt id or
(source short name, paragraph, verbatim text), which becomes a new excerpt after checking it is in
that paragraph of the source. Indices refer to the data before this run."""
import os, runpy, sys
from support import load, write
from sources import SHORT, load_sources

folder = os.path.join(os.path.dirname(__file__), "..")
d = load(folder)
paras = load_sources(folder)
edits = runpy.run_path(sys.argv[1])["EDITS"]
xs = d["excerpts"]; by_id = {x["id"]: x for x in xs}
LONG = {v: k for k, v in SHORT.items()}
records = {r["id"]: r for k in ["places", "councils", "events", "people", "figures"] for r in d[k]}

def excerpt(cite):
    if isinstance(cite, str):
        assert cite in by_id, cite
        return cite
    short, n, text = cite
    src = LONG[short]
    text = " ".join(text.split())
    assert text in paras[src][n - 1], f"not verbatim in {short} ¶{n}: {text}"
    for x in xs:
        if x["source"] == src and x["paragraph"] == n and x["text"] == text: return x["id"]
    k = 1
    while f"excerpt:{short}-p{n}-{k}" in by_id: k += 1
    x = {"id": f"excerpt:{short}-p{n}-{k}", "source": src, "text": text, "paragraph": n}
    xs.append(x); by_id[x["id"]] = x
    return x["id"]

drops = []
for key, edit in edits.items():
    text, cites = edit if edit is not None else (None, [])
    rid, field, i = key.split("|"); i = int(i)
    r = records[rid]
    s = r[field][i]
    removals = [c[1:] for c in cites if isinstance(c, str) and c.startswith("-")]
    ids = [excerpt(c) for c in cites if not (isinstance(c, str) and c.startswith("-"))]
    s["citations"] = [c for c in s["citations"] if c not in removals]
    if text is None:
        drops.append((r, field, s)); continue
    if text != "__keep__": s["text"] = text
    for c in ids:
        if c not in s["citations"]: s["citations"].append(c)
        if "citations" in r and c not in r["citations"]: r["citations"].append(c)
for r, field, s in drops: r[field].remove(s)
for k in ["places", "councils", "events", "people", "figures"]: write(folder, k, d[k])
write(folder, "excerpts", xs)
print(f"applied {len(edits)} edits ({len(drops)} drops)")
