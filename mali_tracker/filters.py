"""The shared event filters and their query-string form (DESIGN.md, "URL state").

`parse_filters` turns raw query parameters into valid filters plus plain messages for any
value it had to drop; `to_query_params` writes filters back in the same form, leaving out
defaults so a copied link stays short. Pure functions: no Streamlit here.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from mali_tracker.i18n import DEFAULT_LANGUAGE, translate, translate_plural
from mali_tracker.search import search_terms
from mali_tracker.vocabulary import N_

DEFAULT_START = dt.date(2012, 1, 1)
DEFAULT_END = dt.date(2024, 12, 31)
MAX_PARAM_CHARS = 200  # a longer value is refused rather than echoed back
MAX_LIST_ITEMS = 50

# What the query string calls each filter, and what a reader calls it in a message.
LIST_PARAMS = {"type": N_("event type"), "theme": N_("theme"), "actor": N_("actor"), "region": N_("region")}
DATE_PARAMS = {"start": N_("start"), "end": N_("end"), "as-of": N_("as-of")}


@dataclass(frozen=True)
class Filters:
    """What the reader asked to see. Empty tuples mean "all"."""

    start: dt.date = DEFAULT_START
    end: dt.date = DEFAULT_END
    types: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    q: str = ""

    def window_only(self) -> bool:
        """Whether the filters are a date window and nothing else (stored counts answer them)."""
        return not (self.types or self.themes or self.actors or self.regions or search_terms(self.q))

    def query_params(self, row_limit: int | None = None, row_offset: int = 0,
                     sort_key: str = "date", descending: bool = False) -> dict:
        """Named parameters for the queries built on `filtered_events` (a query is given only
        the ones it uses: db.run_query)."""
        params = {
            "start": self.start,
            "end": self.end,
            "types": list(self.types),
            "themes": list(self.themes),
            "actors": list(self.actors),
            "regions": list(self.regions),
            "terms": search_terms(self.q),
        }
        if row_limit is not None:  # a page of rows: at most row_limit, after skipping row_offset
            params["row_limit"] = row_limit
            params["row_offset"] = row_offset
            params["sort_key"] = sort_key
            params["descending"] = descending
        return params


@dataclass(frozen=True)
class FilterChoices:
    """The values that exist in the data, against which the URL is checked."""

    types: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    first_date: dt.date = DEFAULT_START
    last_date: dt.date = DEFAULT_END


@dataclass
class ParsedFilters:
    filters: Filters
    messages: list[str] = field(default_factory=list)


def _first(value) -> str:
    """Streamlit gives the last value of a repeated parameter; a list may come from tests."""
    if isinstance(value, (list, tuple)):
        return str(value[-1]) if value else ""
    return "" if value is None else str(value)


def quoted(text: str, limit: int = 40) -> str:
    """Echo a reader's bad value back safely: short, on one line, and as a code span, so that
    Markdown or HTML in a crafted link is shown as text, never rendered."""
    flat = " ".join(text.replace("`", "'").split())
    short = flat if len(flat) <= limit else flat[: limit - 1] + "…"
    return f"`{short}`"


def parse_date(raw: str, name: str, messages: list[str], lang: str = DEFAULT_LANGUAGE) -> dt.date | None:
    """A date from the link (`name`: start, end or as-of); a message in `lang` when it is not one."""
    label = translate(DATE_PARAMS.get(name, name), lang)
    if len(raw) > MAX_PARAM_CHARS:
        messages.append(translate("The {name} date in the link is too long to be a date; using the default.",
                                  lang).format(name=label))
        return None
    try:
        return dt.date.fromisoformat(raw.strip())
    except ValueError:
        messages.append(translate("{value} is not a date like 2013-01-11; using the default {name} date.",
                                  lang).format(value=quoted(raw), name=label))
        return None


def parse_list(raw: str, name: str, allowed: Iterable[str], messages: list[str],
               lang: str = DEFAULT_LANGUAGE) -> tuple[str, ...]:
    """Comma-separated values; unknown ones are dropped with a message naming them."""
    label = translate(name, lang)
    if len(raw) > MAX_PARAM_CHARS * 5:
        messages.append(translate("The {name} list in the link is too long; showing all of them.", lang).format(
            name=label))
        return ()
    allowed_set = set(allowed)
    chosen: list[str] = []
    unknown: list[str] = []
    for part in raw.split(","):
        value = part.strip()
        if not value:
            continue
        if value in allowed_set:
            if value not in chosen:
                chosen.append(value)
        else:
            unknown.append(value)
    if unknown:
        listed = ", ".join(quoted(v) for v in unknown[:3])
        extra = translate(" and {count} more", lang).format(count=len(unknown) - 3) if len(unknown) > 3 else ""
        messages.append(translate_plural("Unknown {name} {values}{more} in the link was ignored.",
                                         "Unknown {name} {values}{more} in the link were ignored.", len(unknown),
                                         lang).format(name=label, values=listed, more=extra))
    if len(chosen) > MAX_LIST_ITEMS:
        messages.append(translate("Only the first {count} {name} values in the link are used.", lang).format(
            count=MAX_LIST_ITEMS, name=label))
        chosen = chosen[:MAX_LIST_ITEMS]
    return tuple(chosen)


def parse_filters(params: Mapping[str, object], choices: FilterChoices,
                  lang: str = DEFAULT_LANGUAGE) -> ParsedFilters:
    """Read the filters from query parameters, keeping what is valid and saying what is not
    (in `lang`)."""
    messages: list[str] = []
    filters = Filters()
    start = parse_date(_first(params["start"]), "start", messages, lang) if "start" in params else None
    end = parse_date(_first(params["end"]), "end", messages, lang) if "end" in params else None
    if start:
        filters = replace(filters, start=start)
    if end:
        filters = replace(filters, end=end)
    if filters.end < filters.start:
        messages.append(translate("The end date {end} is before the start date {start}; showing the default "
                                  "window instead.", lang).format(end=filters.end, start=filters.start))
        filters = replace(filters, start=DEFAULT_START, end=DEFAULT_END)
    lists = {
        "type": ("types", choices.types),
        "theme": ("themes", choices.themes),
        "actor": ("actors", choices.actors),
        "region": ("regions", choices.regions),
    }
    for param, (attribute, allowed) in lists.items():
        if param in params:
            values = parse_list(_first(params[param]), LIST_PARAMS[param], allowed, messages, lang)
            filters = replace(filters, **{attribute: values})
    if "q" in params:
        q = _first(params["q"]).strip()
        if len(q) > MAX_PARAM_CHARS:
            messages.append(translate("The search text is longer than {count} characters; it was cut.",
                                      lang).format(count=MAX_PARAM_CHARS))
            q = q[:MAX_PARAM_CHARS]
        filters = replace(filters, q=q)
    return ParsedFilters(filters, messages)


def to_query_params(filters: Filters) -> dict[str, str]:
    """The query string for these filters; defaults are left out."""
    params: dict[str, str] = {}
    if filters.start != DEFAULT_START:
        params["start"] = filters.start.isoformat()
    if filters.end != DEFAULT_END:
        params["end"] = filters.end.isoformat()
    for param, attribute in (("type", "types"), ("theme", "themes"), ("actor", "actors"), ("region", "regions")):
        values = getattr(filters, attribute)
        if values:
            params[param] = ",".join(values)
    if filters.q:
        params["q"] = filters.q
    return params


def name_parts(filters: Filters) -> list[str]:
    """The filters as short parts of a file name: dates, then each filter that is set."""
    parts = [filters.start.isoformat(), filters.end.isoformat()]
    for label, values in (("type", filters.types), ("theme", filters.themes), ("actor", filters.actors),
                          ("region", filters.regions)):
        if values:
            parts.append(f"{label}-{'-'.join(values)}")
    if filters.q:
        parts.append(f"search-{filters.q}")
    return parts
