#!/usr/bin/env python3
"""Prints every statement or title the support lint refuses: python3 data/tools/lint.py [DATASET]."""
import sys, os
from support import Evidence, add_aliases, build_lexicon, capitalised_midsentence, load, register, tokens, words

folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
d = load(folder)
reg = register(folder)
ev = {x["id"]: Evidence(x["text"], x["source"]) for x in d["excerpts"]}

def lexicon():
    lex = set()
    for kind in ["places", "councils", "events", "people", "figures"]:
        for r in d[kind]:
            for s in r.get("statements", []) + r.get("roles", []) + r.get("demands", []):
                lex |= capitalised_midsentence(s["text"])
            for f in ["title", "topic"]:
                if r.get(f): lex |= capitalised_midsentence(r[f])
            for n in [r.get("name")] + r.get("names", []):
                if n: lex |= set(words(n))
    return lex
LEX = build_lexicon(d)
add_aliases(d)

def allowed(record_id, token):
    return any(token[1] in [w for w in words(e["term"])] and (not e.get("records") or record_id in e["records"]) for e in reg)

from sources import load_sources
paras = load_sources(folder)
xs = {x["id"]: x for x in d["excerpts"]}
para_ev = {}
def paragraph(c):
    x = xs[c]
    key = (x["source"], x["paragraph"])
    if key not in para_ev: para_ev[key] = Evidence(paras[x["source"]][x["paragraph"] - 1], x["source"])
    return para_ev[key]

names = {}
for kind in ["places", "councils", "events", "people", "figures"]:
    for r in d[kind]: names[r["id"]] = [r.get("name") or r.get("title") or r.get("topic")] + r.get("names", [])
def subjects(kind, r):
    """Words naming the record itself and the records it links: a quotation's paragraph may name them."""
    ids = [r["id"]]
    for f in ["places", "councils", "people", "figures"]:
        v = r.get(f)
        if isinstance(v, list): ids += [x if isinstance(x, str) else x.get("person") for x in v]
    for f in ["place", "parent"]:
        if isinstance(r.get(f), str): ids.append(r[f])
    return {w for i in ids for n in names.get(i, []) if n for w in words(n)}

problems = []
def check(kind, rid, field, text, cites, subj=frozenset()):
    for t in tokens(text, LEX):
        if any(ev[c].supports(t) for c in cites if c in ev): continue
        if t[0] == "name" and t[1] in subj and any(paragraph(c).supports(t) for c in cites if c in xs): continue
        if allowed(rid, t): continue
        problems.append(f"{kind}.json {rid} {field}: “{t[1]}” not in {', '.join(cites)} :: {text}")

for kind in ["places", "councils", "events", "people", "figures"]:
    for r in d[kind]:
        subj = subjects(kind, r)
        for f in ["statements", "roles", "demands"]:
            for i, s in enumerate(r.get(f, [])): check(kind, r["id"], f"{f}[{i}]", s["text"], s["citations"], subj)
        if "title" in r: check(kind, r["id"], "title", r["title"], list(dict.fromkeys(r["citations"] + [c for s in r.get("statements", []) for c in s["citations"]])), subj)
for p in problems: print(p)
print(len(problems), "problems", file=sys.stderr)
