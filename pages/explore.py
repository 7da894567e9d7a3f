"""/explore: the filtered rows, their CSV, and the SQL that produced them."""
import streamlit as st

from mali_tracker import db
from mali_tracker.export import to_csv_bytes
from mali_tracker.ui import cache, chrome, language, sidebar
from mali_tracker.ui.language import _

chrome.ensure_entrypoint()

TABLE_LIMIT = 10_000  # rows drawn in the browser; the download always holds every row

st.title(_("Explore the data"))
filters = sidebar.event_filters()
try:
    event_count = int(cache.query("events_count", **filters.query_params())["event_count"][0])
    events = cache.query("events_filtered", **filters.query_params(row_limit=TABLE_LIMIT))
except db.DataUnavailable as exc:
    chrome.stop_on_data_problem(exc)


def filtered_csv() -> bytes:
    """Every matching row, built only when the reader clicks download."""
    rows = cache.query("events_filtered", **filters.query_params(row_limit=max(event_count, 1)))
    return to_csv_bytes(rows)


chrome.data_scope_note(cache.query("dataset_summary").row(0, named=True))
shown = min(event_count, TABLE_LIMIT)
st.caption(_("**{count} events** match the filters from {start} to {end}").format(
    count=language.number(event_count), start=language.date(filters.start), end=language.date(filters.end))
    + (_("; the first {shown} are shown below.").format(shown=language.number(shown)) if shown < event_count else "."))
st.download_button(
    _("Download these {count} events as CSV").format(count=language.number(event_count)),
    data=filtered_csv if event_count > TABLE_LIMIT else to_csv_bytes(events),
    file_name=chrome.download_name(f"mali-events-{filters.start}-{filters.end}"),
    mime="text/csv",
    icon=":material/download:",
    on_click="ignore",
    disabled=event_count == 0,
)
st.dataframe(
    events,
    hide_index=True,
    column_config={
        "date_start": st.column_config.DateColumn("date_start", format="YYYY-MM-DD"),
        "date_end": st.column_config.DateColumn("date_end", format="YYYY-MM-DD"),
        "summary": st.column_config.TextColumn("summary", width="large"),
        "confidence": st.column_config.TextColumn("confidence", help=_(
            "The second reading's grade: high, medium or low (see Methodology, Grades); empty for imported rows")),
        "checked_on": st.column_config.DateColumn("checked_on", format="YYYY-MM-DD"),
    },
)
with st.expander(_("The SQL behind this table")):
    st.markdown(_("The rows come from `queries/events_filtered.sql`, which selects from the `filtered_events` "
                  "macro defined in `queries/macro_filtered_events.sql`, run with these named parameters (the "
                  "search words become `needles` through `queries/search_needles.sql`):"))
    params = filters.query_params(TABLE_LIMIT)
    terms = params.pop("terms")
    params["needles"] = list(cache.query("search_needles", terms=terms)["needles"][0]) if terms else []
    st.json({k: (str(v) if hasattr(v, "isoformat") else v) for k, v in params.items()})
    st.code(db.query_text("macro_filtered_events"), language="sql")
    st.code(db.query_text("events_filtered"), language="sql")
chrome.footer()
