"""Benchmark the dashboard at N events against the conventional pandas page, in one run.

python benchmarks/run.py --rows 1000000

Steps: generate an ACLED-shaped export of N rows; ingest it (time, peak memory); time the
timeline page's server work cold and for filter changes (AppTest, its own process, with peak
memory and the size of the figure sent to the browser); do the same for a Streamlit page that
reads the CSV with pandas and st.cache_data; then in Debian's Chromium time cold start to first
chart, a filtered link in a new tab and seven filter changes in the open page
(benchmarks/browser_timing.py) for both. Both pages must find the same events for every
query, or the run stops. Writes benchmarks/out/results-N.json and prints
a Markdown table (the README's figures come from it).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.browser_timing import CHART, ROUND_VALUES, STEP_NAMES, time_steps  # noqa: E402
from tests.browser import CHROMIUM, CHROMIUM_ARGS, free_port  # noqa: E402

FILTERED = "start=2018-01-01&end=2022-12-31&type=Battles&region=Mopti"
ROUNDS = len(ROUND_VALUES)  # walks through the filter steps, each with other values; median per step
INTERACTIONS = [
    "",  # cold: the default view, first run in a fresh process
    FILTERED,
    "type=Protests,Riots",
    "region=Kidal,Gao&start=2020-01-01",
    "q=Ménaka&end=2025-11-09",
    "theme=politics&start=2015-06-01&end=2016-06-01",
]


def python(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True)


def measure(script: str, page: str | None, extra: list[str], env: dict) -> dict:
    args = ["benchmarks/measure_app.py", script, *INTERACTIONS]
    if page:
        args += ["--page", page]
    for value in extra:
        args += ["--arg", value]
    return json.loads(python(*args, env=env).stdout.strip().splitlines()[-1])


def browser_times(script: str, script_args: list[str], env: dict, path: str, options: list[str]) -> dict:
    """Cold start to first chart; filters changed in an open page (benchmarks/browser_timing.py,
    clock inside the page); then a filtered link opened in a fresh tab."""
    from playwright.sync_api import sync_playwright

    port = free_port()
    started = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "--server.port", str(port),
                               "--server.headless", "true", "--server.address", "127.0.0.1", *options,
                               script, "--", *script_args], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}{path}"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            for _ in range(600):
                try:
                    page.goto(base, timeout=2000)
                    break
                except Exception:
                    time.sleep(0.2)
            page.locator(CHART).first.wait_for(timeout=600_000)
            cold = time.perf_counter() - started
            browser.close()
        # Filter changes next, while the server has served one reader only (a server that has
        # already drawn several huge pandas figures gets slower still, which would flatter us).
        rounds = [time_steps(base, index)["steps"] for index in range(ROUNDS)]
        steps = {name: statistics.median(r[name] for r in rounds) for name in STEP_NAMES}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            filtered = []
            for attempt in range(3):  # a filtered link opened in a fresh tab on the warm server
                fresh = browser.new_page()
                clock = time.perf_counter()
                fresh.goto(f"{base}?{FILTERED}&start=201{8 - attempt}-01-01")
                fresh.locator(CHART).first.wait_for(timeout=300_000)
                filtered.append(time.perf_counter() - clock)
                fresh.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"cold_start_to_chart_s": round(cold, 2), "filtered_link_s": round(statistics.median(filtered), 2),
            "steps": steps, "median_s": round(statistics.median(steps.values()), 3)}


def same_answers(ours: dict, theirs: dict) -> None:
    """Both pages must find the same events, or the comparison means nothing."""
    for a, b in zip(ours["runs"], theirs["runs"]):
        count = lambda caption: caption.split("**")[1].split(" ")[0]  # noqa: E731
        if count(a["caption"]) != count(b["caption"]):
            raise SystemExit(f"the two pages disagree for {a['query']!r}: {a['caption']!r} vs {b['caption']!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--skip-browser", action="store_true")
    args = parser.parse_args()
    out = ROOT / "benchmarks" / "out"
    out.mkdir(parents=True, exist_ok=True)
    csv = out / f"acled_{args.rows}.csv"
    data = out / f"data_{args.rows}"
    if not csv.exists():
        print(f"generating {csv}", file=sys.stderr)
        python("benchmarks/generate_acled.py", str(args.rows), str(csv))

    clock = time.perf_counter()
    python("-m", "mali_tracker.ingest", "acled", str(csv), "--out", str(data))
    ingest_s = time.perf_counter() - clock
    ingest_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    env = {**os.environ, "MALI_TRACKER_DATA": str(data)}
    ours = measure("app.py", "pages/timeline.py", [], env)
    baseline = measure("benchmarks/pandas_timeline.py", None, [str(csv)], env)
    same_answers(ours, baseline)
    results = {"rows": args.rows, "csv_mb": round(csv.stat().st_size / 2**20), "ingest_s": round(ingest_s, 1),
               "ingest_peak_mb": round(ingest_mb), "dashboard": ours, "pandas": baseline}
    if not args.skip_browser:
        results["dashboard"]["browser"] = browser_times("app.py", [], env, "/timeline", [])
        # The baseline runs with Streamlit's defaults, as a conventional page would: our
        # .streamlit/config.toml turns off the collection after each rerun, which helps us and
        # makes the pandas page slower (its big heap is then collected at random moments).
        results["pandas"]["browser"] = browser_times("benchmarks/pandas_timeline.py", [str(csv)], env, "/",
                                                     ["--runner.postScriptGC", "true"])
    (out / f"results-{args.rows}.json").write_text(json.dumps(results, indent=2))
    print(markdown(results))


def markdown(r: dict) -> str:
    def warm(side: dict) -> float:
        return statistics.median(run["seconds"] for run in side["runs"][1:])

    def filtered(side: dict) -> dict:
        return next(run for run in side["runs"] if run["query"] == FILTERED)

    ours, theirs = r["dashboard"], r["pandas"]
    lines = [
        f"Benchmark at {r['rows']:,} events ({r['csv_mb']} MB of CSV), 2 cores:",
        "",
        "| measure | dashboard (DuckDB) | pandas page | ratio |",
        "| --- | --- | --- | --- |",
        f"| ingest (polars) | {r['ingest_s']} s, peak {r['ingest_peak_mb']} MB | — | |",
        f"| server: cold first view | {ours['runs'][0]['seconds']} s | {theirs['runs'][0]['seconds']} s | "
        f"{theirs['runs'][0]['seconds'] / ours['runs'][0]['seconds']:.1f}× |",
        f"| server: filtered timeline view | {filtered(ours)['seconds']} s | {filtered(theirs)['seconds']} s | "
        f"{filtered(theirs)['seconds'] / filtered(ours)['seconds']:.1f}× |",
        f"| server: median of 5 filter changes | {warm(ours):.3f} s | {warm(theirs):.3f} s | "
        f"{warm(theirs) / warm(ours):.1f}× |",
        f"| figure sent to the browser (filtered view) | {filtered(ours)['figure_bytes'] / 1024:.0f} KB | "
        f"{filtered(theirs)['figure_bytes'] / 1024:.0f} KB | |",
        f"| figure sent (default view) | {ours['runs'][0]['figure_bytes'] / 1024:.0f} KB | "
        f"{theirs['runs'][0]['figure_bytes'] / 1024:.0f} KB | |",
        f"| peak memory of the server process | {ours['peak_mb']} MB | {theirs['peak_mb']} MB | |",
    ]
    if "browser" in ours:
        b, t = ours["browser"], theirs["browser"]
        lines += [
            f"| browser: cold start to first chart | {b['cold_start_to_chart_s']} s | {t['cold_start_to_chart_s']} s | "
            f"{t['cold_start_to_chart_s'] / b['cold_start_to_chart_s']:.1f}× |",
            f"| browser: filtered link opened in a new tab (includes loading Streamlit's front end) | "
            f"{b['filtered_link_s']} s | {t['filtered_link_s']} s | {t['filtered_link_s'] / b['filtered_link_s']:.1f}× |",
        ]
        for name in STEP_NAMES:
            lines.append(f"| browser, filter changed in the open page: {name} | {b['steps'][name]} s | "
                         f"{t['steps'][name]} s | {t['steps'][name] / b['steps'][name]:.1f}× |")
        lines.append(f"| browser: median of those {len(STEP_NAMES)} changes (each the median of {ROUNDS} rounds) | "
                     f"{b['median_s']} s | {t['median_s']} s | {t['median_s'] / b['median_s']:.1f}× |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
