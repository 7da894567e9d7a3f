"""Chart builders for reported figures (claims): the range chart and how figures evolved.

Pure functions: a frame of claims in (the columns of queries/claims_for_subject.sql), a Plotly
figure out. No Streamlit.
"""
from __future__ import annotations

import textwrap

import plotly.graph_objects as go
import polars as pl

from mali_tracker.charts import FONT, date_ticks
from mali_tracker.i18n import DEFAULT_LANGUAGE, format_date, format_number, plotly_separators, translate, translate_plural
from mali_tracker.vocabulary import N_

CLAIMANT_LABELS = {
    "security_source": N_("Security source"),
    "army": N_("Army"),
    "legislator": N_("Legislator"),
    "government": N_("Government"),
    "relative": N_("Relative"),
    "outlet_count": N_("Outlet's own count"),
    "rights_group": N_("Rights group"),
    "un": N_("United Nations"),
    "armed_group": N_("Armed group"),
    "local_official": N_("Local official"),
    "witness": N_("Witness"),
    "other": N_("Other / unattributed"),
}
# Okabe-Ito colours, with the pale yellow kept for the rarest kind (relatives) so that common
# kinds stay legible on white.
CLAIMANT_COLOURS = {
    "security_source": "#0072B2", "army": "#D55E00", "legislator": "#009E73", "government": "#CC79A7",
    "relative": "#F0E442", "outlet_count": "#56B4E9", "rights_group": "#E69F00", "un": "#000000",
    "armed_group": "#882255", "local_official": "#44AA99", "witness": "#AA4499", "other": "#777777",
}
OPEN_END_STRETCH = 1.18  # how far past the largest figure an open-ended arrow reaches
# A row's label is wrapped to lines of at most LABEL_WRAP_CHARS, so that it fits a 390 px phone
# (11 px type); the chart's y axis counts label lines, each LINE_PX tall, plus room for the mark.
LABEL_WRAP_CHARS = 46
LINE_PX = 15
MARK_LINES = 1.7


def spread(claims: pl.DataFrame) -> tuple[int, int] | None:
    """Lowest and highest figure among the claims that count toward the spread."""
    counted = claims.filter(pl.col("in_spread"))
    if counted.height == 0:
        return None
    lows = counted.select(pl.coalesce("figure_low", "figure_high")).to_series()
    highs = counted.select(pl.coalesce("figure_high", "figure_low")).to_series()
    return int(lows.min()), int(highs.max())


def spread_sentence(lowest: int, highest: int, quantity: str, lang: str = "en") -> str:
    """The spread in words: 'between 20 and 50 people arrested — the highest is 2.5 times the lowest'."""
    if lowest == highest:
        return translate("every published figure says {figure} {quantity}", lang).format(
            figure=format_number(lowest, lang), quantity=quantity)
    ratio = format_number(round(highest / lowest, 1), lang) if lowest else "∞"
    return translate("between {lowest} and {highest} {quantity} — the highest is {ratio} times the lowest",
                     lang).format(lowest=format_number(lowest, lang), highest=format_number(highest, lang),
                                  quantity=quantity, ratio=ratio)


def spread_range_text(spread_row: dict) -> str:
    """'11–55' or '300–500+' (the highest an "at least"); the metric on the front page."""
    plus = "+" if spread_row["open_ended"] else ""
    if spread_row["lowest"] == spread_row["highest"]:
        return f"{spread_row['lowest']}{plus}"
    return f"{spread_row['lowest']}–{spread_row['highest']}{plus}"


