#!/usr/bin/env python3
"""A synthetic experiment folder built to trip every caveat tormem reports, with the numbers the
caveats must give computed here, independently of tormem (deterministic; no randomness).

  make.py [DIR]    writes DIR/memory.csv, groups/, experiment.json, events.csv and
                   DIR/expected.json (default: this script's folder)

Host `cav-host`, collections every 6 hours from 2026-05-01T00:00:00 for 10 days, none at
2026-05-02T06/12/18 (a 24 h gap). Unified format, group cells empty (groups/ decides), the
`allocator` fact column filled, `started` empty (restarts must be found in the samples).
  A_control  glibc control: a01-a10 at 5.0 GB, and its group file also lists b01-b03 and c01-c03
  B_mimalloc mimalloc 2.0: b01-b10 at 1.2 GB
  C_jemalloc jemalloc: c01-c10 at 2.1 GB (c10 runs glibc) and l01-l03 at 0.4 GB (left over from
             a DirCache 0 test)
  D_restart  glibc, restarted daily at 03:00: d01-d08 from 2026-05-04 (added), 3 GB peaks,
             back at 78 % of the peak 3 h after a restart (tau = 2 h)
  E_tcmalloc tcmalloc: e01-e02 at 1.5 GB
Relay k of a group (1-based, n relays) is its level x (1 + 0.004 x (k - (n + 1) / 2)); levels
reach their plateau as p x (1 - exp(-(h + 6) / 24)) for h hours since 2026-05-01T00:00:00.
"""
import hashlib, json, math, os, sys
from datetime import datetime, timedelta

START = datetime(2026, 5, 1)
SERVER = "cav-host"
STEP = 6
HOURS = 240
MISSING = {30, 36, 42}                         # 2026-05-02T06, 12, 18: no collection
D_ADDED = 72                                   # 2026-05-04T00:00:00
TAU = 2.0

def fp(name): return hashlib.sha1(name.encode()).hexdigest().upper()

def names(prefix, n): return [f"{prefix}{k:02d}" for k in range(1, n + 1)]

RELAYS = {}                                    # nickname -> (level GB, allocator, kind)
for prefix, n, level, alloc in [("a", 10, 5.0, "glibc"), ("b", 10, 1.2, "mimalloc 2.0"), ("c", 10, 2.1, "jemalloc"),
                                ("l", 3, 0.4, "jemalloc"), ("d", 8, 3.0, "glibc"), ("e", 2, 1.5, "tcmalloc")]:
    for k, name in enumerate(names(prefix, n), 1):
        RELAYS[name] = (level * (1 + 0.004 * (k - (n + 1) / 2)), alloc)
RELAYS["c10"] = (RELAYS["c10"][0], "glibc")

GROUPS = {
    "A_control": ("glibc control", names("a", 10) + names("b", 3) + names("c", 3)),
    "B_mimalloc": ("mimalloc 2.0", names("b", 10)),
    "C_jemalloc": ("jemalloc", names("c", 10) + names("l", 3)),
    "D_restart": ("glibc, restarted daily", names("d", 8)),
    "E_tcmalloc": ("tcmalloc", names("e", 2)),
}

def value(name, h):
    """GB at hour h (None: not running yet)."""
    level, _ = RELAYS[name]
    if name.startswith("d"):
        if h < D_ADDED: return None
        since = (h - 3) % 24 if h >= D_ADDED + 3 else h - D_ADDED + 21   # restarts at 03:00
        return level * (1 - math.exp(-since / TAU)) if since > 0 else 0.0
    return level * (1 - math.exp(-(h + 6) / 24))

def kib(gb): return int(round(gb * 1048576))

def times(): return [h for h in range(0, HOURS, STEP) if h not in MISSING]

def iso(h): return (START + timedelta(hours=h)).strftime("%Y-%m-%dT%H:%M:%S")

