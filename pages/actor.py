"""/actor?id=…: one actor on a page of its own, to link to from an article: who it is, its
relations over time, the events it took part in, and the figures it gave."""
import datetime as dt
from dataclasses import replace

import polars as pl
import streamlit as st

from mali_tracker import actor_charts, db, explore_table
from mali_tracker.charts import in_language
from mali_tracker.filters import Filters, quoted
from mali_tracker.grades import grade_line
from mali_tracker.markdown import plain
from mali_tracker.ui import cache, chart_views, chrome, language, publishing, view
from mali_tracker.ui.language import _
from mali_tracker.vocabulary import ACTOR_TYPE_WORDS

chrome.ensure_entrypoint()

EVENTS_LISTED = 200  # the page lists this many of the actor's events; the count says how many there are
EVENT_COLUMNS = ("date", "event", "type", "place", "deaths", "grade")


def show_not_found(asked: str, names: dict[str, str]) -> None:
    """A short message and a way to pick an actor, for an unknown or missing id."""
    st.title(_("Actor not found"))
    if asked:
        st.warning(_("No actor has the id {id}. Pick one below.").format(id=quoted(asked)), icon=":material/link_off:")
    else:
        st.info(_("This link names no actor (it needs `?id=` and an actor's id). Pick one below."),
                icon=":material/search:")
    ordered = sorted(names, key=lambda actor_id: names[actor_id].lower())
    chosen = st.selectbox(_("Actor"), ordered, index=None, format_func=names.get, placeholder=_("Type a name"),
                          filter_mode="contains")
    if chosen:
        st.switch_page("pages/actor.py", query_params=view.carried(id=chosen))


def relations_table(own: pl.DataFrame, name: str, lang: str) -> pl.DataFrame:
    """The actor's relations as a reader reads them: who, what, from when to when, a source."""
    def sentence(row: dict) -> str:
        words = actor_charts.relation_words(row["relation"], lang)
        return f"{name} {words} {row['other_name']}" if row["direction"] == "out" else \
            f"{row['other_name']} {words} {name}"

    return pl.DataFrame([{
        _("Relation"): sentence(row),
        _("With"): explore_table.row_link("actor", row["other_actor_id"], row["other_name"], view.carried()),
        _("From"): language.date(row["valid_from"]) if row["valid_from"] else "",
        _("To"): language.date(row["valid_to"]) if row["valid_to"] else _("still in force"),
        _("Source"): next((u for u in (row["source_urls"] or "").split() if u.startswith(("https://", "http://"))), ""),
        _("Note"): row["note"] or "",
    } for row in own.iter_rows(named=True)], schema={column: pl.String for column in (
        _("Relation"), _("With"), _("From"), _("To"), _("Source"), _("Note"))})


