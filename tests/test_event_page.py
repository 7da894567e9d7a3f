"""The event's own page (/event?id=…): what a journalist links to from an article."""
from __future__ import annotations

from tests.test_pages import open_page


def page_links(app) -> list[tuple[str, str]]:
    return [(link.label, link.page) for link in app.get("page_link")]


def test_a_key_event_shows_its_facts_figures_actors_sources_and_citation():
    app = open_page("event", id="ev0303")
    assert app.title[0].value == "General Abass Dembélé arrested in Kati"
    facts = next(c.value for c in app.caption if c.value.startswith("10 Aug 2025"))
    assert "Kati" in facts and "Arrests" in facts
    assert any("figures from" in m.value and "people arrested" in m.value for m in app.markdown)
    labels = [label for label, _ in page_links(app)]
    assert "Abass Dembélé (target)" in labels
    assert "Every figure, who gave it and when" in labels
    sources = [m.value for m in app.markdown if m.value.startswith("- [")]
    assert len(sources) >= 3 and all("](https://" in s or "](http://" in s for s in sources)
    assert any(label.startswith("7 Aug 2025 · ") for label in labels), "the event just before"
    citation = next(c.value for c in app.code if c.value.startswith("Mali Crisis Tracker, "))
    assert citation.startswith('Mali Crisis Tracker, "General Abass Dembélé arrested in Kati" (10 Aug 2025), ')
    assert "/event?id=ev0303" in citation
    assert not app.error and not app.warning


def test_an_unknown_or_missing_id_gets_a_message_and_a_search_box():
    for params in ({"id": "<img src=x onerror=alert(1)>"}, {}):
        app = open_page("event", **params)
        assert app.title[0].value == "Event not found"
        message = (app.warning or app.info)[0].value
        assert "No event has the id" in message or "names no event" in message
        assert app.text_input[0].label.startswith("Search")
        assert ("Timeline", "timeline") in page_links(app), "the top bar is drawn"
        assert not app.error


def test_the_search_box_takes_the_reader_to_the_matching_events():
    app = open_page("event", id="nope")
    app.text_input[0].input("Dembélé").run()
    assert "Dembélé" in str(app.query_params.get("q"))
    assert any("events" in c.value and "match" in c.value for c in app.caption)


def test_the_timeline_detail_links_to_the_event_page():
    app = open_page("timeline", event="ev0303", end="2025-11-09")
    assert ("The event's own page, to link to", "event") in page_links(app)


def test_an_old_id_from_a_saved_link_still_opens_its_event_and_the_link_is_updated():
    app = open_page("event", id="y2024_e34")  # Dembélé's arrest, before ids stopped naming a year
    assert app.title[0].value == "General Abass Dembélé arrested in Kati"
    assert app.query_params["id"] in ("ev0303", ["ev0303"])
    timeline = open_page("timeline", event="y2024_e34", end="2025-11-09")
    assert timeline.query_params["event"] in ("ev0303", ["ev0303"])
    assert any(h.value == "General Abass Dembélé arrested in Kati" for h in timeline.subheader)


def test_the_event_page_in_french():
    app = open_page("event", id="ev0303", lang="fr")
    facts = next(c.value for c in app.caption if c.value.startswith("10 août 2025"))
    assert "Évolutions stratégiques (Arrestations)" in facts and "politique" in facts
    assert [h.value for h in app.subheader][:2] == ["Qui y a pris part", "Sources"]
    assert any("Chiffres publiés" in m.value and "personnes arrêtées" in m.value for m in app.markdown)
    citation = next(c.value for c in app.code if c.value.startswith("Mali Crisis Tracker, "))
    assert "version des données" in citation and "consulté le" in citation
