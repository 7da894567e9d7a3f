"""What every page shares: the cached database, cached queries, the sidebar filters, footers.

Pages stay thin: they read filters here, run named queries, and hand frames to charts.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

# Plotly and Streamlit look pandas up lazily in sys.modules; with several readers arriving at
# once, one thread could see the module half-imported by another ("partially initialized module
# 'pandas'", seen in benchmarks/load.py). Importing it here, under Python's import lock, before
# any page draws anything, ends that race.
import pandas  # noqa: F401
import plotly.graph_objects as go
import polars as pl
import streamlit as st

from mali_tracker import db, paths
from mali_tracker.filters import (  # noqa: F401 (quoted is re-exported for pages)
    DEFAULT_END,
    DEFAULT_START,
    FilterChoices,
    Filters,
    parse_filters,
    quoted,
    to_query_params,
)

FILTER_KEYS = ("start", "end", "type", "theme", "actor", "region", "q")
WIDGET_PREFIX = "filter_"
# Plotly draws from the bundled library; the map outlines come from our own static folder.
PLOTLY_CONFIG = {"displaylogo": False, "topojsonURL": "app/static/topojson/"}


@st.cache_resource(show_spinner=False)
def _database(data_dir: str) -> db.Database:
    return db.open_database(Path(data_dir))


ENTRYPOINT_MARK = "_ran_through_app_py"


def mark_entrypoint() -> None:
    """Called by app.py on every run, just before it hands over to the page."""
    st.session_state[ENTRYPOINT_MARK] = True


def ensure_entrypoint() -> None:
    """Run every page through app.py's navigation, even on a fresh server's first requests.

    Streamlit treats an app with a `pages/` folder as a v1 multipage app until
    `st.navigation` has run once in the process, so the first visitors of a deep link
    (/timeline) would get the page without app.py's setup and with the old sidebar menu.
    A page that was not reached through app.py in this run turns that mode off and reruns,
    which sends the request through app.py instead.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if not st.session_state.pop(ENTRYPOINT_MARK, False):
        PagesManager.uses_pages_directory = False
        st.rerun()


def database() -> db.Database:
    """The process's one locked-down connection for the current data folder."""
    return _database(str(paths.data_dir()))


@st.cache_data(show_spinner=False, max_entries=256)
def _cached_query(data_dir: str, name: str, params: tuple) -> pl.DataFrame:
    return db.run_query(_database(data_dir), name, **dict(params))


def _freeze(params: dict) -> tuple:
    """Query parameters as a sorted tuple, lists turned to tuples, so they hash."""
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))


def query(name: str, **params) -> pl.DataFrame:
    """Run a named query through the cache."""
    return _cached_query(str(paths.data_dir()), name, _freeze(params))


@st.cache_resource(show_spinner=False, max_entries=128)
def _cached_figure(data_dir: str, chart: str, params: tuple, _build: Callable[[], go.Figure]) -> go.Figure:
    return _build()


def figure(chart: str, params: dict, build: Callable[[], go.Figure]) -> go.Figure:
    """A chart built once per data folder and parameters, then shared by every session.

    Building a Plotly figure validates every property (tens of milliseconds); a reader going
    back and forth between filters should not pay that again. `params` must determine
    everything `build` draws. Figures are never mutated after building (st.plotly_chart
    copies them), so sharing one object between sessions is safe.
    """
    return _cached_figure(str(paths.data_dir()), chart, _freeze(params), build)


def stop_on_data_problem(exc: db.DataUnavailable) -> None:
    """Tell the reader which file is broken and how to rebuild it, then end the page."""
    st.error(str(exc), icon=":material/database:")
    st.stop()


@st.cache_data(show_spinner=False)
def _filter_choices(data_dir: str) -> FilterChoices:
    database = _database(data_dir)
    facets = db.run_query(database, "filter_options")
    actors = db.run_query(database, "actor_options")
    bounds = db.run_query(database, "dataset_summary").row(0, named=True)

    def values(facet: str) -> tuple[str, ...]:
        return tuple(facets.filter(pl.col("facet") == facet)["value"].to_list())

    return FilterChoices(
        types=values("type"),
        themes=values("theme"),
        regions=values("region"),
        actors=tuple(actors.filter(pl.col("event_count") > 0)["actor_id"].to_list()),
        first_date=bounds["first_date"] or DEFAULT_START,
        last_date=bounds["last_date"] or DEFAULT_END,
    )


def filter_choices() -> FilterChoices:
    return _filter_choices(str(paths.data_dir()))


