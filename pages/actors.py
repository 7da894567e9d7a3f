"""/actors: who stands with whom, when, and where they act."""
import datetime as dt

import streamlit as st

from mali_tracker import actor_charts, db
from mali_tracker.export import to_csv_bytes
from mali_tracker.filters import parse_date
from mali_tracker.markdown import plain
from mali_tracker.ui import cache, chrome, language, sidebar
from mali_tracker.ui.language import _
from mali_tracker.vocabulary import ACTOR_TYPE_WORDS

chrome.ensure_entrypoint()

MAP_MARKER_LIMIT = 20_000  # above this, the map shows grid cells counted in DuckDB
GRID_DEGREES = 0.5

st.title(_("Who stands with whom, and where"))
lang = language.current()
filters = sidebar.event_filters()
names = cache.actor_names()
try:
    dates = cache.query("relation_dates").row(0, named=True)
    summary = cache.query("dataset_summary").row(0, named=True)
    layout = cache.query("actor_layout")
    actor_counts = cache.query("actor_options")
except db.DataUnavailable as exc:
    chrome.stop_on_data_problem(exc)

first_date = dates["first_date"] or summary["first_date"] or dt.date(2012, 1, 1)
last_date = max(d for d in (dates["last_date"], summary["last_date"], first_date) if d)
positions = {row[0]: (row[1], row[2]) for row in layout.iter_rows()}
event_counts = dict(zip(actor_counts["actor_id"].to_list(), actor_counts["event_count"].to_list()))

if "as_of" not in st.session_state:
    messages: list[str] = []
    asked = parse_date(st.query_params["as_of"], "as-of", messages, lang) if "as_of" in st.query_params else None
    if asked and not first_date <= asked <= last_date:
        messages.append(_("The network covers {first} to {last}; {asked} was moved inside that range.").format(
            first=first_date, last=last_date, asked=asked))
        asked = min(max(asked, first_date), last_date)
    for message in messages:
        st.warning(message, icon=":material/link_off:")
    st.session_state["as_of"] = asked or last_date


def select_clicked_actor() -> None:
    """A click on a node profiles that actor (through the shared actor filter)."""
    points = st.session_state["network"].selection.points
    clicked = [p["customdata"][0] for p in points if isinstance(p.get("customdata"), list)]
    if clicked:
        st.session_state[sidebar.WIDGET_PREFIX + "actor"] = clicked[:1]


st.header(_("The network"))
as_of = st.slider(_("As of"), min_value=first_date, max_value=last_date, key="as_of", format="YYYY-MM-DD")
if as_of == last_date:
    st.query_params.pop("as_of", None)
else:
    st.query_params["as_of"] = as_of.isoformat()
profiled = filters.actors[0] if filters.actors else None
relations = cache.query("relations_as_of", as_of=as_of)
st.caption(_(
    "**{count} relations in force on {date}** between {actors} actors. Each actor keeps its place as the date "
    "moves; node size follows the events it took part in. Click an actor, or choose one in the sidebar, to "
    "profile it.").format(count=relations.height, date=language.date(as_of, "long"),
                          actors=len(set(relations["source_actor_id"]) | set(relations["target_actor_id"]))))
network_figure = cache.figure("network", {"as_of": as_of, "highlight": profiled, "lang": lang},
                              lambda: actor_charts.network_figure(relations, positions, event_counts,
                                                                  highlight=profiled, lang=lang))
chrome.first_tap_selects()
st.plotly_chart(
    network_figure,
    config=chrome.PLOTLY_CONFIG, key="network", on_select=select_clicked_actor, selection_mode="points",
    alt=_("Network of {count} relations between actors in Mali on {date}.").format(
        count=relations.height, date=language.date(as_of, "long")),
)
with st.expander(_("The {count} relations as a table").format(count=relations.height)):
    st.dataframe(relations.drop("source_actor_id", "target_actor_id"), hide_index=True,
                 column_config={"source_urls": st.column_config.TextColumn("sources")})
