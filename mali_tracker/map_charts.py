"""Chart builders for the map: events as points, events counted per grid cell, and events counted
per region (a choropleth), each over Mali's regions, the Niger and the named towns. Pure
functions, no Streamlit. The region shapes are not in the figure: the browser loads them from
the app's own static folder (regions.REGIONS_URL), as it loads the country outlines."""
from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go
import polars as pl

from mali_tracker import regions
from mali_tracker.charts import EVENT_TYPE_COLOURS, EVENT_TYPE_SYMBOLS, FONT, in_language
from mali_tracker.i18n import DEFAULT_LANGUAGE, format_date, format_number, plotly_separators, translate
from mali_tracker.vocabulary import N_

# ColorBrewer OrRd: one hue whose lightness grows with the count, readable with every kind of
# colour blindness and in greyscale.
COUNT_SCALE = ["#fff7ec", "#fdd49e", "#fc8d59", "#d7301f", "#7f0000"]
REGION_LINE = "#6b6b6b"
RIVER_COLOUR = "#4a90c2"
LABEL_CHAR_PX = 7.0  # average width of a 12 px serif character
LABEL_HEIGHT_PX = 16
DOT_GAP_PX = 6  # between a town's dot and its name
HALO = "0 0 2px white, 0 0 3px white"  # names stay legible over markers and dark regions


@dataclass(frozen=True)
class MapFrame:
    """What the map shows and at what size: Mali fills the height, the neighbours the sides."""
    height: int
    lon: tuple[float, float]
    lat: tuple[float, float]
    assumed_width_px: int  # the plot width labels are spaced for
    compact: bool = False  # a phone: smaller names, the colour scale under the map

    @property
    def px_per_degree(self) -> float:
        return self.assumed_width_px / (self.lon[1] - self.lon[0])


# the desktop frame fills a 940 px column (a 1,400 px window with the sidebar open) at 620 px high
DESKTOP = MapFrame(height=620, lon=(-16.5, 8.2), lat=(9.7, 25.3), assumed_width_px=940)
PHONE = MapFrame(height=520, lon=(-12.6, 4.6), lat=(9.9, 25.1), assumed_width_px=340, compact=True)
SMALL = MapFrame(height=320, lon=(-13.0, 5.0), lat=(9.7, 25.3), assumed_width_px=400)


@dataclass(frozen=True)
class Label:
    text: str
    latitude: float
    longitude: float
    rank: int  # 0 capital, 1 regional capital, 2 named town, 3 a place busy in the filters


def place_labels(candidates: list[Label], frame: MapFrame, limit: int) -> list[Label]:
    """The labels that fit: taken by rank (then as given), each kept only if its box (the name to
    the right of its dot) touches no box already kept, at the frame's assumed scale."""
    scale = frame.px_per_degree
    kept: list[Label] = []
    boxes: list[tuple[float, float, float, float]] = []
    for label in sorted(candidates, key=lambda item: item.rank):
        if len(kept) >= limit:
            break
        if not (frame.lon[0] <= label.longitude <= frame.lon[1] and frame.lat[0] <= label.latitude <= frame.lat[1]):
            continue
        x, y = label.longitude * scale, label.latitude * scale
        box = (x - 4, x + DOT_GAP_PX + len(label.text) * LABEL_CHAR_PX, y - LABEL_HEIGHT_PX / 2, y + LABEL_HEIGHT_PX / 2)
        if any(box[0] < b[1] and b[0] < box[1] and box[2] < b[3] and b[2] < box[3] for b in boxes):
            continue
        if any(label.text == other.text for other in kept):
            continue
        kept.append(label)
        boxes.append(box)
    return kept


def town_candidates(busy: pl.DataFrame | None = None) -> list[Label]:
    """Bamako, Kati and the regional capitals, then the places with the most events in the
    filters (`busy`: location, latitude, longitude, event_count, from map_places.sql)."""
    rank = {"capital": 0, "regional capital": 1}
    labels = [Label(town.name, town.latitude, town.longitude, rank.get(town.role, 2)) for town in regions.towns()]
    if busy is not None:
        labels += [Label(place, lat, lon, 3) for place, lat, lon in busy.select("location", "latitude", "longitude").rows()]
    return labels


def geo_layout(frame: MapFrame) -> dict:
    """Mali and its neighbours, outlines drawn from the offline topojson (scope 'africa');
    neighbours muted, no coastline clutter."""
    return dict(
        scope="africa", resolution=50, projection_type="mercator",
        center=dict(lat=sum(frame.lat) / 2, lon=sum(frame.lon) / 2),
        lataxis_range=list(frame.lat), lonaxis_range=list(frame.lon),
        showcountries=True, countrycolor="#b5b5b5", countrywidth=0.8, showland=True, landcolor="#ededed",
        showlakes=False, showcoastlines=True, coastlinecolor="#c8c8c8", showocean=True, oceancolor="#f7f9fb",
        bgcolor="white", showframe=False,
    )


