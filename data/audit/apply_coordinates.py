"""Replace the places' coordinates taken from Wikipedia (CC BY-SA) with openly licensed ones
(GeoNames, CC BY 4.0; Natural Earth, public domain) from data/audit/coordinates/places_open.csv,
so the dataset's CC BY 4.0 licence holds (issue "Every row checked a second time", point 6).

python data/audit/apply_coordinates.py

Each place records where its coordinates come from (`coordinates_from`) and cites the gazetteer
file it was read from. Where the gazetteer's match is uncertain (two villages of the name, a
well or a camp standing for the village) the place's precision is 2, "a nearby point stands
in". Places no open gazetteer has keep their coordinates and say so. Safe to run again.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from csv_rows import read_rows, write_rows  # noqa: E402

SOURCE = ROOT / "data" / "source"
OPEN = ROOT / "data" / "audit" / "coordinates" / "places_open.csv"

GAZETTEERS = {
    "GeoNames": {
        "source_id": "gaz_geonames_ml",
        "outlet": "GeoNames (Mali extract, via kiba-org/cities)",
        "title": "ML.txt: GeoNames country dump for Mali (snapshot of October 2023)",
        "url": "https://github.com/kiba-org/cities/blob/5e8187f88e8983dab490fa3ae4d79a4d79dfec70/data/ML.txt",
        "published_date": "2023-11-06",
        "language": "en",
    },
    "Natural Earth": {
        "source_id": "gaz_natural_earth",
        "outlet": "Natural Earth (CSV conversion by Raysphere24/NaturalEarthCsvTsv)",
        "title": "ne_10m_populated_places_simple",
        "url": "https://github.com/Raysphere24/NaturalEarthCsvTsv/blob/7cc9ef2bd1e761f382238908066713be36dc30f0/"
               "csv_with_names/10m_cultural/ne_10m_populated_places_simple.csv",
        "published_date": "2022-05-01",
        "language": "en",
    },
}
LICENCES = {"GeoNames": "CC BY 4.0", "Natural Earth": "public domain"}
# Matches the gazetteer helper could not make certain (see its note): the point stands in.
STAND_INS = {"indelimane", "douna", "tessit", "ber", "tabankort", "bounti", "tinzaouaten", "in-amenas",
             "djiguibombo"}
# A place no open gazetteer has, placed at an open point for its region's capital instead.
AT_CAPITAL = {"kobe": ("gao", "Gao")}
# The 18 Nov 2019 ambush was at another Tabankort, in Ménaka cercle near the Niger border
# (GeoNames 12489764, a camp), not at the well near Anéfis of the 2014-15 fighting.
NEW_PLACES = [{
    "place_id": "tabankort-menaka", "name": "Tabankort", "admin1": "Ménaka", "latitude": "15.67133",
    "longitude": "2.48078", "precision": "2", "coordinates_from": "GeoNames 12489764 (CC BY 4.0)",
    "country": "ML", "outside_mali": "false", "source_ids": "gaz_geonames_ml;y2017_060",
    "note": "GeoNames has this Tabankort as a camp (S.CMP) in Cercle de Ménaka; the 2019 ambush "
            "was reported near it, by the Niger border.",
}]
EVENT_MOVES = {"ev0148": ("tabankort", "tabankort-menaka")}


read = read_rows
write = write_rows


def main() -> None:
    header, places = read(SOURCE / "places.csv")
    if "coordinates_from" not in header:
        header.insert(header.index("precision") + 1, "coordinates_from")
    matches = {row["place_id"]: row for row in read(OPEN)[1]}
    by_id = {place["place_id"]: place for place in places}
    changed = []
    for place in places:
        if place.get("coordinates_from"):
            continue
        match = matches.get(place["place_id"])
        if place["place_id"] in AT_CAPITAL:
            capital_id, capital = AT_CAPITAL[place["place_id"]]
            match = dict(matches[capital_id], source_id=matches[capital_id]["source_id"])
            place["precision"] = "3"
            place["note"] = (f"No open gazetteer has {place['name']}; placed at {capital}, capital of its region "
                             "(coordinates from GeoNames).")
        elif not match or match["source"] == "none":
            place["coordinates_from"] = "Wikipedia (CC BY-SA 4.0)"
            continue
        elif place["place_id"] in STAND_INS:
            place["precision"] = "2"
            place["note"] = f"Open gazetteer: {match['note']}"
        elif place["precision"] != "1" and float(match["km_from_current"] or 0) > 5:
            # the gazetteer has the place itself, where only a stand-in was known before
            place["precision"] = "1"
            place["note"] = f"Open gazetteer: {match['note']}"
        source = GAZETTEERS[match["source"]]
        place["latitude"], place["longitude"] = match["latitude"], match["longitude"]
        place["coordinates_from"] = f"{match['source']} {match['source_id']} ({LICENCES[match['source']]})"
        cited = [s for s in place["source_ids"].split(";") if s]
        if source["source_id"] not in cited:
            place["source_ids"] = ";".join([source["source_id"], *cited])
        changed.append(place["place_id"])
    for new in NEW_PLACES:
        if new["place_id"] not in by_id:
            places.append(new)
            changed.append(new["place_id"])
    write(SOURCE / "places.csv", header, places)
    event_header, events = read(SOURCE / "events.csv")
    moved = []
    for event in events:
        if event["event_id"] in EVENT_MOVES and event["place_id"] == EVENT_MOVES[event["event_id"]][0]:
            event["place_id"] = EVENT_MOVES[event["event_id"]][1]
            moved.append(event["event_id"])
    write(SOURCE / "events.csv", event_header, events)

    source_header, sources = read(SOURCE / "sources.csv")
    known = {row["source_id"] for row in sources}
    sources += [dict(gazetteer) for gazetteer in GAZETTEERS.values() if gazetteer["source_id"] not in known]
    write(SOURCE / "sources.csv", source_header, sources)

    if changed:
        correction_header, corrections = read(SOURCE / "corrections.csv")
        corrections.append({"corrected_on": "2026-11-30", "table": "places", "row_id": "",
                            "change": f"coordinates of {len(changed)} places now from GeoNames or Natural Earth "
                                      "(coordinates_from says which)",
                            "reason": "the Wikipedia coordinates were CC BY-SA, which the dataset's CC BY 4.0 "
                                      "licence cannot carry; Ménaka's and Koulogon's points were also wrong"})
        corrections += [{"corrected_on": "2026-11-30", "table": "events", "row_id": event_id,
                         "change": f"place_id {EVENT_MOVES[event_id][0]} -> {EVENT_MOVES[event_id][1]}",
                         "reason": "the ambush was at the Tabankort of Ménaka cercle by the Niger border, not the "
                                   "Tabankort near Anéfis"} for event_id in moved]
        write(SOURCE / "corrections.csv", correction_header, corrections)
    kept = [p["place_id"] for p in places if p["coordinates_from"].startswith("Wikipedia")]
    print(f"{len(changed)} places moved to open coordinates; kept from Wikipedia: {', '.join(kept) or 'none'}; "
          f"{len(by_id)} places")


if __name__ == "__main__":
    main()
