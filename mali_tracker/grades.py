"""The second reading's grades, in the words readers see (data/README.md, "Grades")."""
from __future__ import annotations

from mali_tracker.i18n import format_date, translate
from mali_tracker.vocabulary import N_

GRADES = {"high": N_("high"), "medium": N_("medium"), "low": N_("low")}
MEANING = {
    "high": N_("two independent reports or an official document"),
    "medium": N_("one original report"),
    "low": N_("only a mirror, an unattributed page or a secondary summary"),
}


def grade_line(row: dict, lang: str = "en") -> str | None:
    """'Confidence: high (two independent reports or an official document), checked 30 Nov 2026.'
    for a row with a grade; None for an imported row, which has none."""
    grade = row.get("confidence")
    if not grade:
        return None
    checked = translate(", checked {date}", lang).format(date=format_date(row["checked_on"], lang)) \
        if row.get("checked_on") else ""
    return translate("Confidence: {grade} ({meaning}){checked}.", lang).format(
        grade=translate(GRADES.get(grade, grade), lang),
        meaning=translate(MEANING.get(grade, N_("see Methodology")), lang), checked=checked)
