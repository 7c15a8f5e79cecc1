#!/usr/bin/env python3
"""The fixture of chart 5 (memory against bandwidth): Fixtures/tradeoff-chart/ (deterministic; no real data).

  make-tradeoff-chart.py DIR   one host, 4 groups of 6 relays (a long group ID among them), a collection
                               every 2 hours for 4 days, with the collector's fact columns: allocator,
                               bandwidth per day (tor's state history), flags and consensus weight;
                               experiment.json names the groups (A is the control)

The committed copy is Fixtures/tradeoff-chart/; re-run this script to change it, never edit it by hand.
"""
import hashlib, json, math, os, random, sys
from datetime import datetime, timedelta

COLUMNS = ("timestamp,server,type,fingerprint,nickname,group,rss_kb,vmsize_kb,hwm_kb,frag_ratio,"
           "count,total_kb,avg_kb,min_kb,max_kb,started,allocator,read_bytes_day,written_bytes_day,flags,consensus_weight")
GUARD = "Fast Guard HSDir Running Stable V2Dir Valid"
MIDDLE = "Fast HSDir Running Stable Valid"
# ID, label, allocator, plateau GB, written Mbit/s, flags, consensus weight
GROUPS = [
    ("A", "Control (default)", "glibc 2.36", 5.0, 40.0, GUARD, 21000),
    ("B", "DirCache 0", "glibc 2.36", 0.55, 30.0, MIDDLE, 15000),
    ("C", "MaxMem 2GB only", "glibc 2.36", 2.1, 38.0, GUARD, 20000),
    ("D_jemalloc530_current", "jemalloc 5.3.0", "jemalloc 5.3.0", 1.3, 41.0, GUARD, 21500),
]
RELAYS = 6
START = datetime(2026, 3, 1)
HOURS = 96


def fp(name):
    return hashlib.sha1(name.encode()).hexdigest().upper()


def main(out):
    os.makedirs(out, exist_ok=True)
    rng = random.Random(5)
    relays = []
    for gid, label, alloc, plateau, mbps, flags, weight in GROUPS:
        for k in range(RELAYS):
            name = "%s%d" % (gid.split("_")[0].lower(), k + 1)
            relays.append(dict(name=name, group=gid, alloc=alloc, plateau=plateau * (1 + rng.uniform(-0.12, 0.12)),
                               mbps=mbps * (1 + rng.uniform(-0.15, 0.15)), flags=flags, weight=weight + rng.randint(-800, 800)))
    lines = [COLUMNS]
    for h in range(0, HOURS + 1, 2):
        t = (START + timedelta(hours=h)).strftime("%Y-%m-%dT%H:%M:%S")
        values = []
        rows = []
        for r in relays:
            if h < 20:
                gb = 0.45 + 0.004 * h
            else:
                gb = 0.53 + (r["plateau"] - 0.53) * (1 - math.exp(-(h - 20) / 14))
            gb *= 1 + rng.uniform(-0.01, 0.01)
            kb = int(gb * 1048576)
            values.append(kb)
            written = int(r["mbps"] * (1 + rng.uniform(-0.04, 0.04)) * 1e6 / 8 * 86400)
            read = int(written * 1.02)
            rows.append("%s,tradeoff-host,relay,%s,%s,%s,%d,%d,%d,,,,,,,%s,%s,%d,%d,%s,%d" % (
                t, fp(r["name"]), r["name"], r["group"], kb, int(kb * 1.6), int(kb * 1.05),
                "2026-02-28T22:00:00", r["alloc"], read, written, r["flags"], r["weight"]))
        total = sum(values)
        lines.append("%s,tradeoff-host,aggregate,,,,,,,,%d,%d,%d,%d,%d" % (
            t, len(values), total, total // len(values), min(values), max(values)) + ",,,,,,")
        lines += rows
    with open(os.path.join(out, "measurements.csv"), "w") as f:
        f.write("\n".join(lines) + "\n")
    experiment = {
        "id": "tradeoff-chart",
        "name": "Memory against bandwidth (synthetic)",
        "server": "tradeoff-host",
        "start_date": START.strftime("%Y-%m-%d"),
        "hypothesis": "lower memory without losing bandwidth or the Guard flag",
        "groups": {gid: {"name": label} for gid, label, *_ in GROUPS},
    }
    with open(os.path.join(out, "experiment.json"), "w") as f:
        json.dump(experiment, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