def write(out):
    os.makedirs(os.path.join(out, "groups"), exist_ok=True)
    header = ("timestamp,server,type,fingerprint,nickname,group,rss_kb,vmsize_kb,hwm_kb,frag_ratio,count,total_kb,avg_kb,"
              "min_kb,max_kb,started,allocator,read_bytes_day,written_bytes_day,flags,consensus_weight\n")
    peak = {}
    lines = [header]
    for h in times():
        rows = []
        for name in RELAYS:
            v = value(name, h)
            if v is None: continue
            rss = kib(v)
            since_restart = name.startswith("d") and h >= D_ADDED + 3 and (h - 3) % 24 < STEP
            peak[name] = rss if since_restart or name not in peak else max(peak[name], rss)
            vms = rss * 2 + 800000
            rows.append(f"{iso(h)},{SERVER},relay,{fp(name)},{name},,{rss},{vms},{peak[name]},{vms / rss:.2f},,,,,,,"
                        f"{RELAYS[name][1]},,,,\n")
        rs = [int(r.split(",")[6]) for r in rows]
        lines.append(f"{iso(h)},{SERVER},aggregate,,,,,,,,{len(rs)},{sum(rs)},{sum(rs) // len(rs)},{min(rs)},{max(rs)},,,,,,\n")
        lines += rows
    open(os.path.join(out, "memory.csv"), "w").write("".join(lines))
    for g, (label, members) in GROUPS.items():
        open(os.path.join(out, "groups", f"group_{g}.txt"), "w").write(f"# {label}\n" + "".join(m + "\n" for m in members))
    exp = {"id": "caveats", "name": "Synthetic experiment with every caveat", "server": SERVER, "start_date": "2026-05-01",
           "groups": {g: ({"name": label, "added": "2026-05-04"} if g == "D_restart" else {"name": label})
                      for g, (label, _) in GROUPS.items()}}
    open(os.path.join(out, "experiment.json"), "w").write(json.dumps(exp, indent=2) + "\n")
    open(os.path.join(out, "events.csv"), "w").write(
        "timestamp,event_type,description,group\n2026-05-01T00:00:00,experiment,allocator test started,all\n"
        "2026-05-04T00:00:00,relay_add,daily-restart group added,D_restart\n")
    open(os.path.join(out, "diagnostics.csv"), "w").write(
        "timestamp,server,kernel,mem_total_kb,mem_available_kb,relays_running,allocators\n"
        f"2026-05-10T18:00:00,{SERVER},6.12.57+deb13-amd64,{256 * 1048576},{120 * 1048576},{len(RELAYS)},glibc;jemalloc;mimalloc;tcmalloc\n")
    open(os.path.join(out, "expected.json"), "w").write(json.dumps(expected(), indent=2, sort_keys=True) + "\n")

def day_mean(name, start_h, day):
    """The relay's mean over day `day` since its group's start hour (the samples in that day)."""
    vs = [kib(value(name, h)) / 1048576 for h in times()
          if start_h + day * 24 <= h < start_h + (day + 1) * 24 and value(name, h) is not None]
    return sum(vs) / len(vs) if vs else None

def mean(v): return sum(v) / len(v)

