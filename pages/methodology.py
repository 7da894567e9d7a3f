"""/methodology: can I trust this? Sources, coding rules, corrections, licence, how to cite."""
import streamlit as st

from mali_tracker import db
from mali_tracker.docs import readme_section
from mali_tracker.export import to_csv_bytes
from mali_tracker.ui import cache, chrome

chrome.ensure_entrypoint()

st.title("Methodology")
st.markdown(
    "Every event, actor, relation and figure here cites at least one published report. "
    "This page lists those reports, the rules used to code them, and every correction since "
    "publication. The text comes from `data/README.md`, the data dictionary shipped with the data."
)
try:
    outlets = cache.query("sources_by_outlet")
    sources = cache.query("sources_list")
    grades = cache.query("grade_counts")
    corrections = cache.query("corrections_list", row_id=None)
except db.DataUnavailable as exc:
    chrome.stop_on_data_problem(exc)

st.header("Sources by outlet")
st.caption(f"{sources.height:,} sources from {outlets.height:,} outlets. "
           "Click a column header to sort; the link opens the outlet's newest source.")
st.dataframe(
    outlets,
    hide_index=True,
    column_config={
        "outlet": "Outlet",
        "source_count": st.column_config.NumberColumn("Sources"),
        "languages": "Languages",
        "first_published": st.column_config.DateColumn("First", format="YYYY-MM-DD"),
        "last_published": st.column_config.DateColumn("Latest", format="YYYY-MM-DD"),
        "example_url": st.column_config.LinkColumn("Example", display_text="open"),
    },
)
with st.expander(f"All {sources.height:,} sources, with links"):
    st.dataframe(
        sources,
        hide_index=True,
        column_config={"url": st.column_config.LinkColumn("url"),
                       "published_date": st.column_config.DateColumn("published_date", format="YYYY-MM-DD")},
    )
    st.download_button(f"Download the {sources.height:,} sources as CSV", to_csv_bytes(sources),
                       file_name=chrome.download_name("mali-sources"),
                       mime="text/csv", icon=":material/download:", on_click="ignore")

st.header("Grades")
st.markdown(readme_section("Grades"))
st.dataframe(grades, hide_index=True, column_config={
    "row_kind": "Rows", "high": st.column_config.NumberColumn("High"),
    "medium": st.column_config.NumberColumn("Medium"), "low": st.column_config.NumberColumn("Low"),
    "ungraded": st.column_config.NumberColumn("Not graded"),
    "last_checked": st.column_config.DateColumn("Last checked", format="YYYY-MM-DD")})
for title in ("How figures are counted (claims)", "Coding rules", "How to cite a view", "Provenance and licence"):
    st.header(title)
    st.markdown(readme_section(title))
st.header("Corrections log")
st.markdown(readme_section("Corrections log"))
st.caption(f"{corrections.height:,} corrections, newest first.")
st.dataframe(corrections, hide_index=True, column_config={
    "corrected_on": st.column_config.DateColumn("Date", format="YYYY-MM-DD"), "table": "Table",
    "row_id": "Row", "change": st.column_config.TextColumn("What changed", width="medium"),
    "reason": st.column_config.TextColumn("Why", width="large")})
st.download_button(f"Download the {corrections.height:,} corrections as CSV", to_csv_bytes(corrections),
                   file_name=chrome.download_name("mali-corrections"), mime="text/csv", icon=":material/download:",
                   on_click="ignore")
chrome.footer()