def show_actor(actor_id: str) -> None:
    lang = language.current()
    profile = cache.query("actor_profile", actor_id=actor_id).row(0, named=True)
    name = language.pick(profile, "name") or profile["name"]
    st.title(plain(name))
    publishing.set_citation_view(_(ACTOR_TYPE_WORDS.get(profile["actor_type"], profile["actor_type"] or "")), name)
    facts = [_(ACTOR_TYPE_WORDS.get(profile["actor_type"], profile["actor_type"] or ""))]
    if profile["aliases"]:
        facts.append(_("also {aliases}").format(aliases=plain(profile["aliases"])))
    if profile["active_from"] or profile["active_to"]:
        facts.append(_("active {start} – {end}").format(
            start=language.date(profile["active_from"]) if profile["active_from"] else "…",
            end=language.date(profile["active_to"]) if profile["active_to"] else _("now")))
    st.caption(" · ".join(fact for fact in facts if fact))
    if profile["parent_id"]:
        chrome.page_link("pages/actor.py", label=_("Part of {parent}").format(parent=plain(profile["parent_name"])),
                         icon=":material/account_tree:", id=profile["parent_id"])
    st.text(language.pick(profile, "description") or "")
    if grade := grade_line(profile, lang):
        st.caption(grade)

    first, last = chart_views.network_dates()
    summary = cache.query("dataset_summary").row(0, named=True)
    own = in_language(cache.query("actor_relations", actor_id=actor_id), lang, "other_name")
    st.header(_("Relations over time"))
    if own.height:
        st.plotly_chart(cache.figure("actor_relations", {"actor_id": actor_id, "lang": lang},
                                     lambda: actor_charts.relation_timeline_figure(own, name, first, last, lang)),
                        config=chrome.PLOTLY_CONFIG, key="actor_timeline",
                        alt=_("{count} relations of {name} as bars over time.").format(count=own.height, name=name))
        source = _("Source")
        st.dataframe(relations_table(own, name, lang), hide_index=True, column_config={
            source: st.column_config.LinkColumn(source, display_text=explore_table.SOURCE_LINK_TEXT),
            _("With"): st.column_config.LinkColumn(_("With"), display_text=explore_table.EVENT_LINK_TEXT,
                                                   help=_("Opens that actor's page"))})
    else:
        st.caption(_("No relation of {name} is recorded.").format(name=plain(name)))

    st.header(_("Events"))
    everything = Filters(start=min(first, summary["first_date"] or first), end=max(last, summary["last_date"] or last))
    own_filters = replace(everything, actors=(actor_id,))
    count = int(cache.query("events_count", **own_filters.query_params())["event_count"][0])
    if count:
        yearly = cache.query("explore_facets", **own_filters.query_params()).filter(pl.col("facet") == "year")
        st.bar_chart(yearly.select(pl.col("value").alias(_("Year")), pl.col("event_count").alias(_("Events"))),
                     x=_("Year"), y=_("Events"), height=180, color="#9b1c1c")
        listed = cache.query("events_filtered", **own_filters.query_params(row_limit=EVENTS_LISTED))
        st.caption(_("**{count} events** with {name}, all dates").format(count=language.number(count), name=plain(name))
                   + (_("; the first {shown} are listed.").format(shown=listed.height) if count > listed.height else "."))
        headings = {key: _(label) for key, label in explore_table.COLUMNS.items()}
        st.dataframe(explore_table.display_frame(listed, lang, view.carried(), EVENT_COLUMNS), hide_index=True,
                     column_config={**{key: st.column_config.TextColumn(headings[key]) for key in EVENT_COLUMNS},
                                    "event": st.column_config.LinkColumn(
                                        headings["event"], display_text=explore_table.EVENT_LINK_TEXT, width="large")})
        chrome.page_link("pages/explore.py", label=_("Explore these events, with filters and downloads"),
                         icon=":material/table:", actor=actor_id)
    else:
        st.caption(_("No event with {name} is recorded.").format(name=plain(name)))

    claims = cache.query("actor_claims", actor_id=actor_id)
    if claims.height:
        st.header(_("Figures it gave"))
        st.caption(_("Published figures whose claimant names {name}.").format(name=plain(name)))
        for (subject,), figures in claims.group_by("subject", maintain_order=True):
            first = figures.row(0, named=True)
            st.markdown(f"**{plain(language.pick(first, 'subject_label'))}**")
            for claim in figures.iter_rows(named=True):
                when = language.date(claim["published_date"]) if claim["published_date"] else _("date not shown")
                st.markdown(f"- {plain(claim['figure_text'])} — {plain(claim['claimed_by'])}, "
                            f"{plain(claim['outlet'])}, {when}")
            chrome.page_link("pages/estimates.py", label=_("Every figure on this, who gave it and when"),
                             icon=":material/bar_chart:", subject=subject)

    urls = [url for url in (profile["source_urls"] or "").split() if url.startswith(("https://", "http://"))]
    if urls:
        st.markdown(_("Sources:") + " " + " · ".join(f"[{i + 1}]({url})" for i, url in enumerate(urls)))
    st.subheader(_("Cite this actor"))
    st.code(_("Mali Crisis Tracker, \"{name}\", {link}, data version {version}, accessed {today}.").format(
        name=name, link=view.page_address("actor", {"id": actor_id}), version=cache.data_version().short,
        today=language.date(dt.date.today(), "long")), language=None, wrap_lines=True)


try:
    names = cache.actor_names()
    asked = (st.query_params.get("id") or "").strip()
    if asked in names:
        show_actor(asked)
    else:
        show_not_found(asked, names)
except db.DataUnavailable as exc:
    chrome.stop_on_data_problem(exc)
chrome.footer()