@st.cache_data(show_spinner=False)
def _actor_names(data_dir: str) -> dict[str, str]:
    frame = db.run_query(_database(data_dir), "actor_options")
    return dict(zip(frame["actor_id"].to_list(), frame["name"].to_list()))


def actor_names() -> dict[str, str]:
    """actor_id -> name, for the sidebar and captions (per data folder)."""
    return _actor_names(str(paths.data_dir()))


def _date_bounds(choices: FilterChoices) -> tuple[dt.date, dt.date]:
    return min(choices.first_date, DEFAULT_START), max(choices.last_date, DEFAULT_END)


def _clamp_dates(filters: Filters, choices: FilterChoices, messages: list[str]) -> Filters:
    low, high = _date_bounds(choices)
    start = min(max(filters.start, low), high)
    end = min(max(filters.end, low), high)
    if (start, end) != (filters.start, filters.end):
        messages.append(f"The data runs from {low} to {high}; the dates in the link were brought inside that range.")
    return replace(filters, start=start, end=end)


def _initialise_widgets(filters: Filters) -> None:
    """Seed the sidebar widgets from the link, once per session."""
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
        st.session_state.setdefault(WIDGET_PREFIX + key, value)


def _sync_url(params: dict[str, str], managed: tuple[str, ...]) -> None:
    """Write our keys into the query string, leaving other pages' keys (as_of, subject) alone."""
    for key in managed:
        wanted = params.get(key)
        if wanted is None:
            if key in st.query_params:
                del st.query_params[key]
        elif st.query_params.get(key) != wanted:
            st.query_params[key] = wanted


def _extend_to_latest(latest: dt.date) -> None:
    st.session_state[WIDGET_PREFIX + "end"] = latest


def event_filters() -> Filters:
    """Render the sidebar filters (bound to the query string) and return what they select."""
    try:
        choices = filter_choices()
    except db.DataUnavailable as exc:
        stop_on_data_problem(exc)
    if WIDGET_PREFIX + "start" not in st.session_state:
        parsed = parse_filters(st.query_params.to_dict(), choices)
        filters = _clamp_dates(parsed.filters, choices, parsed.messages)
        for message in parsed.messages:
            st.warning(message, icon=":material/link_off:")
        _initialise_widgets(filters)
    low, high = _date_bounds(choices)
    names = actor_names()
    sidebar = st.sidebar
    sidebar.header("Filters")
    start = sidebar.date_input("From", key=WIDGET_PREFIX + "start", min_value=low, max_value=high,
                               format="YYYY-MM-DD", persist_state="session")
    end = sidebar.date_input("To", key=WIDGET_PREFIX + "end", min_value=low, max_value=high,
                             format="YYYY-MM-DD", persist_state="session")
    sidebar.button(
        f"Up to the latest event ({choices.last_date:%d %b %Y})",
        on_click=_extend_to_latest, args=(choices.last_date,), width="stretch",
        disabled=end == choices.last_date,
    )
    types = sidebar.multiselect("Event type", choices.types, key=WIDGET_PREFIX + "type",
                                placeholder="All types", persist_state="session")
    themes = sidebar.multiselect("Theme", choices.themes, key=WIDGET_PREFIX + "theme",
                                 placeholder="All themes", persist_state="session")
    actors = sidebar.multiselect("Actor", choices.actors, key=WIDGET_PREFIX + "actor",
                                 format_func=lambda actor_id: names.get(actor_id, actor_id),
                                 placeholder="All actors", persist_state="session")
    regions = sidebar.multiselect("Region", choices.regions, key=WIDGET_PREFIX + "region",
                                  placeholder="All regions", persist_state="session")
    q = sidebar.text_input("Search titles and summaries", key=WIDGET_PREFIX + "q", max_chars=200,
                           placeholder="e.g. Dembélé, Kidal, Wagner", persist_state="session")
    if start is None or end is None:
        start, end = start or DEFAULT_START, end or DEFAULT_END
    if end < start:
        st.warning(f"The end date {end} is before the start date {start}; the two were swapped.",
                   icon=":material/swap_horiz:")
        start, end = end, start
    filters = Filters(start=start, end=end, types=tuple(types), themes=tuple(themes),
                      actors=tuple(actors), regions=tuple(regions), q=(q or "").strip())
    _sync_url(to_query_params(filters), FILTER_KEYS)
    return filters


def footer() -> None:
    """Source and licence on every page, where a reader looks for them (as Datasette does)."""
    st.divider()
    st.caption(
        "Data: Mali Crisis Tracker, curated from published reports, each row citing its "
        "sources (see Methodology). Data licence CC BY 4.0; code MIT. "
        f"Data folder: `{paths.data_dir().name}`."
    )
