"""The floor for the first-view timings: Streamlit's own page with one Plotly chart and nothing
else (benchmarks/scale.py times it beside the dashboard's pages, in the same conditions)."""
import plotly.graph_objects as go
import streamlit as st

st.title("Floor")
st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c"], y=[1, 3, 2])))
