"""Chart builders: a frame in, a Plotly figure out. No Streamlit, so they test without a server."""
from __future__ import annotations

import datetime as dt

import plotly.graph_objects as go
import polars as pl
from babel.dates import get_month_names

from mali_tracker.i18n import DEFAULT_LANGUAGE, format_date, plotly_separators, translate
from mali_tracker.schema import EVENT_TYPES, THEMES
from mali_tracker.vocabulary import N_

# Okabe & Ito's palette, designed to stay distinct for the common forms of colour blindness.
OKABE_ITO = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000")
EVENT_TYPE_COLOURS = dict(zip(EVENT_TYPES, OKABE_ITO))
# Marker shapes repeat the colour's meaning for readers who cannot tell the colours apart.
EVENT_TYPE_SYMBOLS = dict(zip(EVENT_TYPES, ("circle", "x", "diamond", "square", "triangle-up", "star")))
PERIOD_FILLS = ("rgba(120,120,120,0.10)", "rgba(120,120,120,0.00)")
FONT = dict(family="Georgia, 'Times New Roman', serif", size=13, color="#222")
MAX_LABEL_CHARS = 34
# Milestone labels sit in rows above the lanes, packed so that no two overlap.
LABEL_BAND_GAP = 0.35  # lane units between the top lane and the first label row
LABEL_ROW_STEP = 0.17  # lane units per label row
LABEL_ROW_HEIGHT_PX = 22
LABEL_CHAR_PX = 6.2  # average width of a 10px serif character
ASSUMED_PLOT_PX = 800  # a little under the usual drawn width, so packed labels never touch
NUMBERED_PLOT_PX = 300  # a phone's plot width: numbered labels are packed for that
LABEL_HIT_STEP_PX = 8  # milestone labels are clickable: invisible marks every 8 px along each label
LABEL_HIT_TRACE = "milestone labels"


def format_event_date(date: dt.date | None, precision: str | None) -> str:
    """A date as precise as the source allows: '10 Aug 2025', 'Aug 2025' or '2025'."""
    if date is None:
        return "date unknown"
    if precision == "year":
        return f"{date.year}"
    if precision == "month":
        return date.strftime("%b %Y")
    return f"{date.day} {date.strftime('%b %Y')}"


