"""What a reader clicked on a Plotly chart drawn with `on_select`: the customdata of the
selected points (each chart puts in customdata what a click should act on)."""
from __future__ import annotations

import streamlit as st


def clicked(key: str) -> list[list]:
    """The customdata lists of the points selected on the chart with this key ([] if none)."""
    state = st.session_state.get(key)
    points = state.selection.points if state is not None else []
    return [point["customdata"] for point in points if isinstance(point.get("customdata"), list)
            and point["customdata"]]
