"""The actor's own page (/actor?id=…): who it is, its relations over time, the events it took
part in, the figures it gave, and a citation; every actor name in the app leads here."""
from __future__ import annotations

import polars as pl

from mali_tracker import db, manifest, paths
from mali_tracker.filters import Filters
from tests.test_event_page import page_links
from tests.test_pages import open_page


def test_an_actor_page_shows_who_it_is_its_relations_events_and_citation(bundled_db):
    app = open_page("actor", id="france")
    assert app.title[0].value == "France"
    relations = pl.from_pandas(app.dataframe[0].value)
    expected = db.run_query(bundled_db, "actor_relations", actor_id="france")
    assert relations.height == expected.height > 0
    assert all("France" in sentence for sentence in relations["Relation"].to_list())
    assert all(link.startswith("actor?") and "id=" in link for link in relations["With"].to_list()), \
        "the other actor's name links to its page"
    summary = db.run_query(bundled_db, "dataset_summary").row(0, named=True)
    own = Filters(start=summary["first_date"], end=summary["last_date"], actors=("france",))
    count = int(db.run_query(bundled_db, "events_count", **own.query_params())["event_count"][0])
    assert any(c.value.startswith(f"**{count} events** with France") for c in app.caption)
    events = pl.from_pandas(app.dataframe[1].value)
    assert events.height == min(count, 200) and events["event"][0].startswith("event?")
    assert ("Explore these events, with filters and downloads", "explore") in page_links(app)
    citation = next(c.value for c in app.code if c.value.startswith("Mali Crisis Tracker, "))
    assert "/actor?id=france" in citation
    assert manifest.read_version(paths.DEFAULT_DATA_DIR).short in citation


def test_the_figures_an_actor_gave_are_listed_with_a_way_to_every_figure(bundled_db):
    claims = db.run_query(bundled_db, "actor_claims", actor_id="jnim")
    assert claims.height > 0 and all("JNIM" in who for who in claims["claimed_by"].to_list())
    app = open_page("actor", id="jnim")
    assert "Figures it gave" in [h.value for h in app.header]
    listed = " ".join(m.value for m in app.markdown).replace("\\", "")
    assert all(figure in listed for figure in claims["figure_text"].to_list())
    assert ("Every figure on this, who gave it and when", "estimates") in page_links(app)


def test_a_place_name_among_an_actor_s_aliases_does_not_make_others_its_claimants(bundled_db):
    claims = db.run_query(bundled_db, "actor_claims", actor_id="mali_government")
    assert claims.height > 0
    assert all("Government of Mali" in who or "gouvernement" in who.lower() for who in claims["claimed_by"])


def test_actor_names_on_the_event_and_actors_pages_lead_to_the_actor_page():
    event = open_page("event", id="ev0303")
    assert ("Abass Dembélé (target)", "actor") in page_links(event)
    network = open_page("actors", actor="france")
    assert any(page == "actor" for _, page in page_links(network))


def test_a_missing_id_gets_a_message_and_the_picker_leads_to_the_actor():
    app = open_page("actor")
    assert app.title[0].value == "Actor not found" and "names no actor" in app.info[0].value
    app.selectbox[0].set_value("wagner").run()
    assert app.query_params.get("id") in ("wagner", ["wagner"]) or app.title[0].value.startswith("Wagner")


def test_the_actor_page_in_french(bundled_db):
    app = open_page("actor", id="france", lang="fr")
    assert "Les relations dans le temps" in [h.value for h in app.header]
    others = db.run_query(bundled_db, "actor_relations", actor_id="france").filter(pl.col("other_name_fr") != "")
    sentences = " ".join(pl.from_pandas(app.dataframe[0].value)["Relation"].to_list())
    assert others.height and all(name in sentences for name in others["other_name_fr"].to_list()), \
        "the other actors are named in French where they have a French name"
    assert any("événements** avec" in c.value for c in app.caption)
