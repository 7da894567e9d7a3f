"""The map section of /actors: events as points or counted per region (`map=regions` in the
link), a click on a region filters by it, a click on an event opens it; the table and the CSV
behind whichever view is shown."""
from __future__ import annotations

from functools import partial

import streamlit as st

from mali_tracker import regions
from mali_tracker.export import file_stem, to_csv_bytes
from mali_tracker.filters import Filters, quoted
from mali_tracker.ui import cache, chart_views, chrome, clicks, language, publishing, sidebar, view
from mali_tracker.ui.language import _

MAP_PARAM = "map"
VIEWS = {"points": "", "regions": "regions"}  # view -> its value in the link ("" = the default, left out)
OPEN_EVENT = "map_open_event"  # an event clicked on the map, opened on the next run


def _read_view() -> str:
    if "map_view" not in st.session_state:
        asked = st.query_params.get(MAP_PARAM, "")
        if asked not in VIEWS.values():
            st.warning(_("The link asks for a map called {value}; there is none, so events are shown as points. "
                         "Use map=regions for counts by region.").format(value=quoted(asked)),
                       icon=":material/link_off:")
            asked = ""
        st.session_state["map_view"] = "regions" if asked == "regions" else "points"
    chosen = st.segmented_control(_("Show"), list(VIEWS), key="map_view", required=True,
                                  format_func=lambda v: _("Events as points") if v == "points" else _("Counts by region"))
    if VIEWS[chosen]:
        st.query_params[MAP_PARAM] = VIEWS[chosen]
    else:
        st.query_params.pop(MAP_PARAM, None)
    return chosen


def _regions_key() -> str:
    """The region map's widget key: a new one after each click, so that the next click on the
    same region is a new selection (Plotly keeps a clicked shape selected)."""
    return f"map_regions_{st.session_state.get('map_regions_round', 0)}"


def _filter_by_clicked_region(key: str) -> None:
    """A click on a region (or a 2016 region's circle) adds its names in the data to the region
    filter, or takes them out when they are all in it already."""
    clicked = clicks.clicked(key)
    if not clicked:
        return
    st.session_state["map_regions_round"] = st.session_state.get("map_regions_round", 0) + 1
    matched = regions.match(list(cache.filter_choices().regions))
    values = {**matched.drawn, **matched.new}.get(clicked[0][0], [])
    if not values:
        st.toast(_("No event in the data is placed in {region}.").format(region=clicked[0][0]))
        return
    key = sidebar.WIDGET_PREFIX + "region"
    chosen = list(st.session_state.get(key) or [])
    if all(v in chosen for v in values):
        st.session_state[key] = [v for v in chosen if v not in values]
    else:
        st.session_state[key] = chosen + [v for v in values if v not in chosen]


def _open_clicked_event() -> None:
    clicked = clicks.clicked("map")
    if clicked and len(clicked[0]) >= 5:
        st.session_state[OPEN_EVENT] = clicked[0][4]


def open_pending_event() -> None:
    """Go to the event clicked on the map (called early on the page's next run)."""
    event_id = st.session_state.pop(OPEN_EVENT, None)
    if event_id:
        st.switch_page("pages/event.py", query_params={"id": event_id, **view.carried()})


def _points(filters: Filters, who: str, window: str, parts: list[str]) -> None:
    mapped = chart_views.event_map(filters, who)
    if mapped.figure is None:
        st.info(mapped.empty)
        return
    if mapped.details["grid"]:
        st.caption(_("**{count} events**{who}, {window}: too many to draw one by one, so they are counted per "
                     "{size}° cell (about 55 km); circle size follows the count.").format(
            count=language.number(mapped.details["mappable"]), who=who, window=window,
            size=language.number(chart_views.GRID_DEGREES)))
        st.plotly_chart(mapped.figure, config=publishing.image_config(mapped, parts), key="map", alt=mapped.alt)
    else:
        st.caption(_("**{count} events on the map**{who}, {window}. Colour and shape by event type, size by reported "
                     "deaths; click an event to open it. Events placed only by region sit on the region's "
                     "capital.").format(count=language.number(mapped.data.height), who=who, window=window))
        chrome.first_tap_selects()
        st.plotly_chart(mapped.figure, config=publishing.image_config(mapped, parts), key="map", alt=mapped.alt,
                        on_select=_open_clicked_event, selection_mode="points")
    with st.expander(_("The grid cells as a table") if mapped.details["grid"] else _("The mapped events as a table")):
        st.dataframe(mapped.data, hide_index=True)
    st.download_button(
        _("Download the mapped cells as CSV") if mapped.details["grid"] else
        _("Download the {count} mapped events as CSV").format(count=language.number(mapped.data.height)),
        lambda: to_csv_bytes(mapped.data), file_name=chrome.download_name(file_stem("mali-map", *parts)),
        mime="text/csv", icon=":material/download:", on_click="ignore", key="map_csv")
    publishing.tools(mapped, view.carried(), parts)


def _regions(filters: Filters, window: str, parts: list[str]) -> None:
    shown = chart_views.region_map(filters)
    found: regions.RegionCounts = shown.details["found"]
    if shown.figure is None:
        st.info(shown.empty)
        return
    in_regions = int(found.counts["event_count"].sum())
    st.caption(_("**{total} events** match the filters, {window}, as on the timeline: {in_regions} in Mali's regions, "
                 "{outside} outside Mali, {unplaced} with no region. Darker means more events; click a region to "
                 "filter by it, click it again to take it out.").format(
        total=language.number(found.total), window=window, in_regions=language.number(in_regions),
        outside=language.number(int(found.outside["event_count"].sum())), unplaced=language.number(found.unplaced)))
    chrome.first_tap_selects()
    key = _regions_key()
    st.plotly_chart(shown.figure, config=publishing.image_config(shown, parts), key=key, alt=shown.alt,
                    on_select=partial(_filter_by_clicked_region, key), selection_mode="points")
    st.caption(_("Boundaries: Natural Earth (public domain), which still draws the nine regions from before the 2016 "
                 "reform. Ménaka (carved from Gao) and Taoudénit (from Tombouctou) have no shape there: their events "
                 "are counted apart and drawn as a circle at their capital."))
    if found.outside.height:
        st.caption(_("Outside Mali, not drawn: {places}.").format(places=", ".join(
            f"{name} ({language.number(count)})" for name, count in found.outside.rows())))
    with st.expander(_("The counts by region as a table")):
        st.dataframe(shown.data, hide_index=True)
    st.download_button(_("Download the counts by region as CSV"), lambda: to_csv_bytes(shown.data),
                       file_name=chrome.download_name(file_stem("mali-regions", *parts)), mime="text/csv",
                       icon=":material/download:", on_click="ignore", key="regions_csv")
    publishing.tools(shown, view.carried(), parts)


def map_section(filters: Filters, who: str, window: str, parts: list[str]) -> None:
    if _read_view() == "regions":
        _regions(filters, window, parts)
    else:
        _points(filters, who, window, parts)
