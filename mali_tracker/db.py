"""The one DuckDB connection: views over the Parquet tables, locked down, queried by name.

Every statement lives in `queries/NAME.sql` and runs with named parameters; nothing here
builds SQL from what a reader typed. Once the views exist the connection may read only the
data folder, cannot load extensions, and cannot change its own settings.
"""
from __future__ import annotations

import functools
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from mali_tracker import paths
from mali_tracker.schema import TABLE_SCHEMAS, TABLES


class DataUnavailable(Exception):
    """A table's Parquet file is missing or unreadable; the message says how to fix it."""

    def __init__(self, table: str, path: Path, reason: str):
        self.table = table
        self.path = path
        self.reason = reason
        super().__init__(
            f"The {table} table cannot be read from {path} ({reason}). "
            "Rebuild it with `python -m mali_tracker.build`, or point MALI_TRACKER_DATA "
            "at a folder made by `python -m mali_tracker.ingest` (run it again on an older folder)."
        )


# DuckDB takes 80% of the machine's memory and every core unless told otherwise; the server
# shares both with Streamlit and with other replicas (deploy/), so both are set on purpose.
# Beyond the limit DuckDB spills to disk rather than fail (README, "Speed").
MEMORY_LIMIT_ENV, DEFAULT_MEMORY_LIMIT = "MALI_TRACKER_DUCKDB_MEMORY", "512MB"
THREADS_ENV, DEFAULT_THREADS = "MALI_TRACKER_DUCKDB_THREADS", "2"


@dataclass(frozen=True)
class Database:
    """A locked-down connection and the folder its views read from."""

    connection: duckdb.DuckDBPyConnection
    data_dir: Path
    broken: dict[str, str]  # table -> why its file could not be opened

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor for one call: Streamlit serves sessions from several threads."""
        return self.connection.cursor()


def _sql_string(text: str) -> str:
    """Quote a path we chose (never reader input) as an SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def open_database(data_dir: Path) -> Database:
    """Create views over every table's Parquet file in `data_dir`, then lock the connection."""
    data_dir = Path(data_dir).resolve()
    connection = duckdb.connect(
        ":memory:",
        config={"autoinstall_known_extensions": False, "autoload_known_extensions": False,
                "memory_limit": os.environ.get(MEMORY_LIMIT_ENV, DEFAULT_MEMORY_LIMIT),
                "threads": int(os.environ.get(THREADS_ENV, DEFAULT_THREADS)),
                "temp_directory": str(Path(tempfile.gettempdir()) / "mali-tracker-duckdb")},
    )
    broken: dict[str, str] = {}
    for table in TABLES:
        path = data_dir / f"{table}.parquet"
        if not path.exists():
            broken[table] = "file is missing"
            continue
        # A table that cannot be opened gets no view: only the queries that need it fail,
        # with a message naming the file, and the other pages keep working.
        try:
            connection.execute(
                f"CREATE VIEW {table} AS SELECT * FROM read_parquet({_sql_string(str(path))})"
            )
        except (duckdb.IOException, duckdb.InvalidInputException):
            broken[table] = "file is empty or corrupt"
            continue
        missing = _missing_columns(connection, table)
        if missing:  # e.g. a folder written by an older version of the ingest
            connection.execute(f"DROP VIEW {table}")
            broken[table] = f"it has no column {', '.join(missing)}; it was written by an older version"
    for macro in sorted(paths.QUERIES_DIR.glob("macro_*.sql")):
        try:
            connection.execute(macro.read_text(encoding="utf-8"))
        except duckdb.CatalogException:
            pass  # a table it needs is broken; queries using the macro report that table
    connection.execute(f"SET allowed_directories = [{_sql_string(str(data_dir) + '/')}]")
    connection.execute("SET enable_external_access = false")
    connection.execute("SET lock_configuration = true")
    return Database(connection, data_dir, broken)


