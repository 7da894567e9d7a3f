"""Server time of a text search at N events: what the timeline and explore pages ask DuckDB
when a reader types in the search box (`q=`), measured on an ingested folder.

python benchmarks/search.py benchmarks/out/data_1000000

Make the folder first (benchmarks/run.py does, or generate_acled.py then `mali_tracker.ingest`).
For each search, the queries each page runs are timed together, as that page asks them: the
timeline (its binned counts, and its events when there are few enough to mark) and explore (the
count and the rows drawn); the first run (cold) and the median of five more. The target is under
0.2 s of server time per search at 1M events (issue "One view across pages").
"""
from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mali_tracker import charts, db  # noqa: E402
from mali_tracker.filters import Filters  # noqa: E402

SEARCHES = [
    "",                # no search: what the page costs anyway
    "Ménaka",          # a place, with its accent
    "menaka",          # the same, typed plainly
    "Mour",            # a word start
    "Wagner",          # an actor's name: matched through the event's actors
    "attack Kidal",    # two words, both required
    "Tombouctou",      # a place spelled in French
    "zzzqqq",          # nothing matches
]
WINDOWS = [(dt.date(2012, 1, 1), dt.date(2025, 12, 31)), (dt.date(2020, 1, 1), dt.date(2020, 12, 31))]
REPEATS = 5
TIMELINE_MARKER_LIMIT = 1000  # pages/timeline.py MARKER_LIMIT
EXPLORE_PAGE_SIZE = 100  # pages/explore.py PAGE_SIZE: one page of rows


def timeline_page(database: db.Database, filters: Filters) -> float:
    """What pages/timeline.py asks for one view; seconds."""
    clock = time.perf_counter()
    counts = db.run_query(database, "timeline_counts", unit=charts.bin_unit(filters.start, filters.end),
                          **filters.query_params())
    if 0 < counts["event_count"].sum() <= TIMELINE_MARKER_LIMIT:
        db.run_query(database, "events_filtered", **filters.query_params(row_limit=TIMELINE_MARKER_LIMIT))
    return time.perf_counter() - clock


def explore_page(database: db.Database, filters: Filters) -> float:
    """What pages/explore.py asks for one view; seconds."""
    clock = time.perf_counter()
    db.run_query(database, "events_count", **filters.query_params())
    db.run_query(database, "events_filtered", **filters.query_params(row_limit=EXPLORE_PAGE_SIZE))
    return time.perf_counter() - clock


def timed(page, database: db.Database, filters: Filters) -> tuple[float, float]:
    cold = page(database, filters)
    return cold, statistics.median(page(database, filters) for _ in range(REPEATS))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    args = parser.parse_args()
    database = db.open_database(args.data_dir)
    events = int(db.run_query(database, "dataset_summary")["event_count"][0])
    print(f"Search at {events:,} events ({args.data_dir}): seconds of server time per search, "
          "cold and median of 5\n")
    print("| search | window | matches | timeline cold | timeline median | explore cold | explore median |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    worst = 0.0
    for start, end in WINDOWS:
        for q in SEARCHES:
            filters = Filters(start=start, end=end, q=q)
            matches = int(db.run_query(database, "events_count", **filters.query_params())["event_count"][0])
            timeline = timed(timeline_page, database, filters)
            explore = timed(explore_page, database, filters)
            worst = max(worst, timeline[1], explore[1])
            print(f"| {q or '(no search)'} | {start.year}–{end.year} | {matches:,} | {timeline[0]:.3f} | {timeline[1]:.3f} "
                  f"| {explore[0]:.3f} | {explore[1]:.3f} |")
    print(f"\nSlowest median: {worst:.3f} s")


if __name__ == "__main__":
    main()
