"""The build turns data/source into Parquet, refuses bad rows, and writes all or nothing."""
from __future__ import annotations

import csv
from pathlib import Path

import polars as pl
import pytest

from mali_tracker import build, paths
from mali_tracker.schema import TABLES


def _edit_csv(path: Path, row_index: int, column: str, value: str) -> int:
    """Set one cell; returns the line number a reader would see for that row."""
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    rows[row_index][column] = value
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return row_index + 2


def test_committed_parquet_is_exactly_what_the_build_produces(tmp_path):
    tables = build.build_tables(paths.DEFAULT_DATA_DIR / "source")
    for name, frame in tables.items():
        committed = pl.read_parquet(paths.DEFAULT_DATA_DIR / f"{name}.parquet")
        assert committed.schema == frame.schema, name
        assert committed.equals(frame), f"data/{name}.parquet is stale: run python -m mali_tracker.build"


def test_build_is_deterministic(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    source = paths.DEFAULT_DATA_DIR / "source"
    build.write_tables(build.build_tables(source), first)
    build.write_tables(build.build_tables(source), second)
    for name in TABLES:
        assert (first / f"{name}.parquet").read_bytes() == (second / f"{name}.parquet").read_bytes()


@pytest.mark.parametrize(
    ("file", "column", "value", "expected"),
    [
        ("events", "date_start", "2013-02-30", "is not a date"),
        ("events", "event_type", "Skirmish", "is not one of"),
        ("events", "place_id", "atlantis", "'atlantis' is not a known place_id"),
        ("events", "source_ids", "", "is required"),
        ("events", "date_end", "2011-06-01", "is before date_start"),
        ("sources", "url", "ftp://example.org/x", "is not an http(s) URL"),
        ("event_actors", "actor_id", "nobody", "'nobody' is not a known actor_id"),
        ("places", "latitude", "48.85", "lies outside Mali"),
        ("claims", "figure_low", "twenty", "is not a whole number"),
        ("events", "confidence", "", "is required"),
        ("relations", "confidence", "certain", "is not one of high, medium, low"),
        ("claims", "checked_on", "", "is required"),
    ],
)
def test_a_bad_row_is_refused_with_file_line_column_and_problem(source_copy, tmp_path, file, column, value, expected):
    with open(source_copy / f"{file}.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    # The first row will do, but for places take one inside Mali so the new latitude is wrong.
    row = next(i for i, r in enumerate(rows) if r.get("outside_mali", "false") == "false")
    line = _edit_csv(source_copy / f"{file}.csv", row, column, value)
    out = tmp_path / "out"
    with pytest.raises(build.BuildError) as refused:
        build.build_tables(source_copy)
    message = str(refused.value)
    assert f"{file}.csv, line {line}, column {column}" in message
    assert expected in message
    assert build.main(["--source", str(source_copy), "--out", str(out)]) == 1
    assert not out.exists() or not any(out.iterdir()), "a refused build must write nothing"


def test_a_refused_build_leaves_existing_tables_untouched(source_copy, tmp_path):
    out = tmp_path / "out"
    assert build.main(["--source", str(source_copy), "--out", str(out)]) == 0
    before = {p.name: p.read_bytes() for p in out.glob("*.parquet")}
    _edit_csv(source_copy / "events.csv", 0, "theme", "gossip")
    assert build.main(["--source", str(source_copy), "--out", str(out)]) == 1
    assert {p.name: p.read_bytes() for p in out.glob("*.parquet")} == before
    assert not list(out.glob(".*tmp")), "no temporary file may be left behind"


def test_duplicate_ids_are_refused(source_copy):
    with open(source_copy / "events.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    first_id = rows[0]["event_id"]
    _edit_csv(source_copy / "events.csv", 1, "event_id", first_id)
    with pytest.raises(build.BuildError, match=f"'{first_id}' repeats line 2"):
        build.build_tables(source_copy)


def test_a_missing_file_is_named(source_copy):
    (source_copy / "actors.csv").unlink()
    with pytest.raises(build.BuildError, match="actors.csv: file is missing"):
        build.build_tables(source_copy)


def test_a_claim_repeating_another_claims_statement_is_refused(source_copy):
    with open(source_copy / "claims.csv", newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        header, rows = reader.fieldnames, list(reader)
    copy = dict(rows[0], claim_id=rows[0]["claim_id"] + "_relay", outlet="Another outlet")
    with open(source_copy / "claims.csv", "a", newline="", encoding="utf-8") as handle:
        csv.DictWriter(handle, fieldnames=header, lineterminator="\n").writerow(copy)
    with pytest.raises(build.BuildError, match="repeats the statement of line 2"):
        build.build_tables(source_copy)


def test_an_alias_must_lead_to_an_event(source_copy):
    with open(source_copy / "id_aliases.csv", "a", encoding="utf-8") as handle:
        handle.write("y2099_e1,ev9999,events\n")
    with pytest.raises(build.BuildError, match="'ev9999' is not a known event_id"):
        build.build_tables(source_copy)


def test_a_correction_must_name_a_row_that_exists(source_copy):
    with open(source_copy / "corrections.csv", "a", encoding="utf-8") as handle:
        handle.write("2026-11-30,events,ev9999,changed summary,a test\n")
    with pytest.raises(build.BuildError, match="'ev9999' is not a row of events"):
        build.build_tables(source_copy)
