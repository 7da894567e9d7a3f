"""A chart made ready to publish: its title and source line drawn inside the figure (so an
exported image carries them), the export's file name, the embed snippet, the filters in words
and the citation line. Pure functions: no Streamlit.
"""
from __future__ import annotations

import datetime as dt
import html
import textwrap
from urllib.parse import urlencode

import plotly.graph_objects as go

from mali_tracker.charts import FONT
from mali_tracker.export import file_stem
from mali_tracker.filters import Filters
from mali_tracker.i18n import format_date, translate
from mali_tracker.vocabulary import N_, shown

# chart= of /embed -> what it shows (the page that draws it in full)
CHARTS = {"timeline": "timeline", "estimates": "estimates", "evolution": "estimates", "network": "actors",
          "map": "actors", "regions": "actors"}
OUTLETS_NAMED = 4
SOURCE_LINE_PX = 30  # room under the title for the source line's first line
SOURCE_LINE_STEP_PX = 14  # and for each further line
TITLE_PX = 56  # room above it for the title's first line
TITLE_LINE_PX = 24  # and for each further line
TITLE_CHARS, SOURCE_CHARS = 34, 52  # characters a line holds in a 320 px column


def source_line(version: str, outlets: list[str], lang: str, fallback: str = "") -> str:
    """'Source: Mali Crisis Tracker, data version 8cec000; reports by AFP, Reuters, RFI and others.'"""
    if outlets:
        named = ", ".join(outlets[:OUTLETS_NAMED])
        reports = translate("reports by {outlets} and others", lang).format(outlets=named) \
            if len(outlets) > OUTLETS_NAMED else translate("reports by {outlets}", lang).format(outlets=named)
    else:
        reports = fallback or translate("published reports", lang)
    return translate("Source: Mali Crisis Tracker, data version {version}; {reports}.", lang).format(
        version=version, reports=reports)


def _lines(text: str, width: int) -> list[str]:
    return textwrap.wrap(html.escape(text, quote=False), width) or [""]


def with_title_and_source(figure: go.Figure, title: str, source: str) -> go.Figure:
    """A copy of `figure` with `title` and, under it, the `source` line above the plot, inside
    the image, both wrapped so that they fit a 320 px column (Plotly does not wrap text). The
    source sits under the title rather than under the plot, where legends and axis labels take
    a room Plotly computes only in the browser."""
    published = go.Figure(figure)
    title_lines, source_lines = _lines(title, TITLE_CHARS), _lines(source, SOURCE_CHARS)
    added = TITLE_PX + TITLE_LINE_PX * (len(title_lines) - 1) + SOURCE_LINE_PX \
        + SOURCE_LINE_STEP_PX * (len(source_lines) - 1)
    top = published.layout.margin.t if published.layout.margin.t is not None else 40
    published.update_layout(
        title={"text": "<br>".join(title_lines), "x": 0, "xanchor": "left", "y": 1, "yanchor": "top",
               "yref": "container", "pad": {"t": 14, "l": 8}, "font": {**FONT, "size": 18},
               "subtitle": {"text": "<br>".join(source_lines), "font": {**FONT, "size": 11, "color": "#4a4a4a"}}},
        margin={"t": top + added}, height=(published.layout.height or 450) + added)
    return published


def export_name(chart: str, parts: list[str], version: str) -> str:
    """'mali-timeline-2015-01-01-2022-12-31-type-battles-v8cec000' (Plotly adds .png or .svg)."""
    return f"{file_stem('mali', chart, *parts)}-v{version}"


def embed_snippet(address: str, title: str, height: int) -> str:
    """The <iframe> an article pastes to show the chart (it fits the column's width)."""
    return (f'<iframe src="{html.escape(address, quote=True)}" title="{html.escape(title, quote=True)}" '
            f'width="100%" height="{height}" style="border:0;max-width:100%" loading="lazy"></iframe>')


def embed_params(chart: str, params: dict[str, str]) -> str:
    """The query string of /embed for `chart` and the view's own parameters."""
    return urlencode({"chart": chart, **params}, safe=",")


def filters_in_words(filters: Filters, actor_names: dict[str, str], lang: str) -> str:
    """'Battles in Kidal and Gao, involving France, 1 Jan 2015 – 31 Dec 2022' (what a citation
    says the view shows)."""
    def listed(values: list[str]) -> str:
        if len(values) <= 1:
            return "".join(values)
        return translate("{first} and {last}", lang).format(first=", ".join(values[:-1]), last=values[-1])

    what = listed([shown(value, lang) for value in filters.types]) or translate("Events", lang)
    if filters.themes:
        what += " " + translate("on {themes}", lang).format(themes=listed([shown(t, lang) for t in filters.themes]))
    parts = [what]
    if filters.regions:
        parts[0] += " " + translate("in {regions}", lang).format(regions=listed(list(filters.regions)))
    if filters.actors:
        parts.append(translate("involving {actors}", lang).format(
            actors=listed([actor_names.get(actor, actor) for actor in filters.actors])))
    if filters.q:
        parts.append(translate("matching “{words}”", lang).format(words=filters.q))
    parts.append(f"{format_date(filters.start, lang)} – {format_date(filters.end, lang)}")
    return ", ".join(parts)


CITATION = N_("Mali Crisis Tracker. “{title}”: {view}. Data version {version}. Accessed {accessed}. {link}")


def citation(title: str, view_words: str, version: str, accessed: dt.date, link: str, lang: str) -> str:
    """One line in the usual form: who, what (the page and the view in words), which data,
    when it was read, where."""
    return translate(CITATION, lang).format(title=title, view=view_words, version=version,
                                            accessed=format_date(accessed, lang, "long"), link=link)
