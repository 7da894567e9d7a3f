"""Mali Crisis Tracker: navigation and page setup. Run with `streamlit run app.py`."""
import streamlit as st

from mali_tracker.ui import chrome, publishing
from mali_tracker.ui.language import _

st.set_page_config(
    page_title="Mali Crisis Tracker",
    page_icon="static/favicon.png",
    layout="wide",
    initial_sidebar_state="auto",  # open on a desktop, tucked away on a phone
)

# Titles in the reader's language (lang= in the link, else the browser's), so the top bar and
# the browser tab speak it.
PAGES = [
    st.Page("pages/home.py", title=_("The story"), icon=":material/article:", default=True),
    st.Page("pages/timeline.py", title=_("Timeline"), icon=":material/timeline:", url_path="timeline"),
    st.Page("pages/estimates.py", title=_("Estimates"), icon=":material/difference:", url_path="estimates"),
    st.Page("pages/actors.py", title=_("Actors and map"), icon=":material/hub:", url_path="actors"),
    st.Page("pages/explore.py", title=_("Explore the data"), icon=":material/table:", url_path="explore"),
    st.Page("pages/methodology.py", title=_("Methodology"), icon=":material/fact_check:", url_path="methodology"),
]

# Pages reached by links, not listed in the top bar.
LINKED_PAGES = [
    st.Page("pages/event.py", title=_("Event"), icon=":material/event:", url_path="event"),
    st.Page("pages/actor.py", title=_("Actor"), icon=":material/person:", url_path="actor"),
]
# A chart alone, for an article's <iframe>: no top bar, no sidebar.
EMBED = st.Page("pages/embed.py", title=_("Chart"), icon=":material/insert_chart:", url_path="embed")

# Our own top bar replaces Streamlit's navigation, whose links drop the reader's filters. It is
# filled after the page has run, so its links carry the view the page has just written.
current = st.navigation(PAGES + LINKED_PAGES + [EMBED], position="hidden")
top = st.container()
chrome.mark_entrypoint(current.url_path)
try:
    chrome.run_guarded(current.run)
finally:
    if current.url_path != EMBED.url_path:
        with top:
            chrome.top_bar(PAGES, current, lambda: publishing.cite_control(current.title, current.url_path))
