"""The data version: build and ingest write a manifest whose version is a hash of the tables;
every cache is keyed by it, so a folder rebuilt while the app serves is shown whole and new,
never mixed with the old; the version is in the footer, file names and citations."""
from __future__ import annotations

import json
from pathlib import Path

import polars as pl
from streamlit.testing.v1 import AppTest

from mali_tracker import manifest, paths
from mali_tracker.ingest.__main__ import main as ingest

FIXTURES = Path(__file__).parent / "fixtures"


def test_the_bundled_manifest_names_the_committed_tables():
    made = json.loads((paths.DEFAULT_DATA_DIR / "manifest.json").read_text(encoding="utf-8"))
    assert made["version"] == manifest.tables_hash(paths.DEFAULT_DATA_DIR)
    assert made["made_by"] == "build" and made["made_from"] == "data/source"
    assert made["row_counts"]["events"] == pl.read_parquet(paths.DEFAULT_DATA_DIR / "events.parquet").height


def test_ingest_writes_a_manifest_and_another_export_gets_another_version(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert ingest(["acled", str(FIXTURES / "acled_small.csv"), "--out", str(first)]) == 0
    assert ingest(["ucdp", str(FIXTURES / "ucdp_small.csv"), "--out", str(second)]) == 0
    one, other = manifest.read_version(first), manifest.read_version(second)
    assert one.version == manifest.tables_hash(first) and one.made_by == "ingest acled"
    assert other.version != one.version and other.made_by == "ingest ucdp"
    assert ingest(["acled", str(FIXTURES / "acled_small.csv"), "--out", str(first)]) == 0
    assert manifest.read_version(first).version == one.version, "the same tables, the same version"


def test_a_folder_without_manifest_still_has_a_version(tmp_path):
    (tmp_path / "events.parquet").write_bytes(b"x")
    assert manifest.read_version(tmp_path).version.startswith("local-")


def explore(app: AppTest) -> str:
    return next(c.value for c in app.caption if "events**" in c.value or "events match" in c.value)


def test_a_folder_reimported_while_the_app_serves_is_shown_new_and_whole(tmp_path, monkeypatch):
    data = tmp_path / "data"
    assert ingest(["acled", str(FIXTURES / "acled_small.csv"), "--out", str(data)]) == 0
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(data))
    app = AppTest.from_file(str(paths.PROJECT_ROOT / "app.py"), default_timeout=30)
    app.query_params["end"] = "2025-12-31"
    app.run()
    app.switch_page("pages/explore.py").run()
    before = explore(app)
    assert before.startswith("**5 events** match")
    footer = " ".join(c.value for c in app.caption)
    assert f"data version `{manifest.read_version(data).short}`" in footer
    # the same folder, re-imported from another export while the session is open
    assert ingest(["ucdp", str(FIXTURES / "ucdp_small.csv"), "--out", str(data)]) == 0
    ucdp_events = pl.read_parquet(data / "events.parquet").height
    app.run()
    assert explore(app).startswith(f"**{ucdp_events} events** match")
    assert f"data version `{manifest.read_version(data).short}`" in " ".join(c.value for c in app.caption)


def test_downloads_and_citations_carry_the_data_version():
    from tests.test_pages import open_page
    short = manifest.read_version(paths.DEFAULT_DATA_DIR).short
    app = open_page("event", id="ev0303")
    assert any(f"data version {short}" in c.value for c in app.code)
    # the download's file name (served by the browser) is checked in tests/test_browser.py
