#!/usr/bin/env python3
"""Lists statements the lint refuses (and ones given as ids), each with its cited excerpts, for editing."""
import os, sys
from support import Evidence, build_lexicon, load, tokens
folder = os.path.join(os.path.dirname(__file__), "..")
d = load(folder)
xs = {x["id"]: x for x in d["excerpts"]}
ev = {i: Evidence(x["text"], x["source"]) for i, x in xs.items()}
lex = build_lexicon(d)
for kind in ["places", "councils", "events", "people", "figures"]:
    for r in d[kind]:
        for field in ["statements", "roles", "demands"]:
            for i, s in enumerate(r.get(field, [])):
                miss = [t[1] for t in tokens(s["text"], lex) if not any(ev[c].supports(t) for c in s["citations"] if c in ev)]
                if not miss: continue
                print(f"## {r['id']}|{field}|{i}  missing {miss}\nS: {s['text']}")
                for c in s["citations"]: print(f"   {c}: {xs[c]['text'][:400]}")
                others = [c for c in r.get("citations", []) if c not in s["citations"]]
                if others: print("   other record cites: " + ", ".join(others))
