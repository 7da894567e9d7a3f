"""/event?id=…: one event on a page of its own, to link to from an article."""
import datetime as dt

import polars as pl
import streamlit as st

from mali_tracker import db, map_charts
from mali_tracker.filters import quoted
from mali_tracker.grades import grade_line
from mali_tracker.markdown import plain
from mali_tracker.ui import cache, chrome, event_detail, ids, language, publishing, view
from mali_tracker.ui.language import _
from mali_tracker.vocabulary import N_

chrome.ensure_entrypoint()

LANGUAGES = {"en": N_("English"), "fr": N_("French"), "ar": N_("Arabic"), "de": N_("German"),
             "es": N_("Spanish"), "pt": N_("Portuguese")}
PLACE_PRECISION = {1: N_("the place itself"), 2: N_("a nearby point stands in for the place"),
                   3: N_("only the region is known; the marker sits on its capital")}


def show_not_found(asked: str) -> None:
    """A short message and a way to search, for an unknown or missing id."""
    st.title(_("Event not found"))
    if asked:
        st.warning(_("No event has the id {id}. It may come from a link to other data; search for the "
                     "event instead.").format(id=quoted(asked)), icon=":material/link_off:")
    else:
        st.info(_("This link names no event (it needs `?id=` and an event's id). Search for one instead."),
                icon=":material/search:")
    wanted = st.text_input(_("Search titles, summaries, places and actors"), max_chars=200,
                           placeholder=_("e.g. Dembélé, Kidal, Wagner"))
    if wanted.strip():
        st.switch_page("pages/explore.py", query_params={"q": wanted.strip()})
    chrome.page_link("pages/timeline.py", label=_("Or open the timeline"), icon=":material/timeline:")


def show_event(found: pl.DataFrame) -> None:
    """The event: what, when, where, who, the figures, the sources, its neighbours, a citation."""
    event = found.row(0, named=True)
    when = language.date(event["date_start"], event["date_precision"])
    if event["date_end"] and event["date_end"] != event["date_start"]:
        when += f" – {language.date(event['date_end'], event['date_precision'])}"
    place = ", ".join(p for p in (event["location"], event["admin1"]) if p) or _("place unknown")

    st.title(plain(language.pick(event, "title")))
    publishing.set_citation_view(f"{when}, {place}", language.pick(event, "title"))
    st.caption(f"{when} · {plain(place)} · {plain(_(event['event_type']))} ({plain(_(event['sub_event_type']))})"
               f" · {plain(_(event['theme']))}" + (" · " + _("a milestone of the timeline") if event["is_key"] else ""))
    story, where = st.columns([3, 2])
    with story:
        st.text(language.pick(event, "summary") or "")
        event_detail.show_toll(event)
        if event["note"]:
            st.caption(_("Note:") + " " + plain(event["note"]))
        if grade := grade_line(event, language.current()):
            st.caption(grade + (" " + plain(event["confidence_reason"]) if event["confidence_reason"] else ""))
        actors = cache.query("event_actor_list", event_id=event["event_id"])
        if actors.height:
            st.subheader(_("Who took part"))
            for actor in actors.iter_rows(named=True):
                chrome.page_link("pages/actor.py", label=f"{plain(language.pick(actor, 'name'))} ({_(actor['role'])})",
                                 icon=":material/person:", id=actor["actor_id"])
    with where:
        if event["latitude"] is not None and event["longitude"] is not None:
            st.plotly_chart(map_charts.events_map_figure(found, map_charts.SMALL, min_size=16), config=chrome.PLOTLY_CONFIG,
                            key="event_map", alt=_("Map of Mali with the place of this event: {place}.").format(place=place))
            precision = _(PLACE_PRECISION.get(event["geo_precision"], N_("precision unknown")))
            st.caption(_("Placed at {place}: {precision}.").format(place=plain(place), precision=precision))
        else:
            st.caption(_("No coordinates are known for this event's place."))

    st.subheader(_("Sources"))
    sources = cache.query("event_sources", event_id=event["event_id"])
    for source in sources.iter_rows(named=True):
        date = language.date(source["published_date"]) if source["published_date"] else _("date not shown")
        title = plain(source["title"]) or _("untitled")
        link = f"[{title}]({source['url']})" if (source["url"] or "").startswith(("https://", "http://")) else title
        written_in = _(LANGUAGES.get(source["language"], N_("another language")))
        st.markdown(f"- {link} — {plain(source['outlet'])}, {date}, " + _("in {language}").format(language=written_in))

    neighbours = {row["side"]: row for row in cache.query("event_neighbours", event_id=event["event_id"]).iter_rows(named=True)}
    before, after = st.columns(2)
    for column, side, icon in ((before, "before", ":material/arrow_back:"), (after, "after", ":material/arrow_forward:")):
        if side in neighbours:
            other = neighbours[side]
            with column:
                st.caption(_("Just before") if side == "before" else _("Just after"))
                chrome.page_link("pages/event.py", label=f"{language.date(other['date_start'], other['date_precision'])}"
                                 f" · {plain(language.pick(other, 'title'))}", icon=icon, id=other["event_id"])

    corrections = cache.query("corrections_list", row_id=event["event_id"])
    if corrections.height:
        st.subheader(_("Corrections"))
        for fix in corrections.iter_rows(named=True):
            st.markdown(f"- **{language.date(fix['corrected_on'])}**: {plain(fix['change'])}. {plain(fix['reason'])}")

    st.subheader(_("Cite this event"))
    st.code(_("Mali Crisis Tracker, \"{title}\" ({when}), {link}, data version {version}, accessed {today}.").format(
        title=language.pick(event, "title"), when=when, link=view.page_address("event", {"id": event["event_id"]}),
        version=cache.data_version().short, today=language.date(dt.date.today(), "long")), language=None, wrap_lines=True)


try:
    asked = ids.event_id_from_link("id") or ""
    found = cache.query("event_by_id", event_id=asked) if asked else None
except db.DataUnavailable as exc:
    chrome.stop_on_data_problem(exc)
if found is None or found.height == 0:
    show_not_found(asked)
else:
    show_event(found)
chrome.footer()
