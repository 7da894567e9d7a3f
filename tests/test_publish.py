"""Publishing from the tracker: the embed page for each chart, the title and source line inside
the exported image, the embed snippet, the filters in words and the citation line."""
from __future__ import annotations

import datetime as dt
import json

import plotly.graph_objects as go
import pytest

from mali_tracker import manifest, paths, publish
from mali_tracker.filters import Filters
from tests.test_pages import open_page

VERSION = manifest.read_version(paths.DEFAULT_DATA_DIR).short


def test_the_title_and_source_line_are_drawn_inside_the_figure():
    figure = go.Figure(go.Scatter(x=[1, 2], y=[3, 4]), layout={"height": 400, "margin": {"t": 20, "b": 30}})
    source = publish.source_line("8cec000", ["AFP", "Reuters", "RFI", "Studio Tamani", "Maliweb"], "en")
    assert source == ("Source: Mali Crisis Tracker, data version 8cec000; reports by AFP, Reuters, RFI, "
                      "Studio Tamani and others.")
    published = publish.with_title_and_source(figure, "Battles <in> Kidal, a title long enough to wrap", source)
    assert published.layout.title.text.replace("<br>", " ") == "Battles &lt;in&gt; Kidal, a title long enough to wrap"
    assert published.layout.title.subtitle.text.replace("<br>", " ") == source
    assert published.layout.height > 400 and published.layout.margin.t > 20
    assert figure.layout.title.text is None, "the page's own figure is left as it was"


def test_source_line_without_outlets_names_the_export_and_speaks_french():
    assert publish.source_line("abc", [], "en", "the ACLED export").endswith("; the ACLED export.")
    assert publish.source_line("abc", ["AFP"], "fr") == \
        "Source : Mali Crisis Tracker, version des données abc ; reportages de AFP."


def test_export_name_embed_snippet_and_citation():
    assert publish.export_name("timeline", ["2015-01-01", "2022-12-31", "type-Battles"], "8cec000") == \
        "mali-timeline-2015-01-01-2022-12-31-type-battles-v8cec000"
    snippet = publish.embed_snippet('https://x.example/embed?chart=map&q="a"', 'Where <b>', 600)
    assert snippet.startswith('<iframe src="https://x.example/embed?chart=map&amp;q=&quot;a&quot;"')
    assert 'title="Where &lt;b&gt;"' in snippet and 'height="600"' in snippet and 'width="100%"' in snippet
    words = publish.filters_in_words(
        Filters(start=dt.date(2015, 1, 1), end=dt.date(2022, 12, 31), types=("Battles",), regions=("Kidal", "Gao"),
                actors=("france",)), {"france": "France"}, "en")
    assert words == "Battles in Kidal and Gao, involving France, 1 Jan 2015 – 31 Dec 2022"
    line = publish.citation("Timeline", words, "8cec000", dt.date(2026, 11, 30), "https://t.example/timeline", "en")
    assert line == ("Mali Crisis Tracker. “Timeline”: Battles in Kidal and Gao, involving France, 1 Jan 2015 – "
                    "31 Dec 2022. Data version 8cec000. Accessed 30 November 2026. https://t.example/timeline")


def embed(**params):
    return open_page("embed", **params)


@pytest.mark.parametrize(("params", "title"), [
    ({"chart": "timeline"}, "Timeline of Mali's crisis"),
    ({"chart": "timeline", "region": "Kidal", "type": "Battles"}, "Timeline of Mali's crisis"),
    ({"chart": "estimates"}, "Who says how many?"),
    ({"chart": "evolution", "subject": "moura_2022_killed"}, "How the figure moved"),
    ({"chart": "network", "as_of": "2016-06-01"}, "Who stands with whom in Mali, 1 June 2016"),
    ({"chart": "map", "region": "Gao"}, "Where events took place"),
])
def test_each_embed_draws_its_chart_alone_with_title_source_and_a_way_to_the_full_view(params, title):
    app = embed(**params)
    charts = app.get("plotly_chart")
    assert len(charts) == 1
    assert not app.get("page_link") or all(link.label != "Timeline" for link in app.get("page_link")), \
        "no top bar in an embed"
    figure = charts[0].proto.spec
    assert title.split()[0] in figure and f"data version {VERSION}" in figure
    link = next(m.value for m in app.markdown if "Open the full view" in m.value)
    page = {"timeline": "/timeline", "estimates": "/estimates", "evolution": "/estimates", "network": "/actors",
            "map": "/actors"}[params["chart"]]
    assert f"]({'http://localhost:8501'}{page}" in link.replace("\\", "")
    if "region" in params:
        assert f"region={params['region']}" in link


def test_a_filtered_embed_counts_what_its_page_counts():
    app = embed(chart="timeline", region="Kidal", end="2025-11-09")
    spec = app.get("plotly_chart")[0].proto.spec
    timeline = open_page("timeline", region="Kidal", end="2025-11-09")
    caption = next(c.value for c in timeline.caption if "events shown" in c.value)
    count = caption.split("**")[1].split()[0]
    assert app.get("download_button") and f"({count} rows" in app.get("download_button")[0].label
    assert json.loads(spec)["layout"]["title"]["text"].startswith("Timeline")


@pytest.mark.parametrize("chart", ["", "pie", "<script>alert(1)</script>", "x" * 500])
def test_a_bad_chart_gets_a_short_message_inside_the_frame(chart):
    app = embed(chart=chart)
    assert not app.get("plotly_chart")
    assert "names no chart we draw" in app.warning[0].value and len(app.warning[0].value) < 400
    assert "<script>" not in app.warning[0].value.replace("`<script>", "")


def test_the_publish_switch_gives_the_iframe_and_the_image_export():
    app = open_page("estimates")
    app.toggle(key="publish_estimates").set_value(True).run()
    snippet = next(c.value for c in app.code if c.value.startswith("<iframe"))
    assert "/embed?chart=estimates" in snippet and "embed=true" in snippet
    preview = next(c for c in app.get("plotly_chart") if c.proto.id.endswith("publish_estimates_preview"))
    assert "Source: Mali Crisis Tracker" in preview.proto.spec
    config = json.loads(preview.proto.config)
    assert config["toImageButtonOptions"] == {"format": "png", "scale": 2,
                                              "filename": f"mali-estimates-arrests-2025-plot-v{VERSION}"}
    app.segmented_control(key="publish_estimates_format").set_value("svg").run()
    preview = next(c for c in app.get("plotly_chart") if c.proto.id.endswith("publish_estimates_preview"))
    assert json.loads(preview.proto.config)["toImageButtonOptions"]["format"] == "svg"


def test_the_cite_control_names_the_view_and_the_footer_s_version():
    app = open_page("timeline", region="Kidal", type="Battles", end="2022-12-31")
    line = next(c.value for c in app.code if c.value.startswith("Mali Crisis Tracker. “"))
    assert "“Timeline”: Battles in Kidal, 1 Jan 2012 – 31 Dec 2022." in line
    footer = " ".join(c.value for c in app.caption)
    assert f"Data version {VERSION}." in line and f"data version `{VERSION}`" in footer
    assert "/timeline?" in line and "region=Kidal" in line
