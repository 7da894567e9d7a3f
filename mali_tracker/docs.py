"""Sections of data/README.md, so the methodology page shows the one written copy."""
from __future__ import annotations

from pathlib import Path

from mali_tracker import paths

DATA_README = paths.DEFAULT_DATA_DIR / "README.md"
# The reader-facing sections in French: each `## French title` is followed by a line
# `<!-- section: English title -->` naming the section of README.md it translates.
TRANSLATED_README = {"fr": paths.DEFAULT_DATA_DIR / "README.fr.md"}


def readme_section(title: str, readme: Path = DATA_README) -> str:
    """The body of the `## title` section (up to the next `## ` heading)."""
    lines = readme.read_text(encoding="utf-8").splitlines()
    try:
        start = lines.index(f"## {title}") + 1
    except ValueError:
        raise KeyError(f"data/README.md has no section '{title}'") from None
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("## ")), len(lines))
    return "\n".join(lines[start:end]).strip()


def translated_section(title: str, lang: str) -> tuple[str, str]:
    """The (heading, body) of README.md's section `title` in `lang`: the translation in
    README.<lang>.md where there is one, else the English."""
    readme = TRANSLATED_README.get(lang)
    if readme is None:
        return title, readme_section(title)
    lines = readme.read_text(encoding="utf-8").splitlines()
    marker = f"<!-- section: {title} -->"
    try:
        at = lines.index(marker)
    except ValueError:
        raise KeyError(f"{readme.name} has no translation of '{title}'") from None
    heading = lines[at - 1].removeprefix("## ").strip()
    end = next((i for i in range(at + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    return heading, "\n".join(lines[at + 1:end]).strip()
