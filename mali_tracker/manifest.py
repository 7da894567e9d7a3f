"""The data version: a small manifest written beside the tables by `build` and `ingest`.

`manifest.json` holds `version` (the first 12 hex digits of a SHA-256 over every table file,
name and bytes, so the same tables always have the same version and any change gives a new
one), when and by what the tables were made, from what, and their row counts. The app keys
every cache by the version, shows it in the footer, and puts it in file names and citations.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from mali_tracker.schema import TABLES

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class DataVersion:
    version: str
    built_at: dt.datetime | None
    made_by: str

    @property
    def short(self) -> str:
        return self.version[:7]


def tables_hash(folder: Path) -> str:
    """SHA-256 over the table files present in `folder` (name and bytes, in name order)."""
    digest = hashlib.sha256()
    for name in sorted(TABLES):
        path = folder / f"{name}.parquet"
        if path.exists():
            digest.update(name.encode())
            with open(path, "rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
    return digest.hexdigest()[:12]


def write_manifest(folder: Path, made_by: str, made_from: str, row_counts: dict[str, int],
                   now: dt.datetime | None = None) -> dict:
    """Write `folder/manifest.json` for the tables now in `folder` (atomically)."""
    manifest = {
        "version": tables_hash(folder),
        "built_at": (now or dt.datetime.now(dt.UTC)).replace(microsecond=0).isoformat(),
        "made_by": made_by,
        "made_from": made_from,
        "row_counts": dict(sorted(row_counts.items())),
    }
    tmp = folder / f".{MANIFEST}.tmp"
    tmp.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, folder / MANIFEST)
    return manifest


def read_version(folder: Path) -> DataVersion:
    """The version of the tables in `folder`: its manifest's, or, for a folder written before
    manifests existed, one derived from the files' names, sizes and modification times."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        built = dt.datetime.fromisoformat(manifest["built_at"]) if manifest.get("built_at") else None
        return DataVersion(str(manifest["version"]), built, str(manifest.get("made_by", "")))
    except (OSError, ValueError, KeyError, TypeError):
        digest = hashlib.sha256()
        for path in sorted(folder.glob("*.parquet")):
            stat = path.stat()
            digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
        return DataVersion("local-" + digest.hexdigest()[:8], None, "")
