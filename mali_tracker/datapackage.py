"""Describe the built tables as a Frictionless Data Package (`data/datapackage.json`)."""
from __future__ import annotations

import json

import polars as pl

TABLE_TITLES = {
    "events": "Dated events in Mali's crisis since 2012",
    "actors": "Actors: state bodies, people, foreign forces, organisations, armed groups",
    "event_actors": "Which actors took part in which event, and in what role",
    "relations": "Relations between actors over time",
    "claims": "Reported figures, one row per claim, for contested counts",
    "claim_subjects": "What each set of claims counts, and which figures make its headline spread",
    "sources": "Published sources cited by every other table",
    "periods": "Political periods shaded behind the timeline",
    "actor_layout": "Where each actor sits in the network drawing (computed by the build from every relation)",
    "search_words": "Every distinct word of events.search_text, so a search knows which words exist whole",
    "facet_days": "Events counted per facet value (type, theme, region, actor, year) and per first and last day",
}
PRIMARY_KEYS = {
    "events": ["event_id"], "actors": ["actor_id"], "relations": ["relation_id"],
    "claims": ["claim_id"], "claim_subjects": ["subject"], "sources": ["source_id"], "periods": ["period_id"],
    "actor_layout": ["actor_id"],
    "search_words": ["word"],
    "facet_days": ["facet", "value", "first_day", "last_day"],
}


def field_type(dtype: pl.DataType) -> str:
    """The Table Schema type for a Polars type."""
    if dtype == pl.Date:
        return "date"
    if dtype == pl.Boolean:
        return "boolean"
    if dtype.is_integer():
        return "integer"
    if dtype.is_float():
        return "number"
    if isinstance(dtype, pl.List):
        return "array"
    return "string"


def describe(tables: dict[str, pl.DataFrame]) -> dict:
    """The package descriptor for the tables as built (names, types, keys, row counts)."""
    resources = []
    for name, frame in tables.items():
        schema: dict = {"fields": [{"name": col, "type": field_type(dtype)} for col, dtype in frame.schema.items()]}
        if name in PRIMARY_KEYS:
            schema["primaryKey"] = PRIMARY_KEYS[name]
        resources.append({
            "name": name.replace("_", "-"),
            "title": TABLE_TITLES.get(name, name),
            "path": f"{name}.parquet",
            "format": "parquet",
            "mediatype": "application/vnd.apache.parquet",
            "schema": schema,
        })
    return {
        "name": "mali-crisis-tracker",
        "title": "Mali Crisis Tracker: sourced events, actors, relations and claims since 2012",
        "description": "See README.md beside this file for the data dictionary, coding rules and corrections.",
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                      "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "resources": resources,
    }


def to_json(tables: dict[str, pl.DataFrame]) -> str:
    return json.dumps(describe(tables), ensure_ascii=False, indent=2) + "\n"
