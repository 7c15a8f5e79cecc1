#!/usr/bin/env python3
"""make bench's fleet: one host's hourly unified file (gen-data.py unified) made into HOSTS hosts
collected every 15 minutes, each with fingerprints and nicknames of its own.

  fleet-data.py IN.csv OUTDIR HOSTS  ->  OUTDIR/host00.csv … (hour h becomes t0 + 15 min × h)
"""
import sys
from datetime import datetime, timedelta

src, outdir, hosts = sys.argv[1], sys.argv[2], int(sys.argv[3])
outs = [open(f"{outdir}/host{k:02d}.csv", "w") for k in range(hosts)]
times = {}
t0 = None
with open(src) as f:
    header = f.readline()
    for o in outs:
        o.write(header)
    for line in f:
        ts, server, kind, fp, nick, rest = line.split(",", 5)
        t = times.get(ts)
        if t is None:
            d = datetime.strptime(ts, "%Y-%m-%dT%H:%M:%S")
            t0 = t0 or d
            t = (t0 + (d - t0) / 4).strftime("%Y-%m-%dT%H:%M:%S")
            times[ts] = t
        for k, o in enumerate(outs):
            if kind == "relay":
                o.write(f"{t},host{k:02d},relay,{k:02X}{fp[2:]},h{k:02d}{nick},{rest}")
            else:
                o.write(f"{t},host{k:02d},{kind},{fp},{nick},{rest}")
for o in outs:
    o.close()
