#!/usr/bin/env python3
"""Writes Tests/Fixtures/hostile/: the sample dataset with hostile text injected into every kind of
string the explorer and the command line show (names, titles, summaries, roles, excerpt texts, source
titles, figure topics; summaries and roles are statements, so their texts). Ids are not spiced: the loader refuses ids outside [a-z0-9:-] (see BadDataTests). Run from the repository root after changing the sample."""
import json, os, shutil

ESC = "\x1b"
HOSTILE = [
    ESC + "[2J" + ESC + "[1337;4242H",                 # clear the screen, move the cursor
    ESC + "]0;PWNED-TITLE\x07",                         # OSC: set the window title
    ESC + "]52;c;UFdORUQtQ0xJUA==\x07",                 # OSC 52: write the clipboard
    ESC + "P+q544e\x1b\\",                              # DCS
    "\x9b31;4242m",                                     # C1 CSI
    "\x9d0;PWNED-C1\x9c",                               # C1 OSC
    "\x85\x90\x07\x08\x00\x7f",                         # C1 NEL and DCS, BEL, BS, NUL, DEL
    "\u202eevil\u202c \u2066isolate\u2069",             # bidi overrides and isolates
    "zero\u200bwidth\u200d\ufeffjoin",                  # zero-width characters
    "Z" + "\u0301\u0308\u0327" * 30,                    # a letter under 90 combining marks
    "工人委员会🔥",                                       # wide characters
    "line one\nline two\ttabbed\rreturn",               # line breaks and tabs
]
LONG_WORD = "Munkástanácsok" * 300                       # a 4,200-character word

here = os.path.dirname(os.path.abspath(__file__))
sample, out = os.path.join(here, "sample"), os.path.join(here, "hostile")
shutil.rmtree(out, ignore_errors=True)
os.makedirs(out)
os.symlink("../../../data/geo", os.path.join(out, "geo"))

def spice(text, i):
    return HOSTILE[i % len(HOSTILE)] + text + HOSTILE[(i + 5) % len(HOSTILE)]

counter = 0
def next_i():
    global counter
    counter += 1
    return counter

fields = {
    "sources.json": ["title", "author", "publication"],
    "excerpts.json": ["text"],
    "places.json": ["name"],
    "councils.json": ["name"],
    "events.json": ["title"],
    "people.json": ["name"],
    "figures.json": ["topic"],
}
for name, keys in fields.items():
    records = json.load(open(os.path.join(sample, name), encoding="utf-8"))
    for n, record in enumerate(records):
        for key in keys:
            if isinstance(record.get(key), str):
                record[key] = spice(record[key], next_i())
        for statement in record.get("statements", []):
            statement["text"] = spice(statement["text"], next_i())
        if name == "events.json" and n == 2:
            record["statements"][0]["text"] += " " + LONG_WORD + " " + "very long line " * 400
        if name == "councils.json":
            for member in record.get("people", []):
                member["role"] = spice(member["role"], next_i())
            for demand in record.get("demands", []):
                demand["text"] = spice(demand["text"], next_i())
        if name == "people.json":
            for role in record.get("roles", []):
                role["text"] = spice(role["text"], next_i())
    text = json.dumps(records, ensure_ascii=False, indent=2)
    open(os.path.join(out, name), "w", encoding="utf-8").write(text + "\n")
print("wrote", out)
