#!/usr/bin/env python3
"""Synthetic fixtures with the shapes of real operators' folders (deterministic; no real data).

  make-shapes.py allocators DIR   one host, 200 relays, 8 group files with long IDs (20/60/80 relays),
                                  historical group files sharing 60 relays with current ones,
                                  12 events in 10 days, a collection every 4 hours
  make-shapes.py churn FILE       a year of about 100 relays on one host, collected daily, relays
                                  coming and going every few days (the relay count changes often)

The committed copies are Fixtures/shapes-allocators/ and Fixtures/shapes-churn/memory.csv.gz (gzip -9n);
re-run this script to change them, never edit them by hand.
"""
import hashlib, json, math, os, random, sys
from datetime import datetime, timedelta

SYLL = ["ka", "zu", "mo", "ri", "te", "no", "va", "li", "po", "se", "gu", "da", "xe", "bo"]


def nick(i):
    r = random.Random(i * 7919)
    return "".join(r.choice(SYLL) for _ in range(3)) + str(i)


def fp(i):
    return hashlib.sha1(("relay%d" % i).encode()).hexdigest().upper()


def rss_gb(plateau, hours, noise):
    """0.5 GB after a (re)start, then the glibc step towards `plateau` after about a day."""
    if hours < 26:
        v = 0.5 + 0.003 * hours
    else:
        v = 0.58 + (plateau - 0.58) * (1 - math.exp(-(hours - 26) / 10))
    return max(0.05, v * (1 + noise))


def header(f):
    f.write("timestamp,server,type,fingerprint,nickname,rss_kb,vmsize_kb,hwm_kb,frag_ratio,"
            "count,total_kb,avg_kb,min_kb,max_kb\n")


def rows(f, ts, server, values, r):
    kb = [int(v * 1048576) for _, _, v in values]
    f.write(f"{ts},{server},aggregate,,,,,,,{len(kb)},{sum(kb)},{sum(kb) // len(kb)},{min(kb)},{max(kb)}\n")
    for (fpr, name, _), rss in zip(values, kb):
        vms = int(rss * r.uniform(1.8, 2.2)) + 9000000
        f.write(f"{ts},{server},relay,{fpr},{name},{rss},{vms},{rss},{vms / rss:.2f},,,,,\n")


