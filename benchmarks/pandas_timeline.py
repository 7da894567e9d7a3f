"""The conventional way, for comparison only: a Streamlit page that reads the export with
pandas (cached with st.cache_data), filters it in pandas on every rerun and draws one marker
per event with Plotly Express.

streamlit run benchmarks/pandas_timeline.py -- path/to/acled.csv

It answers the same questions as the dashboard's timeline, with the same sidebar (From, To,
Event type, Theme, Region, Search) seeded from the same query parameters (start, end, type,
theme, region, q; comma-separated), and finds the same events: the search is case- and
accent-insensitive over title, notes, place and region. The folded search text, the dates and
the themes are computed once, in the cached load, as a careful pandas page would.
"""
import sys

import pandas as pd
import plotly.express as px
import streamlit as st

CSV = sys.argv[1] if len(sys.argv) > 1 else "benchmarks/out/acled_1000000.csv"
THEME_BY_TYPE = {"Protests": "politics", "Riots": "politics", "Strategic developments": "politics"}


def fold(text: pd.Series) -> pd.Series:
    """Lower case, accents removed (Ségou -> segou)."""
    return text.str.lower().str.normalize("NFKD").str.encode("ascii", "ignore").str.decode("ascii")


@st.cache_data
def load(path: str) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame["date"] = pd.to_datetime(frame["event_date"], format="mixed")
    frame["fatalities"] = pd.to_numeric(frame["fatalities"])
    frame = frame.sort_values("timestamp").drop_duplicates("event_id_cnty", keep="last")
    frame["theme"] = frame["event_type"].map(THEME_BY_TYPE).fillna("security")
    frame["title"] = frame["sub_event_type"] + " in " + frame["location"]
    frame["search"] = fold(frame["title"] + " " + frame["notes"] + " " + frame["location"] + " " + frame["admin1"])
    return frame


def listed(name: str) -> list[str]:
    value = st.query_params.get(name, "")
    return [item for item in value.split(",") if item]


st.title("Timeline (pandas baseline)")
events = load(CSV)
params = st.query_params
sidebar = st.sidebar
start = sidebar.date_input("From", pd.Timestamp(params.get("start", "2012-01-01")), format="YYYY-MM-DD")
end = sidebar.date_input("To", pd.Timestamp(params.get("end", "2024-12-31")), format="YYYY-MM-DD")
types = sidebar.multiselect("Event type", sorted(events["event_type"].unique()), listed("type"))
themes = sidebar.multiselect("Theme", sorted(events["theme"].unique()), listed("theme"))
regions = sidebar.multiselect("Region", sorted(events["admin1"].unique()), listed("region"))
search = sidebar.text_input("Search titles and summaries", value=params.get("q", ""))

view = events[(events["date"] >= pd.Timestamp(start)) & (events["date"] <= pd.Timestamp(end))]
if types:
    view = view[view["event_type"].isin(types)]
if themes:
    view = view[view["theme"].isin(themes)]
if regions:
    view = view[view["admin1"].isin(regions)]
if search.strip():
    view = view[view["search"].str.contains(fold(pd.Series([search.strip()]))[0], regex=False)]
st.caption(f"**{len(view):,} events**")
figure = px.scatter(view, x="date", y="event_type", color="event_type", hover_name="title")
st.plotly_chart(figure)
