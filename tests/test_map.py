"""The map's reference data and builders: regions match the data's names, the counts add up to
the timeline's, labels never collide, clicks carry what the page needs."""
from __future__ import annotations

import colorsys
import datetime as dt
import json
from types import SimpleNamespace

import polars as pl
import pytest

from mali_tracker import db, map_charts, regions
from mali_tracker.filters import Filters
from mali_tracker.ingest import acled, ucdp
from mali_tracker.paths import PROJECT_ROOT
from tests.test_pages import open_page

FIXTURES = PROJECT_ROOT / "tests" / "fixtures"
END = Filters(end=dt.date(2025, 11, 9))


def test_the_region_file_is_small_has_mali_s_nine_regions_and_a_licence():
    assert regions.REGIONS_FILE.stat().st_size < 300_000
    assert set(regions.drawn_regions()) == {"Bamako", "Gao", "Kayes", "Kidal", "Koulikoro", "Mopti", "Sikasso",
                                            "Ségou", "Tombouctou"}
    readme = (PROJECT_ROOT / "static" / "README.md").read_text(encoding="utf-8")
    assert "mali_regions.geojson" in readme and "public domain" in readme
    assert (PROJECT_ROOT / regions.REGIONS_URL.removeprefix("app/")).is_file(), "served from static/"


@pytest.mark.parametrize("spelling, region", [("Timbuktu", "Tombouctou"), ("Segou", "Ségou"), ("Menaka", "Ménaka"),
                                              ("Gao region", "Gao"), ("Taoudeni", "Taoudénit"), ("New York", None)])
def test_spellings_of_sources_and_exports_find_their_region(spelling, region):
    assert regions.region_for(spelling) == region


def test_every_admin1_of_the_bundled_data_matches_a_region_or_is_outside_mali(bundled_db):
    rows = db.run_query(bundled_db, "map_regions", **Filters(start=dt.date(2000, 1, 1), end=dt.date(2030, 1, 1))
                        .query_params())
    found = regions.count_by_region(rows)
    in_mali = rows.filter(pl.col("in_mali") & pl.col("admin1").is_not_null())
    unmatched = [name for name in in_mali["admin1"].to_list() if regions.region_for(name) is None]
    assert unmatched == [], f"admin1 values of Malian events that no region matches: {unmatched}"
    assert set(found.outside["admin1"]) == set(rows.filter(~pl.col("in_mali"))["admin1"])
    assert found.counts.filter(pl.col("region") == "Ménaka")["event_count"].item() > 0, "Ménaka counted apart"


@pytest.mark.parametrize("source, fixture", [(acled, "acled_small.csv"), (ucdp, "ucdp_small.csv")])
def test_every_admin1_of_the_ingest_fixtures_matches_a_region(source, fixture):
    events = source.to_tables(source.read_events(FIXTURES / fixture))["events"]
    names = events.filter(pl.col("country") == "ML")["admin1"].drop_nulls().unique().to_list()
    assert names and regions.match(names).outside == []


def test_counts_by_region_add_up_to_the_timeline_s_total(bundled_db):
    for filters in (END, Filters(end=dt.date(2025, 11, 9), types=("Battles",)), Filters(start=dt.date(2013, 1, 1),
                                                                                         end=dt.date(2013, 12, 31))):
        found = regions.count_by_region(db.run_query(bundled_db, "map_regions", **filters.query_params()))
        total = db.run_query(bundled_db, "events_count", **filters.query_params())["event_count"].item()
        assert found.total == total


def test_labels_never_overlap_and_a_phone_gets_fewer(bundled_db):
    busy = db.run_query(bundled_db, "map_places", row_limit=12, **END.query_params())
    candidates = map_charts.town_candidates(busy)
    desktop = map_charts.place_labels(candidates, map_charts.DESKTOP, 20)
    phone = map_charts.place_labels(candidates, map_charts.PHONE, 8)
    assert "Bamako" in [label.text for label in desktop] and "Bamako" in [label.text for label in phone]
    assert 0 < len(phone) < len(desktop)
    for frame, kept in ((map_charts.DESKTOP, desktop), (map_charts.PHONE, phone)):
        scale = frame.px_per_degree
        boxes = [(lb.longitude * scale - 4, lb.longitude * scale + map_charts.DOT_GAP_PX
                  + len(lb.text) * map_charts.LABEL_CHAR_PX, lb.latitude * scale) for lb in kept]
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                assert not (a[0] < b[1] and b[0] < a[1] and abs(a[2] - b[2]) < map_charts.LABEL_HEIGHT_PX)


