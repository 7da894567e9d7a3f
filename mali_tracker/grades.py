"""The second reading's grades, in the words readers see (data/README.md, "Grades")."""
from __future__ import annotations

MEANING = {
    "high": "two independent reports or an official document",
    "medium": "one original report",
    "low": "only a mirror, an unattributed page or a secondary summary",
}


def grade_line(row: dict) -> str | None:
    """'Confidence: high (two independent reports or an official document), checked 30 Nov 2026.'
    for a row with a grade; None for an imported row, which has none."""
    grade = row.get("confidence")
    if not grade:
        return None
    checked = f", checked {row['checked_on']:%d %b %Y}" if row.get("checked_on") else ""
    return f"Confidence: {grade} ({MEANING.get(grade, 'see Methodology')}){checked}."
