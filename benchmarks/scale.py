"""How cost grows with the data: ingest time and peak memory, a page's cold start, a filter
change and the server's peak memory, at several sizes.

python benchmarks/scale.py 100000 1000000 3000000 10000000

For each size: generate an ACLED-shaped export (benchmarks/generate_acled.py, kept in
benchmarks/out/), ingest it (its own process; wall time and peak resident memory from
/usr/bin/time), then run /timeline, /explore and /actors each in a fresh process under
Streamlit's AppTest (benchmarks/measure_app.py: the cold default view, then a filter change;
the process's peak memory), and the floor (benchmarks/floor_app.py: Streamlit's own page with
one chart) the same way. Prints the README's scaling table. Issue "Cost that stays flat": the targets are
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
PAGES = ("pages/timeline.py", "pages/explore.py", "pages/actors.py")
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
    _, _, out = peak_of([sys.executable, "benchmarks/measure_app.py", "benchmarks/floor_app.py", ""], env)
    result["floor_s"] = json.loads(out.strip().splitlines()[-1])["runs"][0]["seconds"]
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
    print("| events | ingest | ingest peak | floor | " + " | ".join(
        f"/{Path(p).stem} cold | change | peak" for p in PAGES) + " |")
    print("| --- " * (4 + 3 * len(PAGES)) + "|")
    for r in results:
        cells = [f"{r['rows']:,}", f"{r['ingest_s']} s", f"{r['ingest_mb']:,} MB", f"{r['floor_s']} s"]
        for page in PAGES:
            name = Path(page).stem
            cells += [f"{r[f'{name}_cold_s']} s", f"{r[f'{name}_change_s']} s", f"{r[f'{name}_mb']:,} MB"]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
