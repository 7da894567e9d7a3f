"""The search box finds what a reader means: whole words or the start of a word, accents and
case ignored, and the names of the actors taking part."""
from __future__ import annotations

import datetime as dt

import pytest

from mali_tracker import db, search
from mali_tracker.filters import Filters
from mali_tracker.search import search_terms

EVERYTHING = dict(start=dt.date(2011, 1, 1), end=dt.date(2026, 12, 31))


def titles(bundled_db, q: str, **window) -> list[str]:
    filters = Filters(q=q, **(window or EVERYTHING))
    return db.run_query(bundled_db, "events_filtered", **filters.query_params(row_limit=1000))["title"].to_list()


def test_a_whole_word_does_not_match_inside_a_longer_one(bundled_db):
    found = titles(bundled_db, "Moura")
    assert found and all("Moura" in t or "Mourah" in t for t in found), found
    assert not any("Mourabitoun" in t for t in found)


def test_the_start_of_a_word_finds_the_word(bundled_db):
    found = titles(bundled_db, "Mour")
    assert "Moura killings" in found
    assert len(found) > len(titles(bundled_db, "Moura"))


def test_mourabitoun_finds_its_own_events(bundled_db):
    assert titles(bundled_db, "Mourabitoun") and "Moura killings" not in titles(bundled_db, "Mourabitoun")


def test_actor_names_are_searched_too(bundled_db):
    wagner_2022 = titles(bundled_db, "Wagner", start=dt.date(2022, 1, 1), end=dt.date(2022, 12, 31))
    assert "Moura killings" in wagner_2022, "Moura's summary does not say Wagner; its actors do"


@pytest.mark.parametrize("typed", ["Dembélé", "dembele", "DEMBELE", "Dembé"])
def test_accents_and_case_do_not_matter(bundled_db, typed):
    assert "General Abass Dembélé arrested in Kati" in titles(bundled_db, typed)


def test_every_word_must_match(bundled_db):
    both = set(titles(bundled_db, "Kidal Wagner"))
    assert both and both <= set(titles(bundled_db, "Kidal")) & set(titles(bundled_db, "Wagner"))


def test_punctuation_and_sql_are_only_words():
    assert search_terms("Al-Mourabitoun") == ["al", "mourabitoun"]
    assert search_terms("'; DROP TABLE events; --") == ["drop", "table", "events"]
    assert search_terms("Ségou, Tombouctou") == ["segou", "tombouctou"]
    assert search_terms("   ") == []


def test_needles_are_whole_words_where_some_event_has_the_word_else_word_starts(bundled_db):
    needles = db.run_query(bundled_db, "search_needles", terms=["moura", "mour", "zzzqqq"])["needles"][0]
    assert list(needles) == [" moura ", " mour", " zzzqqq"]
    assert list(db.run_query(bundled_db, "search_needles", terms=[])["needles"][0]) == []


def test_the_filter_checks_every_word_a_reader_may_type():
    macro = db.query_text("macro_filtered_events")
    assert all(f"p_needles[{i}]" in macro for i in range(1, search.MAX_TERMS + 1))
    assert f"p_needles[{search.MAX_TERMS + 1}]" not in macro
    assert len(search.search_terms(" ".join(f"w{i}" for i in range(20)))) == search.MAX_TERMS