def _missing_columns(connection: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    present = {row[0] for row in connection.execute(f"DESCRIBE {table}").fetchall()}
    return [column for column in TABLE_SCHEMAS[table] if column not in present]


@functools.cache
def query_text(name: str) -> str:
    """The SQL of `queries/NAME.sql`; names are ours, never a reader's."""
    if not name.replace("_", "").isalnum():
        raise ValueError(f"not a query name: {name!r}")
    return (paths.QUERIES_DIR / f"{name}.sql").read_text(encoding="utf-8")


@functools.cache
def parameter_names(name: str) -> frozenset[str]:
    """The named parameters ($name) the statement of `queries/NAME.sql` uses."""
    text = "\n".join(line.split("--")[0] for line in query_text(name).splitlines())
    return frozenset(re.findall(r"\$([A-Za-z_]\w*)", text))


def used_params(name: str, params: dict) -> dict:
    """Only the parameters the statement uses: DuckDB refuses one it does not know, and
    Filters.query_params gives every event query the same set."""
    wanted = parameter_names(name)
    return {key: value for key, value in params.items() if key in wanted}


def query_names() -> list[str]:
    """Every question shipped in `queries/` (macro definitions run once, at open)."""
    return sorted(p.stem for p in paths.QUERIES_DIR.glob("*.sql") if not p.stem.startswith("macro_"))


def _table_from_error(exc: Exception, broken: dict[str, str]) -> str | None:
    """Which table's file made a query fail, if any."""
    message = str(exc)
    for table in TABLES:
        if f"{table}.parquet" in message or f"Table with name {table} " in message:
            return table
    if "filtered_events" in message:  # the macro could not be made over a broken table
        return next((t for t in ("events", "event_actors") if t in broken), None)
    return None


def run_query(database: Database, name: str, **params) -> pl.DataFrame:
    """Run `queries/NAME.sql` with named parameters and return a Polars frame.

    A reader's search words (`terms`, from Filters.query_params) are first turned into the
    strings to look for (`needles`) by queries/search_needles.sql, a lookup in the small
    search_words table; the event queries take the needles."""
    try:
        if "terms" in params and name != "search_needles":
            terms = params.pop("terms")
            params["needles"] = (database.cursor().sql(query_text("search_needles"), params={"terms": terms})
                                 .fetchall()[0][0]) if terms else []
        return database.cursor().sql(query_text(name), params=used_params(name, params)).pl()
    except (duckdb.IOException, duckdb.InvalidInputException, duckdb.CatalogException) as exc:
        table = _table_from_error(exc, database.broken)
        if table is None:
            raise
        path = database.data_dir / f"{table}.parquet"
        reason = database.broken.get(table) or (
            "file is missing" if not path.exists() else "file is empty or corrupt"
        )
        raise DataUnavailable(table, path, reason) from exc


def sql_literal(value) -> str:
    """A parameter's value written as a DuckDB literal (for SQL a reader copies and runs)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if hasattr(value, "isoformat"):
        return f"DATE '{value.isoformat()}'"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(sql_literal(item) for item in value) + "]::VARCHAR[]"
    return _sql_string(str(value))


def paste_ready(name: str, params: dict) -> str:
    """`queries/NAME.sql` as a script to paste into the `duckdb` command line, run in a folder
    holding the Parquet files: views over the files, the shared macros, then the statement with
    this view's parameters written in. `params` are the run's (search words already turned into
    `needles`)."""
    used = used_params(name, params)
    statement = "\n".join(line for line in query_text(name).splitlines() if not line.startswith("--"))
    statement = re.sub(r"\$([A-Za-z_]\w*)", lambda match: sql_literal(used[match[1]]), statement)
    views = "\n".join(f"CREATE OR REPLACE VIEW {table} AS SELECT * FROM read_parquet('{table}.parquet');"
                      for table in TABLES)
    macros = "\n".join(path.read_text(encoding="utf-8").strip()
                       for path in sorted(paths.QUERIES_DIR.glob("macro_*.sql")))
    macros = macros.replace("CREATE MACRO", "CREATE OR REPLACE MACRO")
    return (f"-- queries/{name}.sql with this view's parameters. Run it with `duckdb` in the folder\n"
            f"-- that holds the Parquet files (data/ in the repository, or an ingested folder).\n"
            f"{views}\n\n{macros}\n\n{statement.strip()}\n")
