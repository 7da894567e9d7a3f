"""/: the story in a few sentences, the headline figure, and where to go next."""
import streamlit as st

from mali_tracker import claim_charts, db
from mali_tracker.ui import cache, chrome, language
from mali_tracker.ui.language import _

chrome.ensure_entrypoint()

HEADLINE_SUBJECT = "arrests_2025_plot"

st.title(_("Mali Crisis Tracker"))
st.markdown(_(
    "In August 2025 Mali's military rulers arrested soldiers they accused of plotting to "
    "overthrow them, among them General Abass Dembélé, a former governor of Mopti, and "
    "General Nema Sagara. How many were held depends on whom you ask: a security source told "
    "AFP of \"at least around 20\" arrests, a member of the junta-appointed parliament spoke of "
    "\"around 50\". This dashboard puts that story in its context: the coups, rebellions, "
    "foreign deployments and massacres since 2012, and the range of every reported figure."
))
try:
    spread = cache.query("claims_spread", subject=HEADLINE_SUBJECT).row(0, named=True)
    subjects = cache.query("claim_subjects")
    bounds = cache.query("dataset_summary").row(0, named=True)
except db.DataUnavailable as exc:
    chrome.stop_on_data_problem(exc)

left, middle, right = st.columns(3)
if spread["claim_count"]:
    about = {row["subject"]: row for row in subjects.iter_rows(named=True)}.get(HEADLINE_SUBJECT)
    quantity = language.pick(about, "headline_quantity") if about else ""
    left.metric(
        _("People reported arrested over the Aug 2025 plot"),
        claim_charts.spread_range_text(spread),
        help=_("Lowest and highest published figure for the same count; figures that count "
               "something else are shown on the Estimates page but kept out of this range."),
        border=True,
    )
    headline = claim_charts.spread_headline(spread, quantity, language.current())
    left.caption(headline[0].upper() + headline[1:] + ".")
middle.metric(_("Events in the timeline"), language.number(bounds["event_count"]), border=True)
middle.caption(_("From {first} to {last}, each with its sources").format(
    first=language.date(bounds["first_date"]), last=language.date(bounds["last_date"])))
right.metric(_("Published sources cited"), language.number(bounds["source_count"]), border=True)
right.caption(_("Every event, relation and figure links to the reports it rests on."))
chrome.data_scope_note(bounds)

st.subheader(_("Where to go next"))
chrome.page_link("pages/timeline.py", label=_("Timeline: what happened, and when, since 2012"),
                 icon=":material/timeline:")
chrome.page_link("pages/estimates.py", label=_("Estimates: every reported arrest figure, who said it, and the spread"),
                 icon=":material/difference:")
chrome.page_link("pages/actors.py", label=_("Actors: who stands with whom, when, and where they act"),
                 icon=":material/hub:")
chrome.page_link("pages/explore.py", label=_("Explore: filter the events, see the SQL, download CSV"),
                 icon=":material/table:")
chrome.page_link("pages/methodology.py", label=_("Methodology: the sources, coding rules and corrections"),
                 icon=":material/fact_check:")
chrome.footer()
