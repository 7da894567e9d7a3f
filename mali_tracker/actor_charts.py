"""Chart builders for the actors page: the network as of a date and an actor's relations over
time (the map's builders are in map_charts). Pure functions, no Streamlit."""
from __future__ import annotations

import re

import plotly.graph_objects as go
import polars as pl

from mali_tracker.charts import FONT, date_ticks
from mali_tracker.i18n import DEFAULT_LANGUAGE, format_date, translate
from mali_tracker.vocabulary import N_

# Actor types grouped as a reader thinks of them, each with a colour and a marker shape.
ACTOR_GROUPS = {
    N_("Malian state and army"): (("state", "armed_forces", "government_body"), "#0072B2", "circle"),
    N_("Junta bodies"): (("junta_body",), "#56B4E9", "square"),
    N_("People"): (("person",), "#999999", "circle-open"),
    N_("Foreign states"): (("foreign_state",), "#009E73", "diamond"),
    N_("Foreign forces and mercenaries"): (("foreign_force", "private_military"), "#E69F00", "triangle-up"),
    N_("International and regional organisations"): (("international_org", "regional_org"), "#CC79A7", "pentagon"),
    N_("Jihadist groups"): (("jihadist_group",), "#000000", "x"),
    N_("Armed movements"): (("armed_movement",), "#D55E00", "star"),
    N_("Militias and others"): (("militia", "political_movement", "civilians"), "#882255", "hexagon"),
}
GROUP_OF_TYPE = {kind: group for group, (kinds, _, _) in ACTOR_GROUPS.items() for kind in kinds}

RELATION_STYLES = {  # kind: (legend label, colour, dash, width)
    "allied": (N_("allied / partner"), "#009E73", "solid", 3),
    "partner": (N_("allied / partner"), "#009E73", "solid", 3),
    "opposed": (N_("opposed / fighting"), "#D55E00", "solid", 2.5),
    "deployed_by": (N_("deployed by"), "#0072B2", "dash", 2),
    "successor_of": (N_("succeeded"), "#555555", "dot", 2.5),
    "member_of": (N_("member of"), "#BBBBBB", "solid", 1.5),
    "led_by": (N_("led by"), "#BBBBBB", "dot", 1.5),
    "signed_agreement_with": (N_("signed agreement with"), "#56B4E9", "dash", 2),
    "detained": (N_("detained / expelled / sanctioned"), "#CC79A7", "dashdot", 2.5),
    "expelled": (N_("detained / expelled / sanctioned"), "#CC79A7", "dashdot", 2.5),
    "sanctioned": (N_("detained / expelled / sanctioned"), "#CC79A7", "dashdot", 2.5),
}


# How a relation reads between two names ("France — deployed by — …"), for hovers and rows.
RELATION_WORDS = {
    "allied": N_("allied with"), "partner": N_("partner of"), "opposed": N_("opposed to"),
    "deployed_by": N_("deployed by"), "successor_of": N_("successor of"), "member_of": N_("member of"),
    "led_by": N_("led by"), "signed_agreement_with": N_("signed an agreement with"), "detained": N_("detained"),
    "expelled": N_("expelled"), "sanctioned": N_("sanctioned"),
}


def relation_words(kind: str, lang: str) -> str:
    return translate(RELATION_WORDS.get(kind, kind.replace("_", " ")), lang)


def short_name(name: str) -> str:
    """The label drawn on a node: the acronym a name ends with, '(JNIM)', else the name."""
    match = re.search(r"\(([^()]{2,24})\)$", name or "")
    return match.group(1) if match else name


