"""The sidebar's event filters, bound to the query string (DESIGN.md, "URL state")."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

import streamlit as st

from mali_tracker import db
from mali_tracker.filters import (
    DEFAULT_END,
    DEFAULT_START,
    FilterChoices,
    Filters,
    parse_filters,
    to_query_params,
)
from mali_tracker.ui import cache, chrome, language
from mali_tracker.ui.language import _
from mali_tracker.ui.view import FILTER_KEYS

WIDGET_PREFIX = "filter_"
WIDGET_KEYS = FILTER_KEYS
SYNCED_VIEW = "_filters_in_link"  # the filter params this session last wrote into the link


def _date_bounds(choices: FilterChoices) -> tuple[dt.date, dt.date]:
    return min(choices.first_date, DEFAULT_START), max(choices.last_date, DEFAULT_END)


def _clamp_dates(filters: Filters, choices: FilterChoices, messages: list[str]) -> Filters:
    low, high = _date_bounds(choices)
    start = min(max(filters.start, low), high)
    end = min(max(filters.end, low), high)
    if (start, end) != (filters.start, filters.end):
        messages.append(_("The data runs from {low} to {high}; the dates in the link were brought inside that "
                          "range.").format(low=low, high=high))
    return replace(filters, start=start, end=end)


def _seed_widgets(filters: Filters) -> None:
    """Set the sidebar widgets to what the link says (before they are drawn)."""
    defaults = {
        "start": filters.start,
        "end": filters.end,
        "type": list(filters.types),
        "theme": list(filters.themes),
        "actor": list(filters.actors),
        "region": list(filters.regions),
        "q": filters.q,
    }
    for key, value in defaults.items():
        st.session_state[WIDGET_PREFIX + key] = value


def _sync_url(params: dict[str, str], managed: tuple[str, ...]) -> None:
    """Write our keys into the query string, leaving other pages' keys (as_of, subject) alone."""
    for key in managed:
        wanted = params.get(key)
        if wanted is None:
            if key in st.query_params:
                del st.query_params[key]
        elif st.query_params.get(key) != wanted:
            st.query_params[key] = wanted


FACET_WIDGETS = {"type": "type", "theme": "theme", "region": "region", "actor": "actor"}


def year_window(year: int) -> tuple[dt.date, dt.date]:
    """The dates a year facet sets, inside the data's range."""
    low, high = _date_bounds(cache.filter_choices())
    return max(dt.date(year, 1, 1), low), min(dt.date(year, 12, 31), high)


def facet_is_on(facet: str, value: str) -> bool:
    """Whether the filters already hold this facet value (its button is shown pressed)."""
    if facet == "year":
        window = year_window(int(value))
        return (st.session_state.get(WIDGET_PREFIX + "start"), st.session_state.get(WIDGET_PREFIX + "end")) == window
    return value in (st.session_state.get(WIDGET_PREFIX + FACET_WIDGETS[facet]) or [])


def toggle_facet(facet: str, value: str) -> None:
    """A facet value clicked (a button callback): add it to the filters, or take it out if it
    is in them. A year sets the dates to that year, or back to the whole range."""
    if facet == "year":
        if facet_is_on(facet, value):
            st.session_state[WIDGET_PREFIX + "start"], st.session_state[WIDGET_PREFIX + "end"] = DEFAULT_START, DEFAULT_END
        else:
            st.session_state[WIDGET_PREFIX + "start"], st.session_state[WIDGET_PREFIX + "end"] = year_window(int(value))
        return
    key = WIDGET_PREFIX + FACET_WIDGETS[facet]
    chosen = list(st.session_state.get(key) or [])
    st.session_state[key] = [v for v in chosen if v != value] if value in chosen else [*chosen, value]


def _extend_to_latest(latest: dt.date) -> None:
    st.session_state[WIDGET_PREFIX + "end"] = latest


# Typing "France" and Enter must pick France: no "Select all matches" row for Enter to land
# on (Streamlit's default puts it first), and options match by substring, not by scattered
# letters (fuzzy matching offered the CNRDRE for "France").
PICKER = dict(select_all=False, filter_mode="contains", persist_state="session")


