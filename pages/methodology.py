"""/methodology: can I trust this? Sources, coding rules, corrections, licence, how to cite."""
import streamlit as st

from mali_tracker import db
from mali_tracker.docs import translated_section
from mali_tracker.export import to_csv_bytes
from mali_tracker.ui import cache, chrome, language
from mali_tracker.ui.language import _

chrome.ensure_entrypoint()

st.title(_("Methodology"))
lang = language.current()
st.markdown(_(
    "Every event, actor, relation and figure here cites at least one published report. This page lists those "
    "reports, the rules used to code them, and every correction since publication. The text comes from "
    "`data/README.md`, the data dictionary shipped with the data (in French: `data/README.fr.md`). CSV "
    "downloads keep the public English column names; events carry their French title and summary as "
    "well (`title_fr`, `summary_fr`)."))


def section(title: str, header: bool = True) -> None:
    """A section of the data dictionary, in the reader's language."""
    heading, body = translated_section(title, lang)
    if header:
        st.header(heading)
    st.markdown(body)


try:
    outlets = cache.query("sources_by_outlet")
    sources = cache.query("sources_list")
    grades = cache.query("grade_counts")
    corrections = cache.query("corrections_list", row_id=None)
except db.DataUnavailable as exc:
    chrome.stop_on_data_problem(exc)

st.header(_("Sources by outlet"))
st.caption(_("{sources} sources from {outlets} outlets. Click a column header to sort; the link opens the outlet's "
             "newest source.").format(sources=language.number(sources.height), outlets=language.number(outlets.height)))
st.dataframe(
    outlets,
    hide_index=True,
    column_config={
        "outlet": _("Outlet"),
        "source_count": st.column_config.NumberColumn(_("Sources")),
        "languages": _("Languages"),
        "first_published": st.column_config.DateColumn(_("First"), format="YYYY-MM-DD"),
        "last_published": st.column_config.DateColumn(_("Latest"), format="YYYY-MM-DD"),
        "example_url": st.column_config.LinkColumn(_("Example"), display_text=_("open")),
    },
)
with st.expander(_("All {count} sources, with links").format(count=language.number(sources.height))):
    st.dataframe(
        sources,
        hide_index=True,
        column_config={"url": st.column_config.LinkColumn("url"),
                       "published_date": st.column_config.DateColumn("published_date", format="YYYY-MM-DD")},
    )
    st.download_button(_("Download the {count} sources as CSV").format(count=language.number(sources.height)),
                       to_csv_bytes(sources),
                       file_name=chrome.download_name("mali-sources"),
                       mime="text/csv", icon=":material/download:", on_click="ignore")

section("Grades")
st.dataframe(grades, hide_index=True, column_config={
    "row_kind": _("Rows"), "high": st.column_config.NumberColumn(_("High")),
    "medium": st.column_config.NumberColumn(_("Medium")), "low": st.column_config.NumberColumn(_("Low")),
    "ungraded": st.column_config.NumberColumn(_("Not graded")),
    "last_checked": st.column_config.DateColumn(_("Last checked"), format="YYYY-MM-DD")})
for title in ("How figures are counted (claims)", "Coding rules", "How to cite a view", "The map's regions",
              "Provenance and licence"):
    section(title)
section("Corrections log")
st.caption(_("{count} corrections, newest first.").format(count=language.number(corrections.height)))
st.dataframe(corrections, hide_index=True, column_config={
    "corrected_on": st.column_config.DateColumn(_("Date"), format="YYYY-MM-DD"), "table": _("Table"),
    "row_id": _("Row"), "change": st.column_config.TextColumn(_("What changed"), width="medium"),
    "reason": st.column_config.TextColumn(_("Why"), width="large")})
st.download_button(_("Download the {count} corrections as CSV").format(count=language.number(corrections.height)),
                   to_csv_bytes(corrections),
                   file_name=chrome.download_name("mali-corrections"), mime="text/csv", icon=":material/download:",
                   on_click="ignore")
chrome.footer()
