"""The timeline's selected event: which one (a click, or event= in the link) and its panel.

The selection lives in the link (event=) so a colleague can be sent "this event"; events that
sit under the same spot on the chart are listed beside it, so overlapping markers can all be
reached.
"""
from __future__ import annotations

import polars as pl
import streamlit as st

from mali_tracker import claim_charts
from mali_tracker.filters import Filters, quoted
from mali_tracker.grades import grade_line
from mali_tracker.markdown import plain
from mali_tracker.ui import cache, chrome, ids, language
from mali_tracker.ui.language import _

# Events closer than this share of the window sit under the same pointer (about 10 px wide).
NEAR_SHARE = 0.012
LAST_CLICK = "_timeline_last_click"
JUST_SELECTED = "_timeline_just_selected"


def select_event(event_id: str | None) -> None:
    """Make `event_id` the selection, in the link (event=) so a colleague can be sent it."""
    if event_id:
        st.query_params["event"] = event_id
    else:
        st.query_params.pop("event", None)


def selected_event(clicked: list[str], events: pl.DataFrame) -> dict | None:
    """The event to show: a new click on the chart wins, else the link's event= (if shown)."""
    fresh_click = bool(clicked) and clicked != st.session_state.get(LAST_CLICK)
    if fresh_click:
        select_event(clicked[0])
    st.session_state[LAST_CLICK] = clicked
    st.session_state[JUST_SELECTED] = fresh_click
    wanted = ids.event_id_from_link("event")
    if not wanted:
        return None
    rows = events.filter(pl.col("event_id") == wanted)
    if rows.height == 0:
        st.warning(_("The event {id} in the link is not among the events shown; widen the filters or clear "
                     "them to see it.").format(id=quoted(wanted)), icon=":material/link_off:")
        return None
    return rows.row(0, named=True)


def show_toll(event: dict) -> None:
    """What is known of the toll: the published figures' spread (and a link to all of them)
    where the event is a contested subject, else the deaths as the row records them. Shared by
    the timeline's detail and the event's page."""
    subjects = cache.query("claim_subjects")
    subject = dict(zip(subjects["event_id"].to_list(), subjects["subject"].to_list())).get(event["event_id"])
    if subject:
        spread_row = cache.query("claims_spread", subject=subject).row(0, named=True)
        about = subjects.filter(pl.col("subject") == subject).row(0, named=True)
        headline = claim_charts.spread_headline(spread_row, language.pick(about, "headline_quantity"),
                                                language.current())
        st.markdown("**" + _("Published figures:") + "** " + headline + ".")
        chrome.page_link("pages/estimates.py", label=_("Every figure, who gave it and when"),
                         icon=":material/difference:", subject=subject)
    elif any(event[k] is not None for k in ("fatalities_best", "fatalities_low", "fatalities_high")):
        low, best, high = event["fatalities_low"], event["fatalities_best"], event["fatalities_high"]
        st.markdown("**" + _("Reported deaths:") + "** " + _("best {best}, low {low}, high {high}").format(
            best=best if best is not None else "–", low=low if low is not None else "–",
            high=high if high is not None else _("open")))


def show(event: dict, events: pl.DataFrame, filters: Filters) -> None:
    """The selected event: summary, toll (the claims spread where figures are contested),
    sources, and the events that sit under the same pointer."""
    window_days = max((filters.end - filters.start).days, 1)
    near = events.filter(
        (pl.col("theme") == event["theme"]) & (pl.col("event_id") != event["event_id"])
        & ((pl.col("date_start") - event["date_start"]).dt.total_days().abs() <= window_days * NEAR_SHARE)
    ).sort("date_start")
    detail = st.container(border=True, key="event_detail")
    with detail:
        st.subheader(plain(language.pick(event, "title")))
        place = event["location"] or _("place unknown")
        st.caption(f"{language.date(event['date_start'], event['date_precision'])} · {plain(place)}"
                   f" · {plain(_(event['event_type']))} ({plain(_(event['sub_event_type']))}) · {plain(_(event['theme']))}")
        st.text(language.pick(event, "summary"))
        show_toll(event)
        if event["note"]:
            st.caption(_("Note:") + " " + plain(event["note"]))
        if grade := grade_line(event, language.current()):
            st.caption(grade + (" " + plain(event["confidence_reason"]) if event.get("confidence_reason") else ""))
        for source in cache.query("event_sources", event_id=event["event_id"]).iter_rows(named=True):
            date = f", {language.date(source['published_date'])}" if source["published_date"] else ""
            title = plain(source["title"]) or _("untitled")
            link = f"[{title}]({source['url']})" if (source["url"] or "").startswith(("https://", "http://")) else title
            st.markdown(f"- {link} — {plain(source['outlet'])}{date}")
        with st.container(horizontal=True, gap="small"):
            chrome.page_link("pages/event.py", label=_("The event's own page, to link to"),
                             icon=":material/open_in_new:", id=event["event_id"])
            st.button(_("Close"), icon=":material/close:", on_click=select_event, args=(None,), key="close_event")
    if near.height:
        st.caption(language.ngettext("{count} other event sits under the same spot on the chart; choose it to read it:",
                                     "{count} other events sit under the same spot on the chart; choose one to read it:",
                                     near.height).format(count=near.height))
        for other in near.iter_rows(named=True):
            st.button(f"{language.date(other['date_start'], other['date_precision'])} · {language.pick(other, 'title')}",
                      key=f"near_{other['event_id']}", on_click=select_event, args=(other["event_id"],),
                      icon=":material/chevron_right:")
    # a click, or a link naming the event: bring the detail into view (on a phone it sits
    # screens below the chart); other reruns (a filter changed) leave the page where it is
    if st.session_state.get(JUST_SELECTED) or chrome.arrived_on_page():
        chrome.scroll_to("event_detail")
