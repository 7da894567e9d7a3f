"""Mali Crisis Tracker: data pipeline, queries and charts behind the Streamlit dashboard."""
