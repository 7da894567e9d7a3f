"""Publishing a data folder atomically (mali_tracker.store): each version in its own folder,
a pointer that flips, old versions deleted once no run can still read them."""
from __future__ import annotations

import os
from pathlib import Path

import polars as pl
import pytest

from mali_tracker import manifest, store
from mali_tracker.ingest import acled, ucdp
from mali_tracker.ingest.common import write_folder
from mali_tracker.schema import TABLES

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def exports() -> dict[str, dict[str, pl.DataFrame]]:
    return {"acled": acled.to_tables(acled.read_events(FIXTURES / "acled_small.csv")),
            "ucdp": ucdp.to_tables(ucdp.read_events(FIXTURES / "ucdp_small.csv"))}


def events_in(folder: Path) -> int:
    return pl.read_parquet(folder / "events.parquet").height


def test_a_folder_nothing_was_published_into_is_served_from_its_plain_files(tmp_path):
    assert store.served(tmp_path) == tmp_path


def test_publishing_flips_readers_to_a_complete_new_version(tmp_path, exports):
    write_folder(exports["acled"], tmp_path)
    first = store.served(tmp_path)
    assert first.parent.name == store.VERSIONS and first.name == manifest.read_version(first).version
    assert events_in(first) == 5 and events_in(tmp_path) == 5
    write_folder(exports["ucdp"], tmp_path)
    second = store.served(tmp_path)
    assert second != first and events_in(second) == 3
    # a run that pinned the first version still reads it whole after the flip
    assert events_in(first) == 5 and all((first / f"{name}.parquet").exists() for name in TABLES)
    # the plain files at the top are the current version's (what git holds, what people open)
    assert manifest.read_version(tmp_path).version == second.name == manifest.tables_hash(tmp_path)


def test_a_failed_publish_leaves_what_readers_get_untouched(tmp_path, exports):
    write_folder(exports["acled"], tmp_path)
    before = store.served(tmp_path)

    def half_written(folder: Path) -> str:
        (folder / "events.parquet").write_bytes(b"half")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        store.publish(tmp_path, half_written)
    assert store.served(tmp_path) == before and events_in(tmp_path) == 5
    assert [p.name for p in (tmp_path / store.VERSIONS).iterdir() if p.is_dir()] == [before.name]


def test_the_same_tables_published_again_reuse_their_version(tmp_path, exports):
    write_folder(exports["acled"], tmp_path)
    first = store.served(tmp_path)
    write_folder(exports["ucdp"], tmp_path)
    write_folder(exports["acled"], tmp_path)
    assert store.served(tmp_path) == first
    assert not (first / store.RETIRED).exists(), "a version made current again is no longer retired"


def test_old_versions_are_deleted_only_after_the_grace_period(tmp_path, exports):
    write_folder(exports["acled"], tmp_path)
    old = store.served(tmp_path)
    write_folder(exports["ucdp"], tmp_path)
    current = store.served(tmp_path)
    retired_at = (old / store.RETIRED).stat().st_mtime
    assert store.prune(tmp_path, grace=600, now=retired_at + 599) == []
    assert old.is_dir(), "a run that started before the flip may still read it"
    assert store.prune(tmp_path, grace=600, now=retired_at + 601) == [old.name]
    assert not old.exists() and store.served(tmp_path) == current and events_in(current) == 3
    # the current version is never deleted, however old
    assert store.prune(tmp_path, grace=0, now=retired_at + 10**6) == []


def test_a_staging_folder_left_by_a_dead_publisher_is_cleaned_up(tmp_path, exports):
    write_folder(exports["acled"], tmp_path)
    left = tmp_path / store.VERSIONS / f"{store.STAGING_PREFIX}dead"
    left.mkdir()
    os.utime(left, (0, 0))
    assert store.prune(tmp_path, grace=600) == [left.name]


def test_plain_files_replaced_another_way_are_served_as_they_are(tmp_path, exports):
    """A `git pull` or a copy replaces the plain files and their manifest: no version folder
    matches, so the new files are served, never the last published version."""
    other = tmp_path / "other"
    write_folder(exports["ucdp"], other)
    write_folder(exports["acled"], tmp_path / "data")
    for path in other.iterdir():
        if path.is_file():
            (tmp_path / "data" / path.name).write_bytes(path.read_bytes())
    assert store.served(tmp_path / "data") == tmp_path / "data"
    # the next publish keeps those files as a version of their own while it replaces them
    write_folder(exports["acled"], tmp_path / "data")
    assert (tmp_path / "data" / store.VERSIONS / store.served(other).name).is_dir()
    assert events_in(store.served(tmp_path / "data")) == 5


def test_the_first_publish_keeps_the_plain_files_it_replaces_as_a_version(tmp_path, exports):
    write_folder(exports["ucdp"], tmp_path / "first")
    plain = tmp_path / "plain"
    plain.mkdir()
    for path in (tmp_path / "first").iterdir():
        if path.is_file():
            (plain / path.name).write_bytes(path.read_bytes())
    old = manifest.read_version(plain).version
    write_folder(exports["acled"], plain)
    assert events_in(plain / store.VERSIONS / old) == 3, "readers mid-run keep the old tables"
    assert (plain / store.VERSIONS / old / store.RETIRED).exists()
