"""Hostile links: every page, every query parameter, values of the wrong type, impossible dates,
reversed ranges, unknown ids, 5,000 characters, SQL and HTML. The page must show a plain
message and a sensible default: never a traceback, never raw HTML, never outside data."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from mali_tracker import paths

PAGES = ["home", "timeline", "estimates", "actors", "explore", "methodology", "event", "actor", "embed"]
PARAMS = ["start", "end", "type", "theme", "actor", "region", "q", "as_of", "subject", "event", "id", "page",
          "sort", "cols", "chart"]
HOSTILE = {
    "wrong type": "12abc",
    "impossible date": "2023-02-30",
    "far date": "9999-12-31",
    "ancient date": "0001-01-01",
    "unknown id": "atlantis_liberation_front",
    "long": "x" * 5000,
    "sql": "'); DROP VIEW events; SELECT * FROM read_csv('/etc/passwd') --",
    "html": "<script>alert(1)</script><img src=x onerror=alert(2)>",
    "markdown link": "[click me](javascript:alert(1))",
    "path": "../../../../etc/passwd",
    "empty": "",
    "commas": ",,,",
}


def run_page(page: str, params: dict[str, str]) -> AppTest:
    app = AppTest.from_file(str(paths.PROJECT_ROOT / "app.py"), default_timeout=30)
    for key, value in params.items():
        app.query_params[key] = value
    (app.switch_page(f"pages/{page}.py") if page != "home" else app).run()
    return app


def rendered_text(app: AppTest) -> str:
    parts = []
    for kind in ("markdown", "caption", "warning", "error", "info", "title", "header", "subheader"):
        parts += [str(element.value) for element in getattr(app, kind)]
    return "\n".join(parts)


def assert_safe(app: AppTest) -> None:
    assert not app.exception, [e.value for e in app.exception]
    assert not app.error, [e.value for e in app.error]
    text = rendered_text(app)
    assert "root:x:0:0" not in text, "nothing from outside the data folder"
    assert "Traceback" not in text
    for message in app.warning:
        # whatever the reader typed is echoed only inside a code span, shortened
        assert "<script>" not in message.value.replace("`<script>", "")
        assert len(message.value) < 400


# The page that reads each parameter (the sidebar filters are read by all three event pages).
READER = {"start": "timeline", "end": "explore", "type": "timeline", "theme": "explore",
          "actor": "actors", "region": "timeline", "q": "explore", "as_of": "actors", "subject": "estimates",
          "event": "timeline", "id": "event", "page": "explore", "sort": "explore", "cols": "explore",
          "chart": "embed"}


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("label", list(HOSTILE))
def test_every_parameter_hostile_on_every_page(page, label):
    app = run_page(page, {param: HOSTILE[label] for param in PARAMS})
    assert_safe(app)


@pytest.mark.parametrize("param", PARAMS)
@pytest.mark.parametrize("label", ["wrong type", "long", "sql", "html", "markdown link", "impossible date"])
def test_each_parameter_alone_on_the_page_that_reads_it(param, label):
    app = run_page(READER[param], {param: HOSTILE[label]})
    assert_safe(app)
    searched_as_text = param == "q" and label != "long"  # any text is a valid search
    date_only = label == "impossible date" and param not in ("start", "end", "as_of")
    if not (searched_as_text or date_only):
        assert app.warning, f"a bad {param} gets a visible message"


@pytest.mark.parametrize("page", ["timeline", "explore", "actors"])
def test_reversed_range_falls_back_with_a_message(page):
    app = run_page(page, {"start": "2020-01-01", "end": "2013-01-01"})
    assert_safe(app)
    assert any("is before the start date" in w.value for w in app.warning)
    assert app.sidebar.date_input[0].value.isoformat() == "2012-01-01"


def test_everything_hostile_at_once():
    app = run_page("actors", {param: HOSTILE["sql"] for param in PARAMS})
    assert_safe(app)
    assert len(app.warning) >= 3


@pytest.mark.parametrize("label", ["wrong type", "long", "sql", "html", "markdown link", "path"])
def test_a_hostile_actor_id_gets_a_message_and_a_way_to_pick_one(label):
    app = run_page("actor", {"id": HOSTILE[label]})
    assert_safe(app)
    assert app.title[0].value == "Actor not found" and app.warning and app.selectbox


@pytest.mark.parametrize("chart", ["timeline", "estimates", "evolution", "network", "map"])
@pytest.mark.parametrize("label", ["wrong type", "sql", "html", "impossible date"])
def test_an_embed_with_hostile_view_parameters_still_draws_its_chart(chart, label):
    app = run_page("embed", {"chart": chart, **{param: HOSTILE[label] for param in PARAMS if param != "chart"}})
    assert_safe(app)
    assert len(app.get("plotly_chart")) == 1 or app.info, "the chart, or a plain message that nothing matches"
