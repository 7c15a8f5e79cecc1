#!/usr/bin/env python3
"""A synthetic experiment folder with known per-group trade-offs: memory against bandwidth, flags,
weight, allocator and restarts (deterministic; no real data).

  make.py [DIR]    writes DIR/collected/ and DIR/onionoo/ (default: this script's folder) and
                   DIR/README.md with the numbers the data was made with

collected/  measurements.csv in the unified format with every column (the six fact columns after
            max_kb as the collector writes them), experiment.json, groups/, events.csv
onionoo/    the same samples in the older 15-column header, and the facts in Onionoo's documents
            (onionoo_details.json, onionoo_bandwidth.json) instead

The committed copies are this script's output; re-run it to change them, never edit them by hand.
The only randomness is random.Random(1) for 1 % noise on RSS.
"""
import hashlib, json, os, random, sys
from datetime import datetime, timedelta

START = datetime(2026, 3, 1, 0, 0, 0)
HOURS = 240                                   # hourly collections for 10 days
SERVER = "relay-host"
RESTART = datetime(2026, 3, 6, 12, 0, 0)      # every D relay restarts here
RESTART_H = int((RESTART - START).total_seconds() // 3600)
PUBLISHED = datetime(2026, 3, 10, 12, 0, 0)   # Onionoo's relays_published, inside the window
INTERVAL = 14400                              # Onionoo's 1_month graph: 4-hour intervals
FULL_FLAGS = "Fast Guard HSDir Running Stable V2Dir Valid"
# An outage in Onionoo's history: (relay, interval index) with null in both read and write history.
NULLS = {("tradeoffA1", 10), ("tradeoffA1", 11), ("tradeoffD4", 33)}

# ID, label, written Mbit/s per relay, flags, consensus weight, allocator per relay, RSS shape
GROUPS = [
    ("A_control", "control (glibc)", [35, 37, 39, 41, 43, 45], FULL_FLAGS, 20000, ["glibc"] * 6, "rising"),
    ("B_dircache0", "DirCache 0", [25, 27, 29, 31, 33, 35], "Fast Running Stable Valid", 12000, ["glibc"] * 6, "flat 0.30"),
    ("C_jemalloc", "jemalloc", [35, 37, 39, 41, 43, 45], FULL_FLAGS, 20000, ["jemalloc"] * 5 + ["glibc"], "flat 1.0"),
    ("D_mimalloc", "mimalloc", [41, 42, 43, 44, 45, 46], FULL_FLAGS, 21000, ["mimalloc 2.0"] * 6, "restart"),
]

UNIFIED_15 = ["timestamp", "server", "type", "fingerprint", "nickname", "group", "rss_kb", "vmsize_kb", "hwm_kb",
              "frag_ratio", "count", "total_kb", "avg_kb", "min_kb", "max_kb"]
FACTS = ["started", "allocator", "read_bytes_day", "written_bytes_day", "flags", "consensus_weight"]


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S")


def onionoo_time(t):
    return t.strftime("%Y-%m-%d %H:%M:%S")


def fingerprint(nickname):
    return hashlib.sha1(("tradeoff fixture " + nickname).encode()).hexdigest().upper()


def written_per_day(mbit):
    """Mbit/s → bytes per day: Mbit × 1e6 / 8 × 86400 (40 Mbit/s = 432000000000)."""
    return mbit * 10_800_000_000


def read_per_day(mbit):
    return written_per_day(mbit) * 102 // 100  # read = written × 1.02, exact for whole Mbit/s


def relays():
    out = []
    n = 0
    for gid, label, mbits, flags, weight, allocs, shape in GROUPS:
        letter = gid[0]
        for k in range(1, 7):
            nick = f"tradeoff{letter}{k}"
            out.append(dict(group=gid, nick=nick, fp=fingerprint(nick), k=k, mbit=mbits[k - 1], flags=flags,
                            weight=weight, allocator=allocs[k - 1], shape=shape,
                            started=datetime(2026, 2, 28, n, 0, 0)))
            n += 1
    return out


def rss_gb(shape, h):
    """The group's RSS shape at hour `h` of the experiment (GB, before a relay's offset and noise)."""
    if shape == "rising":
        return 0.5 + 4.0 * h / (HOURS - 1)            # 0.5 GB → 4.5 GB at the last collection
    if shape == "flat 0.30":
        return 0.30
    if shape == "flat 1.0":
        return 1.0
    if h < RESTART_H:
        return 0.8
    return 0.3 + 0.5 * min(1.0, (h - RESTART_H) / 48)  # back at 0.8 GB 48 h after the restart


def samples(rs):
    """Per collection, per relay: (rss_kb, vmsize_kb, hwm_kb, started)."""
    r = random.Random(1)
    hwm = {x["nick"]: 0 for x in rs}
    out = []
    for h in range(HOURS):
        row = []
        for x in rs:
            restarted = x["shape"] == "restart" and h >= RESTART_H
            if x["shape"] == "restart" and h == RESTART_H:
                hwm[x["nick"]] = 0                       # a new process: a new peak
            offset = 1 + 0.02 * (x["k"] - 3.5) / 2.5    # ±2 %, averaging 1 over the group
            rss = int(rss_gb(x["shape"], h) * offset * (1 + r.gauss(0, 0.01)) * 1048576)
            hwm[x["nick"]] = max(hwm[x["nick"]], rss)
            row.append((rss, rss * 5 // 4 + 700_000, hwm[x["nick"]], RESTART if restarted else x["started"]))
        out.append(row)
    return out


def measurements(path, rs, data, facts):
    with open(path, "w", newline="") as f:
        f.write(",".join(UNIFIED_15 + (FACTS if facts else [])) + "\n")
        for h, row in enumerate(data):
            ts = iso(START + timedelta(hours=h))
            kb = [s[0] for s in row]
            f.write(f"{ts},{SERVER},aggregate,,,,,,,,{len(kb)},{sum(kb)},{sum(kb) // len(kb)},{min(kb)},{max(kb)}"
                    + (",,,,,," if facts else "") + "\n")
            for x, (rss, vms, hwm, started) in zip(rs, row):
                line = f"{ts},{SERVER},relay,{x['fp']},{x['nick']},{x['group']},{rss},{vms},{hwm},{vms / rss:.2f},,,,,"
                if facts:
                    line += (f",{iso(started)},{x['allocator']},{read_per_day(x['mbit'])},{written_per_day(x['mbit'])},"
                             f"{x['flags']},{x['weight']}")
                f.write(line + "\n")


def side_files(d, rs):
    os.makedirs(os.path.join(d, "groups"), exist_ok=True)
    for gid, label, *_ in GROUPS:
        with open(os.path.join(d, "groups", f"group_{gid}.txt"), "w") as f:
            f.write(f"# {label}\n" + "".join(x["fp"] + "\n" for x in rs if x["group"] == gid))
    with open(os.path.join(d, "events.csv"), "w") as f:
        f.write("timestamp,event_type,description,group\n")
        f.write(f"{iso(START)},config_change,B DirCache 0; C jemalloc; D mimalloc 2.0; A unchanged (glibc control),all\n")
    exp = {"id": "tradeoff", "name": "Memory against bandwidth, flags and restarts (synthetic)", "server": SERVER,
           "start_date": START.strftime("%Y-%m-%d"),
           "hypothesis": "DirCache 0 saves memory but loses Guard, HSDir and V2Dir and a third of the traffic; "
                         "jemalloc and mimalloc save memory at the same traffic",
           "groups": {gid: {"name": label, "start": iso(START)} for gid, label, *_ in GROUPS},
           "tor_version": "0.4.8.21", "allocator": "mixed"}
    with open(os.path.join(d, "experiment.json"), "w") as f:
        json.dump(exp, f, indent=2)
        f.write("\n")


def details(path, rs):
    """onionoo_details.json as Onionoo serves it: one relay per line."""
    lines = []
    for i, x in enumerate(rs):
        bps = x["mbit"] * 1_000_000 // 8
        restarted = RESTART if x["shape"] == "restart" else x["started"]
        relay = {"nickname": x["nick"], "fingerprint": x["fp"], "or_addresses": [f"198.51.100.{10 + i}:9001"],
                 "last_seen": onionoo_time(PUBLISHED), "last_changed_address_or_port": "2025-11-02 09:00:00",
                 "first_seen": "2025-11-02 09:00:00", "running": True, "flags": x["flags"].split(),
                 "country": "de", "country_name": "Germany", "as": "AS64496", "as_name": "Example Net (documentation)",
                 "consensus_weight": x["weight"], "last_restarted": onionoo_time(restarted),
                 "bandwidth_rate": 12_500_000, "bandwidth_burst": 25_000_000, "observed_bandwidth": bps,
                 "advertised_bandwidth": bps, "exit_policy": ["reject *:*"],
                 "exit_policy_summary": {"reject": ["1-65535"]}, "contact": "tormem fixture <nobody@example.org>",
                 "platform": "Tor 0.4.8.21 on Linux", "version": "0.4.8.21", "version_status": "recommended",
                 "effective_family": [y["fp"] for y in rs if y["group"] == x["group"]],
                 "consensus_weight_fraction": round(x["weight"] / 1e8, 10), "guard_probability": 0.0,
                 "middle_probability": 0.0, "exit_probability": 0.0, "recommended_version": True, "measured": True}
        lines.append(json.dumps(relay, separators=(",", ":")))
    with open(path, "w") as f:
        f.write('{"version":"8.0",\n"build_revision":"fixture",\n'
                f'"relays_published":"{onionoo_time(PUBLISHED)}",\n"relays":[\n')
        f.write(",\n".join(lines))
        f.write(f'\n],\n"bridges_published":"{onionoo_time(PUBLISHED - timedelta(hours=1))}",\n"bridges":[\n]}}\n')


def graph(per_second, nulls):
    """A 1_month graph over the 10 days: interval midpoints every 4 hours, values 0–999 × factor."""
    count = HOURS * 3600 // INTERVAL
    first = START + timedelta(seconds=INTERVAL // 2)
    factor = per_second / 999
    values = [None if i in nulls else round(per_second / factor) for i in range(count)]
    return {"first": onionoo_time(first), "last": onionoo_time(first + timedelta(seconds=INTERVAL * (count - 1))),
            "interval": INTERVAL, "factor": factor, "count": count, "values": values}


def bandwidth(path, rs):
    lines = []
    for x in rs:
        nulls = {i for nick, i in NULLS if nick == x["nick"]}
        relay = {"fingerprint": x["fp"],
                 "write_history": {"1_month": graph(written_per_day(x["mbit"]) / 86400, nulls)},
                 "read_history": {"1_month": graph(read_per_day(x["mbit"]) / 86400, nulls)}}
        lines.append(json.dumps(relay, separators=(",", ":")))
    with open(path, "w") as f:
        f.write(f'{{"version":"8.0",\n"build_revision":"fixture",\n"relays_published":"{onionoo_time(PUBLISHED)}",\n"relays":[\n')
        f.write(",\n".join(lines))
        f.write(f'\n],\n"bridges_published":"{onionoo_time(PUBLISHED - timedelta(hours=1))}",\n"bridges":[\n]}}\n')


def readme(path, rs, data):
    last = data[-1]
    def gb(kb):
        return kb / 1048576
    out = []
    w = out.append
    w("# tradeoff: memory against bandwidth, flags and restarts (synthetic)\n")
    w("Written by `make.py` (run `python3 Fixtures/tradeoff/make.py`; never edit these files by hand). "
      "Every number below is how the data was made; an analysis of it must find them.\n")
    w(f"- Host `{SERVER}`, hourly collections from {iso(START)} for 10 days ({HOURS} collections, the last "
      f"{iso(START + timedelta(hours=HOURS - 1))}); each an aggregate row, then one row per relay (24 relays).")
    w("- `collected/`: `measurements.csv` with every unified column, the six facts (`started, allocator, "
      "read_bytes_day, written_bytes_day, flags, consensus_weight`) after `max_kb`, in every relay row.")
    w("- `onionoo/`: the same samples with the older 15-column header (no facts), and the facts in "
      "`onionoo_details.json` and `onionoo_bandwidth.json` as Onionoo serves them.")
    w("- Both: `experiment.json` (every group starts " + iso(START) + "), `groups/group_<ID>.txt` "
      "(fingerprints), `events.csv` (one `config_change` at " + iso(START) + ", group `all`).\n")
    w("Group IDs are `A_control`, `B_dircache0`, `C_jemalloc`, `D_mimalloc` (the `group` cells, the group "
      "files' stems and experiment.json's keys); labels from experiment.json. 1 GB = 1048576 KiB. "
      "Bandwidth: bytes per day = Mbit/s × 10^6 / 8 × 86400 (40 Mbit/s = 432000000000), read = written × 1.02.\n")
    w("| group | label | n | RSS shape (GB) | RSS mean of day 9 (GB) | RSS mean at the last collection (GB) | "
      "written Mbit/s per relay | written bytes/day, group mean | read bytes/day, group mean | flags | weight | "
      "allocator | restarts |")
    w("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    shapes = {"rising": "0.5 → 4.5, linear", "flat 0.30": "0.30 flat", "flat 1.0": "1.0 flat",
              "restart": f"0.8; 0.3 at the restart, back to 0.8 48 h later"}
    for gid, label, mbits, flags, weight, allocs, shape in GROUPS:
        idx = [i for i, x in enumerate(rs) if x["group"] == gid]
        end = sum(gb(last[i][0]) for i in idx) / len(idx)
        day9 = [gb(row[i][0]) for row in data[216:240] for i in idx]
        day9 = sum(day9) / len(day9)
        wmean = sum(written_per_day(m) for m in mbits) / 6
        rmean = sum(read_per_day(m) for m in mbits) / 6
        alloc = allocs[0] if len(set(allocs)) == 1 else f"{allocs[0]} (C1–C5), {allocs[-1]} (C6: not the group's)"
        restarts = "each relay once, at " + iso(RESTART) if shape == "restart" else "none"
        w(f"| {gid} | {label} | 6 | {shapes[shape]} | {day9:.3f} | {end:.3f} | {', '.join(map(str, mbits))} (mean "
          f"{sum(mbits) / 6:g}) | {wmean:.0f} | {rmean:.0f} | `{flags}` | {weight} | {alloc} | {restarts} |")
    w("")
    control = sum(GROUPS[0][2]) / 6
    w("Written bandwidth against the control (A, mean 40 Mbit/s): " + ", ".join(
        f"{gid[0]} {100 * (sum(m) / 6 - control) / control:+g} %" for gid, _, m, *_ in GROUPS[1:])
      + "; B lost Guard, HSDir and V2Dir; C6 does not run its group's allocator; D's six restarts are the only ones.\n")
    w("Day 9 (2026-03-10, the last day) is the end of every group's window: its mean is the end mean of "
      "the analysis (A 4.31 GB: FRAGMENTED; B, C, D stable). A grows 4.0 GB in 239 h: 0.402 GB/day. "
      "D's daily means dip on day 5 (the restart at 12:00) and day 6, and are back at 0.80 from day 8.\n")
    w("Each relay's RSS is its group's shape × a fixed offset (relay k of 6: 1 + 0.02 × (k − 3.5) / 2.5, "
      "±2 %, averaging 1) × 1 % Gaussian noise (`random.Random(1)`). `vmsize_kb` = ⌊1.25 × rss⌋ + 700000, `frag_ratio` = vmsize / rss, "
      "`hwm_kb` the process's running peak (a D relay's starts again at its restart).\n")
    w("`started` (collected/): relay n of 24 (A1 … D6) started at 2026-02-28T`n`:00:00 (A1 00:00 … D6 23:00); "
      f"each D relay's cell changes to {iso(RESTART)} from the collection of {iso(RESTART)} on, the only "
      "restarts. Bandwidth, flags, weights and allocators are the same in every row of a relay.\n")
    w("## onionoo/")
    w(f"- `onionoo_details.json`: `relays_published` {onionoo_time(PUBLISHED)}; per relay `flags` and "
      "`consensus_weight` as above, `observed_bandwidth` = written Mbit/s × 125000 bytes/s (used by tormem "
      "only for relays the bandwidth document lacks: none here), `last_restarted` as `started`; `bridges` empty.")
    w(f"- `onionoo_bandwidth.json`: `write_history` and `read_history`, one `1_month` graph each: interval "
      f"{INTERVAL} s, first {onionoo_time(START + timedelta(seconds=INTERVAL // 2))} (interval midpoints), "
      f"count {HOURS * 3600 // INTERVAL}, values 999 with factor = bytes per second / 999, as Onionoo "
      "normalises a constant history. Null in both histories (an outage of the history): "
      + ", ".join(f"{nick} values[{i}] ({onionoo_time(START + timedelta(seconds=INTERVAL // 2 + i * INTERVAL))})"
                  for nick, i in sorted(NULLS)) + ".")
    a1 = rs[0]
    bps = written_per_day(a1["mbit"]) / 86400
    w(f"- So relay A1 (`{a1['fp']}`): one bandwidth reading at {onionoo_time(START + timedelta(seconds=INTERVAL // 2))}, "
      f"written 999 × {bps / 999!r} × 86400 ≈ {written_per_day(a1['mbit'])} bytes/day, read ≈ "
      f"{read_per_day(a1['mbit'])} (the same value every interval, so no other reading); flags "
      f"`{a1['flags']}` and weight {a1['weight']} at {onionoo_time(PUBLISHED)}.")
    w("- Per-group bandwidth from onionoo/ equals collected/'s within floating-point rounding of factor × 999 "
      "(relative 1e-12: the same bytes/day when rounded to whole bytes). What differs: onionoo/ has no "
      "`started` or `allocator` (no allocator caveat can be found there; D's restarts come from `last_restarted` alone, and from its RSS dip), and its facts begin "
      f"at {onionoo_time(START + timedelta(seconds=INTERVAL // 2))} (bandwidth) and {onionoo_time(PUBLISHED)} "
      "(flags, weights) rather than at the first collection.")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    rs = relays()
    data = samples(rs)
    for sub, facts in (("collected", True), ("onionoo", False)):
        d = os.path.join(root, sub)
        os.makedirs(d, exist_ok=True)
        measurements(os.path.join(d, "measurements.csv"), rs, data, facts)
        side_files(d, rs)
    details(os.path.join(root, "onionoo", "onionoo_details.json"), rs)
    bandwidth(os.path.join(root, "onionoo", "onionoo_bandwidth.json"), rs)
    readme(os.path.join(root, "README.md"), rs, data)


if __name__ == "__main__":
    main()
