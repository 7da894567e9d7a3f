"""The estimates charts: one element per claim, open-ended claims drawn as arrows, the band."""
from __future__ import annotations

import datetime as dt
import re

import polars as pl

from mali_tracker import claim_charts, db


def sample_claims() -> pl.DataFrame:
    return pl.DataFrame({
        "claim_id": ["a", "b", "c", "d"],
        "figure_low": [20, 50, 30, 3],
        "figure_high": [None, 50, 40, 3],
        "figure_text": ["at least around 20", "around 50", "30 to 40", "three attackers"],
        "quantity": ["people arrested"] * 3 + ["attackers killed"],
        "claimed_by": ["Security source", "Legislator", "Outlet", "Army"],
        "claimant_type": ["security_source", "legislator", "outlet_count", "army"],
        "outlet": ["AFP", "AFP", "RFI", "ORTM"],
        "published_date": [dt.date(2025, 8, 10), dt.date(2025, 8, 10), None, dt.date(2025, 8, 12)],
        "in_spread": [True, True, True, False],
    }, schema_overrides={"figure_low": pl.Int32, "figure_high": pl.Int32})


def test_spread_uses_only_comparable_claims_and_reads_as_words():
    claims = sample_claims()
    assert claim_charts.spread(claims) == (20, 50)
    assert claim_charts.spread_sentence(20, 50, "people arrested") == (
        "between 20 and 50 people arrested — the highest is 2.5 times the lowest")


def test_one_trace_per_claim_with_arrow_point_and_bar():
    figure = claim_charts.range_figure(sample_claims(), "people arrested")
    traces = {trace.meta: trace for trace in figure.data}
    assert sorted(traces) == ["a", "b", "c", "d"]
    assert list(traces["a"].marker.symbol) == ["circle", "arrow-right"]
    assert traces["a"].x[1] > 50, "an open-ended claim runs past the largest figure"
    assert list(traces["b"].x) == [50]
    assert list(traces["c"].x) == [30, 40]


def test_band_spans_min_to_max_and_rows_are_labelled_by_claimant():
    figure = claim_charts.range_figure(sample_claims(), "people arrested")
    band = [shape for shape in figure.layout.shapes if shape.type == "rect"][0]
    assert (band.x0, band.x1) == (20, 50)
    labels = [a.text for a in figure.layout.annotations if a.xref == "paper" and a.xanchor == "left"]
    assert labels[0].startswith("<b>Security source</b>") and "AFP, 10 Aug 2025" in labels[0]
    assert "date not shown" in labels[2]
    assert figure.layout.yaxis.range[0] > figure.layout.yaxis.range[1], "earliest claim on top"


def test_long_labels_wrap_to_fit_a_phone():
    claims = sample_claims().with_columns(pl.Series("claimed_by", [
        "Government of Mali (decrees and ministerial order in the Official Journal)", "Legislator", "Outlet", "Army"]))
    figure = claim_charts.range_figure(claims, "people arrested")
    label = next(a.text for a in figure.layout.annotations if a.text.startswith("<b>Government"))
    lines = [re.sub(r"<[^>]+>", "", line) for line in label.split("<br>")]
    assert len(lines) == 3 and all(len(line) <= claim_charts.LABEL_WRAP_CHARS for line in lines)
    assert " ".join(lines[:2]) == "Government of Mali (decrees and ministerial order in the Official Journal)"
    # every row's mark sits below its own label, and rows do not overlap
    marks = sorted(trace.y[0] for trace in figure.data)
    tops = sorted(a.y for a in figure.layout.annotations if a.xref == "paper" and a.xanchor == "left")
    assert all(top < mark for top, mark in zip(tops, marks))
    assert all(mark < next_top for mark, next_top in zip(marks, tops[1:]))


def test_evolution_places_dated_comparable_claims_only():
    figure = claim_charts.evolution_figure(sample_claims(), "people arrested")
    assert sum(len(trace.x) for trace in figure.data) == 2


def test_the_arrest_claims_in_the_data(bundled_db):
    claims = db.run_query(bundled_db, "claims_for_subject", subject="arrests_2025_plot")
    texts = claims["figure_text"].to_list()
    assert any("at least around 20" in t for t in texts) and any("around 50" in t for t in texts)
    assert claims["outlet"].n_unique() >= 5
    figure = claim_charts.range_figure(claims, "people arrested")
    assert len(figure.data) == claims.height
