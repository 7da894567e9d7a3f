"""/estimates: how many? who says so? every reported figure, and the spread between them."""
import polars as pl
import streamlit as st

from mali_tracker import db
from mali_tracker.export import to_csv_bytes
from mali_tracker.filters import quoted
from mali_tracker.ui import cache, chart_views, chrome, claim_cards, language, publishing, view
from mali_tracker.ui.language import _

chrome.ensure_entrypoint()


st.title(_("Who says how many?"))
try:
    subjects = cache.query("claim_subjects")
except db.DataUnavailable as exc:
    chrome.stop_on_data_problem(exc)
if subjects.height == 0:
    st.info(_("This data folder holds no reported figures (claims). The bundled data does: unset "
              "MALI_TRACKER_DATA to see them."))
    chrome.footer()
    chrome.end_page()

labels = {row["subject"]: language.pick(row, "label") for row in subjects.iter_rows(named=True)}
default = chart_views.default_subject(list(labels))
if "estimates_subject" not in st.session_state:
    asked = st.query_params.get("subject")
    if asked is not None and asked not in labels:
        st.warning(_("There is no contested figure called {name}; showing {instead} instead.").format(
            name=quoted(asked), instead=labels[default].lower()), icon=":material/link_off:")
    st.session_state["estimates_subject"] = asked if asked in labels else default
subject = st.selectbox(_("Contested figure"), list(labels), format_func=labels.get, key="estimates_subject")
if subject == default:
    st.query_params.pop("subject", None)
else:
    st.query_params["subject"] = subject

try:
    ranged = chart_views.estimates(subject)
    moved = chart_views.evolution(subject)
except db.DataUnavailable as exc:
    chrome.stop_on_data_problem(exc)
claims, about, quantity, sentence = ranged.data, ranged.details["about"], ranged.details["quantity"], \
    ranged.details["sentence"]
publishing.set_citation_view(labels[subject])

st.text(language.pick(about, "description"))
st.subheader(sentence[0].upper() + sentence[1:] + ".")
undated = claims.filter(pl.col("published_date").is_null()).height
st.caption(
    _("One row per claim, earliest report at the top. A dot is an exact figure, a bar a range, a dotted arrow "
      "an open-ended \"at least\". Colour says who made the claim; a hollow mark is a claim graded low (an "
      "unattributed page or a relay only). The shaded band spans the lowest and highest figure for {quantity}; "
      "faded rows count something else and are not in the band.").format(quantity=quantity)
    + (" " + language.ngettext("{count} of the claims comes from a page that shows no date; it sits at the bottom.",
                               "{count} of the claims come from pages that show no date; they sit at the bottom.",
                               undated).format(count=undated) if undated else "")
)
st.plotly_chart(ranged.figure, config=publishing.image_config(ranged, [subject]), key="range_chart", alt=ranged.alt)
publishing.tools(ranged, view.carried(subject=subject), [subject])

st.header(_("How the figure moved"))
dated = claims.filter(pl.col("published_date").is_not_null() & pl.col("in_spread")).height
st.caption(_("Each dated figure for {quantity} at the day it was published ({dated} of {count}); a triangle is "
             "an \"at least\", a bar a range.").format(quantity=quantity, dated=dated, count=claims.height))
st.plotly_chart(moved.figure, config=publishing.image_config(moved, [subject]), key="evolution_chart", alt=moved.alt)
publishing.tools(moved, view.carried(subject=subject), [subject])

st.header(_("The quotes"))
claim_cards.show(claims)
quotes = claims.select(
    "figure_text", "claimed_by", "claimant_type", "quantity", "figure_low", "figure_high",
    "outlet", "published_date", "url", "in_spread", "note", "confidence",
)
with st.expander(_("The {count} claims as a table").format(count=claims.height)):
    st.dataframe(
        quotes,
        hide_index=True,
        column_config={
            "figure_text": st.column_config.TextColumn(_("Words used"), width="medium"),
            "claimed_by": _("Who said it"),
            "claimant_type": _("Kind of claimant"),
            "quantity": _("Counting"),
            "figure_low": st.column_config.NumberColumn(_("Low")),
            "figure_high": st.column_config.NumberColumn(_("High (empty: open-ended)")),
            "outlet": _("Published by"),
            "published_date": st.column_config.DateColumn(_("Date"), format="YYYY-MM-DD"),
            "url": st.column_config.LinkColumn(_("Source"), display_text=_("read")),
            "in_spread": st.column_config.CheckboxColumn(_("In the spread")),
            "note": st.column_config.TextColumn(_("Editor's note"), width="large"),
            "confidence": _("Grade"),
        },
    )
st.download_button(
    _("Download these {count} claims as CSV").format(count=claims.height), to_csv_bytes(claims),
    file_name=chrome.download_name(f"mali-claims-{subject}"), mime="text/csv", icon=":material/download:", on_click="ignore",
)
chrome.footer()
