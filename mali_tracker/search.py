"""What the search box looks in, and how a reader's words are matched against it.

`events.search_text` is written once, when the tables are made (build and ingest): the title
and summary in English and French, place and region, plus the names, French names and aliases of the event's actors
(so "Wagner" finds Moura, where the summary says "foreign military personnel"), lower-case,
accents removed, every run of punctuation or space turned into one space, with a space at
each end: " army and wagner take kidal ". A reader's text is folded the same way
(`search_terms`) and each word must start a word of the event (a prefix: "mour" finds Moura)
or, when some event has it as a whole word, be that whole word ("moura" does not find
Al-Mourabitoun). Which words some event has whole is looked up in the small `search_words`
table (every distinct word of search_text, also written at build and ingest), so that
queries/search_needles.sql turns the reader's words into the strings to look for without
scanning the events; queries/macro_filtered_events.sql then does the matching in one scan.
"""
from __future__ import annotations

import re
import unicodedata

import polars as pl

MAX_TERMS = 10  # queries/macro_filtered_events.sql checks up to this many words
_NOT_WORD = re.compile(r"[\W_]+")


def search_text(actor_text: str | None = "actor_text") -> pl.Expr:
    """Expression for the events.search_text column (reads `actor_text` when given)."""
    parts = ["title", "summary", "title_fr", "summary_fr", "location", "admin1"] + ([actor_text] if actor_text else [])
    folded = (
        pl.concat_str(parts, separator=" ", ignore_nulls=True)
        .str.to_lowercase()
        .str.normalize("NFKD")
        .str.replace_all(r"\p{Mn}", "")
        .str.replace_all(r"[^\p{L}\p{N}]+", " ")
        .str.strip_chars()
    )
    return pl.concat_str([pl.lit(" "), folded, pl.lit(" ")]).alias("search_text")


def with_search_text(events: pl.DataFrame, actors: pl.DataFrame, event_actors: pl.DataFrame) -> pl.DataFrame:
    """`events` with its search_text column, actors' names and aliases included."""
    names = actors.select(
        "actor_id",
        pl.concat_str(["name", "name_fr", pl.col("aliases").list.join(" ")], separator=" ", ignore_nulls=True)
        .alias("names"),
    )
    actor_text = (
        event_actors.select("event_id", "actor_id").unique()
        .join(names, on="actor_id")
        .group_by("event_id")
        .agg(pl.col("names").sort().str.join(" ").alias("actor_text"))
    )
    return (
        events.join(actor_text, on="event_id", how="left", maintain_order="left")
        .with_columns(search_text())
        .drop("actor_text")
    )


def with_actor_ids(events: pl.DataFrame, event_actors: pl.DataFrame) -> pl.DataFrame:
    """`events` with `actor_ids`, its actors from event_actors (sorted, once each), so the actor
    filter and the actor facet read one column instead of joining millions of links."""
    ids = (event_actors.select("event_id", "actor_id").unique()
           .group_by("event_id").agg(pl.col("actor_id").sort().alias("actor_ids")))
    return (events.drop("actor_ids", strict=False)
            .join(ids, on="event_id", how="left", maintain_order="left")
            .with_columns(pl.col("actor_ids").fill_null(pl.lit([], dtype=pl.List(pl.String)))))


def search_words_table(events: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
    """The `search_words` table: every distinct word of events.search_text, sorted."""
    return (
        events.lazy()
        .select(pl.col("search_text").str.strip_chars().str.split(" ").alias("word"))
        .explode("word")
        .filter(pl.col("word") != "")
        .unique()
        .sort("word")
        .collect(engine="streaming")
    )


def search_terms(text: str) -> list[str]:
    """A reader's search folded like search_text and split into words (at most MAX_TERMS)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return [word for word in _NOT_WORD.split(stripped) if word][:MAX_TERMS]
