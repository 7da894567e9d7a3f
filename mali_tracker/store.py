"""Publishing a data folder atomically: every version in a folder of its own, a pointer that flips.

A data folder ROOT (the bundled `data/`, or one made by `ingest`) looks like this once
something has been published into it:

    ROOT/*.parquet, datapackage.json   the current tables, as plain files (what git holds,
                                       what people open with DuckDB or Polars)
    ROOT/manifest.json                 the current data version: the pointer
    ROOT/.versions/<version>/          each published version, never changed afterwards

Readers (a page run) call `served(ROOT)` once, at the start of the run: it names the folder of
the version ROOT's manifest points at, and the run reads every table from there, so a publish
in the middle of the run cannot mix two versions.

`publish` writes the new version's folder completely, then refreshes the plain files (copies),
the manifest last, in one `os.replace` (atomic on POSIX filesystems: a
reader sees the old manifest or the new one). Until that last rename readers get the old
version's folder; after it, the new one's. A failure before it leaves the served version
untouched. A version replaced more than `grace` seconds ago is deleted by a later publish: a
page run lasts seconds, so no run still reads it.

When the plain files were replaced some other way (a `git pull`, a folder copied by hand), the
manifest names a version with no folder, and the plain files are served as they are.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from mali_tracker import datapackage, manifest

try:
    import fcntl
except ImportError:  # not on Windows: publishing there relies on the atomic rename alone
    fcntl = None

VERSIONS = ".versions"
RETIRED = ".retired"  # inside a version folder: when it stopped being the current one
STAGING_PREFIX = ".staging-"
GRACE_SECONDS = 600.0


def current_name(root: Path) -> str | None:
    """The version ROOT's manifest names, if it has a published folder."""
    name = manifest.read_version(root).version
    return name if (root / VERSIONS / name).is_dir() else None


def served(root: Path) -> Path:
    """The folder whose tables a page run starting now should read, from start to end."""
    name = current_name(root)
    return root / VERSIONS / name if name is not None else root


@contextlib.contextmanager
def _locked(versions: Path) -> Iterator[None]:
    """One publisher at a time per folder (two builds at once would race on the pointer)."""
    if fcntl is None:
        yield
        return
    with open(versions / ".lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _replace_file(source: Path, target: Path) -> None:
    """Put a copy of `source` at `target` in one rename. A copy, not a hard link: a tool
    that writes over a plain file in place (`cp`, an editor) must not change a version."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    shutil.copy2(source, tmp)
    os.replace(tmp, target)


def _mirror(version_dir: Path, root: Path) -> None:
    """Refresh ROOT's plain files from the version just published, the manifest last: its
    rename is the moment readers switch."""
    files = sorted((p for p in version_dir.iterdir() if p.is_file() and not p.name.startswith(".")),
                   key=lambda p: p.name == "manifest.json")
    for path in files:
        _replace_file(path, root / path.name)


def _adopt_plain_files(root: Path) -> None:
    """Give the tables ROOT serves from its plain files (nothing published yet, or a `git
    pull`) a version folder of their own before the plain files are replaced, so that readers
    keep one whole version while the files change. Skipped when the files do not match their
    manifest (they are then no consistent version to keep)."""
    version = manifest.read_version(root).version
    target = root / VERSIONS / version
    if target.is_dir() or version != manifest.tables_hash(root):
        return
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=root / VERSIONS))
    staging.chmod(0o755)
    for path in root.iterdir():
        if path.is_file() and not path.name.startswith("."):
            _replace_file(path, staging / path.name)
    os.rename(staging, target)


def prune(root: Path, grace: float = GRACE_SECONDS, now: float | None = None) -> list[str]:
    """Delete versions replaced more than `grace` seconds ago, and staging folders that old
    (left by a publisher that died); never the current version. Returns what was deleted."""
    versions = root / VERSIONS
    if not versions.is_dir():
        return []
    now = time.time() if now is None else now
    current = current_name(root)
    deleted = []
    for folder in sorted(versions.iterdir()):
        if not folder.is_dir() or folder.name == current:
            continue
        marker = folder / RETIRED if not folder.name.startswith(STAGING_PREFIX) else folder
        try:
            age = now - marker.stat().st_mtime
        except OSError:
            continue  # not retired (yet): a version being published by another process
        if age > grace:
            shutil.rmtree(folder, ignore_errors=True)
            deleted.append(folder.name)
    return deleted


def publish(root: Path, write: Callable[[Path], str], grace: float = GRACE_SECONDS) -> str:
    """Publish a new version into ROOT and make it the one readers get.

    `write(folder)` writes every table file and the manifest into an empty folder and returns
    the data version. Returns that version. If `write` fails, nothing readers see changes."""
    root = Path(root).resolve()
    versions = root / VERSIONS
    versions.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=versions))
    staging.chmod(0o755)  # mkdtemp makes it private; other readers (replicas) must enter it
    try:
        version = write(staging)
        with _locked(versions):
            target = versions / version
            if target.is_dir():  # the same tables were published before: reuse them
                shutil.rmtree(staging)
            else:
                os.rename(staging, target)
            (target / RETIRED).unlink(missing_ok=True)
            _adopt_plain_files(root)
            previous = current_name(root)
            _mirror(target, root)  # the manifest last: this is the flip
            if previous and previous != version:
                (versions / previous / RETIRED).touch()
            prune(root, grace)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return version


def publish_tables(tables: dict, root: Path, made_by: str, made_from: str,
                   grace: float = GRACE_SECONDS, progress: Callable[[str], None] | None = None) -> str:
    """Publish Polars `tables` (name -> frame) into ROOT with their datapackage.json and
    manifest; returns the data version."""
    def write(folder: Path) -> str:
        for name, frame in tables.items():
            if progress:
                progress(f"writing {name} ({frame.height:,} rows)")
            frame.write_parquet(folder / f"{name}.parquet", statistics=True)
        (folder / "datapackage.json").write_text(datapackage.to_json(tables), encoding="utf-8")
        made = manifest.write_manifest(folder, made_by, made_from,
                                       {name: frame.height for name, frame in tables.items()})
        return made["version"]

    return publish(root, write, grace)
