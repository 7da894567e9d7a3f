"""/explore: the filtered rows, their CSV, and the SQL that produced them."""
import streamlit as st

from mali_tracker import db
from mali_tracker.export import to_csv_bytes
from mali_tracker.filters import quoted
from mali_tracker.ui import cache, chrome, language, sidebar
from mali_tracker.ui.language import _

chrome.ensure_entrypoint()

PAGE_SIZE = 100  # rows sent to the browser at a time (page= in the link); the download holds every row
EAGER_CSV_LIMIT = 10_000  # up to this many rows the CSV is ready at once; beyond, it is built on click

st.title(_("Explore the data"))
filters = sidebar.event_filters()
try:
    event_count = int(cache.query("events_count", **filters.query_params())["event_count"][0])
except db.DataUnavailable as exc:
    chrome.stop_on_data_problem(exc)

pages = max(1, -(-event_count // PAGE_SIZE))
asked = st.query_params.get("page")
page = 1
if asked is not None:
    if not asked.strip().isdigit() or len(asked) > 9:
        st.warning(_("{value} is not a page number; showing the first page.").format(value=quoted(asked)),
                   icon=":material/link_off:")
    else:
        page = min(max(int(asked), 1), pages)
if page == 1:
    st.query_params.pop("page", None)
else:
    st.query_params["page"] = str(page)
events = cache.query("events_filtered", **filters.query_params(row_limit=PAGE_SIZE, row_offset=(page - 1) * PAGE_SIZE))


def filtered_csv() -> bytes:
    """Every matching row (not only the page shown)."""
    rows = cache.query("events_filtered", **filters.query_params(row_limit=max(event_count, 1)))
    return to_csv_bytes(rows)


def go_to(number: int) -> None:
    st.query_params["page"] = str(number)


chrome.data_scope_note(cache.query("dataset_summary").row(0, named=True))
first_row = (page - 1) * PAGE_SIZE + 1
st.caption(_("**{count} events** match the filters from {start} to {end}").format(
    count=language.number(event_count), start=language.date(filters.start), end=language.date(filters.end))
    + (_("; rows {first}–{last} are shown (page {page} of {pages}).").format(
        first=language.number(first_row), last=language.number(first_row + events.height - 1), page=page,
        pages=pages) if pages > 1 else "."))
st.download_button(
    _("Download these {count} events as CSV").format(count=language.number(event_count)),
    data=filtered_csv() if event_count <= EAGER_CSV_LIMIT else filtered_csv,
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
if pages > 1:
    with st.container(horizontal=True, gap="small"):
        st.button(_("Previous page"), icon=":material/chevron_left:", disabled=page == 1,
                  on_click=go_to, args=(page - 1,), key="page_previous")
        st.button(_("Next page"), icon=":material/chevron_right:", disabled=page == pages,
                  on_click=go_to, args=(page + 1,), key="page_next")
with st.expander(_("The SQL behind this table")):
    st.markdown(_("The rows come from `queries/events_filtered.sql`, which selects from the `filtered_events` "
                  "macro defined in `queries/macro_filtered_events.sql`, run with these named parameters (the "
                  "search words become `needles` through `queries/search_needles.sql`):"))
    params = filters.query_params(row_limit=PAGE_SIZE, row_offset=(page - 1) * PAGE_SIZE)
    terms = params.pop("terms")
    params["needles"] = list(cache.query("search_needles", terms=terms)["needles"][0]) if terms else []
    st.json({k: (str(v) if hasattr(v, "isoformat") else v) for k, v in params.items()})
    st.code(db.query_text("macro_filtered_events"), language="sql")
    st.code(db.query_text("events_filtered"), language="sql")
chrome.footer()