def allocators(d):
    r = random.Random(21)
    os.makedirs(os.path.join(d, "groups"), exist_ok=True)
    # Current groups: 200 relays in all. Historical group files list relays of earlier tests, 60 of
    # which are now in current groups too (a relay listed in two files).
    current = [("A_jemalloc530_current", 20, 1.7, "jemalloc 5.3.0"), ("B_mimalloc209_current", 20, 1.3, "mimalloc 2.0.9"),
               ("D_glibc_control", 80, 5.6, "glibc control"), ("E_mimalloc301_current", 60, 2.2, "mimalloc 3.0.1"),
               ("H_tcmalloc215_current", 20, 2.9, "tcmalloc 2.15")]
    historical = [("C_tcmalloc215_historical", 20), ("F_jemalloc530_historical", 20), ("G_glibc_dircache0_historical", 20)]
    members, plateau, i = {}, {}, 0
    for g, n, p, _ in current:
        members[g] = list(range(i, i + n))
        for k in members[g]:
            plateau[k] = p
        i += n
    # The historical files share relays with the control (40) and with E (20).
    members["C_tcmalloc215_historical"] = members["D_glibc_control"][:20]
    members["F_jemalloc530_historical"] = members["D_glibc_control"][20:40]
    members["G_glibc_dircache0_historical"] = members["E_mimalloc301_current"][:20]
    for k in members["G_glibc_dircache0_historical"][:3]:
        plateau[k] = 0.4                                  # leftovers of a DirCache 0 test
    n = i
    t0 = datetime(2026, 3, 2, 0, 0, 0)
    start = {k: 0 for k in range(n)}
    late = set(members["H_tcmalloc215_current"])          # group H joins on day 3
    restarts = {96: members["B_mimalloc209_current"], 168: members["A_jemalloc530_current"]}
    with open(os.path.join(d, "memory.csv"), "w") as f:
        header(f)
        for h in range(0, 240, 4):
            for k in restarts.get(h, []):
                start[k] = h
            values = []
            for k in range(n):
                if k in late and h < 72:
                    continue
                since = h - (max(start[k], 72) if k in late else start[k])
                values.append((fp(k), nick(k), rss_gb(plateau[k], since, r.gauss(0, 0.04))))
            rows(f, (t0 + timedelta(hours=h)).strftime("%Y-%m-%dT%H:%M:%S"), "relayhost-fsn1", values, r)
    for g, ids in members.items():
        with open(os.path.join(d, "groups", f"group_{g}.txt"), "w") as f:
            f.write("".join(nick(k) + "\n" for k in ids))
    events = [("2026-03-02T00:00:00", "experiment", "allocator comparison started", "all"),
              ("2026-03-02T06:00:00", "config_change", "LD_PRELOAD jemalloc 5.3.0", "A_jemalloc530_current"),
              ("2026-03-02T06:30:00", "config_change", "LD_PRELOAD mimalloc 2.0.9", "B_mimalloc209_current"),
              ("2026-03-02T07:00:00", "config_change", "LD_PRELOAD mimalloc 3.0.1", "E_mimalloc301_current"),
              ("2026-03-03T12:00:00", "note", "kernel update postponed", "all"),
              ("2026-03-05T00:00:00", "relay_add", "+20 relays (group H)", "H_tcmalloc215_current"),
              ("2026-03-05T00:10:00", "config_change", "LD_PRELOAD tcmalloc 2.15", "H_tcmalloc215_current"),
              ("2026-03-06T00:00:00", "restart", "group B restarted", "B_mimalloc209_current"),
              ("2026-03-07T09:00:00", "note", "consensus weight dropped for 2 relays", "D_glibc_control"),
              ("2026-03-09T00:00:00", "restart", "group A restarted", "A_jemalloc530_current"),
              ("2026-03-10T12:00:00", "config_change", "MaxMemInQueues 2 GB", "D_glibc_control"),
              ("2026-03-11T18:00:00", "note", "end of the measurement", "all")]
    with open(os.path.join(d, "events.csv"), "w") as f:
        f.write("timestamp,event_type,description,group\n")
        for e in events:
            f.write(",".join(e) + "\n")
    exp = {"id": "shapes-allocators", "name": "Allocators on a 200-relay guard host (synthetic)",
           "server": "relayhost-fsn1", "start_date": "2026-03-02",
           "hypothesis": "jemalloc, mimalloc and tcmalloc keep guard relays below 3 GB",
           "groups": {g: {"name": label, **({"added": "2026-03-05"} if g.startswith("H_") else {})} for g, _, _, label in current},
           "tor_version": "0.4.8.21", "allocator": "mixed"}
    with open(os.path.join(d, "experiment.json"), "w") as f:
        json.dump(exp, f, indent=2)
        f.write("\n")
    with open(os.path.join(d, "diagnostics.csv"), "w") as f:
        f.write("timestamp,server,kernel,mem_total_kb,mem_available_kb,relays_running,allocators\n")
        f.write(f"2026-03-02T00:00:00,relayhost-fsn1,6.12.57+deb13-amd64,1056964608,801112064,180,glibc (default);jemalloc;mimalloc\n")
        f.write(f"2026-03-11T20:00:00,relayhost-fsn1,6.12.57+deb13-amd64,1056964608,312475648,200,glibc (default);jemalloc;mimalloc;tcmalloc\n")


def churn(path):
    r = random.Random(5)
    t0 = datetime(2025, 6, 1, 0, 0, 0)
    alive = {k: 0 for k in range(100)}                    # relay → day of its last start
    nextid = 100
    with open(path, "w") as f:
        header(f)
        for day in range(365):
            # Every few days a relay or two goes, and new ones come; the count stays near 95–100.
            if day > 0 and r.random() < 0.45:
                for k in r.sample(sorted(alive), r.choice([1, 1, 2])):
                    del alive[k]
            while len(alive) < 95 or (len(alive) < 100 and r.random() < 0.35):
                alive[nextid] = day
                nextid += 1
            values = [(fp(k), nick(k), rss_gb(5.2 if k % 3 else 2.1, (day - s) * 24 + 12, r.gauss(0, 0.05)))
                      for k, s in sorted(alive.items())]
            rows(f, (t0 + timedelta(days=day)).strftime("%Y-%m-%dT%H:%M:%S"), "relayhost-churn", values, r)


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("allocators", "churn"):
        sys.exit(__doc__)
    if sys.argv[1] == "allocators":
        allocators(sys.argv[2])
    else:
        os.makedirs(os.path.dirname(sys.argv[2]) or ".", exist_ok=True)
        churn(sys.argv[2])
