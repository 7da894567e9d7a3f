"""Server-side timings of one page script under Streamlit's AppTest, run in its own process so
its peak memory is its own. Prints one JSON line.

python benchmarks/measure_app.py SCRIPT [--page pages/timeline.py] [--arg CSV] QUERY [QUERY ...]
Each QUERY is a query string ("type=Battles&region=Mopti"); the first run is the cold start.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path
from urllib.parse import parse_qsl

from streamlit.testing.v1 import AppTest


def figure_bytes(app: AppTest) -> int:
    charts = app.get("plotly_chart")
    return sum(len(chart.proto.spec.encode()) for chart in charts)


def run(script: str, page: str | None, query: str, argv: list[str]) -> tuple[float, int, str]:
    sys.argv = [script, *argv]
    app = AppTest.from_file(str(Path(script).resolve()), default_timeout=600)
    for key, value in parse_qsl(query):
        app.query_params[key] = value
    started = time.perf_counter()
    (app.switch_page(page) if page else app).run()
    elapsed = time.perf_counter() - started
    if app.exception:
        raise SystemExit(f"{script} {query}: {app.exception[0].value}")
    caption = next((c.value for c in app.caption if "event" in c.value), "")
    return elapsed, figure_bytes(app), caption


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("script")
    parser.add_argument("queries", nargs="+")
    parser.add_argument("--page")
    parser.add_argument("--arg", action="append", default=[])
    args = parser.parse_args()
    results = []
    for query in args.queries:
        seconds, payload, caption = run(args.script, args.page, query, args.arg)
        results.append({"query": query, "seconds": round(seconds, 3), "figure_bytes": payload,
                        "caption": caption[:120]})
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"script": Path(args.script).name, "runs": results, "peak_mb": round(peak_mb)}))


if __name__ == "__main__":
    main()
