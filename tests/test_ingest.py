"""ACLED and UCDP exports become the dashboard's tables; bad files are refused, leaving nothing."""
from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from mali_tracker import paths
from mali_tracker.ingest.__main__ import main as ingest
from mali_tracker.schema import TABLES

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def acled_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("acled") / "data"
    assert ingest(["acled", str(FIXTURES / "acled_small.csv"), "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def ucdp_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("ucdp") / "data"
    assert ingest(["ucdp", str(FIXTURES / "ucdp_small.csv"), "--out", str(out)]) == 0
    return out


def test_acled_quirks(acled_dir):
    events = pl.read_parquet(acled_dir / "events.parquet")
    assert sorted(events["event_id"]) == ["MLI1001", "MLI1002", "MLI1003", "MLI1004", "MLI1005"]
    tinzaouaten = events.filter(pl.col("event_id") == "MLI1003").row(0, named=True)
    assert tinzaouaten["fatalities_best"] == 131, "the re-export with the newest timestamp wins"
    spelled = events.filter(pl.col("event_id") == "MLI1002").row(0, named=True)
    assert spelled["date_start"].isoformat() == "2025-08-14"
    assert "\n" in spelled["summary"] and "Dembélé" in spelled["summary"]
    assert events.filter(pl.col("event_id") == "MLI1004")["date_precision"][0] == "month"
    assert set(events["origin"]) == {"acled"}


def test_acled_actors_and_links(acled_dir):
    actors = pl.read_parquet(acled_dir / "actors.parquet")
    links = pl.read_parquet(acled_dir / "event_actors.parquet")
    names = dict(zip(actors["actor_id"], actors["name"]))
    mli1002 = links.filter(pl.col("event_id") == "MLI1002")
    associated = {names[a] for a in mli1002.filter(pl.col("role") == "associated")["actor_id"]}
    assert associated == {"Military Forces of Mali (2021-)", "Police Forces of Mali (2021-)"}
    assert set(links["actor_id"]) <= set(actors["actor_id"])
    assert actors.filter(pl.col("name") == "Wagner Group")["actor_type"][0] == "foreign_force"


def test_every_table_is_written(acled_dir, ucdp_dir):
    for folder in (acled_dir, ucdp_dir):
        for table in TABLES:
            assert (folder / f"{table}.parquet").exists()
        assert pl.read_parquet(folder / "claims.parquet").height == 0


def test_ucdp_mapping(ucdp_dir):
    events = pl.read_parquet(ucdp_dir / "events.parquet")
    ogossagou = events.filter(pl.col("event_id") == "ucdp-300002").row(0, named=True)
    assert (ogossagou["fatalities_low"], ogossagou["fatalities_best"], ogossagou["fatalities_high"]) == (134, 157, 160)
    assert ogossagou["event_type"] == "Violence against civilians"
    menaka = events.filter(pl.col("event_id") == "ucdp-300003").row(0, named=True)
    assert menaka["date_precision"] == "month" and menaka["geo_precision"] == 3 and menaka["admin1"] == "Ménaka"


@pytest.mark.parametrize(("kind", "fixture", "expected"), [
    ("acled", "acled_bad_date.csv", "'sometime in August' in column event_date"),
    ("acled", "not_an_export.csv", "is not an ACLED export: missing column(s) event_id_cnty"),
    ("ucdp", "acled_small.csv", "is not a UCDP GED export"),
    ("acled", "missing.csv", "does not exist"),
])
def test_a_bad_file_is_refused_in_one_line_and_nothing_is_written(tmp_path, capsys, kind, fixture, expected):
    out = tmp_path / "out"
    assert ingest([kind, str(FIXTURES / fixture), "--out", str(out)]) == 2
    error = capsys.readouterr().err.strip().splitlines()[-1]
    assert error.startswith("ingest refused:") and expected in error
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [], "no temporary folder is left behind"


def test_a_refused_file_leaves_an_existing_folder_intact(tmp_path, acled_dir):
    import shutil
    out = tmp_path / "data"
    shutil.copytree(acled_dir, out)
    before = sorted(p.name for p in out.iterdir())
    assert ingest(["acled", str(FIXTURES / "acled_bad_date.csv"), "--out", str(out)]) == 2
    assert sorted(p.name for p in out.iterdir()) == before


@pytest.mark.parametrize("page", ["home", "timeline", "estimates", "actors", "explore", "methodology"])
def test_every_page_renders_on_ingested_data(acled_dir, monkeypatch, page):
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(acled_dir))
    app = AppTest.from_file(str(paths.PROJECT_ROOT / "app.py"), default_timeout=30)
    app.query_params["end"] = "2025-08-31"
    app.run()
    if page != "home":
        app.switch_page(f"pages/{page}.py").run()
    assert not app.exception, [e.value for e in app.exception]
    assert not app.error, [e.value for e in app.error]
    if page == "explore":
        assert len(app.dataframe[0].value) == 5
    if page == "timeline":
        assert any("5 events shown" in c.value for c in app.caption)


@pytest.fixture(scope="module")
def large_acled_dir(tmp_path_factory) -> Path:
    """A synthetic ACLED export of 5,000 rows (benchmarks/generate_acled.py), ingested."""
    import subprocess
    import sys

    folder = tmp_path_factory.mktemp("acled_large")
    export = folder / "acled.csv"
    subprocess.run([sys.executable, str(paths.PROJECT_ROOT / "benchmarks" / "generate_acled.py"), "5000", str(export)],
                   check=True, capture_output=True)
    assert ingest(["acled", str(export), "--out", str(folder / "data")]) == 0
    return folder / "data"


def timeline_on(data_dir: Path, monkeypatch, **query) -> AppTest:
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(data_dir))
    app = AppTest.from_file(str(paths.PROJECT_ROOT / "app.py"), default_timeout=30)
    for key, value in query.items():
        app.query_params[key] = value
    app.run()
    app.switch_page("pages/timeline.py").run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_a_big_window_shows_counts_per_month_as_areas(large_acled_dir, monkeypatch):
    app = timeline_on(large_acled_dir, monkeypatch)
    caption = next(c.value for c in app.caption if "events" in c.value and "**" in c.value)
    count = int(caption.split("**")[1].split(" ")[0].replace(",", ""))
    assert count > 1000 and "shown as monthly counts by event type" in caption
    figure = json.loads(app.get("plotly_chart")[0].proto.spec)
    assert {trace["type"] for trace in figure["data"]} == {"scatter"}
    assert sum(sum(trace["y"]) for trace in figure["data"]) == count
    table = app.dataframe[0].value
    assert table["All events"].sum() == count and len(table) == 156  # one row per month, 2012-2024


