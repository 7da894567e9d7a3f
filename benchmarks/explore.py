"""Server time and page weight of /explore at N events: a facet click, a sort and a page change,
each as the page asks DuckDB for it, measured on an ingested folder.

python benchmarks/explore.py benchmarks/out/data_1000000

Make the folder first (benchmarks/run.py does, or generate_acled.py then `mali_tracker.ingest`).
Each action is the set of queries pages/explore.py runs for the view it leads to: after a
change of filters (opening the page, a facet click) the count, the facets (one statement) and
one page of rows; after a sort or a page change only the page of rows, the count and facets of
the same filters being cached. Timed cold (first run) and as the median of five more. The
weight is the page of rows as the browser receives it (an Arrow table, which is what
st.dataframe sends), plus the facet labels. Targets (issue "Explore like Datasette"): under
0.5 s of server time per action and under 1 MB sent, at 1M events.
"""
from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

import pyarrow as pa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mali_tracker import db, explore_table  # noqa: E402
from mali_tracker.filters import Filters  # noqa: E402

PAGE_SIZE = 100  # pages/explore.py PAGE_SIZE
REPEATS = 5
WHOLE = Filters(start=dt.date(2012, 1, 1), end=dt.date(2025, 12, 31))
ACTIONS = [  # what the reader did, the filters, the sort (key, descending), the page, new filters?
    ("open /explore (all events)", WHOLE, ("date", False), 1, True),
    ("facet click: type Battles", Filters(start=WHOLE.start, end=WHOLE.end, types=("Battles",)), ("date", False), 1, True),
    ("facet click: region Gao", Filters(start=WHOLE.start, end=WHOLE.end, regions=("Gao",)), ("date", False), 1, True),
    ("facet click: year 2020", Filters(start=dt.date(2020, 1, 1), end=dt.date(2020, 12, 31)), ("date", False), 1, True),
    ("sort: deadliest first", WHOLE, ("deaths", True), 1, False),
    ("sort: by title", WHOLE, ("event", False), 1, False),
    ("page change: page 2", WHOLE, ("date", False), 2, False),
    ("page change: page 5,000", WHOLE, ("date", False), 5000, False),
]


def action(database: db.Database, filters: Filters, sort: tuple[str, bool], page: int,
           new_filters: bool) -> tuple[float, int]:
    """The queries explore runs for this view; (seconds, bytes of the page of rows)."""
    clock = time.perf_counter()
    if new_filters:
        db.run_query(database, "events_count", **filters.query_params())
    facets = db.run_query(database, "explore_facets", **filters.query_params()) if new_filters else None
    rows = db.run_query(database, "events_filtered", **filters.query_params(
        row_limit=PAGE_SIZE, row_offset=(page - 1) * PAGE_SIZE,
        sort_key=explore_table.sort_key_for_query(sort[0], "en"), descending=sort[1]))
    seconds = time.perf_counter() - clock
    shown = explore_table.display_frame(rows, "en", {}, explore_table.DEFAULT_COLUMNS)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, shown.to_arrow().schema) as writer:
        writer.write_table(shown.to_arrow())
    labels = facets["value"].to_list() if facets is not None else []
    weight = sink.getvalue().size + sum(len(str(value)) + 12 for value in labels)
    return seconds, weight


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    database = db.open_database(args.folder)
    events = db.run_query(database, "events_count", **WHOLE.query_params())["event_count"][0]
    print(f"{events:,} events in {args.folder}")
    print("| action | cold | median of 5 | sent to the browser |")
    print("| --- | --- | --- | --- |")
    for label, *view in ACTIONS:
        cold, weight = action(database, *view)
        warm = statistics.median(action(database, *view)[0] for _ in range(REPEATS))
        print(f"| {label} | {cold:.2f} s | {warm:.2f} s | {weight / 1024:.0f} KB |")


if __name__ == "__main__":
    main()
