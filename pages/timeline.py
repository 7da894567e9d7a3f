"""/timeline: what happened, and when, from 2012 on."""
import streamlit as st

from mali_tracker import charts, db
from mali_tracker.ui import cache, chrome, event_detail, language, sidebar
from mali_tracker.ui.language import _
from mali_tracker.vocabulary import N_

chrome.ensure_entrypoint()

# Above this many events the lanes (about 1,100 px wide, 24 rows of 9 px markers) are a smear,
# and the browser takes over a second to draw them: show counts per day, week or month instead.
MARKER_LIMIT = 1000
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
lang = language.current()
filters = sidebar.event_filters()
try:
    periods = cache.query("periods")
    # One aggregate scan answers both "how many?" and, for big windows, what to draw.
    unit = charts.bin_unit(filters.start, filters.end)
    counts = cache.query("timeline_counts", unit=unit, **filters.query_params())
    event_count = int(counts["event_count"].sum())
    events = None
    if 0 < event_count <= MARKER_LIMIT:
        events = cache.query("events_filtered", **filters.query_params(row_limit=MARKER_LIMIT))
except db.DataUnavailable as exc:
    chrome.stop_on_data_problem(exc)

window = f"{language.date(filters.start)} – {language.date(filters.end)}"
chrome.data_scope_note(cache.query("dataset_summary").row(0, named=True))
if event_count == 0:
    st.info(_("No event matches these filters between {window}. Widen the dates or clear a filter.").format(
        window=window))
elif events is None:
    st.caption(_(COUNTS_CAPTION[unit]).format(count=language.number(event_count), window=window,
                                             limit=language.number(MARKER_LIMIT)))
    figure = cache.figure("counts_timeline", {**filters.query_params(), "lang": lang},
                          lambda: charts.counts_timeline_figure(counts, periods, filters.start, filters.end, unit, lang))
    st.plotly_chart(figure, config=chrome.PLOTLY_CONFIG, key="timeline_counts",
                    alt=_("Chart of {count} events, {window}, counted per {unit} and stacked by event type.").format(
                        count=language.number(event_count), window=window, unit=_(unit)))
    with st.expander(_(COUNTS_TABLE[unit])):
        st.dataframe(charts.counts_table(counts, lang), hide_index=True)
else:
    key_count = int(events["is_key"].sum())
    st.caption(_("**{count} events shown** from {window} · {milestones} milestones labelled · lanes by theme, "
                 "colour and shape by event type, shaded bands are political periods. Click a marker or a "
                 "milestone's name to read it below.").format(count=language.number(event_count), window=window,
                                                              milestones=key_count))
    # Named labels are packed for a desktop-wide chart; on a phone they would pile up, so there
    # the milestones are numbered and listed below (browsers put "Mobi" in a phone's user agent).
    on_phone = "Mobi" in (st.context.headers.get("User-Agent") or "")
    numbered = st.toggle(_("Number the milestones, with their names listed below the chart (for small screens)"),
                         value=on_phone, key="numbered_milestones")
    figure = cache.figure("timeline", {**filters.query_params(), "numbered": numbered, "lang": lang},
                          lambda: charts.timeline_figure(events, periods, filters.start, filters.end, numbered, lang))
    chrome.first_tap_selects()
    selection = st.plotly_chart(
        figure, config=chrome.PLOTLY_CONFIG, key="timeline", on_select="rerun", selection_mode="points",
        alt=_("Timeline of {count} events in Mali, {window}, in lanes by theme.").format(
            count=language.number(event_count), window=window),
    )
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
chrome.footer()
