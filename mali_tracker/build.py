"""Build the Parquet tables from the edited truth in `data/source/*.csv`.

Run `python -m mali_tracker.build`. Every row is validated first (types, required fields,
dates, coordinates, references); any problem is reported with file, line, column and what
is wrong, and nothing is written. When all is well each table is written to a temporary file
and renamed into place, so a reader never sees half a table.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from mali_tracker import network, paths, store, summaries
from mali_tracker.schema import (
    DATE_PRECISIONS,
    EVENT_TYPES,
    ROLES,
    THEMES,
    conform,
)
from mali_tracker.search import search_words_table, with_actor_ids, with_search_text

# Mali's bounding box, slightly padded; a place outside it must say so (outside_mali=true).
MALI_BOUNDS = {"lat": (10.0, 25.1), "lon": (-12.4, 4.4)}
EARLIEST_DATE = dt.date(2011, 1, 1)

SUB_EVENT_TYPES = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Violence against civilians": ("Attack", "Abduction/forced disappearance", "Sexual violence"),
    "Explosions/Remote violence": (
        "Air/drone strike",
        "Suicide bomb",
        "Remote explosive/landmine/IED",
        "Shelling/artillery/missile attack",
        "Grenade",
        "Chemical weapon",
    ),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
ACTOR_TYPES = (
    "state",
    "armed_forces",
    "junta_body",
    "government_body",
    "person",
    "foreign_state",
    "foreign_force",
    "private_military",
    "international_org",
    "regional_org",
    "jihadist_group",
    "armed_movement",
    "militia",
    "political_movement",
    "civilians",
)
RELATION_KINDS = (
    "allied",
    "partner",
    "opposed",
    "deployed_by",
    "successor_of",
    "member_of",
    "detained",
    "expelled",
    "signed_agreement_with",
    "sanctioned",
    "led_by",
)
CLAIMANT_TYPES = (
    "security_source",
    "army",
    "legislator",
    "government",
    "relative",
    "outlet_count",
    "rights_group",
    "un",
    "armed_group",
    "local_official",
    "witness",
    "other",
)
LANGUAGES = ("en", "fr", "ar", "de", "es", "pt", "ru", "other")
CONFIDENCE_GRADES = ("high", "medium", "low")
CORRECTED_TABLES = ("events", "actors", "relations", "claims", "claim_subjects", "sources", "places", "periods")


@dataclass(frozen=True)
class Column:
    """One column of a source CSV: how to read it and whether it may be empty."""

    name: str
    kind: str = "text"  # text | id | date | int | float | bool | url | list | enum
    required: bool = False
    allowed: tuple[str, ...] = ()


# Every event, actor, relation and claim carries its second reading (data/README.md, "Grades").
REVIEW = (
    Column("confidence", "enum", True, CONFIDENCE_GRADES),
    Column("confidence_reason", required=True),
    Column("checked_on", "date", True),
)

SOURCE_FILES: dict[str, tuple[Column, ...]] = {
    "sources": (
        Column("source_id", "id", True),
        Column("outlet", required=True),
        Column("title", required=True),
        Column("url", "url", True),
        Column("published_date", "date"),
        Column("language", "enum", True, LANGUAGES),
    ),
    "places": (
        Column("place_id", "id", True),
        Column("name", required=True),
        Column("admin1", required=True),
        Column("latitude", "float", True),
        Column("longitude", "float", True),
        # 1 the place itself, 2 a nearby town or its commune stands in, 3 the region's capital
        Column("precision", "enum", True, ("1", "2", "3")),
        # where the coordinates come from, with its licence: "GeoNames 2460596 (CC BY 4.0)"
        Column("coordinates_from", required=True),
        Column("country", required=True),
        Column("outside_mali", "bool", True),
        Column("source_ids", "list", True),
        Column("note"),
    ),
    "events": (
        Column("event_id", "id", True),
        Column("date_start", "date", True),
        Column("date_end", "date", True),
        Column("date_precision", "enum", True, DATE_PRECISIONS),
        Column("title", required=True),
        Column("title_fr", required=True),
        Column("label"),
        Column("label_fr"),
        Column("summary", required=True),
        Column("summary_fr", required=True),
        Column("event_type", "enum", True, EVENT_TYPES),
        Column("sub_event_type", required=True),
        Column("theme", "enum", True, THEMES),
        Column("place_id", "id", True),
        Column("geo_precision", "enum", True, ("1", "2", "3")),
        Column("fatalities_low", "int"),
        Column("fatalities_best", "int"),
        Column("fatalities_high", "int"),
        Column("is_key", "bool", True),
        Column("source_ids", "list", True),
        Column("note"),
        *REVIEW,
    ),
    "actors": (
        Column("actor_id", "id", True),
        Column("name", required=True),
        Column("name_fr"),
        Column("aliases", "list"),
        Column("actor_type", "enum", True, ACTOR_TYPES),
        Column("parent_id", "id"),
        Column("active_from", "date"),
        Column("active_to", "date"),
        Column("description", required=True),
        Column("description_fr", required=True),
        Column("source_ids", "list", True),
        *REVIEW,
    ),
    "event_actors": (
        Column("event_id", "id", True),
        Column("actor_id", "id", True),
        Column("role", "enum", True, ROLES),
    ),
    "relations": (
        Column("relation_id", "id", True),
        Column("source_actor_id", "id", True),
        Column("target_actor_id", "id", True),
        Column("relation", "enum", True, RELATION_KINDS),
        Column("valid_from", "date"),  # empty: began before the sources we hold say
        Column("valid_to", "date"),
        Column("source_ids", "list", True),
        Column("note"),
        *REVIEW,
    ),
    "claims": (
        Column("claim_id", "id", True),
        Column("subject", "id", True),
        Column("quantity", required=True),
        Column("quantity_fr", required=True),
        Column("figure_low", "int"),
        Column("figure_high", "int"),
        Column("figure_text", required=True),
        Column("quote_language", "enum", True, ("en", "fr", "ar", "pl", "other")),
        Column("figure_text_en"),  # the quote translated, where it was not said in English
        Column("figure_text_fr"),  # the quote translated, where it was not said in French
        Column("claimed_by", required=True),
        Column("claimant_type", "enum", True, CLAIMANT_TYPES),
        Column("outlet", required=True),
        Column("published_date", "date"),  # some pages show no date; the chart says so
        Column("source_id", "id", True),
        Column("event_id", "id"),
        Column("in_spread", "bool", True),
        Column("note"),
        *REVIEW,
    ),
    "claim_subjects": (
        Column("subject", "id", True),
        Column("label", required=True),
        Column("label_fr", required=True),
        Column("headline_quantity", required=True),
        Column("headline_quantity_fr", required=True),
        Column("event_id", "id"),
        Column("description", required=True),
        Column("description_fr", required=True),
    ),
    "periods": (
        Column("period_id", "id", True),
        Column("label", required=True),
        Column("label_fr", required=True),
        Column("date_start", "date", True),
        Column("date_end", "date", True),
        Column("source_ids", "list", True),
        Column("note"),
    ),
    # Ids that changed keep resolving: an old link's id is looked up here (ids.py).
    "id_aliases": (
        Column("old_id", "id", True),
        Column("new_id", "id", True),
        Column("table", "enum", True, ("events",)),
    ),
    # One line per change to a published row (or to the whole dataset, with no row_id).
    "corrections": (
        Column("corrected_on", "date", True),
        Column("table", "enum", False, CORRECTED_TABLES),
        Column("row_id", "id"),
        Column("change", required=True),
        Column("reason", required=True),
    ),
}

# Files that must exist; the others (claims, periods) may be absent in an early dataset.
REQUIRED_FILES = ("sources", "places", "events", "actors", "event_actors", "relations")


@dataclass
class Problems:
    """Everything wrong with the source files, collected so one run reports all of it."""

    items: list[str] = field(default_factory=list)

    def add(self, file: str, line: int | None, column: str | None, problem: str) -> None:
        where = f"{file}.csv"
        if line is not None:
            where += f", line {line}"
        if column:
            where += f", column {column}"
        self.items.append(f"{where}: {problem}")

    def __bool__(self) -> bool:
        return bool(self.items)


class BuildError(Exception):
    """Raised when the source data does not validate; its message lists every problem."""


def _parse_value(raw: str, column: Column, today: dt.date):
    """Parse one cell; returns (value, problem). Empty cells become None."""
    text = raw.strip()
    if not text:
        return None, ("is required" if column.required else None)
    kind = column.kind
    if kind == "date":
        try:
            value = dt.date.fromisoformat(text)
        except ValueError:
            return None, f"'{text}' is not a date (YYYY-MM-DD)"
        if not EARLIEST_DATE <= value <= today:
            return None, f"{text} is outside {EARLIEST_DATE}..{today}"
        return value, None
    if kind == "int":
        if not text.isdigit():
            return None, f"'{text}' is not a whole number of zero or more"
        return int(text), None
    if kind == "float":
        try:
            return float(text), None
        except ValueError:
            return None, f"'{text}' is not a number"
    if kind == "bool":
        if text.lower() not in ("true", "false"):
            return None, f"'{text}' is not true or false"
        return text.lower() == "true", None
    if kind == "url":
        if not text.startswith(("https://", "http://")) or " " in text:
            return None, f"'{text}' is not an http(s) URL"
        return text, None
    if kind == "list":
        return [part.strip() for part in text.split(";") if part.strip()], None
    if kind == "enum" and text not in column.allowed:
        return None, f"'{text}' is not one of {', '.join(column.allowed)}"
    if kind == "id" and (any(ch.isspace() for ch in text) or ";" in text):
        return None, f"'{text}' is not an id (no spaces or semicolons)"
    return text, None


def read_source_file(source_dir: Path, name: str, problems: Problems, today: dt.date) -> list[dict]:
    """Read one CSV as text and return its parsed rows; problems go into `problems`."""
    path = source_dir / f"{name}.csv"
    columns = SOURCE_FILES[name]
    if not path.exists():
        if name in REQUIRED_FILES:
            problems.add(name, None, None, f"file is missing from {source_dir}")
        return []
    try:
        raw = pl.read_csv(path, infer_schema=False, encoding="utf8")
    except Exception as exc:  # polars raises several error types for unreadable CSV
        problems.add(name, None, None, f"cannot be read as UTF-8 CSV ({exc})")
        return []
    missing = [c.name for c in columns if c.name not in raw.columns]
    if missing:
        problems.add(name, 1, None, f"header lacks column(s) {', '.join(missing)}")
        return []
    rows = []
    for index, record in enumerate(raw.iter_rows(named=True)):
        line = index + 2  # header is line 1
        parsed = {}
        for column in columns:
            value, problem = _parse_value(record[column.name] or "", column, today)
            if problem:
                problems.add(name, line, column.name, problem)
            parsed[column.name] = value
        parsed["_line"] = line
        rows.append(parsed)
    return rows


def _check_unique(rows: list[dict], name: str, key: str, problems: Problems) -> set:
    seen: dict = {}
    for row in rows:
        value = row[key]
        if value is None:
            continue
        if value in seen:
            problems.add(name, row["_line"], key, f"'{value}' repeats line {seen[value]}")
        else:
            seen[value] = row["_line"]
    return set(seen)


def _check_refs(rows, name, column, known, target, problems) -> None:
    for row in rows:
        values = row[column]
        for value in values if isinstance(values, list) else [values]:
            if value is not None and value not in known:
                problems.add(name, row["_line"], column, f"'{value}' is not a known {target}")


def _check_order(rows, name, first, last, problems) -> None:
    for row in rows:
        if row[first] and row[last] and row[last] < row[first]:
            problems.add(name, row["_line"], last, f"{row[last]} is before {first} {row[first]}")


def claim_statement(row: dict) -> tuple:
    """What makes two claims the same statement: one subject, one figure, one claimant (the
    same words relayed by several outlets are one claim, with its relays in `note`)."""
    who = " ".join(str(row["claimed_by"] or "").lower().split())
    return row["subject"], row["figure_low"], row["figure_high"], who


def _check_duplicate_claims(claims: list[dict], problems: Problems) -> None:
    seen: dict[tuple, int] = {}
    for row in claims:
        key = claim_statement(row)
        if key in seen:
            problems.add("claims", row["_line"], "claim_id",
                         f"'{row['claim_id']}' repeats the statement of line {seen[key]} (same subject, "
                         "figure and claimant): list the relay in that claim's note instead")
        else:
            seen[key] = row["_line"]


def validate(rows: dict[str, list[dict]], problems: Problems) -> None:
    """Cross-row checks: unique ids, references, date order, coordinates, event types."""
    source_ids = _check_unique(rows["sources"], "sources", "source_id", problems)
    place_ids = _check_unique(rows["places"], "places", "place_id", problems)
    event_ids = _check_unique(rows["events"], "events", "event_id", problems)
    actor_ids = _check_unique(rows["actors"], "actors", "actor_id", problems)
    _check_unique(rows["relations"], "relations", "relation_id", problems)
    _check_unique(rows["claims"], "claims", "claim_id", problems)
    _check_unique(rows["periods"], "periods", "period_id", problems)
    urls: dict[str, int] = {}
    for row in rows["sources"]:
        if row["url"] in urls:
            problems.add("sources", row["_line"], "url", f"same URL as line {urls[row['url']]}")
        elif row["url"]:
            urls[row["url"]] = row["_line"]

    for name in ("places", "events", "actors", "relations", "periods"):
        _check_refs(rows[name], name, "source_ids", source_ids, "source_id", problems)
    _check_refs(rows["claims"], "claims", "source_id", source_ids, "source_id", problems)
    _check_refs(rows["claims"], "claims", "event_id", event_ids, "event_id", problems)
    subjects = _check_unique(rows["claim_subjects"], "claim_subjects", "subject", problems)
    _check_refs(rows["claim_subjects"], "claim_subjects", "event_id", event_ids, "event_id", problems)
    if rows["claim_subjects"]:
        _check_refs(rows["claims"], "claims", "subject", subjects, "subject in claim_subjects", problems)
    _check_refs(rows["events"], "events", "place_id", place_ids, "place_id", problems)
    _check_refs(rows["actors"], "actors", "parent_id", actor_ids, "actor_id", problems)
    _check_refs(rows["event_actors"], "event_actors", "event_id", event_ids, "event_id", problems)
    _check_refs(rows["event_actors"], "event_actors", "actor_id", actor_ids, "actor_id", problems)
    for column in ("source_actor_id", "target_actor_id"):
        _check_refs(rows["relations"], "relations", column, actor_ids, "actor_id", problems)

    for row in rows["id_aliases"]:
        if row["old_id"] in event_ids:
            problems.add("id_aliases", row["_line"], "old_id", f"'{row['old_id']}' is still an event's id")
    _check_refs(rows["id_aliases"], "id_aliases", "new_id", event_ids, "event_id", problems)
    known_rows = {"events": event_ids, "actors": actor_ids, "sources": source_ids, "places": place_ids,
                  "relations": {r["relation_id"] for r in rows["relations"]},
                  "claims": {r["claim_id"] for r in rows["claims"]},
                  "claim_subjects": {r["subject"] for r in rows["claim_subjects"]},
                  "periods": {r["period_id"] for r in rows["periods"]}}
    for row in rows["corrections"]:
        if row["row_id"] and row["table"] and row["row_id"] not in known_rows[row["table"]]:
            problems.add("corrections", row["_line"], "row_id",
                         f"'{row['row_id']}' is not a row of {row['table']} (a dropped row: leave row_id empty "
                         "and name it in change)")
    _check_duplicate_claims(rows["claims"], problems)

    for name in ("events", "periods"):
        _check_order(rows[name], name, "date_start", "date_end", problems)
    _check_order(rows["relations"], "relations", "valid_from", "valid_to", problems)
    _check_order(rows["actors"], "actors", "active_from", "active_to", problems)

    for row in rows["events"]:
        allowed = SUB_EVENT_TYPES.get(row["event_type"] or "", ())
        if row["event_type"] and row["sub_event_type"] not in allowed:
            problems.add("events", row["_line"], "sub_event_type",
                         f"'{row['sub_event_type']}' is not a sub-type of {row['event_type']}")
        if not row["source_ids"]:
            problems.add("events", row["_line"], "source_ids", "cites no source")
        low, best, high = row["fatalities_low"], row["fatalities_best"], row["fatalities_high"]
        if low is not None and high is not None and low > high:
            problems.add("events", row["_line"], "fatalities_high", f"{high} is below fatalities_low {low}")
        if best is not None and ((low is not None and best < low) or (high is not None and best > high)):
            problems.add("events", row["_line"], "fatalities_best", f"{best} is outside low..high")
    for row in rows["claims"]:
        low, high = row["figure_low"], row["figure_high"]
        if low is None and high is None:
            problems.add("claims", row["_line"], "figure_low", "a claim needs figure_low or figure_high")
        if low is not None and high is not None and low > high:
            problems.add("claims", row["_line"], "figure_high", f"{high} is below figure_low {low}")
    for row in rows["places"]:
        lat, lon = row["latitude"], row["longitude"]
        if lat is None or lon is None:
            continue
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            problems.add("places", row["_line"], "latitude", f"({lat}, {lon}) is not a coordinate")
            continue
        inside = (MALI_BOUNDS["lat"][0] <= lat <= MALI_BOUNDS["lat"][1]
                  and MALI_BOUNDS["lon"][0] <= lon <= MALI_BOUNDS["lon"][1])
        if not inside and not row["outside_mali"]:
            problems.add("places", row["_line"], "latitude",
                         f"({lat}, {lon}) lies outside Mali; set outside_mali=true if that is right")


_POLARS_TYPES = {
    "list": pl.List(pl.String),
    "date": pl.Date,
    "float": pl.Float64,
    "int": pl.Int64,
    "bool": pl.Boolean,
}


def _frame(rows: list[dict], columns: tuple[Column, ...]) -> pl.DataFrame:
    schema = {c.name: _POLARS_TYPES.get(c.kind, pl.String) for c in columns}
    records = [{name: row[name] for name in schema} for row in rows]
    return pl.DataFrame(records, schema=schema)


def assemble(rows: dict[str, list[dict]]) -> dict[str, pl.DataFrame]:
    """Turn validated rows into the public tables (events get their place joined on)."""
    frames = {name: _frame(rows[name], SOURCE_FILES[name]) for name in SOURCE_FILES}
    places = frames["places"].select(
        "place_id",
        pl.col("precision").cast(pl.Int8).alias("place_precision"),
        pl.col("name").alias("location"),
        "admin1",
        "country",
        "latitude",
        "longitude",
    )
    events = (
        frames["events"]
        .join(places, on="place_id", how="left")
        .with_columns(
            # an event is never more precise than the coordinates of its place
            pl.max_horizontal(pl.col("geo_precision").cast(pl.Int8), "place_precision").alias("geo_precision"),
            pl.lit("curated").alias("origin"),
        )
        .sort("date_start", "event_id")
    )
    actors = conform(frames["actors"].with_columns(
        pl.col("aliases").fill_null(pl.lit([], dtype=pl.List(pl.String)))
    ), "actors").sort("actor_id")
    event_actors = conform(frames["event_actors"], "event_actors").sort("event_id", "actor_id", "role")
    searchable = with_search_text(events.drop("place_id", "place_precision"), actors, event_actors)
    tables = {
        "events": conform(with_actor_ids(searchable, event_actors), "events"),
        "actors": actors,
        "event_actors": event_actors,
        "relations": conform(frames["relations"], "relations").sort("valid_from", "relation_id"),
        "claims": conform(frames["claims"], "claims").sort("subject", "published_date", "claim_id"),
        "claim_subjects": conform(frames["claim_subjects"], "claim_subjects").sort("subject"),
        "sources": conform(frames["sources"], "sources").sort("source_id"),
        "periods": conform(frames["periods"], "periods").sort("date_start"),
        "id_aliases": conform(frames["id_aliases"], "id_aliases").sort("old_id"),
        "corrections": conform(frames["corrections"], "corrections").sort("corrected_on", "table", "row_id"),
    }
    tables["actor_layout"] = network.layout_table(tables["relations"])
    tables["search_words"] = search_words_table(tables["events"])
    tables["facet_days"] = summaries.facet_days(tables["events"])
    return tables


def build_tables(source_dir: Path, today: dt.date | None = None) -> dict[str, pl.DataFrame]:
    """Read, validate and assemble every table; raises BuildError listing all problems."""
    today = today or dt.date.today()
    problems = Problems()
    rows = {name: read_source_file(source_dir, name, problems, today) for name in SOURCE_FILES}
    if not problems:
        validate(rows, problems)
    if problems:
        shown = problems.items[:50]
        more = len(problems.items) - len(shown)
        tail = f"\n… and {more} more" if more > 0 else ""
        raise BuildError("\n".join(shown) + tail)
    return assemble(rows)


def write_tables(tables: dict[str, pl.DataFrame], out_dir: Path, made_from: str = "") -> str:
    """Publish the tables into `out_dir` as a new data version (store.publish: readers switch
    to it in one step, and a failure leaves what they read untouched); returns the version."""
    return store.publish_tables(tables, out_dir, "build", made_from)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=paths.DEFAULT_DATA_DIR / "source",
                        help="folder of source CSV files (default: data/source)")
    parser.add_argument("--out", type=Path, default=None,
                        help="folder for the Parquet tables (default: the data folder)")
    args = parser.parse_args(argv)
    out_dir = args.out or paths.data_dir()
    try:
        tables = build_tables(args.source)
    except BuildError as exc:
        print(f"Build refused, nothing written. Problems in {args.source}:\n{exc}", file=sys.stderr)
        return 1
    source = args.source.resolve()
    made_from = str(source.relative_to(paths.PROJECT_ROOT)) if source.is_relative_to(paths.PROJECT_ROOT) else str(source)
    version = write_tables(tables, out_dir, made_from)
    counts = ", ".join(f"{name} {frame.height}" for name, frame in tables.items())
    print(f"Wrote {len(tables)} tables to {out_dir}: {counts}; data version {version}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