st.download_button(_("Download the {count} relations as CSV").format(count=relations.height), to_csv_bytes(relations),
                   file_name=chrome.download_name(f"mali-relations-{as_of}"), mime="text/csv",
                   icon=":material/download:", on_click="ignore", key="relations_csv")

if profiled:
    profile = cache.query("actor_profile", actor_id=profiled).row(0, named=True)
    st.header(plain(language.pick(profile, "name") or profile["name"]))
    facts = [_(ACTOR_TYPE_WORDS.get(profile["actor_type"], profile["actor_type"]))]
    if profile["parent_name"]:
        facts.append(_("part of {parent}").format(parent=plain(profile["parent_name"])))
    st.caption(" · ".join(facts))
    st.text(language.pick(profile, "description"))
    chrome.page_link("pages/actor.py", label=_("Its page: relations over time, events and the figures it gave"),
                     icon=":material/person:", id=profiled)

st.header(_("Where they act"))
chrome.data_scope_note(summary)
try:
    mappable = int(cache.query("map_count", **filters.query_params())["event_count"][0])
except db.DataUnavailable as exc:
    chrome.stop_on_data_problem(exc)
who = (_(" involving {actors}").format(actors=", ".join(plain(names.get(a, a)) for a in filters.actors))
       if filters.actors else "")
window = f"{language.date(filters.start)} – {language.date(filters.end)}"
if mappable == 0:
    st.info(_("No event with a place matches the filters{who} for {window}.").format(who=who, window=window))
elif mappable > MAP_MARKER_LIMIT:
    cells = cache.query("map_grid", cell_degrees=GRID_DEGREES, **filters.query_params())
    st.caption(_("**{count} events**{who}, {window}: too many to draw one by one, so they are counted per "
                 "{size}° cell (about 55 km); circle size follows the count.").format(
        count=language.number(mappable), who=who, window=window, size=language.number(GRID_DEGREES)))
    grid_map = cache.figure("grid_map", {**filters.query_params(), "lang": lang},
                            lambda: actor_charts.grid_map_figure(cells, GRID_DEGREES, lang))
    st.plotly_chart(grid_map, config=chrome.PLOTLY_CONFIG, key="map",
                    alt=_("Map of {count} events in {cells} grid cells.").format(
                        count=language.number(mappable), cells=cells.height))
    with st.expander(_("The grid cells as a table")):
        st.dataframe(cells, hide_index=True)
    st.download_button(_("Download the mapped cells as CSV"), lambda: to_csv_bytes(cells),
                       file_name=chrome.download_name("mali-map-cells"),
                       mime="text/csv", icon=":material/download:", on_click="ignore", key="map_csv")
else:
    mapped = cache.query("map_events", **filters.query_params(row_limit=MAP_MARKER_LIMIT))
    st.caption(_("**{count} events on the map**{who}, {window}. Colour by event type, size by reported deaths. "
                 "Events placed only by region sit on the region's capital.").format(
        count=language.number(mapped.height), who=who, window=window))
    events_map = cache.figure("events_map", {**filters.query_params(), "lang": lang},
                              lambda: actor_charts.events_map_figure(mapped, lang=lang))
    st.plotly_chart(events_map, config=chrome.PLOTLY_CONFIG, key="map",
                    alt=_("Map of Mali with {count} events{who}.").format(count=mapped.height, who=who))
    with st.expander(_("The mapped events as a table")):
        st.dataframe(mapped, hide_index=True)
    st.download_button(_("Download the {count} mapped events as CSV").format(count=language.number(mapped.height)),
                       lambda: to_csv_bytes(mapped),
                       file_name=chrome.download_name(f"mali-map-{filters.start}-{filters.end}"), mime="text/csv",
                       icon=":material/download:", on_click="ignore", key="map_csv")
chrome.footer()