def expected():
    start = {g: (D_ADDED if g == "D_restart" else 0) for g in GROUPS}
    last_day = {g: 6 if g == "D_restart" else 9 for g in GROUPS}
    end = {g: {m: day_mean(m, start[g], last_day[g]) for m in ms} for g, (_, ms) in GROUPS.items()}
    out = {"end_mean_gb": {g: mean(list(v.values())) for g, v in end.items()}}
    # overlap: A shares b01-b03 with B and c01-c03 with C, from the first collection on
    def without(g, drop): return mean([v for m, v in end[g].items() if m not in drop])
    out["overlap"] = {
        "A_control+B_mimalloc": {"shared": 3, "relays": names("b", 3), "since": "2026-05-01T00:00:00Z",
                                 "relays_without": 13, "mean_end_without_gb": without("A_control", names("b", 3)),
                                 "other_relays_without": 7, "other_mean_end_without_gb": without("B_mimalloc", names("b", 3))},
        "A_control+C_jemalloc": {"shared": 3, "relays": names("c", 3), "since": "2026-05-01T00:00:00Z",
                                 "relays_without": 13, "mean_end_without_gb": without("A_control", names("c", 3)),
                                 "other_relays_without": 10, "other_mean_end_without_gb": without("C_jemalloc", names("c", 3))},
    }
    # bimodal: A's end values in three clusters, C's in two
    out["bimodal"] = {
        "A_control": [{"n": 3, "mean_gb": mean([end["A_control"][m] for m in names("b", 3)])},
                      {"n": 3, "mean_gb": mean([end["A_control"][m] for m in names("c", 3)])},
                      {"n": 10, "mean_gb": mean([end["A_control"][m] for m in names("a", 10)])}],
        "C_jemalloc": [{"n": 3, "mean_gb": mean([end["C_jemalloc"][m] for m in names("l", 3)])},
                       {"n": 10, "mean_gb": mean([end["C_jemalloc"][m] for m in names("c", 10)])}],
    }
    # unlike: A's six borrowed relays, C's three leftovers (far more than 3 MAD from the medians)
    out["unlike"] = {"A_control": {"relays": sorted(names("b", 3) + names("c", 3)),
                                   "mean_without_gb": without("A_control", names("b", 3) + names("c", 3))},
                     "C_jemalloc": {"relays": names("l", 3), "mean_without_gb": without("C_jemalloc", names("l", 3))}}
    # unequal window: D has 7 days of data, the control 10; at equal age (day 7 of each) D against A
    a7 = mean([day_mean(m, 0, 6) for m in GROUPS["A_control"][1]])
    d7 = mean([day_mean(m, D_ADDED, 6) for m in GROUPS["D_restart"][1]])
    out["unequal_window"] = {"D_restart": {"window_days": 7, "other_window_days": 10, "equal_age_day": 7,
                                           "equal_age_percent": (d7 - a7) / a7 * 100}}
    out["small_group"] = {"E_tcmalloc": {"relays": 2}}
    # gaps: the collections of 2026-05-02T06/12/18 are missing: one 24 h hole for the groups there then
    out["gaps"] = {"groups": ["A_control", "B_mimalloc", "C_jemalloc", "E_tcmalloc"], "gaps": 1, "longest_hours": 24.0,
                   "longest_from": "2026-05-02T00:00:00Z", "interval_hours": 6.0}
    # allocator: c10 runs glibc in C; in A the borrowed relays run mimalloc and jemalloc
    out["allocator_mismatch"] = {"C_jemalloc": {"allocator": "jemalloc", "relays": ["c10"],
                                                "mean_without_gb": without("C_jemalloc", ["c10"])},
                                 "A_control": {"allocator": "glibc", "relays": sorted(names("b", 3) + names("c", 3))}}
    # restarts: every D relay restarts at 03:00 on each of 2026-05-04 ... 05-10: 7 times each
    out["restarts"] = {"D_restart": {"restarts_per_relay": 7.0,
                                     "mean_peak_gb": mean([kib(value(m, h)) / 1048576 for m in GROUPS["D_restart"][1]
                                                           for h in times() if h >= D_ADDED and h % 24 == 0 and h + 3 < HOURS])}}
    # headroom: 120 GB available + what the relays held at the last collection, per group's end mean
    held = sum(kib(value(m, HOURS - STEP)) for m in RELAYS) / 1048576
    out["headroom"] = {"available_gb": 120.0, "relays_gb": held,
                       "relays_fit": {g: math.floor((120.0 + held) / v) for g, v in out["end_mean_gb"].items()},
                       "more_relays_fit": {g: math.floor(120.0 / v) for g, v in out["end_mean_gb"].items()}}
    return out

if __name__ == "__main__":
    write(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__)))
