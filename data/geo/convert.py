#!/usr/bin/env python3
"""Converts the Natural Earth extracts in ../shared/geo into the map's own files here.

Run from the repository root: python3 data/geo/convert.py [GEO_DIR]
Writes border.json, rivers.json and lakes.json: arrays of {"name", "lines": [[[lon, lat], ...], ...]},
coordinates rounded to 4 decimals (about 10 m) and thinned with Douglas-Peucker.
"""
import json, math, os, sys

GEO = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../../../shared/geo")
OUT = os.path.dirname(os.path.abspath(__file__))
# Hungary plus a small margin; river pieces wholly outside are dropped.
WEST, EAST, SOUTH, NORTH = 15.9, 23.1, 45.6, 48.7
TOLERANCE = 0.004  # degrees, about 300 m: finer than a braille dot even in the Budapest view
# Natural Earth's names; its unnamed pieces here are the Tisza above Szeged, and "Mur" runs on as the Dráva.
RIVERS = {"Danube": "Danube", "Donau": "Danube", "Soroksari Duna": "Soroksári-Duna", "Tisa": "Tisza", "": "Tisza",
          "Drau": "Dráva", "Mur": "Mura and Dráva", "Mures": "Maros", "Sio": "Sió", "Ferenc Csatorna": "Ferenc-csatorna"}


def simplify(points, tolerance):
    if len(points) < 3:
        return points
    (x0, y0), (x1, y1) = points[0], points[-1]
    dx, dy = x1 - x0, y1 - y0
    length = math.hypot(dx, dy)
    far, index = 0.0, 0
    for i, (x, y) in enumerate(points[1:-1], 1):
        d = abs(dy * x - dx * y + x1 * y0 - y1 * x0) / length if length else math.hypot(x - x0, y - y0)
        if d > far:
            far, index = d, i
    if far <= tolerance:
        return [points[0], points[-1]]
    return simplify(points[:index + 1], tolerance)[:-1] + simplify(points[index:], tolerance)


def inside(p):
    return WEST <= p[0] <= EAST and SOUTH <= p[1] <= NORTH


def clip(line):
    """Splits a line into the runs that stay inside the box (keeping one point either side)."""
    runs, run = [], []
    for i, p in enumerate(line):
        near = inside(p) or (i > 0 and inside(line[i - 1])) or (i + 1 < len(line) and inside(line[i + 1]))
        if near:
            run.append(p)
        elif run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    return [r for r in runs if len(r) > 1]


def tidy(line, closed=False):
    pts = simplify([[round(x, 4), round(y, 4)] for x, y in line], TOLERANCE)
    if closed and pts[0] != pts[-1]:
        pts.append(pts[0])
    return pts


def lines_of(geometry):
    t, c = geometry["type"], geometry["coordinates"]
    if t == "LineString":
        return [c]
    if t in ("MultiLineString", "Polygon"):
        return c
    if t == "MultiPolygon":
        return [ring for polygon in c for ring in polygon]
    return []


def load(name):
    with open(os.path.join(GEO, name), encoding="utf-8") as f:
        return json.load(f)["features"]


def write(name, features):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("[\n" + ",\n".join(json.dumps(x, ensure_ascii=False, separators=(",", ":")) for x in features) + "\n]\n")


border = [{"name": "Hungary", "lines": [tidy(l, True) for f in load("hungary-border-50m.geojson")
                                         for l in lines_of(f["geometry"])]}]
rivers = {}
for f in load("rivers-10m.geojson"):
    name = RIVERS.get(f["properties"].get("name") or "")
    if name:
        rivers.setdefault(name, []).extend(tidy(r) for l in lines_of(f["geometry"]) for r in clip(l))
lakes = [{"name": f["properties"]["name"], "lines": [tidy(l, True) for l in lines_of(f["geometry"])]}
         for f in load("lakes-10m.geojson")]
write("border.json", border)
write("rivers.json", [{"name": n, "lines": ls} for n, ls in rivers.items() if ls])
write("lakes.json", lakes)
