#!/usr/bin/env python3
"""Role and demand lint: a person's role (and a council member's part) cites an excerpt naming the
person; a council's demand cites an excerpt, or an excerpt whose paragraph, names the council."""
import os
from support import load, fold, words, OCR
from sources import load_sources
folder = os.path.join(os.path.dirname(__file__), "..")
d = load(folder); paras = load_sources(folder)
xs = {x["id"]: x for x in d["excerpts"]}
places = {p["id"]: p for p in d["places"]}
def ftext(t): return " ".join(OCR.get(w, w) for w in words(t))
def para(c): x = xs[c]; return paras[x["source"]][x["paragraph"] - 1]
def names_person(p, c):
    sur = {words(n)[-1] for n in [p["name"]] + p.get("names", []) if words(n)}
    return bool(sur & set(ftext(xs[c]["text"]).split()))
def names_council(k, text):
    t = " " + ftext(text) + " "
    if any(" " + ftext(n) + " " in t for n in [k["name"]] + k.get("names", [])): return True
    if k.get("place"):
        pl = places[k["place"]]
        if any(" " + ftext(n) + " " in t for n in [pl["name"]] + pl.get("names", [])) and any(w in t for w in (" council", " committee", " parliament")): return True
    return False
bad = 0
people = {p["id"]: p for p in d["people"]}
for p in d["people"]:
    for i, r in enumerate(p["roles"]):
        if not any(names_person(p, c) for c in r["citations"]): bad += 1; print("role", p["id"], i, r["text"], r["citations"])
for k in d["councils"]:
    for m in k["people"]:
        if not any(names_person(people[m["person"]], c) for c in m["citations"]): bad += 1; print("member", k["id"], m)
    for i, s in enumerate(k["demands"]):
        if not any(names_council(k, xs[c]["text"]) or names_council(k, para(c)) for c in s["citations"]): bad += 1; print("demand", k["id"], i, s["text"], s["citations"])
print(bad, "naming problems")
