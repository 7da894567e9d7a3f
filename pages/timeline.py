"""/timeline: what happened, and when, from 2012 on."""
import streamlit as st

from mali_tracker import charts, db
from mali_tracker.ui import cache, chrome, event_detail, sidebar

chrome.ensure_entrypoint()

# Above this many events the lanes (about 1,100 px wide, 24 rows of 9 px markers) are a smear,
# and the browser takes over a second to draw them: show counts per day, week or month instead.
MARKER_LIMIT = 1000
st.title("Timeline of Mali's crisis")
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

window = f"{filters.start:%d %b %Y} – {filters.end:%d %b %Y}"
chrome.data_scope_note(cache.query("dataset_summary").row(0, named=True))
if event_count == 0:
    st.info(f"No event matches these filters between {window}. Widen the dates or clear a filter.")
elif events is None:
    adjective = charts.BIN_ADJECTIVE[unit]
    st.caption(f"**{event_count:,} events** from {window}, too many to mark one by one: "
               f"shown as {adjective} counts by event type. Narrow the filters to {MARKER_LIMIT:,} "
               "events or fewer to see each one.")
    figure = cache.figure("counts_timeline", filters.query_params(),
                       lambda: charts.counts_timeline_figure(counts, periods, filters.start, filters.end, unit))
    st.plotly_chart(figure, config=chrome.PLOTLY_CONFIG, key="timeline_counts",
                    alt=f"Chart of {event_count:,} events per {unit}, {window}, stacked by event type.")
    with st.expander(f"The {adjective} counts as a table"):
        st.dataframe(charts.counts_table(counts), hide_index=True)
else:
    key_count = int(events["is_key"].sum())
    st.caption(f"**{event_count:,} events shown** from {window} · {key_count} milestones labelled · "
               "lanes by theme, colour and shape by event type, shaded bands are political periods. "
               "Click a marker to read it below.")
    # Named labels are packed for a desktop-wide chart; on a phone they would pile up, so there
    # the milestones are numbered and listed below (browsers put "Mobi" in a phone's user agent).
    on_phone = "Mobi" in (st.context.headers.get("User-Agent") or "")
    numbered = st.toggle("Number the milestones, with their names listed below the chart (for small screens)",
                         value=on_phone, key="numbered_milestones")
    figure = cache.figure("timeline", {**filters.query_params(), "numbered": numbered},
                       lambda: charts.timeline_figure(events, periods, filters.start, filters.end, numbered))
    chrome.first_tap_selects()
    selection = st.plotly_chart(
        figure, config=chrome.PLOTLY_CONFIG, key="timeline", on_select="rerun", selection_mode="points",
        alt=f"Timeline of {event_count} events in Mali, {window}, in lanes by theme.",
    )
    if numbered:
        key = charts.milestones_in_window(events, filters.start, filters.end)
        st.markdown("  \n".join(f"**{number}** · {row['date_text']} · {row['label_text']}"
                                 for number, row in enumerate(key.iter_rows(named=True), start=1)))
    clicked = [point["customdata"][0] for point in (selection.selection.points if selection else [])
               if point.get("customdata")]
    selected = event_detail.selected_event(clicked, events)
    if selected is None:
        st.markdown("*Select an event on the chart (or a milestone's name) to read its summary "
                    "and sources here.*")
    else:
        event_detail.show(selected, events, filters)
    with st.expander("The events on this chart as a table"):
        st.dataframe(
            events.select("date_start", "title", "event_type", "theme", "location", "source_outlets"),
            hide_index=True,
        )
chrome.footer()
