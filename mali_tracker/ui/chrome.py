"""Page chrome: running every page through app.py, plain messages for problems, the footer."""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import NoReturn

import streamlit as st

from mali_tracker import db, paths
from mali_tracker.ui import cache, language, view
from mali_tracker.ui.language import _
from mali_tracker.vocabulary import N_

# Plotly draws from the bundled library; the map outlines come from our own static folder.
PLOTLY_CONFIG = {"displaylogo": False, "topojsonURL": "app/static/topojson/"}

ENTRYPOINT_MARK = "_ran_through_app_py"


PAGE_SEEN = "_page_seen"
PAGE_CHANGED = "_page_changed"


def mark_entrypoint(url_path: str) -> None:
    """Called by app.py on every run, just before it hands over to the page: notes that the
    run came through app.py, and whether the reader has just arrived on this page."""
    st.session_state[ENTRYPOINT_MARK] = True
    cache.pin_data_version()
    st.session_state[PAGE_CHANGED] = st.session_state.get(PAGE_SEEN) != url_path
    st.session_state[PAGE_SEEN] = url_path


def arrived_on_page() -> bool:
    """True on the first run of a page after the reader came to it (from a link or another page)."""
    return st.session_state.get(PAGE_CHANGED, True)


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


# Why a table cannot be read (db.DataUnavailable.reason), marked for the catalogue.
DATA_PROBLEMS = (N_("file is missing"), N_("file is empty or corrupt"))


class PageEnded(Exception):
    """A page has said all it can (see end_page)."""


def end_page() -> NoReturn:
    """End the page's run here, like st.stop(), but through run_guarded, so app.py still draws
    the top bar afterwards (after st.stop() Streamlit draws nothing more, not even in app.py)."""
    raise PageEnded


def stop_on_data_problem(exc: db.DataUnavailable) -> NoReturn:
    """Tell the reader which file is broken and how to rebuild it, then end the page."""
    st.error(_("The {table} table cannot be read from {path} ({reason}). Rebuild it with `python -m "
               "mali_tracker.build`, or point MALI_TRACKER_DATA at a folder made by `python -m mali_tracker.ingest` "
               "(run it again on an older folder).").format(table=exc.table, path=exc.path, reason=_(exc.reason)),
             icon=":material/database:")
    end_page()


def data_scope_note(summary: dict) -> None:
    """Say what the counts are counts of: a curated selection, or which imported export.

    `summary` is the row of queries/dataset_summary.sql."""
    origins = summary["origins"] or []
    if origins == ["curated"]:
        st.caption(":material/info: " + _(
            "These are a curated selection of notable events, each from published reports, not a "
            "count of every incident: use the counts to compare, not as national totals. How rows "
            "are chosen: [Methodology](methodology)."))
    elif origins:
        names = " and ".join(origin.upper() for origin in origins if origin != "curated")
        imported = [origin for origin in origins if origin != "curated"]
        st.caption(":material/info: " + language.ngettext(
            "Imported from the {names} export in the data folder `{folder}` ({count} events, "
            "{first} – {last}); its counts follow that dataset's own coding rules.",
            "Imported from the {names} exports in the data folder `{folder}` ({count} events, "
            "{first} – {last}); their counts follow each dataset's own coding rules.", len(imported)).format(
            names=names, folder=paths.data_dir().name, count=language.number(summary["event_count"]),
            first=language.date(summary["first_date"]), last=language.date(summary["last_date"])))


def download_name(stem: str, extension: str = "csv") -> str:
    """A download's file name, carrying the data version: 'mali-events-…-v3f2a1b2.csv'."""
    return f"{stem}-v{cache.data_version().short}.{extension}"


def footer() -> None:
    """Source and licence on every page, where a reader looks for them (as Datasette does)."""
    st.divider()
    version = cache.data_version()
    built = _(", built {date}").format(date=language.date(version.built_at.date())) if version.built_at else ""
    st.caption(_(
        "Data: Mali Crisis Tracker, curated from published reports, each row citing its sources "
        "(see Methodology). Data licence CC BY 4.0; code MIT. Data folder: `{folder}`, data version "
        "`{version}`{built}."
    ).format(folder=paths.data_dir().name, version=version.short, built=built))


