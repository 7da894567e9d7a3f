"""Shared fixtures: the bundled data, a fresh locked database, and app runs."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mali_tracker import db, paths

ROOT = paths.PROJECT_ROOT
SOURCE_DIR = ROOT / "data" / "source"


@pytest.fixture(scope="session")
def bundled_db() -> db.Database:
    """The locked-down connection over the committed Parquet tables."""
    return db.open_database(paths.DEFAULT_DATA_DIR)


@pytest.fixture
def source_copy(tmp_path: Path) -> Path:
    """A writable copy of data/source for tests that break it on purpose."""
    target = tmp_path / "source"
    shutil.copytree(SOURCE_DIR, target)
    return target
