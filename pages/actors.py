"""/actors: who stands with whom, when, and where they act."""

import streamlit as st

from mali_tracker import db, publish
from mali_tracker.export import to_csv_bytes
from mali_tracker.filters import name_parts, parse_date
from mali_tracker.markdown import plain
from mali_tracker.ui import cache, chart_views, chrome, clicks, language, map_view, publishing, sidebar, view
from mali_tracker.ui.language import _
from mali_tracker.vocabulary import ACTOR_TYPE_WORDS

chrome.ensure_entrypoint()
map_view.open_pending_event()

st.title(_("Who stands with whom, and where"))
lang = language.current()
filters = sidebar.event_filters()
names = cache.actor_names()
try:
    first_date, last_date = chart_views.network_dates()
    summary = cache.query("dataset_summary").row(0, named=True)
except db.DataUnavailable as exc:
    chrome.stop_on_data_problem(exc)

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
    clicked = clicks.clicked("network")
    if clicked:
        st.session_state[sidebar.WIDGET_PREFIX + "actor"] = [clicked[0][0]]


st.header(_("The network"))
as_of = st.slider(_("As of"), min_value=first_date, max_value=last_date, key="as_of", format="YYYY-MM-DD")
if as_of == last_date:
    st.query_params.pop("as_of", None)
else:
    st.query_params["as_of"] = as_of.isoformat()
profiled = filters.actors[0] if filters.actors else None
network = chart_views.network(as_of, profiled)
relations = network.data
st.caption(_(
    "**{count} relations in force on {date}** between {actors} actors. Each actor keeps its place as the date "
    "moves; node size follows the events it took part in. Click an actor, or choose one in the sidebar, to "
    "profile it.").format(count=relations.height, date=language.date(as_of, "long"),
                          actors=len(set(relations["source_actor_id"]) | set(relations["target_actor_id"]))))
chrome.first_tap_selects()
st.plotly_chart(network.figure, config=publishing.image_config(network, [as_of.isoformat()]), key="network",
                on_select=select_clicked_actor, selection_mode="points", alt=network.alt)
publishing.tools(network, view.carried(as_of=as_of.isoformat()), [as_of.isoformat()])
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
who = (_(" involving {actors}").format(actors=", ".join(plain(names.get(a, a)) for a in filters.actors))
       if filters.actors else "")
window = f"{language.date(filters.start)} – {language.date(filters.end)}"
parts = name_parts(filters)
publishing.set_citation_view(publish.filters_in_words(filters, names, lang))
try:
    map_view.map_section(filters, who, window, parts)
except db.DataUnavailable as exc:
    chrome.stop_on_data_problem(exc)
chrome.footer()
