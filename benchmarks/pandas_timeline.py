"""The conventional way, for comparison only: a Streamlit page that reads the export with
pandas (cached with st.cache_data), filters it in pandas and draws one marker per event.

streamlit run benchmarks/pandas_timeline.py -- path/to/acled.csv
Filters come from the same query parameters as the dashboard: start, end, type, region, q.
"""
import sys

import pandas as pd
import plotly.express as px
import streamlit as st

CSV = sys.argv[1] if len(sys.argv) > 1 else "benchmarks/out/acled_1000000.csv"


@st.cache_data
def load(path: str) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame["date"] = pd.to_datetime(frame["event_date"], format="mixed")
    frame["fatalities"] = pd.to_numeric(frame["fatalities"])
    return frame.sort_values("timestamp").drop_duplicates("event_id_cnty", keep="last")


st.title("Timeline (pandas baseline)")
events = load(CSV)
params = st.query_params
start = pd.Timestamp(params.get("start", "2012-01-01"))
end = pd.Timestamp(params.get("end", "2024-12-31"))
view = events[(events["date"] >= start) & (events["date"] <= end)]
if params.get("type"):
    view = view[view["event_type"].isin(params["type"].split(","))]
if params.get("region"):
    view = view[view["admin1"].isin(params["region"].split(","))]
search = st.text_input("Search titles and summaries", value=params.get("q", ""))
if search:
    view = view[view["notes"].str.contains(search, case=False, regex=False)]
st.caption(f"{len(view):,} events")
figure = px.scatter(view, x="date", y="event_type", color="event_type", hover_name="location")
st.plotly_chart(figure)
