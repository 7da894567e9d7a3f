"""Chart builders return figures a reader can read: the right traces, markers and labels."""
from __future__ import annotations

import datetime as dt

import polars as pl

from mali_tracker import charts, db
from mali_tracker.filters import Filters


def events_and_periods(bundled_db, **changes):
    filters = Filters(**changes)
    events = db.run_query(bundled_db, "events_filtered", **filters.query_params(row_limit=5000))
    periods = db.run_query(bundled_db, "periods")
    return filters, events, periods


def event_traces(figure):
    return [trace for trace in figure.data if trace.name != charts.LABEL_HIT_TRACE]


def test_timeline_has_one_trace_per_event_type_and_one_marker_per_event(bundled_db):
    filters, events, periods = events_and_periods(bundled_db)
    figure = charts.timeline_figure(events, periods, filters.start, filters.end)
    assert sorted(trace.name for trace in event_traces(figure)) == sorted(events["event_type"].unique())
    assert sum(len(trace.x) for trace in event_traces(figure)) == events.height
    ids = {row[0] for trace in event_traces(figure) for row in trace.customdata}
    assert ids == set(events["event_id"])


def test_a_click_on_a_milestone_label_selects_its_event(bundled_db):
    filters, events, periods = events_and_periods(bundled_db)
    for numbered in (False, True):
        figure = charts.timeline_figure(events, periods, filters.start, filters.end, numbered=numbered)
        hits = next(trace for trace in figure.data if trace.name == charts.LABEL_HIT_TRACE)
        key = charts.milestones_in_window(events, filters.start, filters.end)
        # every milestone's label carries its event, all along the label, and nothing else does
        assert {row[0] for row in hits.customdata} == set(key["event_id"])
        assert len(hits.x) > 2 * key.height
        assert hits.showlegend is False and hits.marker.color == "rgba(0,0,0,0)"
        labels = {a.x: a.y for a in figure.layout.annotations if a.yref != "paper"}
        coup = key.filter(pl.col("event_id") == key["event_id"][0]).row(0, named=True)
        spots = [(x, y) for x, y, row in zip(hits.x, hits.y, hits.customdata) if row[0] == coup["event_id"]]
        assert all(y == labels[coup["date_start"]] for _, y in spots), "the marks sit on the label's row"


def test_key_events_are_labelled_and_periods_shaded(bundled_db):
    filters, events, periods = events_and_periods(bundled_db)
    figure = charts.timeline_figure(events, periods, filters.start, filters.end)
    texts = [annotation.text for annotation in figure.layout.annotations]
    keys = events.filter(pl.col("is_key"))
    for label in keys["label"].fill_null("").to_list():
        if label:
            assert charts.short_label(label) in texts
    assert "Keïta presidency" in texts
    assert len([s for s in figure.layout.shapes if s.type == "rect"]) == periods.height


def test_numbered_milestones_match_the_key_below_the_chart(bundled_db):
    filters, events, periods = events_and_periods(bundled_db)
    named = charts.timeline_figure(events, periods, filters.start, filters.end)
    numbered = charts.timeline_figure(events, periods, filters.start, filters.end, numbered=True)
    key = charts.milestones_in_window(events, filters.start, filters.end)
    numbers = [a.text for a in numbered.layout.annotations if a.text.isdigit()]
    assert numbers == [str(n) for n in range(1, key.height + 1)] and key.height >= 30
    # Number n sits on the n-th milestone's date, the same one the key lists n-th.
    placed = {a.text: a.x for a in numbered.layout.annotations if a.text.isdigit()}
    assert [placed[str(n)] for n in range(1, key.height + 1)] == key["date_start"].to_list()
    assert key["date_start"].is_sorted()
    # Short numbers pack into fewer rows than names, so the chart is no taller on a phone.
    assert numbered.layout.height <= named.layout.height


def test_labels_do_not_share_a_row_when_they_would_overlap():
    rows = charts.pack_label_rows([0, 5, 50, 52], [10, 10, 10, 10])
    assert rows == [0, 1, 0, 1]


def test_hover_names_date_title_place_and_outlet(bundled_db):
    filters, events, periods = events_and_periods(bundled_db, q="Dembélé", end=dt.date(2025, 12, 31))
    figure = charts.timeline_figure(events, periods, filters.start, filters.end)
    row = next(r for t in figure.data for r in t.customdata if r[0] == "ev0303")
    assert row[1] == "10 Aug 2025" and row[3] == "Kati" and row[4]
    assert "customdata[4]" in figure.data[0].hovertemplate


def test_dates_are_shown_as_precisely_as_published():
    day = dt.date(2013, 1, 11)
    assert charts.format_event_date(day, "day") == "11 Jan 2013"
    assert charts.format_event_date(day, "month") == "Jan 2013"
    assert charts.format_event_date(day, "year") == "2013"


def test_bin_follows_the_window():
    assert charts.bin_unit(dt.date(2025, 8, 1), dt.date(2025, 8, 31)) == "day"
    assert charts.bin_unit(dt.date(2024, 1, 1), dt.date(2025, 6, 30)) == "week"
    assert charts.bin_unit(dt.date(2012, 1, 1), dt.date(2024, 12, 31)) == "month"


def test_long_windows_are_stacked_areas_that_add_up(bundled_db):
    filters = Filters()
    counts = db.run_query(bundled_db, "timeline_counts", unit="month", **filters.query_params())
    periods = db.run_query(bundled_db, "periods")
    figure = charts.counts_timeline_figure(counts, periods, filters.start, filters.end, "month")
    assert counts["bin_start"].n_unique() > charts.MAX_BARS
    assert {trace.type for trace in figure.data} == {"scatter"}
    assert {trace.stackgroup for trace in figure.data} == {"types"}
    assert sum(sum(trace.y) for trace in figure.data) == counts["event_count"].sum()
    assert figure.layout.yaxis.title.text == "Events per month"
    table = charts.counts_table(counts)
    assert table["All events"].sum() == counts["event_count"].sum()
    assert table.columns[0] == "From" and table["From"].is_sorted()


def test_short_windows_are_stacked_bars(bundled_db):
    filters = Filters(start=dt.date(2025, 8, 1), end=dt.date(2025, 8, 31))
    counts = db.run_query(bundled_db, "timeline_counts", unit="day", **filters.query_params())
    figure = charts.counts_timeline_figure(counts, pl.DataFrame(), filters.start, filters.end, "day")
    assert figure.layout.barmode == "stack"
    assert {trace.type for trace in figure.data} == {"bar"}
    assert sum(sum(trace.y) for trace in figure.data) == counts["event_count"].sum() > 0
    assert "%d %b %Y" in figure.data[0].hovertemplate


def test_vectorised_lanes_and_dates_match_the_row_functions(bundled_db):
    _, events, _ = events_and_periods(bundled_db, end=dt.date(2025, 11, 9))
    computed = events.with_columns(charts.lane_y_expr(), charts.date_text_expr())
    for row in computed.iter_rows(named=True):
        assert abs(row["lane_y"] - charts.lane_position(row["theme"], row["event_type"])) < 1e-9
        assert row["date_text"] == charts.format_event_date(row["date_start"], row["date_precision"])
