"""What the app knows of the reader's screen: only whether the browser says it is a phone."""
import streamlit as st


def is_phone() -> bool:
    """A phone, by the browser's own word: "Mobi" in its User-Agent (the test MDN recommends).
    Used only to draw a map with fewer labels; a wrong guess shows more or fewer names."""
    return "Mobi" in (st.context.headers.get("User-Agent") or "")