def short_label(text: str, limit: int = MAX_LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def lane_position(theme: str | None, event_type: str | None) -> float:
    """Lanes by theme, with each event type on its own thin row inside the lane."""
    lane = THEMES.index(theme) if theme in THEMES else len(THEMES)
    row = EVENT_TYPES.index(event_type) if event_type in EVENT_TYPES else len(EVENT_TYPES)
    return lane + (row - (len(EVENT_TYPES) - 1) / 2) * 0.07


def lane_y_expr() -> pl.Expr:
    """lane_position() as a Polars expression (no Python per row: Python callbacks inside
    Polars' thread pool can deadlock with Streamlit's other session threads)."""
    lanes = {theme: float(i) for i, theme in enumerate(THEMES)}
    rows = {kind: (i - (len(EVENT_TYPES) - 1) / 2) * 0.07 for i, kind in enumerate(EVENT_TYPES)}
    return (
        pl.col("theme").replace_strict(lanes, default=float(len(THEMES)), return_dtype=pl.Float64)
        + pl.col("event_type").replace_strict(rows, default=(len(EVENT_TYPES) - (len(EVENT_TYPES) - 1) / 2) * 0.07,
                                              return_dtype=pl.Float64)
    ).alias("lane_y")


def date_text_expr(lang: str = DEFAULT_LANGUAGE) -> pl.Expr:
    """i18n.format_date() as a Polars expression ('10 Aug 2025', '10 août 2025')."""
    day = pl.col("date_start")
    if lang == DEFAULT_LANGUAGE:
        return (
            pl.when(day.is_null()).then(pl.lit("date unknown"))
            .when(pl.col("date_precision") == "year").then(day.dt.strftime("%Y"))
            .when(pl.col("date_precision") == "month").then(day.dt.strftime("%b %Y"))
            .otherwise(day.dt.strftime("%-d %b %Y"))
            .alias("date_text")
        )
    month = day.dt.month().replace_strict(dict(get_month_names("wide", locale=lang)), return_dtype=pl.String)
    year = day.dt.year().cast(pl.String)
    return (
        pl.when(day.is_null()).then(pl.lit(translate("date unknown", lang)))
        .when(pl.col("date_precision") == "year").then(year)
        .when(pl.col("date_precision") == "month").then(pl.concat_str([month, year], separator=" "))
        .otherwise(pl.concat_str([day.dt.day().cast(pl.String), month, year], separator=" "))
        .alias("date_text")
    )


def label_text_expr(events: pl.DataFrame) -> pl.Expr:
    """The milestone label: the short label where the data has one, else the title."""
    return (pl.coalesce("label", "title") if "label" in events.columns else pl.col("title")).alias("label_text")


def in_language(frame: pl.DataFrame, lang: str, *columns: str) -> pl.DataFrame:
    """`frame` with each of `columns` replaced by its `_fr` twin (where the row has one) for a
    French reader; imported rows, which have one language only, keep theirs."""
    if lang == DEFAULT_LANGUAGE:
        return frame
    return frame.with_columns(
        pl.coalesce(pl.col(f"{column}_{lang}").replace("", None), pl.col(column)).alias(column)
        for column in columns if f"{column}_{lang}" in frame.columns
    )


def date_ticks(start: dt.date, end: dt.date, lang: str) -> dict:
    """Tick positions and labels for a date axis in the reader's language. English keeps
    Plotly's own ticks; for French the month names are written here (Plotly's French locale
    would have to be fetched), yearly ticks being numbers in both."""
    if lang == DEFAULT_LANGUAGE:
        return {}
    days = (end - start).days
    if days > 3 * 365:
        step = max(1, -(-(end.year - start.year) // 7))  # about seven labels, so they fit a phone
        values = [dt.date(year, 1, 1) for year in range(start.year + (start > dt.date(start.year, 1, 1)),
                                                           end.year + 1, step)]
        return dict(tickvals=values, ticktext=[str(value.year) for value in values])
    months = max(1, round(days / 30 / 8))  # about eight ticks
    values, month = [], dt.date(start.year, start.month, 1)
    while month <= end:
        if month >= start:
            values.append(month)
        index = month.month - 1 + months
        month = dt.date(month.year + index // 12, index % 12 + 1, 1)
    if len(values) < 3:  # a window of weeks: ticks every few days
        stride = max(1, days // 7)
        values = [start + dt.timedelta(days=offset) for offset in range(0, days + 1, stride)]
        return dict(tickvals=values, ticktext=[format_date(value, lang, "day") for value in values])
    return dict(tickvals=values, ticktext=[format_date(value, lang, "month") for value in values])


def _lane_axis(label_levels: int = 0, lang: str = DEFAULT_LANGUAGE) -> dict:
    top = len(THEMES) - 0.4 + (LABEL_BAND_GAP + label_levels * LABEL_ROW_STEP if label_levels else 0)
    return dict(
        tickvals=list(range(len(THEMES))),
        ticktext=[translate(theme, lang).capitalize() for theme in THEMES],
        range=[-0.6, top],
        showgrid=True,
        gridcolor="#e6e6e6",
        zeroline=False,
        fixedrange=True,
        title=None,
    )


def pack_label_rows(starts: list[float], widths: list[float]) -> list[int]:
    """Give each label (left edge, width; sorted by left edge) the lowest row where it fits."""
    row_ends: list[float] = []
    rows = []
    for left, width in zip(starts, widths):
        for row, end in enumerate(row_ends):
            if left > end:
                row_ends[row] = left + width
                rows.append(row)
                break
        else:
            row_ends.append(left + width)
            rows.append(len(row_ends) - 1)
    return rows


def milestones_in_window(events: pl.DataFrame, start: dt.date, end: dt.date,
                         lang: str = DEFAULT_LANGUAGE) -> pl.DataFrame:
    """The key events inside the window, in date order: the order milestones are numbered in."""
    events = in_language(events, lang, "title", "label")
    return (
        events.filter(pl.col("is_key") & (pl.col("date_start") >= start) & (pl.col("date_start") <= end))
        .sort("date_start", "event_id")
        .with_columns(date_text_expr(lang), label_text_expr(events))
    )


def _add_milestone_labels(figure: go.Figure, key_events: pl.DataFrame, start: dt.date, end: dt.date,
                          numbered: bool, lang: str = DEFAULT_LANGUAGE) -> int:
    """Label each key event in a packed row above the lanes, joined by a dotted leader line.

    `numbered` writes 1, 2, 3… instead of the text (for phones; the page lists the key).
    Returns the number of label rows used, so the caller can make room for them.
    """
    inside = milestones_in_window(key_events, start, end, lang).with_columns(lane_y_expr())
    if inside.height == 0:
        return 0
    window_days = max((end - start).days, 1)
    days_per_px = window_days / (NUMBERED_PLOT_PX if numbered else ASSUMED_PLOT_PX)
    if numbered:
        labels = [str(number) for number in range(1, inside.height + 1)]
    else:
        labels = [short_label(text) for text in inside["label_text"].to_list()]
    offsets = [(date - start).days for date in inside["date_start"].to_list()]
    widths = [(len(text) * LABEL_CHAR_PX + 12) * days_per_px for text in labels]
    # A label that would run off the right edge hangs to the left of its event instead.
    hangs_left = [offset + width > window_days for offset, width in zip(offsets, widths)]
    lefts = [offset - width if left else offset for offset, width, left in zip(offsets, widths, hangs_left)]
    order = sorted(range(len(lefts)), key=lefts.__getitem__)
    packed = pack_label_rows([lefts[i] for i in order], [widths[i] for i in order])
    rows = [0] * len(order)
    for position, index in enumerate(order):
        rows[index] = packed[position]
    base = len(THEMES) - 0.4 + LABEL_BAND_GAP
    hits_x: list[dt.date] = []
    hits_y: list[float] = []
    hits_data: list[tuple] = []
    for event, text, row, left, width in zip(inside.iter_rows(named=True), labels, rows, hangs_left, widths):
        label_y = base + row * LABEL_ROW_STEP
        figure.add_shape(
            type="line", x0=event["date_start"], x1=event["date_start"], y0=event["lane_y"], y1=label_y,
            line=dict(color="#999", width=1, dash="dot"), layer="below",
        )
        figure.add_annotation(
            x=event["date_start"], y=label_y, text=text, showarrow=False,
            xanchor="right" if left else "left",
            font=dict(size=10, color="#222"), bgcolor="rgba(255,255,255,0.9)",
        )
        # Annotations cannot be clicked, so invisible marks under the label carry its event:
        # a click anywhere along the label selects the milestone, as a click on its marker does.
        steps = max(int(width / days_per_px / LABEL_HIT_STEP_PX), 1)
        for step in range(steps + 1):
            shift = width * step / steps
            hits_x.append(event["date_start"] + dt.timedelta(days=-shift if left else shift))
            hits_y.append(label_y)
            hits_data.append((event["event_id"], event["date_text"], event["title"],
                              event["location"] or "place unknown", event.get("source_outlets") or ""))
    figure.add_trace(go.Scatter(
        x=hits_x, y=hits_y, mode="markers", name=LABEL_HIT_TRACE, showlegend=False,
        marker=dict(size=14, symbol="square", color="rgba(0,0,0,0)"),
        selected=dict(marker=dict(opacity=0)), unselected=dict(marker=dict(opacity=0)),
        customdata=hits_data,
        hovertemplate="<b>%{customdata[2]}</b><br>%{customdata[1]} · %{customdata[3]}"
                      "<br>" + translate("Click to read it", lang) + "<extra></extra>",
    ))
    return max(rows) + 1


def _add_periods(figure: go.Figure, periods: pl.DataFrame, start: dt.date, end: dt.date,
                 staggered: bool = False, lang: str = DEFAULT_LANGUAGE) -> None:
    """Shade each era that overlaps the window and name it along the top edge; `staggered`
    lifts every other name by a line, so names do not run into each other on a narrow chart."""
    for index, period in enumerate(in_language(periods, lang, "label").iter_rows(named=True)):
        left = max(period["date_start"], start)
        right = min(period["date_end"], end)
        if right <= left:
            continue
        figure.add_vrect(
            x0=left, x1=right, fillcolor=PERIOD_FILLS[index % 2], line_width=0, layer="below"
        )
        figure.add_annotation(
            x=left + (right - left) / 2, y=1.0, xref="x", yref="paper", yanchor="bottom",
            text=short_label(period["label"], 28), showarrow=False,
            font=dict(size=11, color="#555"), yshift=15 if staggered and index % 2 else 0,
        )


def timeline_figure(
    events: pl.DataFrame,
    periods: pl.DataFrame,
    start: dt.date,
    end: dt.date,
    numbered: bool = False,
    lang: str = DEFAULT_LANGUAGE,
) -> go.Figure:
    """One marker per event: x the date, lane the theme, colour and shape the event type.

    `events` needs event_id, date_start, date_precision, title, event_type, theme, location,
    source_outlets and is_key; `periods` needs label, date_start, date_end. `numbered` labels
    milestones 1, 2, 3… in date order (see milestones_in_window) instead of by name. `lang`
    writes the chart's words, dates and the events' titles (title_fr…) in that language.
    """
    figure = go.Figure()
    _add_periods(figure, periods, start, end, staggered=numbered, lang=lang)
    events = in_language(events, lang, "title", "label")
    rows = events.with_columns(lane_y_expr(), date_text_expr(lang), label_text_expr(events))
    for event_type in EVENT_TYPES:
        subset = rows.filter(pl.col("event_type") == event_type)
        if subset.height == 0:
            continue
        figure.add_trace(
            go.Scatter(
                x=subset["date_start"].to_list(),
                y=subset["lane_y"].to_list(),
                mode="markers",
                name=translate(event_type, lang),
                marker=dict(
                    color=EVENT_TYPE_COLOURS[event_type],
                    symbol=EVENT_TYPE_SYMBOLS[event_type],
                    size=[13 if key else 9 for key in subset["is_key"].to_list()],
                    line=dict(width=1, color="white"),
                ),
                customdata=subset.select(
                    "event_id", "date_text", "title", pl.col("location").fill_null(translate("place unknown", lang)),
                    pl.col("source_outlets").fill_null(""),
                ).rows(),
                hovertemplate=(
                    "<b>%{customdata[2]}</b><br>%{customdata[1]} · %{customdata[3]}"
                    "<br>" + translate("Source:", lang) + " %{customdata[4]}<extra>%{fullData.name}</extra>"
                ),
            )
        )
    levels = _add_milestone_labels(figure, events, start, end, numbered, lang)
    figure.update_layout(
        font=FONT,
        separators=plotly_separators(lang),
        height=560 + LABEL_ROW_HEIGHT_PX * levels,
        margin=dict(l=10, r=10, t=56 if numbered else 40, b=10),
        plot_bgcolor="white",
        paper_bgcolor="white",
        clickmode="event+select",
        dragmode="pan",
        hoverlabel=dict(bgcolor="white", font_size=13),
        legend=dict(orientation="h", yanchor="top", y=-0.08, x=0, title=None),
        xaxis=dict(type="date", range=[start, end], showgrid=False, title=None, **date_ticks(start, end, lang)),
        yaxis=_lane_axis(levels, lang),
    )
    return figure


# Windows holding too many events to mark one by one are drawn as counts per bin: days for up to
# a quarter, weeks for up to two years, months beyond.
BIN_UNITS = (("day", 92), ("week", 731), ("month", None))
BIN_ADJECTIVE = {"day": "daily", "week": "weekly", "month": "monthly"}
BIN_HOVER_DATE = {"day": "%{x|%d %b %Y}", "week": "week of %{x|%d %b %Y}", "month": "%{x|%b %Y}"}
# French hover dates are written into customdata (Plotly's own month names are English).
BIN_HOVER_PRECISION = {"day": "day", "week": "day", "month": "month"}
EVENTS_PER = {"day": N_("Events per day"), "week": N_("Events per week"), "month": N_("Events per month")}
MAX_BARS = 60  # bins per type drawn as stacked bars; more are drawn as stacked areas (far fewer shapes)


def bin_unit(start: dt.date, end: dt.date) -> str:
    """The bin for a window: 'day', 'week' or 'month'."""
    days = (end - start).days + 1
    return next(unit for unit, limit in BIN_UNITS if limit is None or days <= limit)


def counts_timeline_figure(counts: pl.DataFrame, periods: pl.DataFrame, start: dt.date, end: dt.date,
                           unit: str, lang: str = DEFAULT_LANGUAGE) -> go.Figure:
    """Event counts per bin (`unit`: day, week or month), stacked by event type.

    `counts` needs bin_start, event_type and event_count (summed over themes here). Up to
    MAX_BARS bins are stacked bars; longer series are stacked areas, which the browser draws
    as one shape per type instead of one per bar.
    """
    figure = go.Figure()
    _add_periods(figure, periods, start, end, lang=lang)
    by_type = counts.group_by("bin_start", "event_type").agg(pl.col("event_count").sum()).sort("bin_start")
    as_bars = by_type["bin_start"].n_unique() <= MAX_BARS
    if lang == DEFAULT_LANGUAGE:
        hover = f"{BIN_HOVER_DATE[unit]}: %{{y:,}} events<extra>%{{fullData.name}}</extra>"
    else:
        hover = "%{customdata}: %{y:,} " + translate("events", lang) + "<extra>%{fullData.name}</extra>"
    for event_type in EVENT_TYPES:
        subset = by_type.filter(pl.col("event_type") == event_type)
        if subset.height == 0:
            continue
        colour = EVENT_TYPE_COLOURS[event_type]
        x, y = subset["bin_start"].to_list(), subset["event_count"].to_list()
        when = None if lang == DEFAULT_LANGUAGE else [
            (translate("week of {date}", lang).format(date=format_date(day, lang)) if unit == "week"
             else format_date(day, lang, BIN_HOVER_PRECISION[unit])) for day in x]
        name = translate(event_type, lang)
        if as_bars:
            trace = go.Bar(x=x, y=y, name=name, marker_color=colour, hovertemplate=hover, customdata=when)
        else:
            trace = go.Scatter(x=x, y=y, name=name, mode="lines", stackgroup="types", customdata=when,
                               line=dict(width=0.5, color=colour), fillcolor=colour, hovertemplate=hover)
        figure.add_trace(trace)
    figure.update_layout(
        barmode="stack",
        font=FONT,
        height=520,
        margin=dict(l=10, r=10, t=40, b=10),
        plot_bgcolor="white",
        paper_bgcolor="white",
        separators=plotly_separators(lang),
        legend=dict(orientation="h", yanchor="top", y=-0.12, x=0, title=None),  # clear of two-line date ticks
        xaxis=dict(type="date", range=[start, end], title=None, **date_ticks(start, end, lang)),
        yaxis=dict(title=translate(EVENTS_PER[unit], lang), gridcolor="#e6e6e6"),
    )
    return figure


def counts_table(counts: pl.DataFrame, lang: str = DEFAULT_LANGUAGE) -> pl.DataFrame:
    """The chart's numbers as a reader's table: one row per bin, one column per event type, a total."""
    wide = (
        counts.group_by("bin_start", "event_type").agg(pl.col("event_count").sum())
        .pivot(on="event_type", index="bin_start", values="event_count")
        .fill_null(0)
    )
    types = [t for t in EVENT_TYPES if t in wide.columns]
    return (
        wide.select("bin_start", *types)
        .with_columns(pl.sum_horizontal(types).alias(translate("All events", lang)))
        .sort("bin_start")
        .rename({"bin_start": translate("From", lang), **{t: translate(t, lang) for t in types}})
    )
