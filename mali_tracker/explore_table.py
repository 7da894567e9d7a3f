"""The explore table as a reader sees it: plain column names, dates with their precision,
empty cells empty, tolls as best (low–high), the title a link to the event's page. Also what
`sort=` and `cols=` in the link may say. Pure functions: no Streamlit here.

The CSV and Parquet downloads keep the data's own columns (a public contract); only the table
on screen is turned into words.
"""
from __future__ import annotations

import re
from urllib.parse import urlencode

import polars as pl

from mali_tracker.filters import quoted
from mali_tracker.i18n import DEFAULT_LANGUAGE, format_date, format_number, translate
from mali_tracker.vocabulary import N_, shown

# key in the link -> column heading (translated where shown)
COLUMNS = {
    "date": N_("Date"),
    "event": N_("Event"),
    "type": N_("Type"),
    "theme": N_("Theme"),
    "place": N_("Place"),
    "region": N_("Region"),
    "deaths": N_("Deaths: best (low–high)"),
    "actors": N_("Actors"),
    "grade": N_("Grade"),
    "sources": N_("Sources"),
    "link": N_("First source"),
    "summary": N_("Summary"),
    "checked": N_("Checked on"),
    "id": N_("Id"),
}
DEFAULT_COLUMNS = ("date", "event", "type", "place", "region", "deaths", "grade", "sources", "link")
# key in the link -> $sort_key of queries/events_filtered.sql ("event" depends on the language)
SORTS = {"date": "date", "event": "title", "type": "type", "theme": "theme", "place": "place",
         "region": "region", "deaths": "deaths", "grade": "grade"}
DEFAULT_SORT = ("date", False)
GRADE_WORDS = {"high": N_("high"), "medium": N_("medium"), "low": N_("low")}
EVENT_LINK_TEXT = r"#(.+)$"  # the title travels after '#' in the link, for LinkColumn to show
SOURCE_LINK_TEXT = r"^https?://(?:www\.)?([^/?#]+)"


def sort_key_for_query(key: str, lang: str) -> str:
    """The query's $sort_key for a sort key of the link (titles sort in the reader's language)."""
    if key == "event" and lang != DEFAULT_LANGUAGE:
        return "title_fr"
    return SORTS.get(key, "date")


def parse_sort(raw: str | None, messages: list[str], lang: str) -> tuple[str, bool]:
    """`sort=deaths` or `sort=-deaths` (biggest first) -> (key, descending)."""
    if raw is None or not raw.strip():
        return DEFAULT_SORT
    text = raw.strip()
    descending = text.startswith("-")
    key = text.lstrip("-").lower()
    if key not in SORTS:
        messages.append(translate("The table cannot be sorted by {value}; it is sorted by date. It can be sorted "
                                  "by: {allowed}.", lang).format(value=quoted(raw), allowed=", ".join(SORTS)))
        return DEFAULT_SORT
    return key, descending


def sort_param(key: str, descending: bool) -> str | None:
    """What `sort=` says for this order (None for the default)."""
    if (key, descending) == DEFAULT_SORT:
        return None
    return ("-" if descending else "") + key


def parse_columns(raw: str | None, messages: list[str], lang: str) -> tuple[str, ...]:
    """`cols=date,event,deaths` -> the columns shown, in that order; unknown ones are dropped
    with a message, and none left means the default set."""
    if raw is None or not raw.strip():
        return DEFAULT_COLUMNS
    asked = [part.strip().lower() for part in raw.split(",") if part.strip()][:len(COLUMNS) * 2]
    known = tuple(dict.fromkeys(key for key in asked if key in COLUMNS))
    unknown = [key for key in asked if key not in COLUMNS]
    if unknown:
        messages.append(translate("No column is called {value}; the columns are: {allowed}.", lang).format(
            value=quoted(", ".join(unknown)), allowed=", ".join(COLUMNS)))
    return known or DEFAULT_COLUMNS


def columns_param(columns: tuple[str, ...]) -> str | None:
    return None if tuple(columns) == DEFAULT_COLUMNS else ",".join(columns)


def _toll(low: int | None, best: int | None, high: int | None, lang: str) -> str:
    """'77', '77 (60–80)', '60–80' without a best figure, '77 (60–?)' with one end unknown."""
    if low is None and best is None and high is None:
        return ""
    def number(value: int | None) -> str:
        return format_number(value, lang) if value is not None else "?"
    if best is None:
        return f"{number(low)}–{number(high)}" if low != high else number(low)
    if low in (None, best) and high in (None, best):
        return number(best)
    return f"{number(best)} ({number(low)}–{number(high)})"


def row_link(page: str, row_id: str, text: str, params: dict[str, str]) -> str:
    """A relative link to an event's or actor's page carrying the shared view, the text shown
    after '#' (LinkColumn shows it: EVENT_LINK_TEXT)."""
    clean = re.sub(r"\s+", " ", text or row_id).strip()
    return f"{page}?{urlencode({**params, 'id': row_id}, safe=',')}#{clean}"


def event_link(event_id: str, title: str, params: dict[str, str]) -> str:
    return row_link("event", event_id, title, params)


def display_frame(events: pl.DataFrame, lang: str, link_params: dict[str, str],
                  columns: tuple[str, ...] = DEFAULT_COLUMNS) -> pl.DataFrame:
    """One page of queries/events_filtered.sql as the table shows it, columns keyed as in
    COLUMNS (the page gives them their headings)."""
    rows = []
    french = lang != DEFAULT_LANGUAGE
    for row in events.iter_rows(named=True):
        title = (row.get("title_fr") if french else None) or row["title"] or ""
        summary = (row.get("summary_fr") if french else None) or row["summary"] or ""
        urls = (row["source_urls"] or "").split()
        rows.append({
            "date": format_date(row["date_start"], lang, row["date_precision"] or "day") if row["date_start"] else "",
            "event": event_link(row["event_id"], title, link_params),
            "type": shown(row["event_type"], lang),
            "theme": shown(row["theme"], lang),
            "place": row["location"] or "",
            "region": row["admin1"] or "",
            "deaths": _toll(row["fatalities_low"], row["fatalities_best"], row["fatalities_high"], lang),
            "actors": row["actor_names"] or "",
            "grade": translate(GRADE_WORDS[row["confidence"]], lang) if row["confidence"] in GRADE_WORDS else "",
            "sources": row["source_outlets"] or "",
            "link": next((url for url in urls if url.startswith(("https://", "http://"))), ""),
            "summary": summary,
            "checked": format_date(row["checked_on"], lang) if row["checked_on"] else "",
            "id": row["event_id"],
        })
    return pl.DataFrame(rows, schema={key: pl.String for key in COLUMNS}).select(columns)