def spread_headline(spread_row: dict, quantity: str, lang: str = "en") -> str:
    """The one phrasing of a subject's spread (a row of queries/claims_spread.sql), used on
    every page: '10 figures from 10 claimants: between 11 and 55 people arrested … 3 more
    count something else and are shown apart'."""
    count, others = spread_row["claim_count"], spread_row["other_count"]
    if not count:
        head = translate("no published figure for {quantity}", lang).format(quantity=quantity)
    else:
        figures = translate_plural("{count} figure", "{count} figures", count, lang).format(count=count)
        claimants = translate_plural("{count} claimant", "{count} claimants", spread_row["claimant_count"],
                                     lang).format(count=spread_row["claimant_count"])
        lowest, highest = spread_row["lowest"], spread_row["highest"]
        words = spread_sentence(lowest, highest, quantity, lang)
        if spread_row["open_ended"] and lowest != highest:
            highest_text = format_number(highest, lang)
            words = words.replace(f" {highest_text} ", " " + translate("at least {figure}", lang).format(
                figure=highest_text) + " ", 1)
        head = translate("{figures} from {claimants}: {words}", lang).format(
            figures=figures, claimants=claimants, words=words)
    if others:
        head += translate_plural("; {count} more counts something else and is shown apart",
                                 "; {count} more count something else and are shown apart", others,
                                 lang).format(count=others)
    return head


def claim_date_text(claim: dict, lang: str = DEFAULT_LANGUAGE) -> str:
    date = claim["published_date"]
    return format_date(date, lang) if date else translate("date not shown", lang)


