"""Cached reads shared by every page: the one connection, named queries, figures, lookups.

Everything here is keyed by the folder of the data version a page run reads (store.served,
pinned once per run) and that version (manifest.json, written by build and ingest), so
pointing MALI_TRACKER_DATA elsewhere, or rebuilding the data while the app serves, never serves
another folder's or an older version's answers beside new ones.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

# Plotly and Streamlit look pandas up lazily in sys.modules; with several readers arriving at
# once, one thread could see the module half-imported by another ("partially initialized module
# 'pandas'", seen in benchmarks/load.py). Importing it here, under Python's import lock, before
# any page draws anything, ends that race.
import pandas  # noqa: F401
import plotly.graph_objects as go
import polars as pl
import streamlit as st

from mali_tracker import db, manifest, paths, store
from mali_tracker.filters import DEFAULT_END, DEFAULT_START, FilterChoices, Filters

PINNED = "_data_this_run"
EVERY_EVENT = Filters(start=dt.date(1, 1, 1), end=dt.date(9999, 12, 31))


def _read_served() -> tuple[Path, manifest.DataVersion]:
    folder = store.served(paths.data_dir())
    return folder, manifest.read_version(folder)


def pin_data_version() -> None:
    """Choose, once at the start of a page run (app.py), the folder and version every query
    of the run reads: a publish during the run (store.publish flips a pointer) is seen by the
    next run, never half-way through this one."""
    st.session_state[PINNED] = _read_served()


def _pinned() -> tuple[Path, manifest.DataVersion]:
    pinned = st.session_state.get(PINNED)
    return pinned if pinned is not None else _read_served()


def data_version() -> manifest.DataVersion:
    """The version of the tables this run reads (pinned at the run's start)."""
    return _pinned()[1]


def _key() -> tuple[str, str]:
    """What every cache entry is keyed by: the version's folder and the version."""
    folder, version = _pinned()
    return str(folder), version.version


@st.cache_resource(show_spinner=False, max_entries=4)
def _database(data_dir: str, version: str) -> db.Database:
    return db.open_database(Path(data_dir))


def database() -> db.Database:
    """The process's one locked-down connection for the current data folder and version."""
    return _database(*_key())


@st.cache_data(show_spinner=False, max_entries=256)
def _cached_query(data_dir: str, version: str, name: str, params: tuple) -> pl.DataFrame:
    return db.run_query(_database(data_dir, version), name, **dict(params))


def _freeze(params: dict) -> tuple:
    """Query parameters as a sorted tuple, lists turned to tuples, so they hash."""
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))


def query(name: str, **params) -> pl.DataFrame:
    """Run a named query through the cache."""
    return _cached_query(*_key(), name, _freeze(params))


def query_uncached(name: str, **params) -> pl.DataFrame:
    """Run a named query without keeping its answer: for a download of up to every row (a 1M-row
    frame held for each reader's view would grow the server by hundreds of MB a view)."""
    return db.run_query(database(), name, **params)


@st.cache_resource(show_spinner=False, max_entries=128)
def _cached_figure(data_dir: str, version: str, chart: str, params: tuple,
                   _build: Callable[[], go.Figure]) -> go.Figure:
    return _build()


def figure(chart: str, params: dict, build: Callable[[], go.Figure]) -> go.Figure:
    """A chart built once per data folder and parameters, then shared by every session.

    Building a Plotly figure validates every property (tens of milliseconds); a reader going
    back and forth between filters should not pay that again. `params` must determine
    everything `build` draws. Figures are never mutated after building (st.plotly_chart
    copies them), so sharing one object between sessions is safe.
    """
    return _cached_figure(*_key(), chart, _freeze(params), build)


@st.cache_data(show_spinner=False, max_entries=8)
def _filter_choices(data_dir: str, version: str) -> FilterChoices:
    database = _database(data_dir, version)
    # the facets of every event, whatever its date: the values that exist in this data
    facets = db.run_query(database, "explore_facets_window", **EVERY_EVENT.query_params())
    actors = db.run_query(database, "actor_options")
    bounds = db.run_query(database, "dataset_summary").row(0, named=True)

    def values(facet: str) -> tuple[str, ...]:
        return tuple(sorted(facets.filter(pl.col("facet") == facet)["value"].to_list()))

    return FilterChoices(
        types=values("type"),
        themes=values("theme"),
        regions=values("region"),
        actors=tuple(actors.filter(pl.col("event_count") > 0)["actor_id"].to_list()),
        first_date=bounds["first_date"] or DEFAULT_START,
        last_date=bounds["last_date"] or DEFAULT_END,
    )


def facets(filters: Filters) -> pl.DataFrame:
    """How many matching events fall in each type, theme, region, actor and year: from the
    stored counts when the filters are only a date window, else from the events."""
    return query("explore_facets_window" if filters.window_only() else "explore_facets", **filters.query_params())


def filter_choices() -> FilterChoices:
    return _filter_choices(*_key())


@st.cache_data(show_spinner=False, max_entries=8)
def _actor_names(data_dir: str, version: str) -> dict[str, str]:
    frame = db.run_query(_database(data_dir, version), "actor_options")
    return dict(zip(frame["actor_id"].to_list(), frame["name"].to_list()))


def actor_names() -> dict[str, str]:
    """actor_id -> name, for the sidebar and captions (per data folder)."""
    return _actor_names(*_key())


