"""/event?id=…: one event on a page of its own, to link to from an article."""
import datetime as dt

import polars as pl
import streamlit as st

from mali_tracker import actor_charts, claim_charts, db
from mali_tracker.charts import format_event_date
from mali_tracker.filters import quoted
from mali_tracker.grades import grade_line
from mali_tracker.markdown import plain
from mali_tracker.ui import cache, chrome, ids, view

chrome.ensure_entrypoint()

LANGUAGES = {"en": "English", "fr": "French", "ar": "Arabic", "de": "German", "es": "Spanish",
             "pt": "Portuguese"}
PLACE_PRECISION = {1: "the place itself", 2: "a nearby town stands in for the place",
                   3: "only the region is known; the marker sits on its capital"}

def show_not_found(asked: str) -> None:
    """A short message and a way to search, for an unknown or missing id."""
    st.title("Event not found")
    if asked:
        st.warning(f"No event has the id {quoted(asked)}. It may come from a link to other data; "
                   "search for the event instead.", icon=":material/link_off:")
    else:
        st.info("This link names no event (it needs `?id=` and an event's id). Search for one instead.",
                icon=":material/search:")
    wanted = st.text_input("Search titles, summaries, places and actors", max_chars=200,
                           placeholder="e.g. Dembélé, Kidal, Wagner")
    if wanted.strip():
        st.switch_page("pages/explore.py", query_params={"q": wanted.strip()})
    chrome.page_link("pages/timeline.py", label="Or open the timeline", icon=":material/timeline:")


def show_event(found: pl.DataFrame) -> None:
    """The event: what, when, where, who, the figures, the sources, its neighbours, a citation."""
    event = found.row(0, named=True)
    when = format_event_date(event["date_start"], event["date_precision"])
    if event["date_end"] and event["date_end"] != event["date_start"]:
        when += f" – {format_event_date(event['date_end'], event['date_precision'])}"
    place = ", ".join(p for p in (event["location"], event["admin1"]) if p) or "place unknown"

    st.title(plain(event["title"]))
    st.caption(f"{when} · {plain(place)} · {plain(event['event_type'])} ({plain(event['sub_event_type'])})"
               f" · {plain(event['theme'])}" + (" · a milestone of the timeline" if event["is_key"] else ""))
    story, where = st.columns([3, 2])
    with story:
        st.text(event["summary"] or "")
        subjects = cache.query("claim_subjects")
        subject = dict(zip(subjects["event_id"].to_list(), subjects["subject"].to_list())).get(event["event_id"])
        if subject:
            spread_row = cache.query("claims_spread", subject=subject).row(0, named=True)
            quantity = subjects.filter(pl.col("subject") == subject)["headline_quantity"][0]
            st.markdown("**Published figures:** " + claim_charts.spread_headline(spread_row, quantity) + ".")
            chrome.page_link("pages/estimates.py", label="Every figure, who gave it and when",
                             icon=":material/difference:", subject=subject)
        elif any(event[k] is not None for k in ("fatalities_best", "fatalities_low", "fatalities_high")):
            low, best, high = event["fatalities_low"], event["fatalities_best"], event["fatalities_high"]
            st.markdown(f"**Reported deaths:** best {best if best is not None else '–'}, "
                        f"low {low if low is not None else '–'}, high {high if high is not None else 'open'}")
        if event["note"]:
            st.caption("Note: " + plain(event["note"]))
        if grade := grade_line(event):
            st.caption(grade + (" " + plain(event["confidence_reason"]) if event["confidence_reason"] else ""))
        actors = cache.query("event_actor_list", event_id=event["event_id"])
        if actors.height:
            st.subheader("Who took part")
            for actor in actors.iter_rows(named=True):
                chrome.page_link("pages/actors.py", label=f"{plain(actor['name'])} ({actor['role']})",
                                 icon=":material/hub:", actor=actor["actor_id"])
    with where:
        if event["latitude"] is not None and event["longitude"] is not None:
            st.plotly_chart(actor_charts.events_map_figure(found, height=320, min_size=16), config=chrome.PLOTLY_CONFIG,
                            key="event_map", alt=f"Map of Mali with the place of this event: {place}.")
            st.caption(f"Placed at {plain(place)}: {PLACE_PRECISION.get(event['geo_precision'], 'precision unknown')}.")
        else:
            st.caption("No coordinates are known for this event's place.")

    st.subheader("Sources")
    sources = cache.query("event_sources", event_id=event["event_id"])
    for source in sources.iter_rows(named=True):
        date = f"{source['published_date']:%d %b %Y}" if source["published_date"] else "date not shown"
        title = plain(source["title"]) or "untitled"
        link = f"[{title}]({source['url']})" if (source["url"] or "").startswith(("https://", "http://")) else title
        st.markdown(f"- {link} — {plain(source['outlet'])}, {date}, in {LANGUAGES.get(source['language'], 'another language')}")

    neighbours = {row["side"]: row for row in cache.query("event_neighbours", event_id=event["event_id"]).iter_rows(named=True)}
    before, after = st.columns(2)
    for column, side, icon in ((before, "before", ":material/arrow_back:"), (after, "after", ":material/arrow_forward:")):
        if side in neighbours:
            other = neighbours[side]
            with column:
                st.caption("Just before" if side == "before" else "Just after")
                chrome.page_link("pages/event.py", label=f"{format_event_date(other['date_start'], other['date_precision'])}"
                                 f" · {plain(other['title'])}", icon=icon, id=other["event_id"])

    corrections = cache.query("corrections_list", row_id=event["event_id"])
    if corrections.height:
        st.subheader("Corrections")
        for fix in corrections.iter_rows(named=True):
            st.markdown(f"- **{fix['corrected_on']:%d %b %Y}**: {plain(fix['change'])}. {plain(fix['reason'])}")

    st.subheader("Cite this event")
    st.code(f"Mali Crisis Tracker, \"{event['title']}\" ({when}), {view.page_address('event', {'id': event['event_id']})}, "
            f"data version {cache.data_version().short}, accessed {dt.date.today():%d %B %Y}.",
            language=None, wrap_lines=True)


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
