#!/usr/bin/env python3
"""Prints the README's tables of the snowstorm from fresh runs (seed 2026): the three plays and a
trainee who holds one role and decides nothing. Usage: docs/tools/readme-tables.py [SAMVERKAN]"""
import json, subprocess, sys

S = sys.argv[1] if len(sys.argv) > 1 else "build/release/sim/samverkan"

def run(*args):
    out = subprocess.run([S, "run", "snowstorm", "--format", "json", *args], capture_output=True, text=True, check=True).stdout
    return json.loads(out)

def n(x):
    return f"{round(x):,}".replace(",", " ")

def hm(ms):
    if ms is None or ms < 0:
        return "never"
    m = round(ms / 60000)
    return f"+{m // 60}h{m % 60:02d}"

print("| trainee holds, and decides nothing | person-hours stranded | bus departures stuck or cancelled at short notice | acute transports late | customer-hours without power | bilateral contacts |")
print("|---|---|---|---|---|---|")
for role in ["", "sl", "stockholms-stad", "trafikverket", "region-stockholm", "lansstyrelsen"]:
    d = run(*(["--trainee", role] if role else []))
    m = d["metrics"]; o = m["outcomes"]
    print(f"| {role or 'nobody'} | {n(o['person-hours-stranded'])} | {n(o['bus-departures-lost'])} | {n(o['acute-transports-late'])} | {n(o['customer-hours-without-power'])} | {m['bilateral_contacts']} |")
print()
print("| play | coordinating forum active | joint public message | person-hours stranded | customer-hours without power | acute transports late | rescue call-outs delayed | bus departures stuck or cancelled at short notice | contacts bilateral / in forums | joint picture age (mean) | score |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for play in ["reference", "late", "alone"]:
    d = run("--play", play)
    m = d["metrics"]; o = m["outcomes"]
    act = next((a["at_ms"] for a in m["activations"] if a["id"] == "regionalt-samordnande-forum"), None)
    msg = (m.get("first_joint_message") or {}).get("at_ms")
    age = m["picture_age_mean_hours"]
    print(f"| `{play}` | {hm(act)} | {hm(msg)} | {n(o['person-hours-stranded'])} | {n(o['customer-hours-without-power'])} | {n(o['acute-transports-late'])} | {n(o['rescue-callouts-delayed'])} | {n(o['bus-departures-lost'])} | {m['bilateral_contacts']} / {m['forum_contacts']} | {age:.1f} h | {round(d['score'])} |")
