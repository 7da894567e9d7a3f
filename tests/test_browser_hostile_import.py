"""An imported export is third-party text: notes and actor names holding Markdown images,
links and HTML are shown as plain text on every page, and no request leaves the app's host."""
from __future__ import annotations

import csv
from pathlib import Path

import polars as pl
import pytest

from mali_tracker.ingest.__main__ import main as ingest
from tests.browser import CHROMIUM, CHROMIUM_ARGS, foreign_requests, running_app

playwright_api = pytest.importorskip("playwright.sync_api")
FIXTURES = Path(__file__).parent / "fixtures"
IMAGE = "![pixel](http://tracker.example/p.png)"
HOSTILE_NOTE = f"{IMAGE} <img src=http://tracker.example/q.png> [click](http://tracker.example/) **bold**"
HOSTILE_ACTOR = "Militia ![a](http://tracker.example/a.png) <b>X</b>"


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    with open(FIXTURES / "acled_small.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row["notes"] = f"{row['notes']} {HOSTILE_NOTE}"
        row["actor1"] = HOSTILE_ACTOR
    export = folder / "export.csv"
    with open(export, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    assert ingest(["acled", str(export), "--out", str(folder / "data")]) == 0
    return folder / "data"


def test_hostile_text_from_an_import_is_plain_text_everywhere_and_fetches_nothing(hostile_folder):
    events = pl.read_parquet(hostile_folder / "events.parquet")
    actors = pl.read_parquet(hostile_folder / "actors.parquet")
    event_id = events["event_id"][0]
    actor_id = actors.filter(pl.col("name") == HOSTILE_ACTOR)["actor_id"][0]
    paths = ["/", f"/timeline?end=2025-12-31&event={event_id}", "/explore?end=2025-12-31",
             f"/event?id={event_id}", f"/actor?id={actor_id}", f"/actors?actor={actor_id}&end=2025-12-31",
             "/estimates", "/methodology"]
    with running_app(hostile_folder) as base, playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = chromium.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        for path in paths:
            page.goto(base + path)
            page.locator("h1").first.wait_for(timeout=30_000)
            page.wait_for_timeout(2500)
            assert page.locator("[data-testid='stException']").count() == 0, path
            assert page.locator("img[src*='tracker.example']").count() == 0, path
            outside = [href for href in page.locator("a[href]").evaluate_all("els => els.map(e => e.href)")
                       if "tracker.example" in href.split("#")[0]]
            assert outside == [], path
            assert page.locator("b:text('X')").count() == 0, path
            if path.startswith(("/event", "/timeline")):
                page.get_by_text(IMAGE).first.wait_for(timeout=30_000)  # shown, as written
            if path.startswith("/actor?"):
                assert page.locator("h1").first.inner_text().replace("\u2060", "") == HOSTILE_ACTOR
        chromium.close()
    assert foreign_requests(requested, base) == []
