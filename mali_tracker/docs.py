"""Sections of data/README.md, so the methodology page shows the one written copy."""
from __future__ import annotations

from pathlib import Path

from mali_tracker import paths

DATA_README = paths.DEFAULT_DATA_DIR / "README.md"


def readme_section(title: str, readme: Path = DATA_README) -> str:
    """The body of the `## title` section (up to the next `## ` heading)."""
    lines = readme.read_text(encoding="utf-8").splitlines()
    try:
        start = lines.index(f"## {title}") + 1
    except ValueError:
        raise KeyError(f"data/README.md has no section '{title}'") from None
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("## ")), len(lines))
    return "\n".join(lines[start:end]).strip()
