#!/usr/bin/env python3
"""Sentences of the sources holding every term (folded): python3 find.py TERM... [--source prole]"""
import sys
from support import fold
from sources import load_sources, sentences, NOTES
import os
folder = os.path.join(os.path.dirname(__file__), "..")
terms = [fold(t) for t in sys.argv[1:] if not t.startswith("--")]
only = [a[9:] for a in sys.argv[1:] if a.startswith("--source=")]
for src, paras in load_sources(folder).items():
    if only and src != "source:" + only[0]: continue
    for n, p in enumerate(paras, 1):
        for s in sentences(p):
            if all(t in fold(s) for t in terms):
                print(f"{src} ¶{n}{' (NOTE)' if n in NOTES.get(src, ()) else ''}: {s[:500]}")