def test_the_count_scale_darkens_as_counts_grow():
    lightness = [colorsys.rgb_to_hls(*(int(c[i:i + 2], 16) / 255 for i in (1, 3, 5)))[1] for c in map_charts.COUNT_SCALE]
    assert lightness == sorted(lightness, reverse=True)


def test_the_region_map_loads_its_shapes_from_static_and_counts_every_region(bundled_db):
    found = regions.count_by_region(db.run_query(bundled_db, "map_regions", **END.query_params()))
    figure = map_charts.region_map_figure(found.counts)
    choropleth = figure.data[0]
    assert choropleth.geojson == regions.REGIONS_URL, "shapes come from the app's static folder, not the figure"
    assert dict(zip(choropleth.locations, choropleth.z)) == {
        row["region"]: row["event_count"] for row in found.counts.iter_rows(named=True)
        if row["region"] in regions.drawn_regions()}
    assert [c[0] for c in choropleth.customdata] == list(choropleth.locations), "a click names its region"
    circles = [trace for trace in figure.data if trace.name == "regions since 2016"]
    assert circles and "Ménaka" in [c[0] for c in circles[0].customdata]
    assert figure.layout.coloraxis.cmin == 0 and "Events" in figure.layout.coloraxis.colorbar.title.text
    assert len(json.dumps(figure.to_plotly_json(), default=str)) < 60_000, "no shapes inside the figure"


def test_an_event_marker_carries_its_event_id(bundled_db):
    events = db.run_query(bundled_db, "map_events", **END.query_params(row_limit=20_000))
    figure = map_charts.events_map_figure(events)
    ids = [point[4] for trace in figure.data if trace.customdata is not None for point in trace.customdata]
    assert sorted(ids) == sorted(events["event_id"].to_list())
    assert {trace.marker.symbol for trace in figure.data if trace.customdata is not None} > {"circle"}


def test_a_region_link_opens_counts_by_region_agreeing_with_the_timeline(bundled_db):
    at = open_page("actors", end="2025-11-09", map="regions", type="Battles")
    assert not at.exception
    total = db.run_query(bundled_db, "events_count", **Filters(end=dt.date(2025, 11, 9), types=("Battles",))
                         .query_params())["event_count"].item()
    assert any(caption.value.startswith(f"**{total} events** match the filters") for caption in at.caption)
    assert at.segmented_control(key="map_view").value == "regions"
    at.segmented_control(key="map_view").set_value("points").run()
    assert "map" not in at.query_params
    assert any("events on the map" in caption.value for caption in at.caption)


def test_a_wrong_map_value_says_so_and_shows_points():
    at = open_page("actors", map="choropleth")
    assert not at.exception
    assert any("no map called" in warning.value.lower() or "there is none" in warning.value for warning in at.warning)
    assert at.segmented_control(key="map_view").value == "points"


def test_a_region_click_adds_its_names_to_the_filter_and_a_second_takes_them_out(monkeypatch):
    # AppTest cannot click a Plotly chart (the browser test does): here the page's callback runs
    # on a selection like the one a click makes.
    from mali_tracker.ui import map_view, sidebar

    key = map_view._regions_key()

    state = {}

    def run(region):
        state[key] = SimpleNamespace(selection=SimpleNamespace(points=[{"customdata": [region, "1", "0"]}]))
        with monkeypatch.context() as patched:
            patched.setattr(map_view.st, "session_state", state)
            patched.setattr(map_view.cache, "filter_choices", lambda: SimpleNamespace(regions=["Kidal", "Gao"]))
            map_view._filter_by_clicked_region(key)
        return state.get(sidebar.WIDGET_PREFIX + "region")
    assert run("Kidal") == ["Kidal"]
    assert run("Gao") == ["Kidal", "Gao"]
    assert run("Kidal") == ["Gao"]


def test_map_markers_and_grid(bundled_db):
    events = db.run_query(bundled_db, "map_events", **END.query_params(row_limit=20_000))
    figure = map_charts.events_map_figure(events)
    assert sum(len(trace.lat) for trace in figure.data if trace.customdata is not None) == events.height
    assert figure.layout.geo.scope == "africa"
    cells = db.run_query(bundled_db, "map_grid", cell_degrees=0.5, **END.query_params())
    assert cells["event_count"].sum() == events.height
    grid = map_charts.grid_map_figure(cells, 0.5)
    assert [len(trace.lat) for trace in grid.data if trace.customdata is not None] == [cells.height]
    assert grid.layout.title.text.startswith(f"{events.height:,} events, counted per 0.5° cell")
