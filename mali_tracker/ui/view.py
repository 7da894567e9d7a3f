"""The part of the view every page shares, as the link states it.

The sidebar's filters (and, as pages are added, the language) travel with the reader: every
link the app makes carries these keys from the current query string, so the top bar, the
front page's links and a copied link all open the same view. Page-specific keys (as_of,
subject, event) stay on their page.
"""
from __future__ import annotations

from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

FILTER_KEYS = ("start", "end", "type", "theme", "actor", "region", "q")
CARRIED_KEYS = (*FILTER_KEYS, "lang")


def carried(**extra: str) -> dict[str, str]:
    """The shared view from the current query string, plus `extra` page-specific keys."""
    params = {key: st.query_params[key] for key in CARRIED_KEYS if key in st.query_params}
    params.update({key: value for key, value in extra.items() if value})
    return params


def full_link(url_path: str) -> str:
    """The address of this page with the whole current query string: what "Copy link" gives."""
    return page_address(url_path, {key: st.query_params[key] for key in st.query_params})


def page_address(url_path: str, params: dict[str, str]) -> str:
    """The full address of a page of this app with these query parameters (for citations)."""
    here = urlsplit(st.context.url or "http://localhost:8501/")
    base = st.get_option("server.baseUrlPath").strip("/")
    path = "/" + "/".join(part for part in (base, url_path) if part)
    return urlunsplit((here.scheme, here.netloc, path, urlencode(params, safe=","), ""))