def network_figure(
    relations: pl.DataFrame,
    positions: dict[str, tuple[float, float]],
    event_counts: dict[str, int],
    highlight: str | None = None,
    lang: str = DEFAULT_LANGUAGE,
) -> go.Figure:
    """Actors in force on a date as nodes (colour and shape by group, size by events involved),
    relations as edges styled by kind. `relations` comes from queries/relations_as_of.sql."""
    figure = go.Figure()
    shown_labels: set[str] = set()
    for row in relations.iter_rows(named=True):
        label, colour, dash, width = RELATION_STYLES.get(row["relation"], (row["relation"], "#999", "solid", 1))
        label = translate(label, lang)
        (x0, y0), (x1, y1) = positions[row["source_actor_id"]], positions[row["target_actor_id"]]
        figure.add_trace(go.Scatter(
            x=[x0, x1], y=[y0, y1], mode="lines", hoverinfo="skip",
            line=dict(color=colour, dash=dash, width=width), legendgroup=label, name=label,
            showlegend=label not in shown_labels, meta=row["relation_id"],
        ))
        shown_labels.add(label)
        figure.add_trace(go.Scatter(  # an invisible midpoint that names the relation on hover
            x=[(x0 + x1) / 2], y=[(y0 + y1) / 2], mode="markers", showlegend=False, legendgroup=label,
            marker=dict(size=10, color="rgba(0,0,0,0)"),
            hovertemplate=f"{row['source_name']} — {relation_words(row['relation'], lang)} — {row['target_name']}"
                          "<extra></extra>",
        ))
    nodes = pl.concat([
        relations.select(pl.col("source_actor_id").alias("actor_id"), pl.col("source_name").alias("name"),
                         pl.col("source_type").alias("actor_type")),
        relations.select(pl.col("target_actor_id").alias("actor_id"), pl.col("target_name").alias("name"),
                         pl.col("target_type").alias("actor_type")),
    ]).unique("actor_id").sort("actor_id")
    for group, (kinds, colour, symbol) in ACTOR_GROUPS.items():
        members = nodes.filter(pl.col("actor_type").is_in(kinds))
        if members.height == 0:
            continue
        ids = members["actor_id"].to_list()
        counts = [event_counts.get(actor_id, 0) for actor_id in ids]
        figure.add_trace(go.Scatter(
            x=[positions[a][0] for a in ids], y=[positions[a][1] for a in ids],
            mode="markers+text", name=translate(group, lang), text=[short_name(n) for n in members["name"].to_list()],
            hovertext=members["name"].to_list(), textposition="top center",
            textfont=dict(size=10, color="#333"),
            marker=dict(color=colour, symbol=symbol, size=[10 + min(count, 60) ** 0.5 * 4 for count in counts],
                        line=dict(width=[4 if a == highlight else 1 for a in ids],
                                  color=["#9b2226" if a == highlight else "white" for a in ids])),
            customdata=[[a, c] for a, c in zip(ids, counts)],
            hovertemplate="<b>%{hovertext}</b><br>%{customdata[1]} " + translate("events", lang) + "<extra>"
                          + translate(group, lang) + "</extra>",
        ))
    figure.update_layout(
        font=FONT, height=720, margin=dict(l=0, r=0, t=10, b=0),
        plot_bgcolor="white", paper_bgcolor="white", clickmode="event+select", dragmode="pan",
        legend=dict(orientation="h", yanchor="top", y=-0.02, x=0, title=None, font=dict(size=11)),
        xaxis=dict(visible=False, range=_padded([p[0] for p in positions.values()])),
        yaxis=dict(visible=False, range=_padded([p[1] for p in positions.values()])),
    )
    return figure


def _padded(values: list[float]) -> list[float]:
    """A fixed axis range over every actor's position, so the view does not jump with the date."""
    low, high = (min(values), max(values)) if values else (-1.0, 1.0)
    pad = (high - low) * 0.08 or 1.0
    return [low - pad, high + pad]


def relation_timeline_figure(relations: pl.DataFrame, actor_name: str, first_date, last_date,
                             lang: str = DEFAULT_LANGUAGE) -> go.Figure:
    """One bar per relation of an actor, from valid_from to valid_to (open ends reach the
    edges of the data). `relations` comes from queries/actor_relations.sql."""
    figure = go.Figure()
    rows = list(relations.iter_rows(named=True))
    for index, row in enumerate(rows):
        label, colour, _, _ = RELATION_STYLES.get(row["relation"], (row["relation"], "#999", "solid", 1))
        start = row["valid_from"] or first_date
        end = row["valid_to"] or last_date
        began = format_date(row["valid_from"], lang) if row["valid_from"] else translate("before our sources", lang)
        ended = format_date(row["valid_to"], lang) if row["valid_to"] else translate("ongoing", lang)
        figure.add_trace(go.Scatter(
            x=[start, end], y=[index, index], mode="lines+markers", showlegend=False,
            line=dict(color=colour, width=10), marker=dict(size=6, color=colour),
            hovertemplate=f"{relation_words(row['relation'], lang)} {row['other_name']}<br>{began} → {ended}<extra></extra>",
        ))

    def row_label(row: dict) -> str:
        """Read in the relation's direction: 'partner Government of Mali' or
        'Operation Serval deployed by France'."""
        kind = relation_words(row["relation"], lang)
        if row["direction"] == "out":
            return f"{kind} {row['other_name']}"
        return f"{row['other_name']} {kind} {actor_name}"

    figure.update_layout(
        font=FONT, height=80 + 30 * max(len(rows), 1), margin=dict(l=10, r=10, t=10, b=10),
        plot_bgcolor="white", paper_bgcolor="white",
        xaxis=dict(type="date", range=[first_date, last_date], gridcolor="#eee",
                   **date_ticks(first_date, last_date, lang)),
        yaxis=dict(tickvals=list(range(len(rows))), autorange="reversed", automargin=True,
                   ticktext=[row_label(r) for r in rows]),
    )
    return figure


