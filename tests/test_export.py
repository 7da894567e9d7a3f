"""CSV downloads open correctly in a spreadsheet and hold exactly the rows shown."""
from __future__ import annotations

import csv
import datetime as dt
import io

import polars as pl

from mali_tracker import db
from mali_tracker.export import BOM, to_csv_bytes
from mali_tracker.filters import Filters


def read_back(data: bytes) -> list[dict]:
    text = data.decode("utf-8")
    assert text.startswith(BOM)
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_bom_accents_and_formula_cells():
    frame = pl.DataFrame({
        "title": ["=HYPERLINK(\"http://x\")", "+33 killed", "-5", "@SUM(A1)", "\tTab", "Goïta à Ségou"],
        "fatalities_best": [1, 2, -3, 4, 5, 6],
        "source_ids": [["a", "b"]] * 6,
    })
    rows = read_back(to_csv_bytes(frame))
    assert [r["title"] for r in rows] == [
        "'=HYPERLINK(\"http://x\")", "'+33 killed", "'-5", "'@SUM(A1)", "'\tTab", "Goïta à Ségou"]
    assert rows[2]["fatalities_best"] == "-3", "numbers are numbers, not formulas"
    assert rows[0]["source_ids"] == "a; b"


def test_export_holds_exactly_the_filtered_rows(bundled_db):
    filters = Filters(end=dt.date(2025, 12, 31), regions=("Kidal",))
    events = db.run_query(bundled_db, "events_filtered", **filters.query_params(row_limit=10_000))
    rows = read_back(to_csv_bytes(events))
    assert [r["event_id"] for r in rows] == events["event_id"].to_list()
    assert {r["admin1"] for r in rows} == {"Kidal"}
    assert all(r["source_urls"].startswith("http") for r in rows)
    assert rows[0]["date_start"].count("-") == 2
