#!/usr/bin/env python3
"""Prints client CPU per operation (from ClientCpu's counters) and wall time, lakeproxy against raw, from a JMH JSON result."""
import json
import sys
from collections import defaultdict

rows = defaultdict(dict)
for r in json.load(open(sys.argv[1])):
    name = r["benchmark"].rsplit(".", 1)[1]
    params = r.get("params", {})
    key = (name, params.get("target", "-"))
    sm = r.get("secondaryMetrics", {})
    cpu = calls = None
    if "cpuNanos" in sm and "calls" in sm:
        cpu_total = sum(sum(it) for it in sm["cpuNanos"]["rawData"])
        call_total = sum(sum(it) for it in sm["calls"]["rawData"])
        cpu = cpu_total / call_total / 1000.0 if call_total else None
    rows[key][params.get("driver", "-")] = (r["primaryMetric"]["score"], r["primaryMetric"]["scoreError"], cpu)

print("| benchmark | target | client CPU raw (µs/op) | client CPU lakeproxy (µs/op) | CPU ratio | wall raw (µs/op) | wall lakeproxy (µs/op) |")
print("|---|---|---|---|---|---|---|")
for (name, target), d in sorted(rows.items()):
    if "raw" in d and "lakeproxy" in d:
        (wr, er, cr), (wl, el, cl) = d["raw"], d["lakeproxy"]
        ratio = "%.3f" % (cl / cr) if cr and cl else "-"
        print("| %s | %s | %.2f | %.2f | %s | %.1f ± %.1f | %.1f ± %.1f |" % (name, target, cr or 0, cl or 0, ratio, wr, er, wl, el))