def claim_label_lines(claim: dict, lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """The row's label as lines: who made the claim (bold), then outlet and date (grey), and
    "graded low" where the second reading found only a weak source."""
    who = textwrap.wrap(claim["claimed_by"], LABEL_WRAP_CHARS) or [""]
    low = " · " + translate("graded low", lang) if claim.get("confidence") == "low" else ""
    where = textwrap.wrap(f"{claim['outlet']}, {claim_date_text(claim, lang)}{low}", LABEL_WRAP_CHARS)
    return [f"<b>{line}</b>" for line in who] + [f"<span style='color:#555'>{line}</span>" for line in where]


def claim_row_label(claim: dict, lang: str = DEFAULT_LANGUAGE) -> str:
    return "<br>".join(claim_label_lines(claim, lang))


def range_figure(claims: pl.DataFrame, headline_quantity: str, lang: str = DEFAULT_LANGUAGE) -> go.Figure:
    """One row per claim (earliest at the top): a point where exact, a bar for a range, an
    arrow for an open-ended "at least"; coloured by who made it; the spread as a band."""
    figure = go.Figure()
    bounds = spread(claims)
    largest = max(
        [v for v in claims["figure_high"].to_list() + claims["figure_low"].to_list() if v is not None] or [1]
    )
    arrow_end = largest * OPEN_END_STRETCH
    if bounds:
        lowest, highest = bounds
        figure.add_vrect(x0=lowest, x1=highest, fillcolor="rgba(155,34,38,0.10)", line_width=0, layer="below")
        figure.add_annotation(
            x=(lowest + highest) / 2, y=1, yref="paper", yanchor="bottom", showarrow=False,
            text=translate("Spread of {quantity}: {lowest}–{highest}", lang).format(
                quantity=headline_quantity, lowest=format_number(lowest, lang), highest=format_number(highest, lang)),
            font=dict(size=12, color="#9b2226"),
        )
    shown_types: set[str] = set()
    rows = list(claims.iter_rows(named=True))
    # each row: its label's lines, then its mark; y counts lines from the top
    label_tops, mark_ys, used = [], [], 0.0
    for claim in rows:
        label_tops.append(used)
        used += len(claim_label_lines(claim, lang))
        mark_ys.append(used + MARK_LINES / 2)
        used += MARK_LINES
    plot_px = LINE_PX * max(used, 1)
    for index, claim in enumerate(rows):
        low, high = claim["figure_low"], claim["figure_high"]
        kind = claim["claimant_type"]
        colour = CLAIMANT_COLOURS.get(kind, "#777777")
        if low is not None and high is None:
            xs, symbols, dash = [low, arrow_end], ["circle", "arrow-right"], "dot"
        elif low is None:
            xs, symbols, dash = [high], ["circle"], "solid"
        elif low == high:
            xs, symbols, dash = [low], ["circle"], "solid"
        else:
            xs, symbols, dash = [low, high], ["line-ns-open", "line-ns-open"], "solid"
        counted = claim["in_spread"]
        low_graded = claim.get("confidence") == "low"
        figure.add_trace(go.Scatter(
            x=xs, y=[mark_ys[index]] * len(xs), mode="lines+markers",
            name=translate(CLAIMANT_LABELS.get(kind, kind), lang), legendgroup=kind, showlegend=kind not in shown_types,
            line=dict(color=colour, width=4 if counted else 2, dash=dash),
            marker=dict(symbol=symbols, size=14, color="white" if low_graded else colour,
                        line=dict(width=2, color=colour), opacity=1 if counted else 0.45),
            meta=claim["claim_id"],
            customdata=[[claim["figure_text"], claim.get(f"quantity_{lang}") or claim["quantity"], claim["outlet"],
                         claim_date_text(claim, lang)]] * len(xs),
            hovertemplate=("<b>\"%{customdata[0]}\"</b><br>%{customdata[1]}<br>%{customdata[2]}, "
                           "%{customdata[3]}<extra>%{fullData.name}</extra>"),
        ))
        shown_types.add(kind)
        # The row's label sits above its mark, across the full width and wrapped, so that on a
        # phone the labels neither squeeze the plot into a sliver (as axis labels would) nor run
        # off the edge.
        figure.add_annotation(x=0, xref="paper", y=label_tops[index], yanchor="top", xanchor="left",
                              showarrow=False, text=claim_row_label(claim, lang), align="left",
                              font=dict(size=11, color="#222"))
    figure.update_layout(
        font=FONT,
        height=150 + plot_px,
        margin=dict(l=10, r=20, t=40, b=10),
        plot_bgcolor="white", paper_bgcolor="white",
        # the legend starts 70 px under the plot, clear of the axis and its title at any height
        legend=dict(orientation="h", yanchor="top", y=-70 / plot_px, x=0, title=None),
        separators=plotly_separators(lang),
        xaxis=dict(title=headline_quantity.capitalize(), rangemode="tozero", gridcolor="#e6e6e6",
                   range=[0, arrow_end * 1.03], fixedrange=True),
        yaxis=dict(showticklabels=False, showgrid=False, zeroline=False, fixedrange=True,
                   range=[max(used, 1), -0.3]),  # first row on top
    )
    return figure


def evolution_figure(claims: pl.DataFrame, headline_quantity: str, lang: str = DEFAULT_LANGUAGE) -> go.Figure:
    """Reported figures against publication date: how the count moved as reports came in.
    Undated claims cannot be placed and are left out (the page says how many)."""
    figure = go.Figure()
    dated = claims.filter(pl.col("published_date").is_not_null() & pl.col("in_spread"))
    for (kind,), group in dated.group_by("claimant_type", maintain_order=True):
        lows = group.select(pl.coalesce("figure_low", "figure_high")).to_series().to_list()
        highs = group["figure_high"].to_list()
        figure.add_trace(go.Scatter(
            x=group["published_date"].to_list(), y=lows, mode="markers",
            name=translate(CLAIMANT_LABELS.get(kind, kind), lang),
            marker=dict(size=13, color=CLAIMANT_COLOURS.get(kind, "#777"),
                        symbol=["triangle-up" if h is None else "circle" for h in highs]),
            error_y=dict(type="data", symmetric=False,
                         array=[(high - low) if high is not None else 0 for low, high in zip(lows, highs)],
                         arrayminus=[0] * len(lows), color=CLAIMANT_COLOURS.get(kind, "#777")),
            customdata=[(text, outlet, format_date(day, lang)) for text, outlet, day in
                        group.select("figure_text", "outlet", "published_date").rows()],
            hovertemplate="<b>\"%{customdata[0]}\"</b><br>%{customdata[1]}, %{customdata[2]}<extra>%{fullData.name}</extra>",
        ))
    figure.update_layout(
        font=FONT, height=380, margin=dict(l=10, r=20, t=20, b=10),
        plot_bgcolor="white", paper_bgcolor="white",
        # the legend sits above the plot, where it cannot run into the date axis or its title
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0, title=None),
        separators=plotly_separators(lang),
        xaxis=dict(type="date", title=translate("Published", lang), gridcolor="#f0f0f0",
                   **(date_ticks(dated["published_date"].min(), dated["published_date"].max(), lang)
                      if dated.height else {})),
        yaxis=dict(title=headline_quantity.capitalize(), rangemode="tozero", gridcolor="#e6e6e6"),
    )
    return figure
