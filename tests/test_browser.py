"""The app in a real browser (Debian's Chromium via Playwright): charts drawn, no errors,
and no request to any host but the app's own."""
from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from pathlib import Path

import polars as pl
import pytest

from mali_tracker import db, manifest, paths
from mali_tracker.filters import Filters
from tests.browser import CHROMIUM, CHROMIUM_ARGS, foreign_requests, running_app

DATA_VERSION = manifest.read_version(paths.DEFAULT_DATA_DIR).short

playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def app_url():
    with running_app() as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, app_url):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.requested = []
    page.on("request", lambda request: page.requested.append(request.url))
    page.on("websocket", lambda socket: page.requested.append(socket.url))
    yield page
    context.close()


def settle(page, quiet_ms: int = 800, timeout_ms: int = 30_000):
    """Wait until the app has stopped running for `quiet_ms` (Streamlit shows its status widget
    while a script runs; a click during a rerun can land on a chart about to be redrawn)."""
    quiet = 0
    for _ in range(timeout_ms // 100):
        running = page.locator("[data-testid='stStatusWidget']").count() > 0
        quiet = 0 if running else quiet + 100
        if quiet >= quiet_ms:
            return
        page.wait_for_timeout(100)


def visit(page, app_url, path: str, title: str):
    page.goto(f"{app_url}{path}")
    page.get_by_role("heading", name=title).wait_for(timeout=30_000)
    settle(page)


def wait_for_drawn_charts(page, charts: int):
    """The charts with marks in them (not just an empty frame), once `charts` of them are drawn."""
    drawn = page.locator(".js-plotly-plot").filter(has=page.locator(".scatterlayer .point, .scattergeo path"))
    drawn.nth(charts - 1).wait_for(timeout=30_000)
    return drawn


def assert_clean(page, app_url):
    assert page.locator("[data-testid='stException']").count() == 0
    assert foreign_requests(page.requested, app_url) == []


@pytest.mark.parametrize(("path", "title", "charts"), [
    ("/", "Mali Crisis Tracker", 0),
    ("/timeline", "Timeline of Mali's crisis", 1),
    ("/explore", "Explore the data", 0),
    ("/methodology", "Methodology", 0),
    ("/estimates", "Who says how many?", 2),
    ("/actors", "Who stands with whom, and where", 2),
    ("/actors?as_of=2016-06-01", "Who stands with whom, and where", 2),
    ("/event?id=ev0303", "General Abass Dembélé arrested in Kati", 1),
    ("/actor?id=jnim", "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)", 1),
])
def test_every_page_opens_cleanly_offline_with_its_charts_drawn(page, app_url, path, title, charts):
    visit(page, app_url, path, title)
    if charts:
        assert wait_for_drawn_charts(page, charts).count() == charts
    assert page.get_by_text("This app has encountered an error").count() == 0
    assert_clean(page, app_url)


@pytest.mark.parametrize(("path", "title", "charts"), [
    ("/?lang=fr", "Mali Crisis Tracker", 0),
    ("/timeline?lang=fr", "Chronologie de la crise malienne", 1),
    ("/explore?lang=fr", "Explorer les données", 0),
    ("/methodology?lang=fr", "Méthodologie", 0),
    ("/estimates?lang=fr", "Combien, selon qui ?", 2),
    ("/actors?lang=fr", "Qui est avec qui, et où", 2),
    ("/event?id=ev0303&lang=fr", "Le général Abass Dembélé arrêté à Kati", 1),
])
def test_every_page_opens_in_french_offline_with_its_charts_drawn(page, app_url, path, title, charts):
    visit(page, app_url, path, title)
    if charts:
        wait_for_drawn_charts(page, charts)
    page.locator(".st-key-top_bar").get_by_text("Explorer les données").first.wait_for(timeout=30_000)
    assert_clean(page, app_url)


def test_timeline_draws_one_marker_per_event(page, app_url):
    visit(page, app_url, "/timeline?region=Kidal", "Timeline of Mali's crisis")
    page.locator(".js-plotly-plot .scatterlayer .point").first.wait_for(timeout=30_000)
    caption = page.get_by_text("events shown").first.inner_text()
    shown = int(caption.split()[0])
    # the marks a reader sees (milestone labels carry invisible click targets, not counted)
    visible = page.evaluate("""() => [...document.querySelectorAll('.js-plotly-plot .scatterlayer .point')]
        .filter(p => { const s = getComputedStyle(p); return s.opacity !== '0' && s.fillOpacity !== '0'; }).length""")
    assert visible == shown
    assert page.locator(".js-plotly-plot .annotation-text", has_text="Army and Wagner take Kidal").count() == 1
    assert_clean(page, app_url)


def test_explore_download_is_exactly_the_rows_counted(page, app_url):
    visit(page, app_url, "/explore?theme=justice&end=2025-11-09", "Explore the data")
    caption = page.get_by_text("events** match", exact=False)
    button = page.get_by_role("button", name="Download these")
    label = button.inner_text()
    expected = int(label.split("these ")[1].split()[0])
    with page.expect_download() as download_info:
        button.click()
    data = open(download_info.value.path(), "rb").read()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == expected > 0
    assert {row["theme"] for row in rows} == {"justice"}
    assert caption is not None
    assert_clean(page, app_url)


def test_estimates_draws_both_charts_at_phone_width(browser, app_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    phone = context.new_page()
    requested = []
    phone.on("request", lambda request: requested.append(request.url))
    phone.goto(f"{app_url}/estimates?subject=ogossagou_2019_killed")
    phone.get_by_role("heading", name="Who says how many?").wait_for(timeout=30_000)
    phone.locator(".js-plotly-plot").nth(1).wait_for(timeout=30_000)
    assert phone.locator(".js-plotly-plot").count() == 2
    claims = pl.read_parquet(paths.DEFAULT_DATA_DIR / "claims.parquet").filter(
        pl.col("subject") == "ogossagou_2019_killed").height
    assert phone.locator(".js-plotly-plot").first.locator(".scatterlayer .trace").count() == claims  # one per claim
    width = phone.locator(".js-plotly-plot").first.bounding_box()["width"]
    assert width <= 390
    assert phone.locator("[data-testid='stException']").count() == 0
    assert foreign_requests(requested, app_url) == []
    context.close()


PHONE_USER_AGENT = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                    "Chrome/131.0 Mobile Safari/537.36")


def test_timeline_on_a_phone_numbers_its_milestones_and_lists_them(browser, app_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  user_agent=PHONE_USER_AGENT)
    phone = context.new_page()
    phone.goto(f"{app_url}/timeline")
    phone.locator(".js-plotly-plot .annotation-text").first.wait_for(timeout=30_000)
    labels = [text.strip() for text in phone.locator(".js-plotly-plot .annotation-text").all_text_contents()]
    numbers = [text for text in labels if text.isdigit()]
    assert numbers and sorted(map(int, numbers)) == list(range(1, len(numbers) + 1))
    assert "Coup ousts Touré" not in labels  # names are in the key, not on the chart
    assert phone.get_by_text("Coup ousts Touré").first.is_visible()  # the key below the chart
    assert phone.get_by_role("switch", name="Number the milestones").is_checked()
    assert phone.locator("[data-testid='stException']").count() == 0
    context.close()


def test_the_map_draws_offline_from_our_own_outlines(page, app_url):
    visit(page, app_url, "/actors?end=2025-11-09", "Who stands with whom, and where")
    geo = page.locator(".js-plotly-plot .geolayer path, .js-plotly-plot .geo path")
    geo.first.wait_for(timeout=30_000)
    assert geo.count() > 10, "country outlines are drawn"
    assert any("/app/static/topojson/africa_50m.json" in url for url in page.requested)
    assert any("/app/static/geo/mali_regions.geojson" in url for url in page.requested)
    assert page.locator(".js-plotly-plot .scattergeo .point, .js-plotly-plot .scattergeo path.point").count() > 20
    assert page.locator(".js-plotly-plot .choroplethlayer path.choroplethlocation").count() == 9, "region outlines"
    names = set(page.locator(".js-plotly-plot .scattergeo text").all_text_contents())
    assert {"Bamako", "Tombouctou", "Gao", "Kidal", "Ménaka"} <= names
    assert_clean(page, app_url)


def region_map(page):
    return page.locator(".js-plotly-plot").filter(has=page.locator(".choroplethlayer path.choroplethlocation")).first


def click_region(page, name: str) -> None:
    """Click the middle of a region's shape on the counts-by-region map."""
    index = region_map(page).evaluate("(plot, name) => plot._fullData[0].locations.indexOf(name)", name)
    shape = page.locator(".choroplethlayer path.choroplethlocation").nth(index)
    shape.scroll_into_view_if_needed()
    box = shape.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    settle(page)


def test_counts_by_region_are_drawn_named_and_filter_on_click(page, app_url, bundled_db):
    visit(page, app_url, "/actors?end=2025-11-09&map=regions", "Who stands with whom, and where")
    region_map(page).wait_for(timeout=30_000)
    plot = region_map(page)
    drawn = dict(zip(plot.evaluate("p => p._fullData[0].locations"), plot.evaluate("p => p._fullData[0].z")))
    counts = db.run_query(bundled_db, "map_regions", **Filters(end=dt.date(2025, 11, 9)).query_params())
    assert drawn["Kidal"] == counts.filter(pl.col("admin1") == "Kidal")["event_count"].sum() > 0
    labels = " ".join(plot.locator(".scattergeo text").all_text_contents())
    assert "Tombouctou" in labels and "Ménaka" in labels, "regions and the 2016 regions are named"
    assert page.get_by_text("Events", exact=False).count() > 0
    click_region(page, "Kidal")
    assert "region=Kidal" in page.url
    click_region(page, "Gao")
    assert "region=Kidal%2CGao" in page.url or "region=Kidal,Gao" in page.url
    click_region(page, "Kidal")
    assert "Kidal" not in page.url.split("region=")[-1]
    assert_clean(page, app_url)


def test_clicking_an_event_on_the_map_opens_it(page, app_url):
    visit(page, app_url, "/actors?end=2025-11-09&region=Kidal", "Who stands with whom, and where")
    points = page.locator(".js-plotly-plot .scattergeo .point")
    points.first.wait_for(timeout=30_000)
    target = None
    for index in range(points.count()):
        box = points.nth(index).bounding_box()
        if box and box["width"] >= 9:  # an event's marker, not a town's dot (6 px at most)
            target = points.nth(index)
            break
    assert target is not None
    target.scroll_into_view_if_needed()
    box = target.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url("**/event?id=ev*", timeout=30_000)
    page.locator("h1").first.wait_for(timeout=30_000)
    assert_clean(page, app_url)


def test_a_phone_gets_fewer_town_names_than_a_desktop(browser, app_url):
    named = {}
    for width, agent in ((1400, None), (390, PHONE_USER_AGENT)):
        context = browser.new_context(viewport={"width": width, "height": 900},
                                      **({"user_agent": agent} if agent else {}))
        page = context.new_page()
        page.goto(f"{app_url}/actors?end=2025-11-09")
        texts = page.locator(".js-plotly-plot .scattergeo text")
        texts.first.wait_for(timeout=30_000)
        named[width] = len(texts.all_text_contents())
        context.close()
    assert 0 < named[390] < named[1400]


DOWNLOAD_PAGES = [  # path, heading, how many download buttons the page shows
    ("/explore?end=2025-11-09&region=Kidal", "Explore the data", 1),  # and a Parquet button
    ("/estimates", "Who says how many?", 1),
    ("/actors?as_of=2020-01-01&actor=fama", "Who stands with whom, and where", 2),
    ("/methodology", "Methodology", 2),
]


@pytest.mark.parametrize(("path", "title", "expected_buttons"), DOWNLOAD_PAGES)
def test_every_download_is_safe_and_holds_the_rows_it_announces(page, app_url, path, title, expected_buttons):
    visit(page, app_url, path, title)
    if "methodology" in path:
        page.get_by_text("sources, with links").click()
        settle(page)
    buttons = page.get_by_role("button", name=re.compile(r"^Download .* as CSV$"))
    # The browser draws the buttons one by one (the map's can come before the relations'):
    # wait for all of them, so each label is read from the button that is then clicked.
    buttons.nth(expected_buttons - 1).wait_for(timeout=30_000)
    assert buttons.count() == expected_buttons
    for index in range(buttons.count()):
        button = buttons.nth(index)
        announced = int("".join(ch for ch in button.inner_text().split("Download")[1].split("as CSV")[0]
                                if ch.isdigit()))
        with page.expect_download(timeout=60_000) as download_info:
            button.click()
        data = open(download_info.value.path(), "rb").read()
        assert download_info.value.suggested_filename.endswith(f"-v{DATA_VERSION}.csv"), "names the data version"
        assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark"
        text = data.decode("utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(text)))
        assert len(rows) == announced > 0
        assert "Ã" not in text, "accents survive"
        for row in rows:
            for value in row.values():
                assert not (value[:1] in ("=", "+", "@") and not value.lstrip("+").replace(".", "").isdigit())
    assert_clean(page, app_url)


def test_clicking_an_event_shows_its_summary_and_sources(page, app_url, bundled_db):
    visit(page, app_url, "/timeline?q=Dembele&end=2025-11-09", "Timeline of Mali's crisis")
    point = page.locator(".js-plotly-plot .scatterlayer .point").first
    point.wait_for(timeout=30_000)
    settle(page)
    box = point.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    detail = page.get_by_role("heading", level=3).first
    detail.wait_for(timeout=30_000)
    matching = db.run_query(bundled_db, "events_filtered", **Filters(end=dt.date(2025, 11, 9), q="Dembele").query_params(
        row_limit=1000))
    assert detail.inner_text() in matching["title"].to_list(), "the clicked marker is one of the search's events"
    source_link = page.locator(".st-key-event_detail [data-testid='stMarkdownContainer'] a[href^='http']")
    source_link.first.wait_for(timeout=30_000)  # the sources are drawn just after the heading
    assert source_link.count() >= 1
    # and on to the event's own page, filters kept in its link
    title = detail.inner_text()
    page.get_by_role("link", name="The event's own page, to link to").click()
    page.wait_for_url(re.compile(r"/event\?.*id=ev"), timeout=30_000)
    page.get_by_role("heading", name=title).first.wait_for(timeout=30_000)
    assert "q=Dembele" in page.url
    page.locator(".js-plotly-plot .scattergeo path").first.wait_for(timeout=30_000)
    page.get_by_text("Cite this event").wait_for(timeout=30_000)  # drawn after the map
    assert_clean(page, app_url)


def test_the_event_page_opens_from_the_explore_table(page, app_url, bundled_db):
    first = db.run_query(bundled_db, "events_filtered", **Filters(end=dt.date(2025, 11, 9), q="Dembélé").query_params(
        row_limit=1)).row(0, named=True)
    visit(page, app_url, "/explore?q=Demb%C3%A9l%C3%A9&end=2025-11-09&cols=event,date", "Explore the data")
    grid = page.locator("[data-testid='stDataFrame']").first
    grid.wait_for(timeout=30_000)
    page.wait_for_timeout(1000)  # the grid is drawn on a canvas after its frame
    box = grid.bounding_box()
    first_row = (box["x"] + 60, box["y"] + 35 + 17)  # the first row's title, under the header
    page.mouse.move(*first_row)
    with page.context.expect_page(timeout=30_000) as opened:
        page.mouse.click(*first_row)
    event_page = opened.value
    event_page.on("request", lambda request: page.requested.append(request.url))
    event_page.get_by_role("heading", name=first["title"]).wait_for(timeout=30_000)
    assert f"id={first['event_id']}" in event_page.url and "q=Demb" in event_page.url, "the view travels with the link"
    event_page.get_by_text("Cite this event").wait_for(timeout=30_000)
    assert event_page.locator("[data-testid='stException']").count() == 0
    assert_clean(page, app_url)


def test_french_follows_the_reader_through_the_top_bar(page, app_url):
    visit(page, app_url, "/?lang=fr", "Mali Crisis Tracker")
    page.get_by_text("Pour aller plus loin").wait_for(timeout=30_000)
    page.get_by_role("link", name="Explorer les données").first.click()
    page.wait_for_url(re.compile(r"/explore\?.*lang=fr"), timeout=30_000)
    page.get_by_role("link", name="Chronologie").first.wait_for(timeout=30_000)
    page.locator(".st-key-top_bar").get_by_text("English", exact=True).click()
    page.wait_for_url(re.compile(r"lang=en"), timeout=30_000)
    page.get_by_role("link", name="Explore the data").first.wait_for(timeout=30_000)
    assert_clean(page, app_url)


def test_a_french_browser_gets_french_when_the_link_names_no_language(browser, app_url):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fr-FR")
    page = context.new_page()
    page.goto(f"{app_url}/timeline")
    page.get_by_role("heading", name="Chronologie de la crise malienne").wait_for(timeout=30_000)
    assert "lang=" not in page.url, "the browser's choice is not written into the link"
    context.close()


def test_typing_an_actor_and_enter_picks_that_actor_alone(page, app_url):
    visit(page, app_url, "/explore", "Explore the data")
    page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").filter(has_text="Actor").click()
    page.keyboard.type("France")
    page.get_by_role("option", name="France").first.wait_for(timeout=10_000)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"actor="), timeout=30_000)
    assert page.url.endswith("/explore?actor=france")
    assert_clean(page, app_url)


