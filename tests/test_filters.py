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


# Property tests: whatever a link holds, parsing never fails, keeps only known values, and
# what it keeps survives a round trip through the query string.
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

PARAM_NAMES = ["start", "end", "type", "theme", "actor", "region", "q", "as_of", "other"]
link_values = st.one_of(
    st.text(max_size=300),
    st.dates().map(lambda d: d.isoformat()),
    st.lists(st.sampled_from(list(CHOICES.types + CHOICES.actors + CHOICES.regions) + ["x", "<b>", "'"]))
    .map(",".join),
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(PARAM_NAMES), link_values, max_size=6))
def test_any_link_parses_to_valid_filters(params):
    parsed = parse_filters(params, CHOICES)
    filters = parsed.filters
    assert filters.start <= filters.end
    assert set(filters.types) <= set(CHOICES.types)
    assert set(filters.actors) <= set(CHOICES.actors)
    assert set(filters.regions) <= set(CHOICES.regions)
    assert len(filters.q) <= 200
    assert all(len(message) < 400 and "\n" not in message for message in parsed.messages)
    again = parse_filters(to_query_params(filters), CHOICES)
    assert again.filters == filters and again.messages == []
