"""Where the app finds its data and its SQL."""
from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
QUERIES_DIR = PROJECT_ROOT / "queries"
DEFAULT_DATA_DIR = PROJECT_ROOT / "data"
DATA_DIR_ENV = "MALI_TRACKER_DATA"


def data_dir() -> Path:
    """The data folder: `MALI_TRACKER_DATA` when set, else the bundled `data/`."""
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    return Path(override).resolve() if override else DEFAULT_DATA_DIR
