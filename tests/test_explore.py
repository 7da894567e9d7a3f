"""/explore as a reader uses it: facets that click into the filters and back out, a readable
table whose sort, columns and page live in the link, downloads of exactly the view, and SQL
that gives the same rows when pasted into DuckDB."""
from __future__ import annotations

import datetime as dt
import io
import os

import duckdb
import polars as pl
import pytest

from mali_tracker import db, explore_table, paths
from mali_tracker.export import file_stem, to_parquet_bytes
from mali_tracker.filters import Filters, name_parts
from tests.test_pages import open_page


def count_shown(app) -> int:
    caption = next(c.value for c in app.caption if "events** match" in c.value)
    return int(caption.split("**")[1].split()[0].replace(",", ""))


def facet_button(app, facet: str, label: str):
    return next(b for b in app.button if b.key.startswith(f"facet_{facet}_") and b.label.startswith(label + " · "))


def table(app) -> pl.DataFrame:
    return pl.from_pandas(app.dataframe[0].value)


def test_a_facet_click_adds_its_value_to_the_filters_and_a_second_click_takes_it_out():
    app = open_page("explore", end="2025-11-09")
    everything = count_shown(app)
    battles = facet_button(app, "type", "Battles")
    expected = int(battles.label.rsplit("· ", 1)[1].replace(",", ""))
    battles.click().run()
    assert app.query_params["type"] in ("Battles", ["Battles"])
    assert count_shown(app) == expected < everything
    assert app.sidebar.multiselect[0].value == ["Battles"]
    facet_button(app, "type", "Battles").click().run()
    assert "type" not in app.query_params and count_shown(app) == everything


def test_a_year_facet_sets_the_dates_to_that_year_and_back(bundled_db):
    app = open_page("explore")
    year = facet_button(app, "year", "2013")
    expected = int(year.label.rsplit("· ", 1)[1])
    year.click().run()
    assert (app.query_params["start"], app.query_params["end"]) in (
        ("2013-01-01", "2013-12-31"), (["2013-01-01"], ["2013-12-31"]))
    assert count_shown(app) == expected
    assert set(table(app)["date"].str.slice(-4).to_list()) == {"2013"}
    facet_button(app, "year", "2013").click().run()
    assert "start" not in app.query_params


def test_facet_counts_are_the_counts_of_the_filtered_events(bundled_db):
    filters = Filters(regions=("Kidal",))
    facets = db.run_query(bundled_db, "explore_facets", **filters.query_params())
    events = db.run_query(bundled_db, "events_filtered", **filters.query_params(row_limit=10_000))
    by_type = dict(events.group_by("event_type").len().iter_rows())
    assert dict(facets.filter(pl.col("facet") == "type").select("value", "event_count").iter_rows()) == by_type
    assert facets.filter(pl.col("facet") == "region")["value"].to_list() == ["Kidal"]


def test_sort_columns_and_page_come_from_the_link_and_go_back_into_it(bundled_db):
    app = open_page("explore", sort="-deaths", cols="date,event,deaths", page="2", end="2025-11-09")
    shown = table(app)
    assert shown.columns == ["date", "event", "deaths"]
    assert app.selectbox[0].value == "deaths" and app.toggle[0].value is True
    assert app.query_params["page"] in ("2", ["2"])
    # page 2 of the deadliest first: its first row is the 101st deadliest event
    everything = db.run_query(bundled_db, "events_filtered", **Filters(end=dt.date(2025, 11, 9)).query_params(
        row_limit=10_000, sort_key="deaths", descending=True))
    assert shown["event"][0].split("#", 1)[1] == everything["title"][100]
    app.selectbox[0].set_value("region").run()
    assert app.query_params["sort"] in ("-region", ["-region"])
    assert "page" not in app.query_params, "a new order starts at its first page"
    app.selectbox[0].set_value("date").run()
    app.toggle[0].set_value(False).run()
    assert "sort" not in app.query_params, "the default order is left out of the link"
    assert table(app)["date"][0].endswith("2012")


