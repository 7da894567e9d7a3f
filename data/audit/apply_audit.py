"""Apply a second reading (data/audit/DATE/*.csv) to data/source/: fixes, new sources, grades,
check dates and one corrections line per changed row. Safe to run again: sources are matched by
URL, source ids are added once, and corrections already written are not repeated.

python data/audit/apply_audit.py data/audit/2026-11-30 [FILE.csv ...]

With file names, only those findings files of the folder are applied (a later search added to
an already applied reading). Files named `check_*.csv` (columns row_id, verdict, problems, fix)
are a second reader's check of the writer's rows: their fixes override the writer's, column by
column (a `new_sources` key in the fix replaces the writer's list of new sources), and their
problems are added to the row's corrections line. The check date is the
folder name's first ten characters (`2026-11-30-rewrite` -> 2026-11-30).

A new source whose headline the reader did not see (its title says "inferred" or
"description") gets the real headline where `titles_verified.csv` in the same folder found it;
otherwise its title is UNRECORDED_TITLE, never the guess: the reader retrieved the page and
read the passage that supports the row, only the headline is missing. Such sources are
listed by data/audit/weak_sources.py. Unknown ids or columns are listed, never guessed.
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from csv_rows import read_rows, write_rows  # noqa: E402

from mali_tracker.build import LANGUAGES  # noqa: E402

SOURCE = ROOT / "data" / "source"
REVIEW = ("confidence", "confidence_reason", "checked_on")
TABLES = {"event": ("events", "event_id"), "relation": ("relations", "relation_id"),
          "actor": ("actors", "actor_id"), "claim": ("claims", "claim_id")}
NEW_SOURCE_PREFIX = "aud"
UNRECORDED_TITLE = "(headline not recorded)"


def read(name: str) -> tuple[list[str], list[dict]]:
    return read_rows(SOURCE / f"{name}.csv")


def write(name: str, header: list[str], rows: list[dict]) -> None:
    write_rows(SOURCE / f"{name}.csv", header, rows)


def unverified_title(title: str) -> bool:
    lowered = title.lower()
    return ("inferred" in lowered or "description" in lowered or "headline not shown" in lowered
            or lowered.startswith("("))


def main(folder: Path, only: list[str] | None = None) -> int:
    checked_on = folder.name[:10]
    findings = [row for path in sorted(folder.glob("*.csv"))
                if path.name not in ("titles_to_verify.csv", "titles_verified.csv")
                and not path.name.startswith("check_")
                and (not only or path.name in only)
                for row in csv.DictReader(open(path, encoding="utf-8", newline=""))]
    for path in sorted(folder.glob("check_*.csv")):
        checks = {row["row_id"]: row for row in csv.DictReader(open(path, encoding="utf-8", newline=""))}
        for finding in findings:
            check = checks.get(finding["row_id"])
            if check and check["verdict"] == "fixed":
                corrected = json.loads(check["fix"] or "{}")
                if "new_sources" in corrected:
                    finding["new_sources"] = json.dumps(corrected.pop("new_sources"), ensure_ascii=False)
                finding["fix"] = json.dumps({**json.loads(finding["fix"] or "{}"), **corrected}, ensure_ascii=False)
                finding["problems"] = (f"{finding['problems']} Second reading: {check['problems']}").strip()
    verified = {}
    if (folder / "titles_verified.csv").exists():
        verified = {row["url"]: row for row in csv.DictReader(open(folder / "titles_verified.csv", encoding="utf-8"))
                    if row["verdict"] == "found" and row["title"].strip()}

    files = {name: read(name) for name in ("events", "relations", "actors", "claims", "sources", "places")}
    for name in ("events", "relations", "actors", "claims"):
        header = files[name][0]
        header += [column for column in REVIEW if column not in header]
    source_header, sources = files["sources"]
    by_url = {row["url"]: row["source_id"] for row in sources}
    next_number = 1 + max([int(row["source_id"].split("_")[1]) for row in sources
                           if row["source_id"].startswith(NEW_SOURCE_PREFIX + "_")] or [0])
    place_ids = {row["place_id"] for row in files["places"][1]}
    corrections_header, corrections = read("corrections") if (SOURCE / "corrections.csv").exists() else (
        ["corrected_on", "table", "row_id", "change", "reason"], [])
    written = {(row["corrected_on"], row["table"], row["row_id"]) for row in corrections}
    # a row corrected twice on one day (two readings) gets two lines; the same reading run again, one
    explained = {(row["corrected_on"], row["table"], row["row_id"], row["reason"]) for row in corrections}
    problems: list[str] = []
    left_out: list[str] = []

    def source_id_for(new: dict, row_id: str) -> str | None:
        nonlocal next_number
        url = new["url"].strip()
        if url in by_url:
            return by_url[url]
        title, date = new.get("title", "").strip(), (new.get("published_date") or "").strip()
        if unverified_title(title):
            if url in verified:
                title, date = verified[url]["title"].strip(), verified[url]["published_date"].strip() or date
            else:
                left_out.append(f"{row_id}: {url}")
                title = UNRECORDED_TITLE
        source_id = f"{NEW_SOURCE_PREFIX}_{next_number:04d}"
        next_number += 1
        language = new.get("language") or "other"
        sources.append({"source_id": source_id, "outlet": new["outlet"].strip(), "title": title, "url": url,
                        "published_date": date, "language": language if language in LANGUAGES else "other"})
        by_url[url] = source_id
        return source_id

    for finding in findings:
        kind, row_id = finding["row_kind"], finding["row_id"]
        fix = json.loads(finding["fix"] or "{}")
        new_sources = json.loads(finding["new_sources"] or "[]")
        if kind == "new_claim":
            header, claims = files["claims"]
            if any(row["claim_id"] == row_id for row in claims):
                continue
            ids = [sid for new in new_sources if (sid := source_id_for(new, row_id))]
            if not ids:
                problems.append(f"new claim {row_id}: no source with a seen headline; left out")
                continue
            claim = {column: str(fix.get(column, "") if fix.get(column) is not None else "") for column in header}
            claim.update({"claim_id": row_id, "source_id": ids[0], "confidence": finding["confidence"],
                          "confidence_reason": finding["confidence_reason"], "checked_on": checked_on})
            claim["in_spread"] = str(claim["in_spread"]).lower()
            claims.append(claim)
            corrections.append({"corrected_on": checked_on, "table": "claims", "row_id": row_id,
                                "change": f"added: \"{claim['figure_text']}\" ({claim['claimed_by']})",
                                "reason": "found by the second reading's search for every published figure"})
            continue
        table, key = TABLES[kind]
        header, rows = files[table]
        row = next((r for r in rows if r[key] == row_id), None)
        if row is None:
            problems.append(f"{table}: no row {row_id}")
            continue
        if fix.get("drop"):
            rows.remove(row)
            if (checked_on, table, "") not in written:
                corrections.append({"corrected_on": checked_on, "table": table, "row_id": "",
                                    "change": f"removed {row_id}: \"{row.get('figure_text', '')}\" ({row.get('claimed_by', '')})",
                                    "reason": finding["problems"]})
            continue
        changed = []
        for column, proposed in fix.items():
            if column not in header:
                problems.append(f"{table} {row_id}: no column {column}")
                continue
            value = "" if proposed is None else str(proposed)
            if column == "place_id" and value not in place_ids:
                problems.append(f"{table} {row_id}: place {value} is not in places.csv; kept {row[column]}")
                continue
            if row[column] != value:
                row[column] = value
                changed.append(column)
        cited_column = "source_id" if table == "claims" else "source_ids"
        cited = [s for s in row[cited_column].split(";") if s]
        added = 0
        if table != "claims":
            for new in new_sources:
                source_id = source_id_for(new, row_id)
                if source_id and source_id not in cited:
                    cited.append(source_id)
                    added += 1
            row[cited_column] = ";".join(cited)
        row["confidence"] = finding["confidence"]
        row["confidence_reason"] = finding["confidence_reason"]
        row["checked_on"] = checked_on
        reason = finding["problems"] or "second reading"
        if (changed or added) and (checked_on, table, row_id, reason) not in explained:
            what = []
            if changed:
                what.append("changed " + ", ".join(changed))
            if added:
                what.append(f"{added} source{'s' if added > 1 else ''} added")
            corrections.append({"corrected_on": checked_on, "table": table, "row_id": row_id,
                                "change": "; ".join(what), "reason": reason})
            explained.add((checked_on, table, row_id, reason))

    for name in ("events", "relations", "actors", "claims"):
        write(name, *files[name])
    write("sources", source_header, sources)
    write("corrections", corrections_header, corrections)
    for line in problems:
        print("problem:", line)
    for line in left_out:
        print("headline not recorded:", line)
    print(f"{len(findings)} findings applied; {len(sources)} sources; {len(corrections)} corrections lines; "
          f"{len(problems)} problems; {len(left_out)} new sources without their headline")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2:]))
