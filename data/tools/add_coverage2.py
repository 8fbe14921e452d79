#!/usr/bin/env python3
"""Coverage pass, second part: sentences added to existing records from paragraphs no excerpt cited."""
import os
from support import load, write
from sources import SHORT, load_sources
folder = os.path.join(os.path.dirname(__file__), "..")
d = load(folder); paras = load_sources(folder)
LONG = {v: k for k, v in SHORT.items()}
by_id = {x["id"]: x for x in d["excerpts"]}
def quote(short, n, text):
    src = LONG[short]
    assert text in paras[src][n - 1], (short, n, text)
    for x in d["excerpts"]:
        if x["source"] == src and x["paragraph"] == n and x["text"] == text: return x["id"]
    k = 1
    while f"excerpt:{short}-p{n}-{k}" in by_id: k += 1
    x = {"id": f"excerpt:{short}-p{n}-{k}", "source": src, "text": text, "paragraph": n}
    d["excerpts"].append(x); by_id[x["id"]] = x
    return x["id"]
records = {r["id"]: r for k in ["events", "places", "councils", "people", "figures"] for r in d[k]}
def add(rid, text, *quotes, field="statements"):
    r = records[rid]
    if any(s["text"] == text for s in r.get(field, [])): return
    ids = [quote(*q) for q in quotes]
    r.setdefault(field, []).append({"text": text, "citations": ids})
    for c in ids:
        if c not in r["citations"]: r["citations"].append(c)
add("event:1956-02-khrushchev-secret-speech", "He exposes what the leadership knew and kept quiet: secret trials, executions and forced-labour camps.",
    ("kosuth", 27, "Khrushchev revealed facts that everyone in the leadership knew, but no one talked about: secret trials, executions, and forced labor camps."))
add("event:1956-10-24-soviet-tanks-enter-budapest", "Russian tanks, troops and armoured cars keep coming into the city through the night and the next morning.",
    ("kosuth", 53, "Russian tanks, troops, and armored cars continued to enter the city that night and early the next morning."))
add("person:laszlo-rajk", "He had himself organised the secret political police.",
    ("kosuth", 96, "Before too many tears are shed for Rajk, it is worth remembering that he had organized the secret political police."))
add("event:1953-06-17-east-berlin-uprising", "The workers want higher wages, an end to piece work and impossible norms, a say in running the factories, the government's resignation and free elections.",
    ("marakis", 33, "Their demands were economic and political: Wage increases, abolition of piece work and unreachable targets (norms), participation in the management of factories, resignation of the government and free elections."))
add("event:1956-06-28-poznan-strike", "The crowd attacks the party offices and the town hall and destroys the leaders' portraits and party emblems, sparing only Lenin's portrait.",
    ("marakis", 42, "They attacked the party offices and the town hall and took down and destroyed the portraits of the leaders and party emblems, leaving only the portrait of Lenin."))
add("event:1956-10-23-radio-delegation-detained", "Armoured units of the ÁVH keep the march back from the radio station, and the crowd protests.",
    ("marakis", 67, "Strong armoured forces of the hated State Protection Authority (ÁVH) prevent the march from approaching the radio station. The crowd protests."))
add("event:1956-10-24-armenian-major-defects", "Talking with the Russian soldiers, in Russian, was the insurgents' main weapon, and it left most of those soldiers uneasy.",
    ("marakis", 82, "However, the main weapon of the revolutionary workers and youth was the dialogue with the Russian soldiers (as they spoke Russian), which made the majority of the Russian soldiers uncomfortable."))
add("event:1948-reparations-to-moscow", "Across the bloc the Soviet bureaucracy bought raw materials cheaply, sold industrial goods dear and even moved whole factories to Russia.",
    ("marakis", 23, "There was plundering of the countries’ resources by the Russian bureaucracy through inequality in the terms of trade (they bought raw materials cheaply and then sold industrial products at high prices). The USSR bureaucrats even lifted entire factories from the Eastern Bloc and transferred them to Russia."))
add("event:1956-11-04-second-soviet-intervention", "By then the first Russian troops had been rotated out, replaced by soldiers who did not know what had been happening.",
    ("kosuth", 57, "It was not by accident that twelve days later, when the second suppression of the Hungarian revolution took place, the first set of Russian troops had been rotated out; replaced by those who were ignorant of what had been occurring."))
for k in ["events", "people", "excerpts"]: write(folder, k, d[k])
print("ok")
