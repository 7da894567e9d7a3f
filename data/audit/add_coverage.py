"""Add new events, sourced by one reader and read a second time by another, to data/source/.

python data/audit/add_coverage.py data/audit/coverage/events_2025-11_2026-03.csv \
    data/audit/coverage/second_reading.csv

The second reading's `fix` is applied (its `sources`, when given, replace the row's), its
rejected sources are dropped, and its grade is kept. A row left with no source is not added.
A place not in places.csv sits on its region's capital (geo_precision 3, said in the note);
an actor not in actors.csv is not linked (its name stays in the summary). A toll the second
reader could only reach by adding figures up is not used: tolls are only what was published.
Each event gets the next free `evNNNN` id and a corrections line. Runs once per row: a row
whose title and date are already in events.csv is skipped.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
from csv_rows import read_rows, write_rows  # noqa: E402

SOURCE = ROOT / "data" / "source"
sys.path.insert(0, str(ROOT))

from mali_tracker.build import LANGUAGES  # noqa: E402

CAPITALS = {"Bamako": "bamako", "Kayes": "kayes", "Koulikoro": "koulikoro", "Mopti": "mopti", "Gao": "gao",
            "Tombouctou": "tombouctou", "Kidal": "kidal", "Ménaka": "menaka"}
# Second-reading proposals that are sums of published figures, not published figures.
NOT_PUBLISHED = {("2026-02-18", "fatalities_high")}


read = read_rows
write = write_rows


def main(rows_path: Path, reading_path: Path, checked_on: str = "2026-11-30") -> None:
    _, new_rows = read(rows_path)
    readings = {int(r["row_number"]): r for r in read(reading_path)[1]}
    event_header, events = read(SOURCE / "events.csv")
    link_header, links = read(SOURCE / "event_actors.csv")
    source_header, sources = read(SOURCE / "sources.csv")
    correction_header, corrections = read(SOURCE / "corrections.csv")
    place_ids = {row["place_id"] for row in read(SOURCE / "places.csv")[1]}
    actor_ids = {row["actor_id"] for row in read(SOURCE / "actors.csv")[1]}
    by_url = {row["url"]: row["source_id"] for row in sources}
    next_source = 1 + max(int(r["source_id"].split("_")[1]) for r in sources if r["source_id"].startswith("aud_"))
    next_event = 1 + max(int(r["event_id"][2:]) for r in events if r["event_id"].startswith("ev"))
    present = {(r["date_start"], r["title"]) for r in events}
    added, skipped = [], []
    for number, row in enumerate(new_rows, start=1):
        reading = readings[number]
        fix = json.loads(reading["fix"] or "{}")
        for key, value in fix.items():
            if (row["date_start"], key) in NOT_PUBLISHED:
                row[key] = ""
            elif key == "sources":
                row["sources"] = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            else:
                row[key] = "" if value is None else str(value)
        if (row["date_start"], row["title"]) in present:
            continue
        rejected = set(json.loads(reading["sources_rejected"] or "[]"))
        cited = []
        for new in json.loads(row["sources"]):
            url = new["url"].strip()
            if url in rejected or not new.get("title", "").strip():
                continue
            if url not in by_url:
                language = new.get("language") or "other"
                sources.append({"source_id": f"aud_{next_source:04d}", "outlet": new["outlet"].strip(),
                                "title": new["title"].strip(), "url": url,
                                "published_date": (new.get("published_date") or "").strip(),
                                "language": language if language in LANGUAGES else "other"})
                by_url[url] = f"aud_{next_source:04d}"
                next_source += 1
            if by_url[url] not in cited:
                cited.append(by_url[url])
        if not cited:
            skipped.append(f"{row['date_start']} {row['title']}: no source left")
            continue
        note = row["note"]
        place_id, geo_precision = row["place_id"], "1"
        if place_id not in place_ids:
            place_id, geo_precision = CAPITALS[row["admin1"]], "3"
            note = (note + " " if note else "") + f"Placed at {row['admin1']}, its region's capital: {row['place_name']} " \
                "has no open coordinates here."
        event_id = f"ev{next_event:04d}"
        next_event += 1
        events.append({
            "event_id": event_id, "date_start": row["date_start"], "date_end": row["date_end"] or row["date_start"],
            "date_precision": row["date_precision"], "title": row["title"], "label": "", "summary": row["summary"],
            "event_type": row["event_type"], "sub_event_type": row["sub_event_type"], "theme": row["theme"],
            "place_id": place_id, "geo_precision": geo_precision, "fatalities_low": row["fatalities_low"],
            "fatalities_best": row["fatalities_best"], "fatalities_high": row["fatalities_high"], "is_key": "false",
            "source_ids": ";".join(cited), "note": note, "confidence": reading["confidence"],
            "confidence_reason": reading["confidence_reason"], "checked_on": checked_on,
        })
        for pair in filter(None, row["actors"].split(";")):
            actor_id, _, role = pair.strip().rpartition(":")
            if actor_id in actor_ids and not any(
                    link["event_id"] == event_id and link["actor_id"] == actor_id for link in links):
                links.append({"event_id": event_id, "actor_id": actor_id, "role": role})
        corrections.append({"corrected_on": checked_on, "table": "events", "row_id": event_id,
                            "change": "added (coverage beyond 9 November 2025)",
                            "reason": "sourced by one reader, read against its sources by a second"})
        added.append(event_id)
    write(SOURCE / "events.csv", event_header, events)
    write(SOURCE / "event_actors.csv", link_header, links)
    write(SOURCE / "sources.csv", source_header, sources)
    write(SOURCE / "corrections.csv", correction_header, corrections)
    print(f"{len(added)} events added ({', '.join(added)}); skipped: {skipped or 'none'}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