def test_clicking_a_milestone_label_selects_its_event(page, app_url):
    visit(page, app_url, "/timeline?region=Kidal", "Timeline of Mali's crisis")
    label = page.locator(".js-plotly-plot .annotation-text", has_text="Army and Wagner take Kidal")
    label.wait_for(timeout=30_000)
    settle(page)
    box = label.bounding_box()
    # towards the label's far end, away from its event's own marker
    page.mouse.click(box["x"] + box["width"] * 0.7, box["y"] + box["height"] / 2)
    page.wait_for_url(re.compile(r"event=ev0258"), timeout=30_000)
    detail = page.locator(".st-key-event_detail h3")
    detail.wait_for(timeout=30_000)
    assert detail.inner_text() == "Malian army and Wagner take Kidal"
    assert_clean(page, app_url)


@pytest.mark.parametrize("target", ["Explore the data", "Actors and map", "Estimates"])
def test_filters_follow_the_reader_through_the_top_bar(page, app_url, target):
    visit(page, app_url, "/timeline?region=Kidal&type=Battles", "Timeline of Mali's crisis")
    shown = int(page.get_by_text("events shown").first.inner_text().split()[0])
    page.get_by_role("link", name=target).first.click()
    page.wait_for_url(re.compile(r"region=Kidal"), timeout=30_000)
    if target == "Estimates":  # no filters drawn there, but they stay in the link for the next page
        page.get_by_role("link", name="Explore the data").first.click()
        page.wait_for_url(re.compile(r"/explore\?.*region=Kidal"), timeout=30_000)
    if target != "Actors and map":
        page.get_by_text("events match").first.wait_for(timeout=30_000)
        assert page.get_by_text("events match").first.inner_text().startswith(f"{shown} events match")
        with page.expect_download() as download:
            page.get_by_role("button", name=re.compile(r"Download these")).click()
        rows = list(csv.DictReader(io.StringIO(download.value.path().read_text(encoding="utf-8-sig"))))
        assert len(rows) == shown and {row["admin1"] for row in rows} == {"Kidal"}
    assert_clean(page, app_url)


