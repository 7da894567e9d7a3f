"""Each chart of the app for one view, built once here for its page and for /embed: the figure,
its title, its alt text, the data it draws (for "Get the data"), and the outlets behind it
(for the source line). Queries and figures go through the cache."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import plotly.graph_objects as go
import polars as pl

from mali_tracker import actor_charts, charts, claim_charts, map_charts, regions
from mali_tracker.filters import Filters
from mali_tracker.ui import cache, client, language
from mali_tracker.ui.language import _

# Timeline: above this many events the lanes (about 1,100 px wide, 24 rows of 9 px markers) are a
# smear, and the browser takes over a second to draw them: counts per day, week or month instead.
MARKER_LIMIT = 1000
MAP_MARKER_LIMIT = 20_000  # map: above this many events, counts per grid cell
GRID_DEGREES = 0.5
BUSY_PLACES = 12  # places with the most events in the filters, candidates for a name on the map
DESKTOP_LABELS, PHONE_LABELS = 20, 8  # at most this many names on the map
DEFAULT_SUBJECT = "arrests_2025_plot"  # the story's own contested figure, shown first


def default_subject(subjects: list[str]) -> str:
    """The contested figure shown when the link names none (or one the data lacks)."""
    return DEFAULT_SUBJECT if DEFAULT_SUBJECT in subjects else subjects[0]


def network_dates() -> tuple[dt.date, dt.date]:
    """The dates the network can be shown for: the first dated relation (else the first event)
    to the last relation or event."""
    dates = cache.query("relation_dates").row(0, named=True)
    summary = cache.query("dataset_summary").row(0, named=True)
    first = dates["first_date"] or summary["first_date"] or dt.date(2012, 1, 1)
    return first, max(d for d in (dates["last_date"], summary["last_date"], first) if d)


@dataclass(frozen=True)
class ChartView:
    chart: str  # timeline | estimates | evolution | network | map | regions
    title: str
    figure: go.Figure | None  # None: nothing to draw for this view (`empty` says why)
    alt: str
    data: pl.DataFrame  # what the chart draws, for its CSV
    # the outlets behind it, the most cited first: asked only for the source line (embed, export),
    # not on every page run
    outlets: Callable[[], list[str]]
    empty: str = ""
    details: dict | None = None  # what a page needs beside the figure (counts, the unit…)


def _event_outlets(filters: Filters) -> list[str]:
    return cache.query("event_outlets", **filters.query_params())["outlet"].to_list()


def _window(filters: Filters) -> str:
    return f"{language.date(filters.start)} – {language.date(filters.end)}"


def timeline(filters: Filters, numbered: bool = False) -> ChartView:
    """Events in lanes (up to MARKER_LIMIT), else counts per day, week or month by type."""
    lang = language.current()
    periods = cache.query("periods")
    unit = charts.bin_unit(filters.start, filters.end)
    counts = cache.query("timeline_counts", unit=unit, **filters.query_params())
    count = int(counts["event_count"].sum())
    title = _("Timeline of Mali's crisis")
    details = {"count": count, "unit": unit, "events": None}
    if count == 0:
        return ChartView("timeline", title, None, "", counts, list, _(
            "No event matches these filters between {window}. Widen the dates or clear a filter.").format(
            window=_window(filters)), details)
    if count > MARKER_LIMIT:
        figure = cache.figure("counts_timeline", {**filters.query_params(), "lang": lang},
                              lambda: charts.counts_timeline_figure(counts, periods, filters.start, filters.end,
                                                                    unit, lang))
        alt = _("Chart of {count} events, {window}, counted per {unit} and stacked by event type.").format(
            count=language.number(count), window=_window(filters), unit=_(unit))
        return ChartView("timeline", title, figure, alt, charts.counts_table(counts, lang), lambda: _event_outlets(filters),
                         details=details)
    events = cache.query("events_filtered", **filters.query_params(row_limit=MARKER_LIMIT))
    figure = cache.figure("timeline", {**filters.query_params(), "numbered": numbered, "lang": lang},
                          lambda: charts.timeline_figure(events, periods, filters.start, filters.end, numbered, lang))
    alt = _("Timeline of {count} events in Mali, {window}, in lanes by theme.").format(
        count=language.number(count), window=_window(filters))
    data = events.select("event_id", "date_start", "date_precision", "title", "event_type", "theme", "location",
                         "admin1", "fatalities_best", "source_outlets", "source_urls")
    return ChartView("timeline", title, figure, alt, data, lambda: _event_outlets(filters),
                     details={**details, "events": events})


def _claims(subject: str) -> tuple[pl.DataFrame, dict, str]:
    subjects = cache.query("claim_subjects")
    about = subjects.filter(pl.col("subject") == subject).row(0, named=True)
    return cache.query("claims_for_subject", subject=subject), about, language.pick(about, "headline_quantity")


def _relation_outlets(as_of: dt.date) -> list[str]:
    return cache.query("relation_outlets", as_of=as_of)["outlet"].to_list()


def _claim_outlets(claims: pl.DataFrame) -> list[str]:
    return [outlet for outlet, _count in Counter(o for o in claims["outlet"].to_list() if o).most_common()]


def estimates(subject: str) -> ChartView:
    """The range chart: every published figure about `subject`, by claimant."""
    lang = language.current()
    claims, about, quantity = _claims(subject)
    spread_row = cache.query("claims_spread", subject=subject).row(0, named=True)
    sentence = claim_charts.spread_headline(spread_row, quantity, lang)
    label = language.pick(about, "label")
    figure = cache.figure("claims_range", {"subject": subject, "lang": lang},
                          lambda: claim_charts.range_figure(claims, quantity, lang))
    alt = _("Range chart of {count} reported figures about {subject}: {sentence}.").format(
        count=claims.height, subject=label, sentence=sentence)
    return ChartView("estimates", _("Who says how many? {subject}").format(subject=label), figure, alt, claims,
                     lambda: _claim_outlets(claims), details={"about": about, "quantity": quantity, "sentence": sentence})


def evolution(subject: str) -> ChartView:
    """How the published figure about `subject` moved over time."""
    lang = language.current()
    claims, about, quantity = _claims(subject)
    figure = cache.figure("claims_evolution", {"subject": subject, "lang": lang},
                          lambda: claim_charts.evolution_figure(claims, quantity, lang))
    alt = _("Reported figures for {quantity} plotted against their publication date.").format(quantity=quantity)
    return ChartView("evolution", _("How the figure moved: {subject}").format(subject=language.pick(about, "label")),
                     figure, alt, claims.filter(pl.col("published_date").is_not_null()), lambda: _claim_outlets(claims),
                     details={"quantity": quantity})


def network(as_of: dt.date, highlight: str | None = None) -> ChartView:
    """The actors and the relations in force on `as_of`."""
    lang = language.current()
    relations = cache.query("relations_as_of", as_of=as_of)
    positions = {row[0]: (row[1], row[2]) for row in cache.query("actor_layout").iter_rows()}
    counts = cache.query("actor_options")
    event_counts = dict(zip(counts["actor_id"].to_list(), counts["event_count"].to_list()))
    figure = cache.figure("network", {"as_of": as_of, "highlight": highlight, "lang": lang},
                          lambda: actor_charts.network_figure(relations, positions, event_counts,
                                                              highlight=highlight, lang=lang))
    alt = _("Network of {count} relations between actors in Mali on {date}.").format(
        count=relations.height, date=language.date(as_of, "long"))
    return ChartView("network", _("Who stands with whom in Mali, {date}").format(date=language.date(as_of, "long")),
                     figure, alt, relations, lambda: _relation_outlets(as_of))


def _map_frame() -> map_charts.MapFrame:
    return map_charts.PHONE if client.is_phone() else map_charts.DESKTOP


def _town_labels(filters: Filters, frame: map_charts.MapFrame) -> list[map_charts.Label]:
    """Bamako, Kati, the regional capitals and the busiest places of the filters, as many as fit."""
    busy = cache.query("map_places", row_limit=BUSY_PLACES, **filters.query_params())
    limit = PHONE_LABELS if frame is map_charts.PHONE else DESKTOP_LABELS
    return map_charts.place_labels(map_charts.town_candidates(busy), frame, limit)


def event_map(filters: Filters, who: str = "") -> ChartView:
    """The filtered events on the map (one marker each), or counted per grid cell above
    MAP_MARKER_LIMIT, over the regions, the Niger and the named towns."""
    lang = language.current()
    frame = _map_frame()
    mappable = int(cache.query("map_count", **filters.query_params())["event_count"][0])
    window = _window(filters)
    title = _("Where events took place, {window}").format(window=window)
    details = {"mappable": mappable, "grid": mappable > MAP_MARKER_LIMIT}
    if mappable == 0:
        return ChartView("map", title, None, "", pl.DataFrame(), list, _(
            "No event with a place matches the filters{who} for {window}.").format(who=who, window=window), details)
    labels = _town_labels(filters, frame)
    key = {**filters.query_params(), "lang": lang, "frame": frame.height}
    if mappable > MAP_MARKER_LIMIT:
        cells = cache.query("map_grid", cell_degrees=GRID_DEGREES, **filters.query_params())
        figure = cache.figure("grid_map", key, lambda: map_charts.grid_map_figure(cells, GRID_DEGREES, lang, frame, labels))
        alt = _("Map of {count} events in {cells} grid cells.").format(count=language.number(mappable),
                                                                       cells=cells.height)
        return ChartView("map", title, figure, alt, cells, lambda: _event_outlets(filters), details=details)
    mapped = cache.query("map_events", **filters.query_params(row_limit=MAP_MARKER_LIMIT))
    figure = cache.figure("events_map", key, lambda: map_charts.events_map_figure(mapped, frame, lang=lang, labels=labels))
    alt = _("Map of Mali with {count} events{who}.").format(count=mapped.height, who=who)
    return ChartView("map", title, figure, alt, mapped, lambda: _event_outlets(filters), details=details)


def region_map(filters: Filters) -> ChartView:
    """The filtered events counted per region: every event once, with or without a point, so the
    counts add up to the timeline's."""
    lang = language.current()
    frame = _map_frame()
    found = regions.count_by_region(cache.query("map_regions", **filters.query_params()))
    window = _window(filters)
    title = _("Events per region, {window}").format(window=window)
    table = found.counts.select(
        pl.col("region").alias(_("region")), pl.col("event_count").alias(_("events")),
        pl.col("deaths").alias(_("deaths reported")),
        pl.col("admin1_values").list.join(", ").alias(_("names in the data")))
    details = {"found": found}
    if found.total == 0:
        return ChartView("regions", title, None, "", table, list, _(
            "No event matches the filters for {window}.").format(window=window), details)
    figure = cache.figure("region_map", {**filters.query_params(), "lang": lang, "frame": frame.height},
                          lambda: map_charts.region_map_figure(found.counts, lang, frame))
    busiest = found.counts.filter(pl.col("event_count") > 0).head(4)
    alt = _("Map of Mali's regions shaded by the number of events, {window}: {counts}.").format(
        window=window, counts=", ".join(f"{region} {language.number(count)}"
                                        for region, count in busiest.select("region", "event_count").rows()))
    return ChartView("regions", title, figure, alt, table, lambda: _event_outlets(filters), details=details)
