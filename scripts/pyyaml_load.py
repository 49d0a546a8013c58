#!/usr/bin/env python3
"""Reads a status set with PyYAML's C loader, the way scripts/compare-load.sh compares it.

    pyyaml_load.py PATH...

PATH is a folder (its *.yaml/*.yml files in name order, as fleetdash reads them) or a
file. Prints one line like load_probe: mode, files, bytes, secs (the load alone, not the
interpreter's start), base_kb and peak_kb. Exits 3 when PyYAML or its libyaml binding
(CSafeLoader) is missing: comparing with the pure-Python loader would say nothing.
"""

import os
import resource
import sys
import time

try:
    import yaml
    from yaml import CSafeLoader
except ImportError:
    print("pyyaml_load: PyYAML with libyaml (CSafeLoader) is not installed", file=sys.stderr)
    sys.exit(3)


def status_kb(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def files(args):
    out = []
    for a in args:
        if os.path.isdir(a):
            names = sorted(
                n for n in os.listdir(a)
                if (n.endswith(".yaml") or n.endswith(".yml"))
                and not n.startswith((".", "#")) and not n.endswith("~")
            )
            out.extend(os.path.join(a, n) for n in names)
        else:
            out.append(a)
    return out


def main():
    paths = files(sys.argv[1:])
    base = status_kb("VmRSS")
    start = time.perf_counter()
    for p in paths:
        with open(p, "rb") as f:
            yaml.load(f.read().decode("utf-8-sig"), Loader=CSafeLoader)
    secs = time.perf_counter() - start
    size = sum(os.path.getsize(p) for p in paths)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"mode=pyyaml files={len(paths)} bytes={size} secs={secs:.4f} "
          f"base_kb={base} peak_kb={peak} rss_kb={status_kb('VmRSS')} "
          f"yaml={yaml.__version__}")


if __name__ == "__main__":
    main()
