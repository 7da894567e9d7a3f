"""Each page as a reader meets it (Streamlit's AppTest): default, filtered via the link, bad link."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from mali_tracker import db, i18n, paths

APP = str(paths.PROJECT_ROOT / "app.py")


def open_page(page: str, /, **params) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=30)
    for key, value in params.items():
        app.query_params[key] = value
    app.run()
    if page != "home":
        app.switch_page(f"pages/{page}.py").run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def captions(app: AppTest) -> str:
    return " ".join(c.value for c in app.caption)


def test_front_page_tells_the_story_with_the_headline_spread():
    app = open_page("home")
    assert app.title[0].value == "Mali Crisis Tracker"
    assert "Dembélé" in app.markdown[0].value
    metric = app.metric[0]
    assert metric.label.startswith("People reported arrested")
    low, high = (int(x.rstrip("+")) for x in metric.value.split("–"))
    assert low <= 20 and high >= 50, "the spread covers at least the story's 20 to 50"


def test_timeline_default_view_counts_2012_to_2024():
    app = open_page("timeline")
    assert app.title[0].value == "Timeline of Mali's crisis"
    assert "events shown** from 1 Jan 2012 – 31 Dec 2024" in captions(app)
    assert not app.warning


def test_timeline_filtered_through_the_link():
    app = open_page("timeline", type="Battles", region="Kidal", end="2025-10-31")
    assert app.sidebar.multiselect[0].value == ["Battles"]
    assert app.sidebar.date_input[1].value.isoformat() == "2025-10-31"
    assert "from 1 Jan 2012 – 31 Oct 2025" in captions(app)
    assert not app.warning
    shown = int(captions(app).split("**")[1].split()[0])
    assert 0 < shown < 50


def test_timeline_bad_link_gives_a_message_and_the_default():
    app = open_page("timeline", start="not-a-date", type="Battles,<b>x</b>")
    warnings = " ".join(w.value for w in app.warning)
    assert "`not-a-date` is not a date" in warnings
    assert "Unknown event type `<b>x</b>`" in warnings
    assert "from 1 Jan 2012" in captions(app)


def test_explore_lists_rows_offers_csv_and_shows_sql():
    app = open_page("explore", q="Dembélé", end="2025-12-31")
    table = app.dataframe[0].value
    assert any("id=ev0303" in link for link in table["event"])
    assert app.get("download_button")
    assert any("filtered_events" in code.value for code in app.code)


def test_explore_bad_link():
    app = open_page("explore", region="Atlantis", end="2019-02-31")
    warnings = " ".join(w.value for w in app.warning)
    assert "Unknown region `Atlantis`" in warnings and "`2019-02-31` is not a date" in warnings
    assert "282 events** match" in captions(app), "the default window, whole"


@pytest.mark.parametrize(("page", "broken"), [
    ("home", "events"), ("timeline", "events"), ("explore", "events"), ("methodology", "events"),
    ("estimates", "claims"), ("timeline", "facet_days"), ("actors", "relations"),
])
def test_broken_data_gives_a_plain_message_not_a_traceback(page, broken, tmp_path, monkeypatch):
    import shutil
    for parquet in paths.DEFAULT_DATA_DIR.glob("*.parquet"):
        shutil.copy(parquet, tmp_path / parquet.name)
    (tmp_path / f"{broken}.parquet").write_bytes(b"")
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path))
    app = open_page(page)
    errors = " ".join(e.value for e in app.error)
    assert f"{broken}.parquet" in errors and "python -m mali_tracker.build" in errors


def test_a_table_from_an_older_version_is_named_with_the_fix(tmp_path, monkeypatch):
    """A data folder ingested before events.search_text existed: a message, not a traceback."""
    import shutil

    import polars as pl
    for parquet in paths.DEFAULT_DATA_DIR.glob("*.parquet"):
        shutil.copy(parquet, tmp_path / parquet.name)
    pl.read_parquet(tmp_path / "events.parquet").drop("search_text").write_parquet(tmp_path / "events.parquet")
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path))
    app = open_page("timeline")
    assert not app.exception
    errors = " ".join(e.value for e in app.error)
    assert "events.parquet" in errors and "no column search_text" in errors and "older version" in errors
    assert not open_page("estimates").error  # pages that do not need events keep working


def test_a_broken_table_leaves_the_pages_that_do_not_need_it_working(tmp_path, monkeypatch):
    import shutil
    for parquet in paths.DEFAULT_DATA_DIR.glob("*.parquet"):
        shutil.copy(parquet, tmp_path / parquet.name)
    (tmp_path / "events.parquet").write_bytes(b"garbage")
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path))
    app = open_page("estimates")
    assert not app.error and app.selectbox[0].value == "arrests_2025_plot"


def test_methodology_lists_sources_rules_and_corrections():
    app = open_page("methodology")
    headers = [h.value for h in app.header]
    assert headers == ["Sources by outlet", "Grades", "How figures are counted (claims)", "Coding rules",
                       "How to cite a view", "The map's regions", "Provenance and licence", "Corrections log"]
    outlets = app.dataframe[0].value
    assert outlets["source_count"].sum() == len(app.dataframe[1].value) >= 150
    grades = app.dataframe[2].value
    assert list(grades["row_kind"]) == ["events", "actors", "relations", "claims"]
    assert int(grades["ungraded"].sum()) == 0 and int(grades["high"].sum()) > 0
    corrections = app.dataframe[3].value
    assert any("First publication" in change for change in corrections["change"])
    assert len(corrections) >= 100


def test_estimates_default_is_the_2025_arrests():
    app = open_page("estimates")
    assert app.selectbox[0].value == "arrests_2025_plot"
    heading = app.subheader[0].value
    assert "figures from" in heading and ": between" in heading and "people arrested" in heading
    assert len(app.dataframe[0].value) >= 5
    assert not app.warning


def test_estimates_quotes_read_as_cards_one_per_claim_with_their_source():
    app = open_page("estimates")
    claims = app.dataframe[0].value  # the same claims, as a table in an expander
    cards = [markdown.value for markdown in app.markdown if markdown.value.startswith("**“")]
    assert len(cards) == len(claims) >= 10
    assert "**“around 50 arrests”**" in cards and "**“at least around 20 arrests”**" in cards
    links = [markdown.value for markdown in app.markdown if markdown.value.startswith("[Read the source](https://")]
    assert len(links) == int(claims["url"].notna().sum())


def test_estimates_subject_from_the_link():
    app = open_page("estimates", subject="moura_2022_killed")
    assert app.selectbox[0].value == "moura_2022_killed"
    assert "203" in " ".join(app.dataframe[0].value["figure_text"].astype(str))


def test_estimates_bad_subject():
    app = open_page("estimates", subject="<script>alert(1)</script>")
    assert "There is no contested figure called" in app.warning[0].value
    assert app.selectbox[0].value == "arrests_2025_plot"


def test_actors_default_is_the_latest_date(bundled_db):
    latest = db.run_query(bundled_db, "dataset_summary")["last_date"][0]
    app = open_page("actors")
    assert f"relations in force on {i18n.format_date(latest, 'en', 'long')}" in captions(app)
    assert app.slider[0].value == latest
    assert not app.warning


def test_actors_as_of_and_actor_from_the_link():
    app = open_page("actors", as_of="2016-06-01", actor="france")
    assert app.slider[0].value.isoformat() == "2016-06-01"
    assert "relations in force on 1 June 2016" in captions(app)
    assert "France" in [h.value for h in app.header]


def test_actors_bad_links(bundled_db):
    app = open_page("actors", as_of="yesterday", actor="nobody")
    warnings = " ".join(w.value for w in app.warning)
    assert "`yesterday` is not a date" in warnings and "Unknown actor `nobody`" in warnings
    assert app.slider[0].value == db.run_query(bundled_db, "dataset_summary")["last_date"][0]


def test_the_reader_can_widen_the_window_to_the_latest_event(bundled_db):
    latest = db.run_query(bundled_db, "dataset_summary")["last_date"][0]
    app = open_page("timeline")
    button = next(b for b in app.sidebar.button if b.label.startswith("Up to the latest event"))
    button.click().run()
    assert app.sidebar.date_input[1].value == latest
    assert any(f"– {i18n.format_date(latest, 'en')}" in c.value for c in app.caption)


def test_server_settings_keep_tracebacks_and_telemetry_away_from_readers():
    import tomllib
    settings = tomllib.loads((paths.PROJECT_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert settings["client"]["showErrorDetails"] == "none"  # unexpected errors: generic message only
    assert settings["browser"]["gatherUsageStats"] is False  # no request to any other host
    assert settings["runner"]["postScriptGC"] is False  # a full collection per rerun cost ~0.1 s (README, Speed)


def test_timeline_milestones_can_be_numbered_with_a_key():
    app = open_page("timeline")
    toggle = app.toggle(key="numbered_milestones")
    assert toggle.value is False  # a desktop browser (or none) gets named labels
    toggle.set_value(True).run()
    key = next(m.value for m in app.markdown if m.value.startswith("**1** · "))
    assert "Coup ousts Touré" in key and "**2** · " in key


def test_explore_pages_its_table_through_the_link():
    app = open_page("explore")
    table = app.dataframe[0].value
    assert len(table) == 100 and "page 1 of 3" in captions(app)
    second = open_page("explore", **{"page": "2"})
    rows = second.dataframe[0].value
    assert len(rows) == 100 and "rows 101–200 are shown (page 2 of 3)" in captions(second)
    assert set(rows["event"]).isdisjoint(set(table["event"]))
    second.button(key="page_next").click().run()
    assert second.query_params["page"] in ("3", ["3"]) and len(second.dataframe[0].value) == 82
    beyond = open_page("explore", **{"page": "99"})
    assert "page 3 of 3" in captions(beyond)
    wrong = open_page("explore", **{"page": "two"})
    assert "is not a page number" in wrong.warning[0].value and "page 1 of 3" in captions(wrong)
