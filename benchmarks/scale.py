"""How cost grows with the data: ingest time and peak memory, a page's cold start, a filter
change and the server's peak memory, at several sizes.

python benchmarks/scale.py 100000 1000000 3000000

For each size: generate an ACLED-shaped export (benchmarks/generate_acled.py, kept in
benchmarks/out/), ingest it (its own process; wall time and peak resident memory from
/usr/bin/time), then run /timeline and /explore each in a fresh process under Streamlit's
AppTest (benchmarks/measure_app.py: the cold default view, then a filter change; the process's
peak memory). Prints the README's scaling table. Issue "Cost that stays flat": the targets are
flat memory (within 25%) from 1M to 10M; this script shows how far from flat it is.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
PAGES = ("pages/timeline.py", "pages/explore.py")
CHANGE = "type=Battles&region=Gao"


def peak_of(command: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Run `command`; (wall seconds, peak resident memory in MB, its stdout)."""
    started = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", *command], env=env, cwd=ROOT, capture_output=True,
                          text=True, check=True)
    peak_kb = int(done.stderr.strip().splitlines()[-1])
    return time.perf_counter() - started, peak_kb / 1024, done.stdout


def measure(rows: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    export = OUT / f"acled_{rows}.csv"
    if not export.exists():
        subprocess.run([sys.executable, "benchmarks/generate_acled.py", str(rows), str(export)], cwd=ROOT,
                       check=True, capture_output=True)
    folder = OUT / f"data_{rows}"
    seconds, peak, _ = peak_of([sys.executable, "-m", "mali_tracker.ingest", "acled", str(export),
                                "--out", str(folder)], env)
    result = {"rows": rows, "ingest_s": round(seconds, 1), "ingest_mb": round(peak)}
    for page in PAGES:
        _, page_peak, out = peak_of([sys.executable, "benchmarks/measure_app.py", "app.py", "--page", page,
                                     "", CHANGE], {**env, "MALI_TRACKER_DATA": str(folder)})
        runs = json.loads(out.strip().splitlines()[-1])["runs"]
        name = Path(page).stem
        result[f"{name}_cold_s"] = runs[0]["seconds"]
        result[f"{name}_change_s"] = runs[1]["seconds"]
        result[f"{name}_mb"] = round(page_peak)
    return result


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or [100_000, 1_000_000]
    results = [measure(rows) for rows in sizes]
    print("| events | ingest | ingest peak | /timeline cold | filter change | peak | /explore cold | "
          "filter change | peak |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in results:
        print(f"| {r['rows']:,} | {r['ingest_s']} s | {r['ingest_mb']:,} MB | {r['timeline_cold_s']} s | "
              f"{r['timeline_change_s']} s | {r['timeline_mb']:,} MB | {r['explore_cold_s']} s | "
              f"{r['explore_change_s']} s | {r['explore_mb']:,} MB |")


if __name__ == "__main__":
    main()
