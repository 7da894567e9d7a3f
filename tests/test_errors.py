"""An unexpected error reaches a reader as a plain message in the site's own words, never as
Streamlit's error box (with its links to a search engine and a chatbot) or a traceback."""
from __future__ import annotations

import tomllib

from streamlit.testing.v1 import AppTest

from mali_tracker import paths


def page_that_breaks():
    from mali_tracker.ui import chrome

    def page():
        import streamlit as st

        st.title("A page")
        raise ValueError("secret detail: /srv/data/events.parquet")

    chrome.run_guarded(page)


def page_that_stops():
    import streamlit as st

    from mali_tracker.ui import chrome

    def page():
        st.info("before stop")
        st.stop()

    chrome.run_guarded(page)
    st.info("after the guard")


def test_an_unexpected_error_shows_our_message_and_a_way_home():
    app = AppTest.from_function(page_that_breaks).run()
    assert not app.exception, "Streamlit's own error box must not appear"
    assert len(app.error) == 1
    shown = app.error[0].value
    assert "Something went wrong while drawing this page" in shown
    assert "secret detail" not in shown and "ValueError" not in shown
    assert app.title[0].value == "A page", "what was drawn before the error stays"
    assert app.markdown[-1].value == "[Back to the front page](./)"


def test_stop_passes_through_the_guard():
    app = AppTest.from_function(page_that_stops).run()
    assert not app.error and not app.exception
    assert [i.value for i in app.info] == ["before stop"]


def test_streamlit_never_offers_outside_links_or_details():
    config = tomllib.loads((paths.PROJECT_ROOT / ".streamlit" / "config.toml").read_text())
    assert config["client"]["showErrorLinks"] is False
    assert config["client"]["showErrorDetails"] == "none"