def _region_outlines(fill: str = "#fcfaf5") -> go.Choropleth:
    names = list(regions.drawn_regions())
    return go.Choropleth(geojson=regions.REGIONS_URL, featureidkey="id", locations=names, z=[0] * len(names),
                         colorscale=[[0, fill], [1, fill]], showscale=False, hoverinfo="skip",
                         marker=dict(line=dict(color=REGION_LINE, width=0.8)), name="regions")


def _river(lang: str) -> go.Scattergeo:
    lons, lats = regions.river_lines()
    return go.Scattergeo(lon=lons, lat=lats, mode="lines", line=dict(color=RIVER_COLOUR, width=1.6),
                         hoverinfo="skip", name=translate("Niger river", lang), showlegend=False)


def _labels(labels: list[Label], name: str) -> go.Scattergeo:
    return go.Scattergeo(
        lon=[label.longitude for label in labels], lat=[label.latitude for label in labels],
        text=[label.text for label in labels], mode="markers+text", textposition="middle right",
        marker=dict(size=[6 if label.rank <= 1 else 4 for label in labels], color="#222", symbol="circle"),
        textfont=dict(family=FONT["family"], size=[13 if label.rank == 0 else 12 for label in labels], color="#111",
                      shadow=HALO),
        hoverinfo="skip", showlegend=False, name=name)


def events_map_figure(events: pl.DataFrame, frame: MapFrame = DESKTOP, min_size: int = 7,
                      lang: str = DEFAULT_LANGUAGE, labels: list[Label] | None = None) -> go.Figure:
    """One marker per event: colour and shape by event type, size by deaths, over the regions,
    the river and the towns. `events` comes from queries/map_events.sql (or event_by_id.sql,
    for one event's small map); each marker's customdata ends with its event id."""
    figure = go.Figure([_region_outlines(), _river(lang)])
    events = in_language(events, lang, "title")
    for event_type, colour in EVENT_TYPE_COLOURS.items():
        subset = events.filter(pl.col("event_type") == event_type)
        if subset.height == 0:
            continue
        deaths = subset["fatalities_best"].fill_null(0).to_list()
        figure.add_trace(go.Scattergeo(
            lat=subset["latitude"].to_list(), lon=subset["longitude"].to_list(), name=translate(event_type, lang),
            mode="markers", marker=dict(color=colour, symbol=EVENT_TYPE_SYMBOLS[event_type],
                                        size=[min_size + min(d, 400) ** 0.5 * 1.6 for d in deaths],
                                        opacity=0.8, line=dict(width=0.6, color="white")),
            customdata=[(title, place, format_date(day, lang), deaths, event_id) for title, place, day, deaths, event_id
                        in subset.select("title", "location", "date_start", pl.col("fatalities_best").fill_null(-1),
                                         "event_id").rows()],
            hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}, %{customdata[2]}<br><i>"
                          + translate("Click to open the event", lang) + "</i><extra>%{fullData.name}</extra>",
        ))
    if labels:
        figure.add_trace(_labels(labels, translate("towns", lang)))
    figure.update_layout(font=FONT, height=frame.height, margin=dict(l=0, r=0, t=0, b=0), geo=geo_layout(frame),
                         legend=dict(orientation="h", yanchor="top", y=-0.02, x=0, title=None))
    return figure


def grid_map_figure(cells: pl.DataFrame, cell_degrees: float, lang: str = DEFAULT_LANGUAGE,
                    frame: MapFrame = DESKTOP, labels: list[Label] | None = None) -> go.Figure:
    """Events counted per grid cell, for more events than a browser draws smoothly. `cells`
    comes from queries/map_grid.sql."""
    largest = max(cells["event_count"].max() or 1, 1)  # the busiest cell is 45 px across
    figure = go.Figure([_region_outlines(), _river(lang), go.Scattergeo(
        lat=cells["latitude"].to_list(), lon=cells["longitude"].to_list(), mode="markers",
        name=translate("events per {size}° cell", lang).format(size=format_number(cell_degrees, lang)),
        marker=dict(size=[5 + 40 * (c / largest) ** 0.5 for c in cells["event_count"].to_list()], color="#9b2226",
                    opacity=0.6, line=dict(width=0.5, color="white")),
        customdata=cells.select("event_count", "fatalities", "main_type", "places").rows(),
        hovertemplate="<b>%{customdata[0]:,} " + translate("events", lang) + "</b> (%{customdata[2]} "
                      + translate("most", lang) + ")<br>%{customdata[1]:,} " + translate("deaths reported", lang)
                      + "<br>%{customdata[3]}<extra></extra>",
    )])
    if labels:
        figure.add_trace(_labels(labels, translate("towns", lang)))
    total = int(cells["event_count"].sum()) if cells.height else 0
    figure.update_layout(font=FONT, height=frame.height, margin=dict(l=0, r=0, t=30, b=0), geo=geo_layout(frame),
                         showlegend=False, separators=plotly_separators(lang),
                         title=dict(text=translate("{count} events, counted per {size}° cell (too many to draw one by one)",
                                                   lang).format(count=format_number(total, lang),
                                                                size=format_number(cell_degrees, lang)),
                                    font=dict(size=13), x=0))
    return figure


