"""Streamlit serves readers from several threads: the code they share must not deadlock.

A Python callback inside a Polars expression (map_elements) runs in Polars' thread pool and
needs the GIL, which another session's thread may hold while it waits for that same pool
(Streamlit's table conversion does): under load the server froze (benchmarks/load.py). Chart
and query code stays vectorised; this test runs it from many threads at once."""
from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor, wait
from pathlib import Path

from mali_tracker import charts, db
from mali_tracker.export import to_csv_bytes
from mali_tracker.filters import Filters

APP_CODE = [*Path(__file__).resolve().parent.parent.glob("mali_tracker/**/*.py"),
            *Path(__file__).resolve().parent.parent.glob("pages/*.py")]


def test_no_python_callbacks_inside_polars_in_app_code():
    offenders = [p.name for p in APP_CODE if "map_elements(" in p.read_text(encoding="utf-8")]
    assert offenders == []


def test_many_sessions_at_once_finish(bundled_db):
    filters = Filters(end=dt.date(2025, 11, 9))
    periods = db.run_query(bundled_db, "periods")

    def one_reader(index: int) -> int:
        events = db.run_query(bundled_db, "events_filtered", **filters.query_params(row_limit=5000))
        if index % 2:
            events.to_pandas()
            return len(to_csv_bytes(events))
        return len(charts.timeline_figure(events, periods, filters.start, filters.end).data)

    with ThreadPoolExecutor(max_workers=8) as pool:
        futures = [pool.submit(one_reader, i) for i in range(32)]
        done, pending = wait(futures, timeout=60)
    assert not pending, "a reader never finished: a deadlock"
    assert all(f.result() > 0 for f in done)
