"""Write an ACLED-shaped export of N synthetic rows for benchmarks (not real events).

python benchmarks/generate_acled.py 1000000 benchmarks/out/acled_1000000.csv

Rows use ACLED's columns and vocabularies, places from the bundled gazetteer with jitter,
dates 2012–2025, notes with commas, quotes and accents, a share of spelled-out dates and of
re-exported duplicates, so the import does its real work.
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import polars as pl

ROOT = Path(__file__).resolve().parent.parent
CHUNK = 1_000_000
EVENT_TYPES = {
    "Battles": ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
    "Violence against civilians": ["Attack", "Abduction/forced disappearance"],
    "Explosions/Remote violence": ["Air/drone strike", "Remote explosive/landmine/IED", "Shelling/artillery/missile attack"],
    "Protests": ["Peaceful protest", "Protest with intervention"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": ["Arrests", "Agreement", "Looting/property destruction", "Other"],
}
ACTORS = [
    ("Military Forces of Mali (2021-)", "1"), ("Wagner Group", "8"), ("Africa Corps", "8"),
    ("JNIM: Group for Support of Islam and Muslims", "2"), ("Islamic State Sahel Province", "2"),
    ("FLA: Azawad Liberation Front", "2"), ("Dozo Communal Militia (Mali)", "4"),
    ("Dan Na Ambassagou", "4"), ("Civilians (Mali)", "7"), ("Protesters (Mali)", "6"),
    ("Rioters (Mali)", "5"), ("Police Forces of Mali (2021-)", "1"), ("Unidentified Armed Group (Mali)", "3"),
]


def generate(rows: int, seed: int = 2012, first_id: int = 1) -> pl.DataFrame:
    rng = np.random.default_rng(seed)
    places = pl.read_csv(ROOT / "data" / "source" / "places.csv").filter(pl.col("outside_mali") == False)  # noqa: E712
    pick = rng.integers(0, places.height, rows)
    days = rng.integers(0, 5082, rows)  # 2012-01-01 .. 2025-11-30
    dates = pl.Series(np.datetime64("2012-01-01") + days.astype("timedelta64[D]")).cast(pl.Date)
    types = list(EVENT_TYPES)
    type_index = rng.choice(len(types), rows, p=[0.3, 0.25, 0.15, 0.12, 0.05, 0.13])
    sub_index = rng.integers(0, 3, rows)
    actor1 = rng.integers(0, len(ACTORS), rows)
    actor2 = rng.integers(0, len(ACTORS), rows)
    frame = pl.DataFrame({
        "event_id_cnty": [f"MLI{first_id + i}" for i in range(rows)],
        "date": dates,
        "spelled": rng.random(rows) < 0.2,
        "time_precision": rng.choice(["1", "2", "3"], rows, p=[0.8, 0.15, 0.05]),
        "event_type": [types[i] for i in type_index],
        "sub_pick": sub_index,
        "actor1": [ACTORS[i][0] for i in actor1],
        "inter1": [ACTORS[i][1] for i in actor1],
        "actor2": [ACTORS[i][0] for i in actor2],
        "inter2": [ACTORS[i][1] for i in actor2],
        "assoc": rng.random(rows) < 0.1,
        "admin1": places["admin1"].gather(pick),
        "location": places["name"].gather(pick),
        "latitude": (places["latitude"].gather(pick) + rng.normal(0, 0.05, rows)).round(4),
        "longitude": (places["longitude"].gather(pick) + rng.normal(0, 0.05, rows)).round(4),
        "fatalities": rng.poisson(1.5, rows) * (rng.random(rows) < 0.6),
        "timestamp": rng.integers(1_600_000_000, 1_760_000_000, rows),
    })
    frame = frame.with_columns(
        pl.when(pl.col("spelled")).then(pl.col("date").dt.strftime("%-d %B %Y"))
        .otherwise(pl.col("date").dt.strftime("%Y-%m-%d")).alias("event_date"),
        pl.col("date").dt.year().cast(pl.String).alias("year"),
        pl.col("event_type").alias("disorder_type"),
        pl.struct("event_type", "sub_pick").map_elements(
            lambda r: EVENT_TYPES[r["event_type"]][r["sub_pick"] % len(EVENT_TYPES[r["event_type"]])],
            return_dtype=pl.String).alias("sub_event_type"),
        pl.when(pl.col("assoc")).then(pl.lit("Wagner Group; Military Forces of Mali (2021-)"))
        .otherwise(pl.lit("")).alias("assoc_actor_1"),
        pl.lit("").alias("assoc_actor_2"),
        pl.lit("").alias("interaction"), pl.lit("").alias("civilian_targeting"),
        pl.lit("466").alias("iso"), pl.lit("Western Africa").alias("region"), pl.lit("Mali").alias("country"),
        pl.lit("").alias("admin2"), pl.lit("").alias("admin3"),
        pl.lit("1").alias("geo_precision"), pl.lit("Synthetic; benchmark").alias("source"),
        pl.lit("National").alias("source_scale"),
        pl.concat_str([pl.lit('On this date, "synthetic" event near '), pl.col("location"),
                       pl.lit(", Ségou-style accents kept; tolls, if any, disputed.")]).alias("notes"),
        pl.lit("").alias("tags"),
        pl.col("latitude").cast(pl.String), pl.col("longitude").cast(pl.String),
        pl.col("fatalities").cast(pl.String), pl.col("timestamp").cast(pl.String),
    ).drop("date", "spelled", "sub_pick", "assoc")
    # 1% of rows re-exported with a newer timestamp, as ACLED's revisions are.
    duplicates = frame.sample(fraction=0.01, seed=seed).with_columns(
        (pl.col("timestamp").cast(pl.Int64) + 86_400).cast(pl.String).alias("timestamp"))
    columns = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
               "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
               "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
               "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
               "fatalities", "tags", "timestamp"]
    return pl.concat([frame.select(columns), duplicates.select(columns)])


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "benchmarks" / "out" / f"acled_{rows}.csv"
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as handle:  # in chunks of a million rows, so any size fits in memory
        for start in range(0, rows, CHUNK):
            size = min(CHUNK, rows - start)
            generate(size, seed=2012 + start // CHUNK, first_id=start + 1).write_csv(handle, include_header=start == 0)
    print(out)


if __name__ == "__main__":
    main()
