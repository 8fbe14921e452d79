#!/usr/bin/env python3
"""One-off migration (issue 12): every summary becomes a list of statements {text, citations}, one per
sentence or semicolon clause; each gets the subset of its record's citations whose excerpts carry the
statement's names and numbers (a greedy cover, ties broken by shared words). Person roles become
statements citing excerpts that name the person; council members and demands cite a list.
Usage: python3 data/tools/migrate_statements.py DATASET_FOLDER"""
import re, sys
from support import Evidence, capitalised_midsentence, fold, load, tokens, words, write

folder = sys.argv[1]
d = load(folder)
excerpt_text = {x["id"]: x["text"] for x in d["excerpts"]}
evidence = {i: Evidence(t) for i, t in excerpt_text.items()}

lexicon = set()
for kind in ["places", "councils", "events", "people", "figures"]:
    for r in d[kind]:
        for field in ["summary", "title", "name", "topic"]:
            if isinstance(r.get(field), str): lexicon |= capitalised_midsentence(r[field])
        for n in [r.get("name")] + r.get("names", []):
            if n: lexicon |= {w for w in words(n) if w}

def split(summary):
    parts = []
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9ÁÉÍÓÖŐÚÜŰ‘“'\"(])", summary.strip()):
        clauses = [c.strip() for c in re.split(r";\s+", sentence) if c.strip()]
        for i, c in enumerate(clauses):
            c = c[0].upper() + c[1:]
            if not re.search(r"[.!?]['\"’”)]*$", c): c = c.rstrip(",") + "."
            parts.append(c)
    return parts

STOP = set("the and for with from that this were was into their which while after before over under about".split())

def content(text):
    return {w[:5] for w in words(text) if len(w) >= 4 and w not in STOP}

def choose(text, candidates, must=None):
    """The citations among `candidates` that cover the statement's tokens; at least one."""
    pool = [c for c in candidates if c in evidence and (must is None or must(c))] or [c for c in candidates if c in evidence]
    if not pool: return candidates[:1]
    toks = set(tokens(text, lexicon))
    mine = content(text)
    overlap = {c: len(mine & content(excerpt_text[c])) for c in pool}
    chosen, uncovered = [], set(toks)
    while uncovered:
        best = max(pool, key=lambda c: (sum(evidence[c].supports(t) for t in uncovered), overlap[c]))
        covered = {t for t in uncovered if evidence[best].supports(t)}
        if not covered: break
        chosen.append(best)
        uncovered -= covered
    if not chosen:
        chosen = [max(pool, key=lambda c: overlap[c])]
    return [c for c in candidates if c in chosen]

def names_person(person):
    forms = [person["name"]] + person.get("names", [])
    surnames = {words(f)[-1] for f in forms if words(f)}
    return lambda c: bool(surnames & evidence[c].words)

def statements(record, field="summary"):
    text = record.get(field)
    if not text: return []
    return [{"text": s, "citations": choose(s, record["citations"])} for s in split(text)]

def replace(record, old, new_key, value):
    """Puts `new_key` where `old` was, keeping the order of the other fields."""
    out = {}
    for k, v in record.items():
        if k == old: out[new_key] = value
        else: out[k] = v
    if old not in record: out[new_key] = value
    return out

people_by_id = {p["id"]: p for p in d["people"]}
for kind in ["places", "events", "councils"]:
    out = []
    for r in d[kind]:
        if "statements" in r: out.append(r); continue
        st = statements(r)
        if kind == "councils":
            for m in r.get("people", []):
                if "citation" in m: m["citations"] = [m.pop("citation")]
            r["demands"] = [{"text": x["text"], "citations": [x["citation"]] if "citation" in x else x["citations"]}
                            for x in r.get("demands", [])]
        out.append(replace(r, "summary", "statements", st))
    write(folder, kind, out)

out = []
for p in d["people"]:
    if "statements" in p: out.append(p); continue
    must = names_person(p)
    roles = [r if isinstance(r, dict) else {"text": r, "citations": choose(r, p["citations"], must)} for r in p.get("roles", [])]
    p = replace(p, "roles", "roles", roles)
    out.append(replace(p, "summary", "statements", statements(p)))
write(folder, "people", out)

out = []
for f in d["figures"]:
    if "statements" in f or "summary" not in f: out.append(f); continue
    cites = list(dict.fromkeys(c["citation"] for c in f["claims"]))
    st = [{"text": s, "citations": choose(s, cites)} for s in split(f["summary"])]
    out.append(replace(f, "summary", "statements", st))
write(folder, "figures", out)
print("migrated", folder)
