"""/explore: the filtered events as a readable, sortable, paged table with facets beside it,
downloads of exactly the view (CSV, Parquet), and the SQL that produced it."""
import streamlit as st

from mali_tracker import db, explore_table, publish
from mali_tracker.export import file_stem, to_csv_bytes, to_parquet_bytes
from mali_tracker.filters import name_parts
from mali_tracker.ui import cache, chrome, language, publishing, sidebar, table_controls, view
from mali_tracker.ui.language import _

chrome.ensure_entrypoint()

PAGE_SIZE = 100  # rows sent to the browser at a time (page= in the link); the downloads hold every row
EAGER_DOWNLOAD_LIMIT = 10_000  # up to this many rows the files are ready at once; beyond, built on click

st.title(_("Explore the data"))
lang = language.current()
filters = sidebar.event_filters()
try:
    event_count = int(cache.query("events_count", **filters.query_params())["event_count"][0])
    facet_counts = cache.facets(filters)
except db.DataUnavailable as exc:
    chrome.stop_on_data_problem(exc)

chrome.data_scope_note(cache.query("dataset_summary").row(0, named=True))
sort, descending, columns = table_controls.sort_and_columns()
pages = max(1, -(-event_count // PAGE_SIZE))
page = table_controls.page_number(pages)
order = {"sort_key": explore_table.sort_key_for_query(sort, lang), "descending": descending}
page_params = filters.query_params(row_limit=PAGE_SIZE, row_offset=(page - 1) * PAGE_SIZE, **order)
events = cache.query("events_filtered", **page_params)


def every_row():
    """Every matching row in the table's order (not only the page shown); beyond the eager limit
    it is built on click and not kept in the cache."""
    run = cache.query if event_count <= EAGER_DOWNLOAD_LIMIT else cache.query_uncached
    return run("events_filtered", **filters.query_params(row_limit=max(event_count, 1), **order))


stem = file_stem("mali-events", *name_parts(filters))
publishing.set_citation_view(publish.filters_in_words(filters, cache.actor_names(), lang))
table_column, facet_column = st.columns([4, 1], gap="medium")
with table_column:
    first_row = (page - 1) * PAGE_SIZE + 1
    st.caption(_("**{count} events** match the filters from {start} to {end}").format(
        count=language.number(event_count), start=language.date(filters.start), end=language.date(filters.end))
        + (_("; rows {first}–{last} are shown (page {page} of {pages}).").format(
            first=language.number(first_row), last=language.number(first_row + events.height - 1), page=page,
            pages=pages) if pages > 1 else "."))
    with st.container(horizontal=True, gap="small"):
        eager = event_count <= EAGER_DOWNLOAD_LIMIT
        st.download_button(
            _("Download these {count} events as CSV").format(count=language.number(event_count)),
            data=to_csv_bytes(every_row()) if eager else lambda: to_csv_bytes(every_row()),
            file_name=chrome.download_name(stem), mime="text/csv", icon=":material/download:",
            on_click="ignore", disabled=event_count == 0, key="csv")
        st.download_button(
            _("Parquet"), data=to_parquet_bytes(every_row()) if eager else lambda: to_parquet_bytes(every_row()),
            file_name=chrome.download_name(stem, "parquet"), mime="application/vnd.apache.parquet",
            icon=":material/download:", on_click="ignore", disabled=event_count == 0, key="parquet",
            help=_("The same rows with their types kept, for DuckDB, Polars or R."))
    shown = explore_table.display_frame(events, lang, view.carried(), columns)
    headings = {key: _(label) for key, label in explore_table.COLUMNS.items()}
    st.dataframe(
        shown,
        hide_index=True,
        column_config={
            **{key: st.column_config.TextColumn(headings[key]) for key in shown.columns},
            "event": st.column_config.LinkColumn(headings["event"], display_text=explore_table.EVENT_LINK_TEXT,
                                                 width="large", help=_("Opens the event's page")),
            "link": st.column_config.LinkColumn(headings["link"], display_text=explore_table.SOURCE_LINK_TEXT),
            "summary": st.column_config.TextColumn(headings["summary"], width="large"),
            "grade": st.column_config.TextColumn(headings["grade"], help=_(
                "The second reading's grade: high, medium or low (see Methodology, Grades); empty for imported rows")),
        },
    )
    table_controls.pager(page, pages)
with facet_column:
    table_controls.facets(facet_counts)

with st.expander(_("The SQL behind this table")):
    st.markdown(_("Paste this into `duckdb`, run in the folder that holds the Parquet files, to get this page "
                  "of rows. It creates views over the files and the `filtered_events` macro "
                  "(`queries/macro_filtered_events.sql`), then runs `queries/events_filtered.sql` with this "
                  "view's parameters written in (the search words already turned into `needles` by "
                  "`queries/search_needles.sql`)."))
    terms = page_params.pop("terms")
    page_params["needles"] = list(cache.query("search_needles", terms=terms)["needles"][0]) if terms else []
    st.code(db.paste_ready("events_filtered", page_params), language="sql")
chrome.footer()
