"""Page chrome: running every page through app.py, plain messages for problems, the footer."""
from __future__ import annotations

import logging
from collections.abc import Callable

import streamlit as st

from mali_tracker import db, paths

# Plotly draws from the bundled library; the map outlines come from our own static folder.
PLOTLY_CONFIG = {"displaylogo": False, "topojsonURL": "app/static/topojson/"}

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


def stop_on_data_problem(exc: db.DataUnavailable) -> None:
    """Tell the reader which file is broken and how to rebuild it, then end the page."""
    st.error(str(exc), icon=":material/database:")
    st.stop()


def footer() -> None:
    """Source and licence on every page, where a reader looks for them (as Datasette does)."""
    st.divider()
    st.caption(
        "Data: Mali Crisis Tracker, curated from published reports, each row citing its "
        "sources (see Methodology). Data licence CC BY 4.0; code MIT. "
        f"Data folder: `{paths.data_dir().name}`."
    )


UNEXPECTED_ERROR = (
    "Something went wrong while drawing this page, and it has been noted in the server's log. "
    "The data is not affected. Try again, or go back to the front page."
)
log = logging.getLogger("mali_tracker")


def run_guarded(page: Callable[[], None]) -> None:
    """Run a page; an unexpected error becomes a plain message in our own words and a way back.

    The details (type, traceback) go to the server's log only: Streamlit's own error box would
    offer links to a search engine and a chatbot, which a newsroom's readers must never get.
    st.stop() and st.rerun() raise BaseExceptions, so they pass through untouched.
    """
    try:
        page()
    except Exception:
        log.exception("unexpected error while running a page")
        st.error(UNEXPECTED_ERROR, icon=":material/error:")
        # a plain relative link: it works even when the navigation itself is what failed
        st.markdown("[Back to the front page](./)")
