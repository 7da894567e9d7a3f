"""Ids that come from a link: an old event id (from before ids stopped naming a year) is
turned into the current one and the link is rewritten, so saved links keep working and what a
reader copies next carries the id that lasts."""
from __future__ import annotations

import streamlit as st

from mali_tracker.ui import cache


def event_id_from_link(param: str) -> str | None:
    """The event the link names in `param` (event= on the timeline, id= on /event), current."""
    asked = (st.query_params.get(param) or "").strip()
    if not asked:
        return None
    current = cache.query("resolve_event_id", event_id=asked)["event_id"][0]
    if current != asked:
        st.query_params[param] = current
    return current
