"""Mali's regions as the map draws them, and how the data's `admin1` names match them.

The region shapes (static/geo/mali_regions.geojson) are Natural Earth's, which still draw the
nine areas from before the 2016 reform: Ménaka was then part of Gao and Taoudénit of Tombouctou.
Events in those two regions are counted apart and drawn at their capital, never folded into the
old region or given its name. Spellings differ between sources (ACLED writes Timbuktu, Segou,
Menaka): names are matched without accents, case or a trailing "region". Pure: no Streamlit.
"""
from __future__ import annotations

import csv
import json
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import polars as pl

from mali_tracker.paths import PROJECT_ROOT

GEO_DIR = PROJECT_ROOT / "static" / "geo"
REGIONS_FILE = GEO_DIR / "mali_regions.geojson"
TOWNS_FILE = GEO_DIR / "mali_towns.csv"
RIVER_FILE = GEO_DIR / "niger_river.geojson"
# what the browser asks for (Streamlit's static serving, relative to the page like topojsonURL)
REGIONS_URL = "app/static/geo/mali_regions.geojson"

# Created by the 2016 reform, with the region each was carved from: the open boundary file has no
# shape for them.
NEW_REGIONS = {"Ménaka": "Gao", "Taoudénit": "Tombouctou"}
# other spellings met in sources and exports, by the name used here
ALIASES = {"Tombouctou": ("Timbuktu", "Timbouctou", "Tombuctu"), "Taoudénit": ("Taoudeni", "Taoudenni"),
           "Bamako": ("Bamako District", "District de Bamako")}


def folded(name: str) -> str:
    """A name without accents, case, spaces or a trailing "region": the key names are matched on."""
    text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().casefold()
    for suffix in (" region", " province"):
        text = text.removesuffix(suffix)
    return "".join(ch for ch in text if ch.isalnum())


@cache
def drawn_regions(path: Path = REGIONS_FILE) -> tuple[str, ...]:
    """The names of the regions the boundary file draws (its features' ids)."""
    return tuple(feature["id"] for feature in json.loads(path.read_text(encoding="utf-8"))["features"])


@cache
def _known() -> dict[str, str]:
    names = {folded(name): name for name in (*drawn_regions(), *NEW_REGIONS)}
    names.update({folded(alias): name for name, aliases in ALIASES.items() for alias in aliases})
    return names


def region_for(admin1: str | None) -> str | None:
    """The region (as named here) an `admin1` value means, or None when it is none of Mali's."""
    return _known().get(folded(admin1)) if admin1 else None


@dataclass
class RegionMatch:
    """The data's admin1 values sorted by how the map can show them."""
    drawn: dict[str, list[str]] = field(default_factory=dict)  # region -> admin1 values, a shape each
    new: dict[str, list[str]] = field(default_factory=dict)  # 2016 regions -> values, drawn at their capital
    outside: list[str] = field(default_factory=list)  # values that are none of Mali's regions


def match(admin1_values: list[str]) -> RegionMatch:
    result = RegionMatch()
    for value in admin1_values:
        region = region_for(value)
        if region is None:
            result.outside.append(value)
        else:
            (result.new if region in NEW_REGIONS else result.drawn).setdefault(region, []).append(value)
    return result


@dataclass(frozen=True)
class Town:
    name: str
    latitude: float
    longitude: float
    role: str  # capital | regional capital | town


@cache
def towns(path: Path = TOWNS_FILE) -> tuple[Town, ...]:
    """Bamako, Kati and the regional capitals (static/geo/mali_towns.csv)."""
    with open(path, encoding="utf-8", newline="") as handle:
        return tuple(Town(row["name"], float(row["latitude"]), float(row["longitude"]), row["role"])
                     for row in csv.DictReader(handle))


@cache
def river_lines(path: Path = RIVER_FILE) -> tuple[list[float | None], list[float | None]]:
    """The Niger (and the Bani) as one line of longitudes and latitudes, None between pieces."""
    lons: list[float | None] = []
    lats: list[float | None] = []
    for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
        for line in feature["geometry"]["coordinates"]:
            lons += [p[0] for p in line] + [None]
            lats += [p[1] for p in line] + [None]
    return lons, lats


@cache
def label_points(path: Path = REGIONS_FILE) -> dict[str, tuple[float, float]]:
    """Where each region's name is written (lon, lat): Natural Earth's label point for the drawn
    regions; for the 2016 regions, just above the circle at their capital."""
    points = {feature["id"]: (feature["properties"]["label_lon"], feature["properties"]["label_lat"])
              for feature in json.loads(path.read_text(encoding="utf-8"))["features"]}
    capitals = {town.name: town for town in towns()}
    points.update({region: (capitals[region].longitude, capitals[region].latitude + 0.9) for region in NEW_REGIONS})
    return points


@dataclass
class RegionCounts:
    """Filtered events per region, from queries/map_regions.sql, in the map's terms."""
    counts: pl.DataFrame  # region, event_count, deaths, admin1_values (the data's names for it); every region
    outside: pl.DataFrame  # admin1, event_count: places that are none of Mali's regions
    unplaced: int  # events that name no region

    @property
    def total(self) -> int:
        return int(self.counts["event_count"].sum()) + int(self.outside["event_count"].sum()) + self.unplaced


def count_by_region(rows: pl.DataFrame) -> RegionCounts:
    """Fold the query's rows (admin1, in_mali, event_count, deaths) into one row per region
    (spellings merged), the places outside Mali, and the events with no region."""
    unplaced = int(rows.filter(pl.col("admin1").is_null())["event_count"].sum())
    named = rows.filter(pl.col("admin1").is_not_null())
    found = {name: region_for(name) for name in named["admin1"].unique().to_list()}
    named = named.with_columns(pl.when(pl.col("in_mali")).then(
        pl.col("admin1").replace_strict(found, default=None, return_dtype=pl.String)).alias("region"))
    regions_all = pl.DataFrame({"region": [*drawn_regions(), *NEW_REGIONS]})
    counts = (regions_all.join(
        named.filter(pl.col("region").is_not_null()).group_by("region").agg(
            pl.col("event_count").sum(), pl.col("deaths").sum(), pl.col("admin1").sort().alias("admin1_values")),
        on="region", how="left")
        .with_columns(pl.col("event_count").fill_null(0).cast(pl.Int64), pl.col("deaths").fill_null(0).cast(pl.Int64),
                      pl.col("admin1_values").fill_null([]))
        .sort(["event_count", "region"], descending=[True, False]))
    outside = (named.filter(pl.col("region").is_null()).group_by("admin1").agg(pl.col("event_count").sum())
               .sort(["event_count", "admin1"], descending=[True, False]))
    return RegionCounts(counts, outside.with_columns(pl.col("event_count").cast(pl.Int64)), unplaced)
