"""Report the rows that rest only on weak pages: Wikipedia or its copies, pages showing no
date, or sources whose headline was not recorded. A report for editors, run in CI; it never
fails the build (a weak row is graded low and says why; this list is the work still to do).

python data/audit/weak_sources.py [DATA_DIR]
"""
from __future__ import annotations

import sys
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from mali_tracker.sources import is_mirror  # noqa: E402

UNRECORDED_TITLE = "(headline not recorded)"


def weak_rows(data_dir: Path) -> pl.DataFrame:
    """One row per event, actor, relation or claim whose every source is weak, and why."""
    sources = pl.read_parquet(data_dir / "sources.parquet").with_columns(
        pl.col("url").map_elements(is_mirror, return_dtype=pl.Boolean).alias("mirror"),
        pl.col("published_date").is_null().alias("undated"),
        (pl.col("title") == UNRECORDED_TITLE).alias("no_headline"),
    )
    frames = []
    for table, key, cited in (("events", "event_id", "source_ids"), ("actors", "actor_id", "source_ids"),
                              ("relations", "relation_id", "source_ids"), ("claims", "claim_id", "source_id")):
        rows = pl.read_parquet(data_dir / f"{table}.parquet")
        ids = pl.col(cited) if cited == "source_ids" else pl.concat_list(pl.col(cited))
        links = rows.select(pl.col(key).alias("row_id"), ids.alias("source_id"), "confidence").explode("source_id")
        joined = links.join(sources, on="source_id", how="left")
        frames.append(joined.group_by("row_id", "confidence").agg(
            pl.len().alias("sources"),
            pl.col("mirror").all().alias("only_mirrors"),
            pl.col("undated").all().alias("only_undated"),
            pl.col("no_headline").all().alias("only_unrecorded_headlines"),
        ).with_columns(pl.lit(table).alias("table")))
    report = pl.concat(frames)
    return (report.filter(pl.col("only_mirrors") | pl.col("only_undated") | pl.col("only_unrecorded_headlines"))
            .select("table", "row_id", "confidence", "sources", "only_mirrors", "only_undated",
                    "only_unrecorded_headlines")
            .sort("table", "row_id"))


def main() -> int:
    data_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "data"
    report = weak_rows(data_dir)
    print(f"Rows resting only on weak pages ({data_dir}): {report.height}")
    for reason in ("only_mirrors", "only_undated", "only_unrecorded_headlines"):
        subset = report.filter(pl.col(reason))
        graded = subset.group_by("confidence").len().sort("confidence").rows()
        print(f"- {reason.replace('_', ' ')}: {subset.height} " + ", ".join(f"{g or 'ungraded'} {n}" for g, n in graded))
    with pl.Config(tbl_rows=-1, tbl_width_chars=200, fmt_str_lengths=40):
        print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
