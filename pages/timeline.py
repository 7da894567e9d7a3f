"""/timeline: what happened, and when, from 2012 on."""
import streamlit as st

from mali_tracker import charts, db, publish
from mali_tracker.filters import name_parts
from mali_tracker.ui import cache, chart_views, chrome, event_detail, language, publishing, sidebar, view
from mali_tracker.ui.language import _
from mali_tracker.vocabulary import N_

chrome.ensure_entrypoint()

COUNTS_CAPTION = {
    "day": N_("**{count} events** from {window}, too many to mark one by one: shown as daily counts by event "
              "type. Narrow the filters to {limit} events or fewer to see each one."),
    "week": N_("**{count} events** from {window}, too many to mark one by one: shown as weekly counts by event "
               "type. Narrow the filters to {limit} events or fewer to see each one."),
    "month": N_("**{count} events** from {window}, too many to mark one by one: shown as monthly counts by event "
                "type. Narrow the filters to {limit} events or fewer to see each one."),
}
COUNTS_TABLE = {"day": N_("The daily counts as a table"), "week": N_("The weekly counts as a table"),
                "month": N_("The monthly counts as a table")}
UNITS = (N_("day"), N_("week"), N_("month"))
st.title(_("Timeline of Mali's crisis"))
filters = sidebar.event_filters()
on_phone = "Mobi" in (st.context.headers.get("User-Agent") or "")
numbered = st.session_state.get("numbered_milestones", on_phone)
try:
    built = chart_views.timeline(filters, numbered)
except db.DataUnavailable as exc:
    chrome.stop_on_data_problem(exc)
lang = language.current()
event_count, unit, events = built.details["count"], built.details["unit"], built.details["events"]
parts = name_parts(filters)
publishing.set_citation_view(publish.filters_in_words(filters, cache.actor_names(), lang))

window = f"{language.date(filters.start)} – {language.date(filters.end)}"
chrome.data_scope_note(cache.query("dataset_summary").row(0, named=True))
if built.figure is None:
    st.info(built.empty)
elif events is None:
    st.caption(_(COUNTS_CAPTION[unit]).format(count=language.number(event_count), window=window,
                                             limit=language.number(chart_views.MARKER_LIMIT)))
    st.plotly_chart(built.figure, config=publishing.image_config(built, parts), key="timeline_counts", alt=built.alt)
    with st.expander(_(COUNTS_TABLE[unit])):
        st.dataframe(built.data, hide_index=True)
else:
    key_count = int(events["is_key"].sum())
    st.caption(_("**{count} events shown** from {window} · {milestones} milestones labelled · lanes by theme, "
                 "colour and shape by event type, shaded bands are political periods. Click a marker or a "
                 "milestone's name to read it below.").format(count=language.number(event_count), window=window,
                                                              milestones=key_count))
    # Named labels are packed for a desktop-wide chart; on a phone they would pile up, so there
    # the milestones are numbered and listed below (browsers put "Mobi" in a phone's user agent).
    st.toggle(_("Number the milestones, with their names listed below the chart (for small screens)"),
              value=on_phone, key="numbered_milestones")
    chrome.first_tap_selects()
    selection = st.plotly_chart(built.figure, config=publishing.image_config(built, parts), key="timeline",
                                on_select="rerun", selection_mode="points", alt=built.alt)
    if numbered:
        key = charts.milestones_in_window(events, filters.start, filters.end, lang)
        st.markdown("  \n".join(f"**{number}** · {row['date_text']} · {row['label_text']}"
                                 for number, row in enumerate(key.iter_rows(named=True), start=1)))
    clicked = [point["customdata"][0] for point in (selection.selection.points if selection else [])
               if point.get("customdata")]
    selected = event_detail.selected_event(clicked, events)
    if selected is None:
        st.markdown("*" + _("Select an event on the chart (or a milestone's name) to read its summary and "
                            "sources here.") + "*")
    else:
        event_detail.show(selected, events, filters)
    with st.expander(_("The events on this chart as a table")):
        st.dataframe(
            events.select("date_start", "title", "event_type", "theme", "location", "source_outlets"),
            hide_index=True,
        )
if built.figure is not None:
    with st.container(horizontal=True, vertical_alignment="center"):
        publishing.data_button(built, parts)
    publishing.tools(built, view.carried(), parts)
chrome.footer()
