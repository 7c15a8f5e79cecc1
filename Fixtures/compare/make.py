#!/usr/bin/env python3
"""Fixtures/compare: three report folders of one idea run three times, for `tormem-charts compare`.

Each folder is an experiment file (group,relay,day0..day9, GB) with an experiment.json naming the
groups. The end values are chosen, not drawn from a model, so the effects are known:

- alpha (2026-02-01-alpha-jemalloc-trial): A "jemalloc" 6 relays, B "mimalloc 2.1" 6 relays,
  C "glibc (control)" 6 relays. Control by its label.
- beta (2026-02-10-beta-jemalloc-trial): A "tcmalloc" (the same letter as alpha's jemalloc: never
  matched to it), B "JEMALLOC" (matches alpha's "jemalloc": case ignored), C "Glibc-Control"
  (control), D "mimalloc 2.1" whose day 9 is empty, so it is compared with the control on day 8.
- gamma (2026-03-01-gamma-allocators): A "glibc stock" (no label says control: `--control gamma:A`),
  B "jemalloc" 4 relays, C "mimalloc 2.0.9" (only `--match` makes it "mimalloc 2.1").

expected.json holds, for each configuration and folder, n, the end mean, the window, the day of the
comparison and the difference against the folder's own control in percent, computed here from the
values written; the 95 % interval from a percentile bootstrap of this script's own (Python's
random, 10,000 resamples), which tormem's (another generator) must come close to.
"""
import json, os, random

HERE = os.path.dirname(os.path.abspath(__file__))

# folder → (server, start date, {group: (label, [end values])})
FOLDERS = {
    "2026-02-01-alpha-jemalloc-trial": ("alpha", "2026-02-01", {
        "A": ("jemalloc", [1.52, 1.61, 1.48, 1.70, 1.55, 1.58]),
        "B": ("mimalloc 2.1", [1.10, 1.22, 1.15, 1.05, 1.18, 1.12]),
        "C": ("glibc (control)", [5.10, 4.85, 5.32, 4.96, 5.20, 5.05]),
    }),
    "2026-02-10-beta-jemalloc-trial": ("beta", "2026-02-10", {
        "A": ("tcmalloc", [2.40, 2.55, 2.31, 2.62, 2.48]),
        "B": ("JEMALLOC", [1.40, 1.31, 1.52, 1.36, 1.45]),
        "C": ("Glibc-Control", [3.05, 2.90, 3.22, 3.10, 2.98]),
        "D": ("mimalloc 2.1", [0.95, 1.02, 0.99, 1.08, 0.97]),
    }),
    "2026-03-01-gamma-allocators": ("gamma", "2026-03-01", {
        "A": ("glibc stock", [4.20, 4.45, 4.10, 4.38, 4.31, 4.25]),
        "B": ("jemalloc", [2.10, 2.35, 2.22, 2.05]),
        "C": ("mimalloc 2.0.9", [1.30, 1.42, 1.36, 1.28, 1.33, 1.39]),
    }),
}
# Groups whose last day (day 9) is empty: compared on day 8, with day-8 values equal to the ends above.
SHORT = {("2026-02-10-beta-jemalloc-trial", "D")}
NICKS = "ka ve lo mi nu pa ro si tu wa".split()


def series(end):
    """Ten daily values from 0.5 GB rising to `end` by day 3, then flat at `end` (day 9 is `end`)."""
    return [round(0.5 + (end - 0.5) * min(d, 3) / 3, 2) if d < 3 else end for d in range(10)]


def mean(v):
    return sum(v) / len(v)


def bootstrap(values, control, seed):
    r = random.Random(seed)
    mc = mean(control)
    diffs = []
    for _ in range(10000):
        a = mean([r.choice(values) for _ in values])
        c = mean([r.choice(control) for _ in control])
        diffs.append((a - c) / c * 100)
    diffs.sort()

    def pct(q):
        k = q * (len(diffs) - 1)
        f = int(k)
        return diffs[f] + (diffs[min(f + 1, len(diffs) - 1)] - diffs[f]) * (k - f)
    return pct(0.025), pct(0.975)


def main():
    expected = {"folders": {}, "configurations": {}}
    controls = {"2026-02-01-alpha-jemalloc-trial": "C", "2026-02-10-beta-jemalloc-trial": "C", "2026-03-01-gamma-allocators": "A"}
    for folder, (server, date, groups) in FOLDERS.items():
        d = os.path.join(HERE, folder)
        os.makedirs(d, exist_ok=True)
        lines = ["group,relay," + ",".join(f"day{k}" for k in range(10))]
        n = 0
        for g, (label, ends) in groups.items():
            for i, end in enumerate(ends):
                vals = series(end)
                cells = [f"{v:.2f}" for v in vals]
                if (folder, g) in SHORT:
                    cells[9] = ""
                lines.append(f"{g},{server}{NICKS[i]}{n}," + ",".join(cells))
                n += 1
        with open(os.path.join(d, "data.csv"), "w") as f:
            f.write("\n".join(lines) + "\n")
        info = {"id": folder, "name": f"jemalloc trial on {server} (synthetic fixture)", "server": server, "start_date": date,
                "groups": {g: {"name": label} for g, (label, _) in groups.items()}}
        with open(os.path.join(d, "experiment.json"), "w") as f:
            json.dump(info, f, indent=2)
            f.write("\n")
        c = controls[folder]
        expected["folders"][folder] = {"name": server, "control": c, "control_n": len(groups[c][1]),
                                       "control_mean_end_gb": mean(groups[c][1])}

    # Configurations: by label text (jemalloc in all three), by --match (mimalloc 2.1 ~ 2.0.9).
    configs = {
        "jemalloc": [("2026-02-01-alpha-jemalloc-trial", "A"), ("2026-02-10-beta-jemalloc-trial", "B"), ("2026-03-01-gamma-allocators", "B")],
        "mimalloc": [("2026-02-01-alpha-jemalloc-trial", "B"), ("2026-02-10-beta-jemalloc-trial", "D"), ("2026-03-01-gamma-allocators", "C")],
    }
    for name, members in configs.items():
        rows = []
        for k, (folder, g) in enumerate(members):
            groups = FOLDERS[folder][2]
            values, control = groups[g][1], groups[controls[folder]][1]
            mc = mean(control)
            lo, hi = bootstrap(values, control, seed=1000 + 17 * k + len(name))
            rows.append({"folder": folder, "group": g, "n": len(values), "mean_end_gb": mean(values),
                         "window_days": 9 if (folder, g) in SHORT else 10, "at": 8 if (folder, g) in SHORT else 9,
                         "percent": (mean(values) - mc) / mc * 100, "ci_low": lo, "ci_high": hi})
        expected["configurations"][name] = rows
    expected["unmatched"] = {"2026-02-10-beta-jemalloc-trial": ["A"]}
    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump(expected, f, indent=2, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
