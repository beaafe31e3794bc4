#!/usr/bin/env python3
"""The README's claims with their sensitivity bands: the cost of each hour of delay and the
plays' difference, at the ends of the ranges of the figures that move person-hours stranded most.
Usage: docs/tools/bands.py [SAMVERKAN]"""
import csv, io, json, subprocess, sys

S = sys.argv[1] if len(sys.argv) > 1 else "build/release/sim/samverkan"
OUT = "person-hours-stranded"

def sh(*args):
    return subprocess.run([S, *args], capture_output=True, text=True, check=True).stdout

def sens(play):
    return json.loads(sh("sensitivity", "snowstorm", "--play", play, "--runs", "10", "--format", "json"))

def outcome(j, name):
    return next(o for o in j["outcomes"] if o["outcome"] == name)

# Which figures move person-hours stranded most (the doctrine, as the sweeps run it).
doctrine = sens("doctrine")
top = outcome(doctrine, OUT)["swings"][:3]
figures = {f["name"]: f for f in doctrine["figures"]}

def costs(sets):
    args = ["sweep", "snowstorm", "--vary", "activation.directing=8h,10h,12h,14h,16h", "--runs", "100", "--summary"]
    for s in sets:
        args += ["--set", s]
    rows = list(csv.DictReader(io.StringIO(sh(*args))))
    mean = {float(r["vary:activation.directing"]): float(r[f"outcome.{OUT}:mean"]) for r in rows}
    return {(a, b): (mean[b] - mean[a]) / (b - a) for a, b in [(8, 10), (12, 14), (14, 16)]}

base = costs([])
band = {k: [v, v] for k, v in base.items()}
for t in top:
    f = figures[t["figure"]]
    for end in (f["low"], f["high"]):
        for k, v in costs([f"{f['name']}={end}"]).items():
            band[k][0] = min(band[k][0], v)
            band[k][1] = max(band[k][1], v)
print("Cost of each hour of delay of the directing forum (person-hours stranded per hour), 100 seeds a point;")
print("band: the three figures that move it most, each at both ends of its range:", ", ".join(t["figure"] for t in top))
for (a, b), v in base.items():
    lo, hi = band[(a, b)]
    print(f"  {a:g}–{b:g} h: {v:,.0f} (band {lo:,.0f}–{hi:,.0f})".replace(",", " "))

# The plays' difference: alone against reference, the same seeds and figure settings.
ref, alone = sens("reference"), sens("alone")
r0 = outcome(alone, OUT)["base"] / outcome(ref, OUT)["base"]
ratios = []
sw_ref = {s["figure"]: s for s in outcome(ref, OUT)["swings"]}
for s in outcome(alone, OUT)["swings"]:
    r = sw_ref[s["figure"]]
    if r["at_low"] > 0 and r["at_high"] > 0:
        ratios += [(s["at_low"] / r["at_low"], s["figure"], "low"), (s["at_high"] / r["at_high"], s["figure"], "high")]
lo, hi = min(ratios), max(ratios)
print(f"Alone strands {r0:.2f} times the reference's person-hours (10 seeds); band over every figure's range: "
      f"{lo[0]:.2f} ({lo[1]} at its {lo[2]} end) – {hi[0]:.2f} ({hi[1]} at its {hi[2]} end)")