NEW_REGION_NOTE = N_("a region since 2016, drawn at its capital: the open boundary file still counts its area in {old}")


def region_map_figure(counts: pl.DataFrame, lang: str = DEFAULT_LANGUAGE, frame: MapFrame = DESKTOP) -> go.Figure:
    """Events per region: the drawn regions coloured by their count (one shared colour scale,
    starting at 0), the regions created in 2016 as circles at their capital in the same scale,
    each named with its count. `counts`: region, event_count, deaths (from region_counts()),
    with every drawn region present (0 when none). Each shape's customdata is its region."""
    drawn = counts.filter(pl.col("region").is_in(list(regions.drawn_regions())))
    new = counts.filter(pl.col("region").is_in(list(regions.NEW_REGIONS)) & (pl.col("event_count") > 0))
    capitals = {town.name: town for town in regions.towns()}
    events_word, deaths_word = translate("events", lang), translate("deaths reported", lang)
    figure = go.Figure(go.Choropleth(
        geojson=regions.REGIONS_URL, featureidkey="id", locations=drawn["region"].to_list(),
        z=drawn["event_count"].to_list(), coloraxis="coloraxis",
        customdata=[[region, format_number(count, lang), format_number(deaths, lang)]
                    for region, count, deaths in drawn.select("region", "event_count", "deaths").rows()],
        marker=dict(line=dict(color=REGION_LINE, width=1)),
        hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]} " + events_word + ", %{customdata[2]} "
                      + deaths_word + "<br><i>" + translate("Click to filter by this region", lang) + "</i><extra></extra>",
        name=translate("regions", lang)))
    figure.add_trace(_river(lang))
    if new.height:
        towns = [capitals[region] for region in new["region"].to_list()]
        figure.add_trace(go.Scattergeo(
            lon=[town.longitude for town in towns], lat=[town.latitude for town in towns], mode="markers",
            marker=dict(size=22, color=new["event_count"].to_list(), coloraxis="coloraxis",
                        line=dict(color="#222", width=1.2)),
            customdata=[[region, format_number(count, lang), format_number(deaths, lang),
                         translate(NEW_REGION_NOTE, lang).format(old=regions.NEW_REGIONS[region])]
                        for region, count, deaths in new.select("region", "event_count", "deaths").rows()],
            hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]} " + events_word + ", %{customdata[2]} "
                          + deaths_word + "<br>%{customdata[3]}<extra></extra>", name=translate("regions since 2016", lang)))
    label_points = regions.label_points()
    names = [(region, count) for region, count in counts.select("region", "event_count").rows()
             if region in label_points and (region in regions.drawn_regions() or count)]
    figure.add_trace(go.Scattergeo(
        lon=[label_points[region][0] for region, _ in names], lat=[label_points[region][1] for region, _ in names],
        text=[f"<b>{region}</b><br>{format_number(count, lang)}" for region, count in names], mode="text",
        textfont=dict(family=FONT["family"], size=10 if frame.compact else 12, color="#111", shadow=HALO),
        hoverinfo="skip", showlegend=False,
        name=translate("region names", lang)))
    figure.update_layout(
        font=FONT, height=frame.height, margin=dict(l=0, r=0, t=0, b=70 if frame.compact else 0), geo=geo_layout(frame),
        showlegend=False, separators=plotly_separators(lang),
        coloraxis=dict(colorscale=COUNT_SCALE, cmin=0, cmax=max(int(counts["event_count"].max() or 0), 1),
                       colorbar=dict(title=dict(text=translate("Events per region", lang) if frame.compact else
                                                translate("Events<br>per region", lang), side="top",
                                                font=dict(color="#222")), tickfont=dict(color="#222"),
                                     outlinewidth=0, tickformat=",d", thickness=12,
                                     **(dict(orientation="h", len=0.9, x=0.02, xanchor="left", y=-0.02, yanchor="top")
                                        if frame.compact else dict(len=0.6, x=0.0, xanchor="left", y=0.05,
                                                                   yanchor="bottom")))))
    return figure
