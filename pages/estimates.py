"""/estimates: how many? who says so? every reported figure, and the spread between them."""
import polars as pl
import streamlit as st

from mali_tracker import claim_charts, db
from mali_tracker.export import to_csv_bytes
from mali_tracker.filters import quoted
from mali_tracker.ui import cache, chrome, claim_cards

chrome.ensure_entrypoint()

DEFAULT_SUBJECT = "arrests_2025_plot"

st.title("Who says how many?")
try:
    subjects = cache.query("claim_subjects")
except db.DataUnavailable as exc:
    chrome.stop_on_data_problem(exc)
if subjects.height == 0:
    st.info("This data folder holds no reported figures (claims). The bundled data does: "
            "unset MALI_TRACKER_DATA to see them.")
    chrome.footer()
    chrome.end_page()

labels = dict(zip(subjects["subject"].to_list(), subjects["label"].to_list()))
default = DEFAULT_SUBJECT if DEFAULT_SUBJECT in labels else subjects["subject"][0]
if "estimates_subject" not in st.session_state:
    asked = st.query_params.get("subject")
    if asked is not None and asked not in labels:
        st.warning(f"There is no contested figure called {quoted(asked)}; showing "
                   f"{labels[default].lower()} instead.", icon=":material/link_off:")
    st.session_state["estimates_subject"] = asked if asked in labels else default
subject = st.selectbox("Contested figure", list(labels), format_func=labels.get, key="estimates_subject")
if subject == default:
    st.query_params.pop("subject", None)
else:
    st.query_params["subject"] = subject

about = subjects.filter(pl.col("subject") == subject).row(0, named=True)
quantity = about["headline_quantity"]
try:
    claims = cache.query("claims_for_subject", subject=subject)
    spread_row = cache.query("claims_spread", subject=subject).row(0, named=True)
except db.DataUnavailable as exc:
    chrome.stop_on_data_problem(exc)

sentence = claim_charts.spread_headline(spread_row, quantity)
st.text(about["description"])
st.subheader(sentence[0].upper() + sentence[1:] + ".")
undated = claims.filter(pl.col("published_date").is_null()).height
st.caption(
    "One row per claim, earliest report at the top. A dot is an exact figure, a bar a range, "
    "a dotted arrow an open-ended \"at least\". Colour says who made the claim; a hollow mark is a "
    "claim graded low (an unattributed page or a relay only). The shaded band "
    f"spans the lowest and highest figure for {quantity}; faded rows count something else and "
    "are not in the band."
    + (f" {undated} of the claims come from pages that show no date; they sit at the bottom." if undated else "")
)
st.plotly_chart(
    cache.figure("claims_range", {"subject": subject}, lambda: claim_charts.range_figure(claims, quantity)),
    config=chrome.PLOTLY_CONFIG, key="range_chart",
    alt=f"Range chart of {claims.height} reported figures about {labels[subject]}: {sentence}.",
)

st.header("How the figure moved")
dated = claims.filter(pl.col("published_date").is_not_null() & pl.col("in_spread")).height
st.caption(f"Each dated figure for {quantity} at the day it was published "
           f"({dated} of {claims.height}); a triangle is an \"at least\", a bar a range.")
st.plotly_chart(
    cache.figure("claims_evolution", {"subject": subject}, lambda: claim_charts.evolution_figure(claims, quantity)),
    config=chrome.PLOTLY_CONFIG, key="evolution_chart",
    alt=f"Reported figures for {quantity} plotted against their publication date.",
)

st.header("The quotes")
claim_cards.show(claims)
quotes = claims.select(
    "figure_text", "claimed_by", "claimant_type", "quantity", "figure_low", "figure_high",
    "outlet", "published_date", "url", "in_spread", "note", "confidence",
)
with st.expander(f"The {claims.height} claims as a table"):
    st.dataframe(
        quotes,
        hide_index=True,
        column_config={
            "figure_text": st.column_config.TextColumn("Words used", width="medium"),
            "claimed_by": "Who said it",
            "claimant_type": "Kind of claimant",
            "quantity": "Counting",
            "figure_low": st.column_config.NumberColumn("Low"),
            "figure_high": st.column_config.NumberColumn("High (empty: open-ended)"),
            "outlet": "Published by",
            "published_date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
            "url": st.column_config.LinkColumn("Source", display_text="read"),
            "in_spread": st.column_config.CheckboxColumn("In the spread"),
            "note": st.column_config.TextColumn("Editor's note", width="large"),
            "confidence": "Grade",
        },
    )
st.download_button(
    f"Download these {claims.height} claims as CSV", to_csv_bytes(claims),
    file_name=chrome.download_name(f"mali-claims-{subject}"), mime="text/csv", icon=":material/download:", on_click="ignore",
)
chrome.footer()