def test_a_five_year_window_shows_monthly_bars_and_a_narrow_one_each_event(large_acled_dir, monkeypatch):
    app = timeline_on(large_acled_dir, monkeypatch, start="2015-01-01", end="2019-12-31")
    caption = next(c.value for c in app.caption if "events" in c.value and "**" in c.value)
    assert "shown as monthly counts" in caption
    figure = json.loads(app.get("plotly_chart")[0].proto.spec)
    assert {trace["type"] for trace in figure["data"]} == {"bar"}  # 60 months: few enough for bars
    assert len(app.dataframe[0].value) == 60
    app = timeline_on(large_acled_dir, monkeypatch, start="2015-01-01", end="2019-12-31", type="Battles")
    caption = next(c.value for c in app.caption if "events" in c.value and "**" in c.value)
    shown = int(caption.split("**")[1].split(" ")[0].replace(",", ""))
    assert "events shown" in caption and 0 < shown <= 1000
    figure = json.loads(app.get("plotly_chart")[0].proto.spec)
    assert sum(len(trace["x"]) for trace in figure["data"]) == shown  # one marker per event


def test_counts_over_an_export_say_which_export_they_come_from(large_acled_dir, monkeypatch):
    app = timeline_on(large_acled_dir, monkeypatch, start="2015-01-01", end="2019-12-31")
    note = next(c.value for c in app.caption if "Imported from" in c.value)
    assert "Imported from the ACLED export in the data folder" in note
    assert "curated selection" not in " ".join(c.value for c in app.caption)
