"""The query string: valid values are kept, bad ones dropped with a plain message."""
from __future__ import annotations

import datetime as dt

from mali_tracker.filters import FilterChoices, Filters, parse_filters, to_query_params

CHOICES = FilterChoices(types=("Battles", "Protests"), themes=("politics", "security"),
                        actors=("wagner", "jnim"), regions=("Kidal", "Ségou"))


def test_round_trip():
    filters = Filters(start=dt.date(2020, 1, 1), types=("Battles",), actors=("wagner", "jnim"),
                      regions=("Ségou",), q="Kati")
    parsed = parse_filters(to_query_params(filters), CHOICES)
    assert parsed.filters == filters and parsed.messages == []


def test_defaults_stay_out_of_the_link():
    assert to_query_params(Filters()) == {}


def test_bad_values_fall_back_with_a_message():
    parsed = parse_filters({"start": "2013-02-30", "type": "Battles,<script>", "actor": "nobody"}, CHOICES)
    assert parsed.filters.start == Filters().start
    assert parsed.filters.types == ("Battles",)
    assert parsed.filters.actors == ()
    assert len(parsed.messages) == 3
    assert any("`2013-02-30` is not a date" in m for m in parsed.messages)


def test_reversed_range_falls_back_to_default_window():
    parsed = parse_filters({"start": "2020-01-01", "end": "2019-01-01"}, CHOICES)
    assert (parsed.filters.start, parsed.filters.end) == (Filters().start, Filters().end)
    assert "before the start date" in parsed.messages[0]


def test_long_values_are_refused_without_echoing_them():
    parsed = parse_filters({"q": "x" * 5000, "type": "y" * 5000}, CHOICES)
    assert len(parsed.filters.q) == 200
    assert all(len(m) < 200 for m in parsed.messages)
