"""Turn an ACLED or UCDP GED export into the dashboard's tables (see `python -m mali_tracker.ingest`)."""
