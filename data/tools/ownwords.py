#!/usr/bin/env python3
"""The own-words rule (OwnWordsTests): no title, statement, role or demand repeats seven words of a source in a row."""
import os, re
from support import load
from sources import SEEDS
folder = os.path.join(os.path.dirname(__file__), "..")
d = load(folder)
def w(s): return [x for x in re.split(r"[^\w’']+", s.lower()) if x and not x == "_"]
runs = set()
for s in d["sources"]:
    ws = w(open(os.path.join(SEEDS, s["file"]), encoding="utf-8").read())
    for i in range(len(ws) - 6): runs.add(tuple(ws[i:i + 7]))
for kind in ["places", "councils", "events", "people", "figures"]:
    for r in d[kind]:
        texts = [(f"{f}|{i}", s["text"]) for f in ("statements", "roles", "demands") for i, s in enumerate(r.get(f, []))]
        texts += [("title", r[f]) for f in ("title", "topic") if r.get(f)]
        for key, t in texts:
            ws = w(t)
            for i in range(len(ws) - 6):
                if tuple(ws[i:i + 7]) in runs:
                    print(f"{r['id']}|{key}: “{' '.join(ws[i:i+7])}” :: {t}"); break
