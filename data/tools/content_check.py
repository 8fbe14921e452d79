#!/usr/bin/env python3
"""Content words of each statement that its cited excerpts lack (a reviewer's aid, not a test):
prints statements by the share of their content words not found, with the record's other excerpts
that hold the missing words."""
import os, re, sys
from support import load, words, word_matches, SAME_AS, add_aliases
folder = os.path.join(os.path.dirname(__file__), "..")
d = load(folder); add_aliases(d)
xs = {x["id"]: x for x in d["excerpts"]}
STOP = set("""the and for with from that this were was into their which while after before over under about they them there
these those being have been would could also more than when then what only other its it's his her our who whom whose
where here such some most many much very each every both either neither same own against between through during without
within upon onto until till since because though although however still even just like well back made make makes take
takes taken given gives give gave come came comes become became becomes whole part parts first last next later early
late high low large small long short began begin begins start starts started set sets put puts kept keep keeps held hold
holds called call calls says said say told tell tells went goes going""".split())
def cw(t): return [w for w in words(t) if len(w) >= 5 and w not in STOP]
def has(w, ws): return w in ws or any(x in ws for x in SAME_AS.get(w, ())) or any(word_matches(w, x) for x in ws)
rows = []
for k in ["events", "places", "councils", "people", "figures"]:
    for r in d[k]:
        for f in ["statements", "roles", "demands"]:
            for i, s in enumerate(r.get(f, [])):
                ws = set(w for c in s["citations"] for w in words(xs[c]["text"]))
                miss = [w for w in cw(s["text"]) if not has(w, ws)]
                total = len(cw(s["text"]))
                if not miss: continue
                others = [c for c in r.get("citations", []) if c not in s["citations"]]
                helps = [(c, [w for w in miss if has(w, set(words(xs[c]["text"])))]) for c in others]
                helps = [(c, h) for c, h in helps if h]
                rows.append((len(miss) / max(1, total), len(miss), f"{r['id']}|{f}|{i}", s["text"], miss, helps))
rows.sort(key=lambda r: (-r[0], -r[1]))
print(len(rows), "statements with content words their quotations lack", file=sys.stderr)
for share, n, key, text, miss, helps in rows[: int(sys.argv[1]) if len(sys.argv) > 1 else 60]:
    print(f"{share:.2f} {key}: {text}\n     missing {miss}" + "".join(f"\n     + {c} has {h}" for c, h in helps))
