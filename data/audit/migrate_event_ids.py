"""Give events ids that carry no year (issue "Every row checked a second time", point 3).

python data/audit/migrate_event_ids.py

The first ids (y2024_e34) named a year that often disagreed with the event's date (that one is
10 August 2025). Each event gets `ev` and a number, in date order, fixed once: an event added
later takes the next free number whatever its date, and a corrected date changes no id. Every
old id goes into source/id_aliases.csv, which the app reads wherever an id comes from a link,
so no saved link breaks. Runs once: events that already have new ids are left alone.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from csv_rows import read_rows, write_rows  # noqa: E402

SOURCE = Path(__file__).resolve().parents[2] / "data" / "source"
OLD_ID = re.compile(r"^y\d{4}_e\d+$")


def read(name: str) -> tuple[list[str], list[dict]]:
    return read_rows(SOURCE / f"{name}.csv")


def write(name: str, header: list[str], rows: list[dict]) -> None:
    write_rows(SOURCE / f"{name}.csv", header, rows)


def main() -> None:
    header, events = read("events")
    taken = [int(row["event_id"][2:]) for row in events if re.fullmatch(r"ev\d{4}", row["event_id"])]
    old = sorted((row for row in events if OLD_ID.match(row["event_id"])),
                 key=lambda row: (row["date_start"], int(row["event_id"].split("_e")[1]), row["event_id"]))
    if not old:
        print("no old ids left")
        return
    start = max(taken or [0]) + 1
    mapping = {row["event_id"]: f"ev{number:04d}" for number, row in enumerate(old, start=start)}
    for row in events:
        row["event_id"] = mapping.get(row["event_id"], row["event_id"])
    write("events", header, events)
    for name, column in (("event_actors", "event_id"), ("claims", "event_id"), ("claim_subjects", "event_id")):
        file_header, rows = read(name)
        for row in rows:
            row[column] = mapping.get(row[column], row[column])
        write(name, file_header, rows)
    file_header, corrections = read("corrections")
    for row in corrections:
        if row["table"] == "events":
            row["row_id"] = mapping.get(row["row_id"], row["row_id"])
    corrections.append({"corrected_on": "2026-11-30", "table": "events", "row_id": "",
                        "change": f"{len(mapping)} event ids renamed from yYYYY_eN to evNNNN (in date order); "
                                  "the old ids keep resolving (source/id_aliases.csv)",
                        "reason": "178 ids named a year other than the event's date"})
    write("corrections", file_header, corrections)
    alias_header, aliases = read("id_aliases")
    aliases += [{"old_id": old_id, "new_id": new_id, "table": "events"} for old_id, new_id in mapping.items()]
    write("id_aliases", alias_header, aliases)
    print(f"{len(mapping)} event ids renamed; {len(aliases)} aliases")


if __name__ == "__main__":
    main()