def event_filters() -> Filters:
    """Render the sidebar filters (bound to the query string) and return what they select."""
    try:
        choices = cache.filter_choices()
    except db.DataUnavailable as exc:
        chrome.stop_on_data_problem(exc)
    # The link is the view: on arriving at a page (a link opened, the top bar or an in-app link
    # followed, a reload) or when the link says something other than what this session last
    # wrote, the widgets are set from it. Otherwise the reader has just changed a widget, and
    # the widgets win.
    in_link = link_view()
    widgets_missing = any(WIDGET_PREFIX + key not in st.session_state for key in WIDGET_KEYS)
    if widgets_missing or chrome.arrived_on_page() or in_link != st.session_state.get(SYNCED_VIEW):
        parsed = parse_filters(in_link, choices, language.current())
        filters = _clamp_dates(parsed.filters, choices, parsed.messages)
        for message in parsed.messages:
            st.warning(message, icon=":material/link_off:")
        _seed_widgets(filters)
    low, high = _date_bounds(choices)
    # The data may have changed under an open session (a rebuild or re-import): dates kept from
    # the old version are brought inside the new one's range, and choices it lacks are dropped.
    for key in ("start", "end"):
        kept = st.session_state.get(WIDGET_PREFIX + key)
        if kept is not None and not low <= kept <= high:
            st.session_state[WIDGET_PREFIX + key] = min(max(kept, low), high)
    for key, offered in (("type", choices.types), ("theme", choices.themes), ("actor", choices.actors),
                         ("region", choices.regions)):
        kept = st.session_state.get(WIDGET_PREFIX + key) or []
        if any(value not in offered for value in kept):
            st.session_state[WIDGET_PREFIX + key] = [value for value in kept if value in offered]
    names = cache.actor_names()
    sidebar = st.sidebar
    sidebar.header(_("Filters"))
    start = sidebar.date_input(_("From"), key=WIDGET_PREFIX + "start", min_value=low, max_value=high,
                               format="YYYY-MM-DD", persist_state="session")
    end = sidebar.date_input(_("To"), key=WIDGET_PREFIX + "end", min_value=low, max_value=high,
                             format="YYYY-MM-DD", persist_state="session")
    sidebar.button(
        _("Up to the latest event ({date})").format(date=language.date(choices.last_date)),
        on_click=_extend_to_latest, args=(choices.last_date,), width="stretch",
        disabled=end == choices.last_date,
    )
    types = sidebar.multiselect(_("Event type"), choices.types, key=WIDGET_PREFIX + "type",
                                placeholder=_("All types"), **PICKER)
    themes = sidebar.multiselect(_("Theme"), choices.themes, key=WIDGET_PREFIX + "theme",
                                 placeholder=_("All themes"), **PICKER)
    actors = sidebar.multiselect(_("Actor"), choices.actors, key=WIDGET_PREFIX + "actor",
                                 format_func=lambda actor_id: names.get(actor_id, actor_id),
                                 placeholder=_("All actors"), **PICKER)
    regions = sidebar.multiselect(_("Region"), choices.regions, key=WIDGET_PREFIX + "region",
                                  placeholder=_("All regions"), **PICKER)
    q = sidebar.text_input(_("Search titles, summaries, places and actors"), key=WIDGET_PREFIX + "q", max_chars=200,
                           placeholder=_("e.g. Dembélé, Kidal, Wagner"), persist_state="session")
    if start is None or end is None:
        start, end = start or DEFAULT_START, end or DEFAULT_END
    if end < start:
        st.warning(_("The end date {end} is before the start date {start}; the two were swapped.").format(
            end=end, start=start),
                   icon=":material/swap_horiz:")
        start, end = end, start
    filters = Filters(start=start, end=end, types=tuple(types), themes=tuple(themes),
                      actors=tuple(actors), regions=tuple(regions), q=(q or "").strip())
    written = to_query_params(filters)
    _sync_url(written, FILTER_KEYS)
    st.session_state[SYNCED_VIEW] = written
    return filters


def link_view() -> dict[str, str]:
    """The shared filters as the current link states them (only the keys every page shares)."""
    return {key: st.query_params[key] for key in FILTER_KEYS if key in st.query_params}


