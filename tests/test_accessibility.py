"""Every chart states what it shows in words and has a table a screen reader can reach;
colours come from a palette designed for colour-blind readers."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from mali_tracker import actor_charts, charts, claim_charts, paths

OKABE_ITO = {c.lower() for c in charts.OKABE_ITO}


@pytest.mark.parametrize(("page", "params"), [
    ("timeline", {}),
    ("timeline", {"end": "2025-11-09"}),
    ("estimates", {}),
    ("actors", {"actor": "wagner", "end": "2025-11-09"}),
])
def test_every_chart_has_a_text_alternative_and_a_table(page, params):
    app = AppTest.from_file(str(paths.PROJECT_ROOT / "app.py"), default_timeout=30)
    for key, value in params.items():
        app.query_params[key] = value
    app.switch_page(f"pages/{page}.py").run()
    charts_drawn = app.get("plotly_chart")
    assert charts_drawn
    for chart in charts_drawn:
        assert len(chart.proto.alt) > 20, "a chart says in words what it shows"
    assert len(app.dataframe) >= 1, "the data behind the charts is a table too"


def test_palettes_are_colour_blind_safe():
    assert set(c.lower() for c in charts.EVENT_TYPE_COLOURS.values()) <= OKABE_ITO
    assert len(set(charts.EVENT_TYPE_SYMBOLS.values())) == len(charts.EVENT_TYPE_SYMBOLS), "shape repeats colour"
    group_colours = {colour.lower() for _, colour, _ in actor_charts.ACTOR_GROUPS.values()}
    assert group_colours - OKABE_ITO <= {"#999999", "#882255"}, "two extra, dark and grey, for people and militias"
    assert len({symbol for *_, symbol in actor_charts.ACTOR_GROUPS.values()}) == len(actor_charts.ACTOR_GROUPS)
    common = ["security_source", "army", "legislator", "government", "outlet_count", "rights_group", "un"]
    assert {claim_charts.CLAIMANT_COLOURS[k].lower() for k in common} <= OKABE_ITO