def test_the_table_reads_as_words_dates_with_precision_and_links_to_event_pages():
    app = open_page("explore", q="Dembélé", end="2025-11-09")
    shown = table(app)
    arrest = shown.filter(pl.col("event").str.contains("Dembélé arrested"))
    assert arrest["event"][0].startswith("event?") and "id=ev0303" in arrest["event"][0]
    assert arrest["date"][0] == "10 Aug 2025"
    assert all(value is not None and value != "None" for value in shown.to_dicts()[0].values())
    assert set(shown.columns) == set(explore_table.DEFAULT_COLUMNS)


def test_display_frame_words():
    events = pl.DataFrame([{
        "event_id": "x1", "date_start": dt.date(2025, 8, 10), "date_precision": "month", "title": "T",
        "title_fr": "Tfr", "summary": "S", "summary_fr": None, "event_type": "Battles", "theme": "security",
        "location": None, "admin1": "Gao", "fatalities_low": 60, "fatalities_best": 77, "fatalities_high": None,
        "actor_names": None, "confidence": "low", "source_outlets": "AFP", "source_urls": "ftp://x https://a.example/p",
        "checked_on": None}])
    english = explore_table.display_frame(events, "en", {"lang": "en"}, tuple(explore_table.COLUMNS)).row(0, named=True)
    assert english["date"] == "Aug 2025" and english["place"] == "" and english["actors"] == ""
    assert english["deaths"] == "77 (60–?)" and english["link"] == "https://a.example/p"
    assert english["event"] == "event?lang=en&id=x1#T"
    french = explore_table.display_frame(events, "fr", {}, ("date", "event", "type", "grade", "summary")).row(0, named=True)
    assert french == {"date": "août 2025", "event": "event?id=x1#Tfr", "type": "Combats", "grade": "faible",
                      "summary": "S"}


@pytest.mark.parametrize(("raw", "expected", "warned"), [
    (None, ("date", False), False), ("-deaths", ("deaths", True), False), ("Region", ("region", False), False),
    ("summary", ("date", False), True), ("'; DROP", ("date", False), True)])
def test_parse_sort(raw, expected, warned):
    messages: list[str] = []
    assert explore_table.parse_sort(raw, messages, "en") == expected
    assert bool(messages) == warned


def test_parse_columns_keeps_known_columns_in_order_and_says_which_were_dropped():
    messages: list[str] = []
    assert explore_table.parse_columns("deaths,nope,date,deaths", messages, "en") == ("deaths", "date")
    assert "`nope`" in messages[0]
    assert explore_table.parse_columns(",,,", [], "en") == explore_table.DEFAULT_COLUMNS


def test_the_pasted_sql_gives_the_page_s_rows(bundled_db):
    app = open_page("explore", type="Battles", sort="-deaths", end="2025-11-09")
    script = next(code.value for code in app.code if "CREATE OR REPLACE VIEW events" in code.value)
    here = os.getcwd()
    try:
        os.chdir(paths.data_dir())
        pasted = duckdb.connect().sql(script).pl()
    finally:
        os.chdir(here)
    shown = table(app)
    assert pasted.height == shown.height > 0
    assert [f"id={e}" in link for e, link in zip(pasted["event_id"], shown["event"])] == [True] * shown.height


def test_download_names_say_the_filters_and_parquet_keeps_the_rows(bundled_db):
    filters = Filters(types=("Battles",), regions=("Ménaka",), q="Dembélé")
    stem = file_stem("mali-events", *name_parts(filters))
    assert stem == "mali-events-2012-01-01-2024-12-31-type-battles-region-menaka-search-dembele"
    rows = db.run_query(bundled_db, "events_filtered", **Filters().query_params(row_limit=10_000))
    back = pl.read_parquet(io.BytesIO(to_parquet_bytes(rows)))
    assert back.equals(rows)
    assert file_stem("x", "y" * 500).__len__() <= 120


def test_a_hostile_sort_or_column_list_gets_a_message_not_an_error():
    app = open_page("explore", sort="<script>", cols="<img src=x>")
    warnings = " ".join(w.value for w in app.warning)
    assert "cannot be sorted by" in warnings and "No column is called" in warnings
    assert table(app).columns == list(explore_table.DEFAULT_COLUMNS)