def test_on_a_phone_one_tap_selects_scrolls_to_the_detail_and_puts_it_in_the_link(browser, app_url):
    context = browser.new_context(viewport={"width": 390, "height": 800}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(f"{app_url}/timeline?q=Dembele&end=2025-11-09")
    point = page.locator(".js-plotly-plot .scatterlayer .point").first
    point.wait_for(timeout=30_000)
    point.scroll_into_view_if_needed()
    settle(page)
    box = point.bounding_box()
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # one tap, no hover before it
    detail = page.locator(".st-key-event_detail h3")
    detail.wait_for(timeout=30_000)
    page.wait_for_url(re.compile(r"event=ev"), timeout=30_000)
    page.wait_for_timeout(1500)
    box = detail.bounding_box()
    assert 0 <= box["y"] < 800, "the detail is scrolled into view"
    event_id = re.search(r"event=(\w+)", page.url).group(1)
    title = detail.inner_text()
    # the link alone reopens the same event
    other = context.new_page()
    other.goto(page.url)
    other.locator(".st-key-event_detail h3").wait_for(timeout=30_000)
    assert other.locator(".st-key-event_detail h3").inner_text() == title, event_id
    context.close()


@pytest.mark.parametrize("width", [320, 800])
def test_an_embedded_chart_draws_inside_an_article_s_iframe_with_its_source_line(browser, app_url, width):
    context = browser.new_context(viewport={"width": 1000, "height": 1200})
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.set_content(f"<html><body><p>An article.</p><iframe id='chart' src='{app_url}/embed?chart=timeline&"
                     f"region=Kidal&end=2025-11-09&embed=true' width='{width}' height='760' style='border:0'>"
                     "</iframe></body></html>")
    frame = page.frame_locator("#chart")
    frame.locator(".js-plotly-plot .scatterlayer .point").first.wait_for(timeout=60_000)
    texts = " ".join(frame.locator(".js-plotly-plot text").evaluate_all("els => els.map(e => e.textContent)"))
    assert "Timeline of Mali's" in texts and f"data version {DATA_VERSION}" in texts
    chart_box = frame.locator(".js-plotly-plot").first.bounding_box()
    assert chart_box["width"] <= width, "the chart fits the article's column"
    assert frame.locator("[data-testid='stException']").count() == 0
    assert foreign_requests(requested, app_url) == [], "nothing but the app's own host"
    context.close()


def test_the_exported_png_and_svg_carry_the_title_and_the_source_line(page, app_url):
    visit(page, app_url, "/estimates", "Who says how many?")
    page.get_by_text("Publish this chart: embed code, PNG or SVG image").first.click()
    settle(page)
    chart = page.locator(".js-plotly-plot").filter(has_text="Source: Mali Crisis Tracker").first
    chart.wait_for(timeout=30_000)
    chart.hover()
    with page.expect_download(timeout=60_000) as png:
        chart.locator(".modebar-btn[data-title^='Download plot']").click()
    assert png.value.suggested_filename == f"mali-estimates-arrests-2025-plot-v{DATA_VERSION}.png"
    data = open(png.value.path(), "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000, "a real image was exported"
    width = int.from_bytes(data[16:20], "big")
    assert width >= 2 * int(chart.bounding_box()["width"]) - 2, "exported at twice the screen's resolution"
    page.get_by_role("radio", name="SVG").or_(page.get_by_role("button", name="SVG")).first.click()
    settle(page)
    chart = page.locator(".js-plotly-plot").filter(has_text="Source: Mali Crisis Tracker").first
    chart.hover()
    with page.expect_download(timeout=60_000) as svg:
        chart.locator(".modebar-btn[data-title^='Download plot']").click()
    assert svg.value.suggested_filename.endswith(".svg")
    text = open(svg.value.path(), encoding="utf-8").read()
    assert "Who says how many?" in text and "Source: Mali Crisis Tracker" in text and DATA_VERSION in text
    assert_clean(page, app_url)


AXE = os.environ.get("MALI_TRACKER_AXE", "")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.mark.skipif(not Path(AXE).is_file(), reason="axe-core is not installed here: tests/run.sh installs it "
                    "from npm and sets MALI_TRACKER_AXE")
@pytest.mark.parametrize(("path", "width"), [
    *((path, 1400) for path in ("/", "/timeline", "/estimates", "/actors", "/explore", "/methodology",
                                "/event?id=ev0303", "/actor?id=jnim", "/?lang=fr", "/explore?lang=fr&type=Battles",
                                "/embed?chart=timeline&embed=true", "/embed?chart=estimates&embed=true",
                                "/embed?chart=map&embed=true", "/embed?chart=network&embed=true",
                                "/actors?map=regions", "/embed?chart=regions&embed=true")),
    *((path, 390) for path in ("/", "/timeline", "/estimates", "/explore", "/embed?chart=evolution&embed=true",
                               "/actors?map=regions")),
])
def test_axe_finds_no_wcag_a_or_aa_violation(browser, app_url, path, width):
    context = browser.new_context(viewport={"width": width, "height": 1000})
    page = context.new_page()
    page.goto(app_url + path)
    page.locator("h1, .js-plotly-plot").first.wait_for(timeout=30_000)
    settle(page)
    page.add_script_tag(path=AXE)
    violations = page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations"
        ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))", AXE_TAGS)
    context.close()
    assert violations == []