log = logging.getLogger("mali_tracker")


def run_guarded(page: Callable[[], None]) -> None:
    """Run a page; an unexpected error becomes a plain message in our own words and a way back.

    The details (type, traceback) go to the server's log only: Streamlit's own error box would
    offer links to a search engine and a chatbot, which a newsroom's readers must never get.
    st.rerun() and st.switch_page() raise BaseExceptions, so they pass through untouched; a page
    ends early with end_page().
    """
    try:
        page()
    except PageEnded:
        pass
    except Exception:
        log.exception("unexpected error while running a page")
        st.error(_("Something went wrong while drawing this page, and it has been noted in the server's "
                   "log. The data is not affected. Try again, or go back to the front page."),
                 icon=":material/error:")
        # a plain relative link: it works even when the navigation itself is what failed
        st.markdown("[" + _("Back to the front page") + "](./)")


def top_bar(pages: list, current, more: Callable[[], None] | None = None) -> None:
    """The navigation, as links that carry the reader's view, and a "Copy link" control.

    Streamlit's own top navigation drops the query string on a page change, so a reader who
    filtered the timeline would land on an unfiltered Explore page and download the wrong CSV.
    """
    carried = view.carried()
    with st.container(horizontal=True, gap="small", key="top_bar"):
        for page in pages:
            st.page_link(page, query_params=carried, width="content")
        with st.popover(_("Copy link"), icon=":material/link:"):
            st.caption(_("This link opens exactly this view (filters, dates, selection, language):"))
            st.code(view.full_link(current.url_path), language=None, wrap_lines=True)
        if more is not None:  # further controls of the bar (the Cite popover: ui/publishing.py)
            more()
        language.switch()


def page_link(page: str, label: str, icon: str | None = None, **extra: str) -> None:
    """An in-app link that keeps the reader's filters (plus page-specific `extra` keys)."""
    st.page_link(page, label=label, icon=icon, query_params=view.carried(**extra))


def scroll_to(container_key: str) -> None:
    """Bring a keyed container into view (on a phone the detail sits screens below the chart).

    Our own fixed script, no reader text in it; Streamlit marks a keyed container with the
    class st-key-KEY."""
    if not container_key.replace("_", "").isalnum():
        raise ValueError(f"not a container key: {container_key!r}")
    st.html(
        "<script>setTimeout(function () {"
        f"var box = window.parent.document.querySelector('.st-key-{container_key}')"
        f" || document.querySelector('.st-key-{container_key}');"
        "if (box) { box.scrollIntoView({behavior: 'smooth', block: 'start'}); }"
        "}, 150);</script>",
        unsafe_allow_javascript=True, width="content",
    )


# Plotly selects a point on a click only if it already knows which point is under the pointer
# (its hover). A mouse hovers before it clicks; a finger does not, so the first tap on a
# marker selected nothing and only the second did. Before a touch reaches a chart, this tells
# Plotly where the finger is, as a mouse would. Our own fixed script; installed once a page.
_TOUCH_HOVER_SCRIPT = """<script>(function () {
  var doc = window.parent.document || document;
  if (doc.maliTouchHover) { return; }
  doc.maliTouchHover = true;
  doc.addEventListener('touchstart', function (event) {
    var layer = event.target.closest && event.target.closest('.js-plotly-plot .nsewdrag');
    if (!layer || event.touches.length !== 1) { return; }
    var touch = event.touches[0];
    layer.dispatchEvent(new MouseEvent('mousemove', {
      bubbles: true, clientX: touch.clientX, clientY: touch.clientY, view: doc.defaultView}));
  }, {capture: true, passive: true});
})();</script>"""


def first_tap_selects() -> None:
    """Make one tap on a chart's marker select it on touch screens (see _TOUCH_HOVER_SCRIPT)."""
    st.html(_TOUCH_HOVER_SCRIPT, unsafe_allow_javascript=True, width="content")
