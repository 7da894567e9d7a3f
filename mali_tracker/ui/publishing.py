"""Under a chart: what a journalist needs to publish it (an <iframe> for an article, the image
with its title and source line inside, for print or the web) and, on every page, a citation
of the view. The pieces are built by mali_tracker.publish; this module draws them."""
from __future__ import annotations

import datetime as dt

import streamlit as st

from mali_tracker import publish
from mali_tracker.export import file_stem, to_csv_bytes
from mali_tracker.ui import cache, chrome, language, view
from mali_tracker.ui.chart_views import ChartView
from mali_tracker.ui.language import _

EMBED_EXTRA_PX = 110  # the embed page's link and data button under the chart
CITATION_VIEW = "_citation_view"  # (title, what the page shows in words), for the Cite control


def source_line(chart: ChartView) -> str:
    summary = cache.query("dataset_summary").row(0, named=True)
    imported = [origin.upper() for origin in (summary["origins"] or []) if origin != "curated"]
    fallback = _("the {names} export").format(names=" and ".join(imported)) if imported else ""
    return publish.source_line(cache.data_version().short, chart.outlets(), language.current(), fallback)


def published_figure(chart: ChartView):
    """The chart with its title and source line drawn inside it."""
    return publish.with_title_and_source(chart.figure, chart.title, source_line(chart))


def image_config(chart: ChartView, name_parts: list[str], image_format: str = "png") -> dict:
    """Plotly's own export (the camera icon, in the browser, offline) as PNG at 2x or SVG,
    named after the chart, the filters and the data version."""
    return {**chrome.PLOTLY_CONFIG, "toImageButtonOptions": {
        "format": image_format, "scale": 2 if image_format == "png" else 1,
        "filename": publish.export_name(chart.chart, name_parts, cache.data_version().short)}}


def data_button(chart: ChartView, name_parts: list[str]) -> None:
    """The CSV of exactly what the chart draws."""
    st.download_button(_("Get the data ({count} rows, CSV)").format(count=language.number(chart.data.height)),
                       lambda: to_csv_bytes(chart.data),
                       file_name=chrome.download_name(file_stem("mali", chart.chart, *name_parts)),
                       mime="text/csv", icon=":material/download:", on_click="ignore", key=f"data_{chart.chart}")


def tools(chart: ChartView, embed_params: dict[str, str], name_parts: list[str]) -> None:
    """A switch under the chart that opens its embed code and its export for print and web."""
    if chart.figure is None:
        return
    key = f"publish_{chart.chart}"
    if not st.toggle(_("Publish this chart: embed code, PNG or SVG image"), key=key):
        return
    with st.container(border=True):
        address = view.page_address("embed", {"chart": chart.chart, **embed_params, "embed": "true"})
        published = published_figure(chart)
        height = int(published.layout.height + EMBED_EXTRA_PX)
        st.markdown(_("**Embed** — paste into the article's HTML; the chart fits the column, from 320 px wide:"))
        st.code(publish.embed_snippet(address, chart.title, height), language="html", wrap_lines=True)
        image_format = st.segmented_control(_("Image for print or the web"), ["png", "svg"], default="png",
                                            format_func=str.upper, key=f"{key}_format") or "png"
        st.caption(_("The chart as exported, its title and source line inside the image. Download it with the "
                     "camera icon at the top right of the chart ({format}{scale}).").format(
            format=image_format.upper(), scale=_(", twice the screen's resolution") if image_format == "png" else ""))
        st.plotly_chart(published, config=image_config(chart, name_parts, image_format),
                        key=f"{key}_preview", alt=chart.alt)


def set_citation_view(words: str, title: str | None = None) -> None:
    """What the page shows, in words (and its own title, for a page about one event or actor),
    for the Cite control: the top bar is drawn after the page."""
    st.session_state[CITATION_VIEW] = (title, words)


def cite_control(page_title: str, url_path: str) -> None:
    """The Cite popover of the top bar: one line naming the page, the view, the data version,
    the date and the permanent link."""
    with st.popover(_("Cite"), icon=":material/format_quote:"):
        title, words = st.session_state.pop(CITATION_VIEW, None) or (None, None)
        line = publish.citation(title or page_title, words or page_title, cache.data_version().short, dt.date.today(),
                                view.full_link(url_path), language.current())
        st.caption(_("This view, cited (the link reopens it exactly; the data version names the tables it read):"))
        st.code(line, language=None, wrap_lines=True)
