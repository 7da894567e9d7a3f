"""The explore table's own controls, bound to the link: sort (`sort=`), columns (`cols=`),
page (`page=`), and the facets beside it (which change the shared filters)."""
from __future__ import annotations

import polars as pl
import streamlit as st

from mali_tracker import explore_table
from mali_tracker.filters import quoted
from mali_tracker.markdown import plain
from mali_tracker.ui import cache, chrome, language, sidebar
from mali_tracker.ui.language import _
from mali_tracker.vocabulary import shown

SORT_KEY, DESCENDING_KEY, COLUMNS_KEY = "table_sort", "table_descending", "table_columns"
SYNCED = "_table_in_link"
FACET_SHOWN = 5  # values shown per facet before the rest is folded


def _in_link() -> dict[str, str]:
    return {key: st.query_params[key] for key in ("sort", "cols") if key in st.query_params}


def sort_and_columns() -> tuple[str, bool, tuple[str, ...]]:
    """Draw the sort and column pickers (set from the link on arrival) and keep the link
    in step with them; returns (sort key, descending, columns)."""
    in_link = _in_link()
    if chrome.arrived_on_page() or SORT_KEY not in st.session_state or in_link != st.session_state.get(SYNCED):
        messages: list[str] = []
        key, descending = explore_table.parse_sort(in_link.get("sort"), messages, language.current())
        st.session_state[SORT_KEY], st.session_state[DESCENDING_KEY] = key, descending
        st.session_state[COLUMNS_KEY] = list(explore_table.parse_columns(in_link.get("cols"), messages,
                                                                         language.current()))
        for message in messages:
            st.warning(message, icon=":material/link_off:")
    heading = {key: _(label) for key, label in explore_table.COLUMNS.items()}
    with st.container(horizontal=True, vertical_alignment="bottom"):
        key = st.selectbox(_("Sort by"), list(explore_table.SORTS), key=SORT_KEY, format_func=heading.get,
                           width=220)
        descending = st.toggle(_("Biggest or latest first"), key=DESCENDING_KEY)
        columns = st.multiselect(_("Columns shown"), list(explore_table.COLUMNS), key=COLUMNS_KEY,
                                 format_func=heading.get, placeholder=_("The usual columns"))
    columns = tuple(columns) or explore_table.DEFAULT_COLUMNS
    written = {name: value for name, value in (("sort", explore_table.sort_param(key, descending)),
                                               ("cols", explore_table.columns_param(columns))) if value}
    previous = st.session_state.get(SYNCED)
    if previous is not None and previous.get("sort") != written.get("sort"):
        st.query_params.pop("page", None)  # a new order starts at its first page
    for name in ("sort", "cols"):
        if written.get(name) is None:
            st.query_params.pop(name, None)
        elif st.query_params.get(name) != written[name]:
            st.query_params[name] = written[name]
    st.session_state[SYNCED] = written
    return key, descending, columns


def page_number(pages: int) -> int:
    """The page the link asks for (`page=`), kept in range; a bad value gets a message."""
    asked = st.query_params.get("page")
    page = 1
    if asked is not None:
        if not asked.strip().isdigit() or len(asked) > 9:
            st.warning(_("{value} is not a page number; showing the first page.").format(value=quoted(asked)),
                       icon=":material/link_off:")
        else:
            page = min(max(int(asked), 1), pages)
    if page == 1:
        st.query_params.pop("page", None)
    else:
        st.query_params["page"] = str(page)
    return page


def _go_to(number: int) -> None:
    st.query_params["page"] = str(number)


def pager(page: int, pages: int) -> None:
    if pages > 1:
        with st.container(horizontal=True, gap="small"):
            st.button(_("Previous page"), icon=":material/chevron_left:", disabled=page == 1,
                      on_click=_go_to, args=(page - 1,), key="page_previous")
            st.button(_("Next page"), icon=":material/chevron_right:", disabled=page == pages,
                      on_click=_go_to, args=(page + 1,), key="page_next")


def _value_label(facet: str, value: str, names: dict[str, str]) -> str:
    if facet == "actor":
        return names.get(value, value)
    if facet in ("type", "theme"):
        return shown(value, language.current())
    return value


def _facet_button(facet: str, value: str, count: int, names: dict[str, str]) -> None:
    st.button(f"{plain(_value_label(facet, value, names))} · {language.number(count)}",
              key=f"facet_{facet}_{value}", on_click=sidebar.toggle_facet, args=(facet, value),
              type="primary" if sidebar.facet_is_on(facet, value) else "secondary", width="stretch",
              help=_("Click to add to the filters; click again to take it out."))


def facets(counts: pl.DataFrame) -> None:
    """The facets: per facet its values with their counts, the biggest first, the rest folded.
    A click adds the value to the filters (and the link); a second click takes it out."""
    names = cache.actor_names()
    headings = {"type": _("Event type"), "theme": _("Theme"), "region": _("Region"), "actor": _("Actor"),
                "year": _("Year")}
    for facet, heading in headings.items():
        rows = counts.filter(pl.col("facet") == facet)  # the biggest first (queries/explore_facets.sql)
        if rows.height == 0:
            continue
        st.markdown(f"**{heading}**")
        values = list(rows.select("value", "event_count").iter_rows())
        for value, count in values[:FACET_SHOWN]:
            _facet_button(facet, value, count, names)
        if len(values) > FACET_SHOWN:
            with st.expander(_("{count} more").format(count=len(values) - FACET_SHOWN)):
                for value, count in values[FACET_SHOWN:]:
                    _facet_button(facet, value, count, names)
