"""The data flips under readers: `streamlit run app.py` serves a folder while another thread
publishes new versions into it, many times, with old versions pruned a few seconds after they
stop being current. Every page a reader gets must show one version's numbers, whole: the count
of events matches the version named in the footer, and no page shows an error."""
from __future__ import annotations

import re
import threading
import time
from pathlib import Path

import polars as pl
import pytest

from mali_tracker import store
from mali_tracker.ingest import acled, ucdp
from mali_tracker.ingest.common import write_folder
from tests.browser import CHROMIUM, CHROMIUM_ARGS, foreign_requests, running_app

playwright_api = pytest.importorskip("playwright.sync_api")
FIXTURES = Path(__file__).parent / "fixtures"
READING_SECONDS = 15
FLIP_EVERY_SECONDS = 0.3
GRACE_SECONDS = 5.0


def variants() -> list[dict[str, pl.DataFrame]]:
    """Eight different sets of tables: the first k events of two small exports."""
    result = []
    for module, name in ((acled, "acled_small.csv"), (ucdp, "ucdp_small.csv")):
        tables = module.to_tables(module.read_events(FIXTURES / name))
        for keep in range(1, tables["events"].height + 1):
            result.append({**tables, "events": tables["events"].head(keep)})
    return result


class Flipper(threading.Thread):
    """Publishes the variants in turn until stopped; remembers each version's event count."""

    def __init__(self, folder: Path):
        super().__init__(daemon=True)
        self.folder, self.tables = folder, variants()
        self.counts: dict[str, int] = {}
        self.flips = 0
        self.stop = threading.Event()
        self.failure: BaseException | None = None

    def publish(self, tables: dict[str, pl.DataFrame]) -> None:
        write_folder(tables, self.folder)
        version = store.served(self.folder).name
        self.counts[version[:7]] = tables["events"].height

    def run(self) -> None:
        try:
            while not self.stop.is_set():
                self.publish(self.tables[self.flips % len(self.tables)])
                self.flips += 1
                store.prune(self.folder, grace=GRACE_SECONDS)
                time.sleep(FLIP_EVERY_SECONDS)
        except BaseException as exc:  # reported by the test, not lost in a thread
            self.failure = exc


def test_readers_see_one_whole_version_while_the_data_flips_many_times(tmp_path):
    folder = tmp_path / "data"
    flipper = Flipper(folder)
    flipper.publish(flipper.tables[0])
    seen: list[tuple[int, str]] = []

    def read(reader) -> tuple[int, str]:
        reader.goto(f"{base}/explore?end=2025-12-31")
        count = reader.get_by_text(re.compile(r"\d+ events match")).first
        count.wait_for(timeout=30_000)
        footer = reader.get_by_text(re.compile(r"data version \w+")).first
        footer.wait_for(timeout=30_000)
        assert reader.locator("[data-testid='stException']").count() == 0
        assert "went wrong" not in reader.content()
        number = int(re.search(r"(\d+) events match", count.inner_text()).group(1))
        return number, re.search(r"data version (\w+)", footer.inner_text()).group(1)

    with running_app(folder) as base, playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        readers = [chromium.new_context().new_page() for _ in range(2)]
        requested: list[str] = []
        for reader in readers:
            reader.on("request", lambda request: requested.append(request.url))
        flipper.start()
        deadline = time.monotonic() + READING_SECONDS
        try:
            while time.monotonic() < deadline:
                seen.extend(read(reader) for reader in readers)
        finally:
            flipper.stop.set()
            flipper.join(timeout=30)
        assert flipper.failure is None, flipper.failure
        # once the grace period has passed, only the current version is left, and it is served
        time.sleep(GRACE_SECONDS + 0.5)
        store.prune(folder, grace=GRACE_SECONDS)
        kept = [p.name for p in (folder / store.VERSIONS).iterdir() if p.is_dir()]
        assert kept == [store.served(folder).name], "retired versions were not cleaned up"
        last = read(readers[0])
        chromium.close()
    assert last == (pl.read_parquet(folder / "events.parquet").height, kept[0][:7])
    assert flipper.flips >= 20, f"only {flipper.flips} flips: the test did not stress anything"
    assert len({version for _, version in seen}) >= 3, f"readers saw too few versions: {seen}"
    wrong = [(number, version, flipper.counts.get(version)) for number, version in seen
             if flipper.counts.get(version) != number]
    assert wrong == [], "a page showed a count from another version than its footer names"
    assert foreign_requests(requested, base) == []
