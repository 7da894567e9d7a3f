"""/embed?chart=…: one chart alone, for an article's <iframe>: its title and source line inside
the image, a link to the full view and its data. The view comes from the link (the same
parameters as the chart's page); nothing here asks any host but the app's own."""
import datetime as dt

import streamlit as st

from mali_tracker import db, publish
from mali_tracker.filters import name_parts, parse_date, parse_filters, quoted, to_query_params
from mali_tracker.ui import cache, chart_views, chrome, language, publishing, view
from mali_tracker.ui.language import _

chrome.ensure_entrypoint()

SHARED = ("lang",)  # besides each chart's own parameters, kept in the link to the full view


def read_subject(messages: list[str]) -> str:
    subjects = cache.query("claim_subjects")["subject"].to_list()
    asked = st.query_params.get("subject")
    if asked is not None and asked not in subjects:
        messages.append(_("There is no contested figure called {name}.").format(name=quoted(asked)))
    return asked if asked in subjects else chart_views.default_subject(subjects)


def read_as_of(messages: list[str]) -> dt.date:
    first, last = chart_views.network_dates()
    asked = st.query_params.get("as_of")
    parsed = parse_date(asked, "as-of", messages, language.current()) if asked else None
    return min(max(parsed, first), last) if parsed else last


def chart_for_link(chart: str, messages: list[str]) -> tuple[chart_views.ChartView, dict[str, str], list[str]]:
    """The chart the link asks for, the parameters of its view, and its name parts."""
    if chart in ("estimates", "evolution"):
        subject = read_subject(messages)
        built = chart_views.estimates(subject) if chart == "estimates" else chart_views.evolution(subject)
        return built, {"subject": subject}, [subject]
    if chart == "network":
        as_of = read_as_of(messages)
        actor = (st.query_params.get("actor") or "").split(",")[0]
        highlight = actor if actor in cache.actor_names() else None
        params = {"as_of": as_of.isoformat(), **({"actor": highlight} if highlight else {})}
        return chart_views.network(as_of, highlight), params, [as_of.isoformat()]
    parsed = parse_filters(st.query_params.to_dict(), cache.filter_choices(), language.current())
    messages.extend(parsed.messages)
    filters = parsed.filters
    if chart == "regions":
        return chart_views.region_map(filters), {**to_query_params(filters), "map": "regions"}, name_parts(filters)
    built = chart_views.timeline(filters) if chart == "timeline" else chart_views.event_map(filters)
    return built, to_query_params(filters), name_parts(filters)


chart = st.query_params.get("chart") or ""
if chart not in publish.CHARTS:
    st.warning(_("This embed link names no chart we draw ({value}). It needs chart= and one of: {allowed}.").format(
        value=quoted(chart) if chart else _("none"), allowed=", ".join(publish.CHARTS)), icon=":material/link_off:")
    chrome.end_page()
messages: list[str] = []
try:
    built, params, parts = chart_for_link(chart, messages)
except db.DataUnavailable as exc:
    chrome.stop_on_data_problem(exc)
for message in messages:
    st.caption(":material/link_off: " + message)
shared = {key: st.query_params[key] for key in SHARED if key in st.query_params}
if built.figure is None:
    st.markdown(f"**{built.title}**")
    st.info(built.empty)
else:
    st.plotly_chart(publishing.published_figure(built), config=publishing.image_config(built, parts),
                    key="embedded", alt=built.alt)
with st.container(horizontal=True, gap="small"):
    st.markdown("[" + _("Open the full view in the Mali Crisis Tracker") + "]("
                + view.page_address(publish.CHARTS[chart], {**params, **shared}) + ")")
    if built.data.height:
        publishing.data_button(built, parts)
