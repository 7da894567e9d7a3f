"""The public table contract: names, columns and types of the Parquet tables.

Journalists write their own SQL against these names and the CSVs carry them, so columns
may be added but never renamed or dropped. Both the curated build and the ACLED/UCDP
ingest write frames through `conform`, so every data folder has the same shape.
"""
from __future__ import annotations

import polars as pl

TABLE_SCHEMAS: dict[str, dict[str, pl.DataType]] = {
    "events": {
        "event_id": pl.String,
        "date_start": pl.Date,
        "date_end": pl.Date,
        "date_precision": pl.String,
        "title": pl.String,
        "title_fr": pl.String,  # the French beside the English (curated rows; empty in imports)
        "label": pl.String,  # short label for milestones on the timeline; may be empty
        "label_fr": pl.String,
        "summary": pl.String,
        "summary_fr": pl.String,
        "event_type": pl.String,
        "sub_event_type": pl.String,
        "theme": pl.String,
        "location": pl.String,
        "admin1": pl.String,
        "country": pl.String,
        "latitude": pl.Float64,
        "longitude": pl.Float64,
        "geo_precision": pl.Int8,
        "fatalities_best": pl.Int32,
        "fatalities_low": pl.Int32,
        "fatalities_high": pl.Int32,
        "is_key": pl.Boolean,
        "origin": pl.String,
        "source_ids": pl.List(pl.String),
        "note": pl.String,
        "confidence": pl.String,  # high | medium | low: the second reading's grade (curated data only)
        "confidence_reason": pl.String,
        "checked_on": pl.Date,  # when a second reader last read the row against its sources
        "search_text": pl.String,  # title, summary, place and actors' names folded for search (search.py)
        "actor_ids": pl.List(pl.String),  # the event's actors, from event_actors (search.with_actor_ids)
    },
    "actors": {
        "actor_id": pl.String,
        "name": pl.String,
        "name_fr": pl.String,
        "aliases": pl.List(pl.String),
        "actor_type": pl.String,
        "parent_id": pl.String,
        "active_from": pl.Date,
        "active_to": pl.Date,
        "description": pl.String,
        "description_fr": pl.String,
        "source_ids": pl.List(pl.String),
        "confidence": pl.String,  # high | medium | low: the second reading's grade (curated data only)
        "confidence_reason": pl.String,
        "checked_on": pl.Date,  # when a second reader last read the row against its sources
    },
    "event_actors": {
        "event_id": pl.String,
        "actor_id": pl.String,
        "role": pl.String,
    },
    "relations": {
        "relation_id": pl.String,
        "source_actor_id": pl.String,
        "target_actor_id": pl.String,
        "relation": pl.String,
        "valid_from": pl.Date,
        "valid_to": pl.Date,
        "source_ids": pl.List(pl.String),
        "note": pl.String,
        "confidence": pl.String,  # high | medium | low: the second reading's grade (curated data only)
        "confidence_reason": pl.String,
        "checked_on": pl.Date,  # when a second reader last read the row against its sources
    },
    "claims": {
        "claim_id": pl.String,
        "subject": pl.String,
        "quantity": pl.String,
        "quantity_fr": pl.String,
        "figure_low": pl.Int32,
        "figure_high": pl.Int32,
        "figure_text": pl.String,
        "quote_language": pl.String,  # the language the figure was given in
        "figure_text_en": pl.String,  # a translation where it was not English
        "figure_text_fr": pl.String,  # a translation where it was not French
        "claimed_by": pl.String,
        "claimant_type": pl.String,
        "outlet": pl.String,
        "published_date": pl.Date,
        "source_id": pl.String,
        "event_id": pl.String,
        "in_spread": pl.Boolean,  # counts toward its subject's headline spread
        "note": pl.String,
        "confidence": pl.String,  # high | medium | low: the second reading's grade (curated data only)
        "confidence_reason": pl.String,
        "checked_on": pl.Date,  # when a second reader last read the row against its sources
    },
    "claim_subjects": {
        "subject": pl.String,
        "label": pl.String,
        "label_fr": pl.String,  # the French beside the English (issue "Lisible en français")
        "headline_quantity": pl.String,
        "headline_quantity_fr": pl.String,
        "event_id": pl.String,
        "description": pl.String,
        "description_fr": pl.String,
    },
    "periods": {
        "period_id": pl.String,
        "label": pl.String,
        "label_fr": pl.String,
        "date_start": pl.Date,
        "date_end": pl.Date,
        "source_ids": pl.List(pl.String),
        "note": pl.String,
    },
    "actor_layout": {
        "actor_id": pl.String,
        "x": pl.Float64,  # the network's positions, computed once by build (see network.py)
        "y": pl.Float64,
    },
    "id_aliases": {
        "old_id": pl.String,  # an id an earlier version published (in links, CSVs)
        "new_id": pl.String,
        "table": pl.String,
    },
    "corrections": {
        "corrected_on": pl.Date,
        "table": pl.String,  # empty: the whole dataset
        "row_id": pl.String,
        "change": pl.String,
        "reason": pl.String,
    },
    "search_words": {
        "word": pl.String,  # every distinct word of events.search_text (search.py)
    },
    "facet_days": {  # computed when the version is written (summaries.py)
        "facet": pl.String,  # type | theme | region | actor | year
        "value": pl.String,
        "first_day": pl.Date,
        "last_day": pl.Date,
        "event_count": pl.Int64,
    },
    "sources": {
        "source_id": pl.String,
        "outlet": pl.String,
        "title": pl.String,
        "url": pl.String,
        "published_date": pl.Date,
        "language": pl.String,
    },
}

TABLES = tuple(TABLE_SCHEMAS)

EVENT_TYPES = (
    "Battles",
    "Violence against civilians",
    "Explosions/Remote violence",
    "Protests",
    "Riots",
    "Strategic developments",
)
THEMES = ("politics", "security", "international", "justice")
DATE_PRECISIONS = ("day", "month", "year")
ROLES = ("initiator", "target", "associated")
ORIGINS = ("curated", "acled", "ucdp")


def empty_table(table: str) -> pl.DataFrame:
    """A zero-row frame with the table's columns and types."""
    return pl.DataFrame(schema=TABLE_SCHEMAS[table])


REVIEW_COLUMNS = ("confidence", "confidence_reason", "checked_on")


FRENCH_COLUMNS = {"events": ("title_fr", "label_fr", "summary_fr"), "actors": ("description_fr",)}


def without_review(frame: pl.DataFrame, table: str = "events") -> pl.DataFrame:
    """An imported table's rows: no second reading of ours, so the grade columns are empty,
    and one language only, so the French columns are empty too."""
    return frame.with_columns(pl.lit(None, pl.String).alias("confidence"),
                              pl.lit(None, pl.String).alias("confidence_reason"),
                              pl.lit(None, pl.Date).alias("checked_on"),
                              *(pl.lit(None, pl.String).alias(c) for c in FRENCH_COLUMNS.get(table, ())))


def conform(frame: pl.DataFrame | pl.LazyFrame, table: str) -> pl.DataFrame | pl.LazyFrame:
    """Cast and order a frame to the table's contract; extra columns are kept at the end."""
    schema = TABLE_SCHEMAS[table]
    columns = frame.collect_schema().names()
    missing = [name for name in schema if name not in columns]
    if missing:
        raise ValueError(f"{table}: missing columns {', '.join(missing)}")
    contract = [pl.col(name).cast(dtype) for name, dtype in schema.items()]
    extras = [name for name in columns if name not in schema]
    return frame.select(contract + extras)
