"""The estimates page's quotes as cards: the words used, who said them, where and when, and a
link to read it. Cards stack into one column on a phone (Streamlit's columns do), where a wide
table would be cut."""
from __future__ import annotations

import polars as pl
import streamlit as st

from mali_tracker.claim_charts import claim_date_text
from mali_tracker.markdown import plain
from mali_tracker.ui import language
from mali_tracker.ui.language import _

CARDS_PER_ROW = 3


def show(claims: pl.DataFrame) -> None:
    rows = list(claims.iter_rows(named=True))
    for start in range(0, len(rows), CARDS_PER_ROW):
        for column, claim in zip(st.columns(CARDS_PER_ROW), rows[start:start + CARDS_PER_ROW]):
            with column.container(border=True, key=f"quote_{claim['claim_id']}"):
                st.markdown(f"**“{plain(claim['figure_text'])}”**")
                lang = language.current()
                translated = claim.get(f"figure_text_{lang}") if claim.get("quote_language") != lang else None
                if translated:  # a quote stays in the language it was given in, with a translation beside it
                    st.caption(_("(translation: “{text}”)").format(text=plain(translated)))
                st.caption(f"{plain(claim['claimed_by'])} · {plain(claim['outlet'])}, "
                           f"{claim_date_text(claim, language.current())}")
                if not claim["in_spread"]:
                    st.caption(_("Counts {quantity}, so it is not in the band.").format(
                        quantity=plain(language.pick(claim, "quantity"))))
                if claim["note"]:
                    st.caption(plain(claim["note"]))
                if claim.get("confidence") == "low":
                    st.caption(":orange[" + _("Graded low:") + "] " + plain(claim.get("confidence_reason") or ""))
                if (claim["url"] or "").startswith(("https://", "http://")):
                    st.markdown(f"[{_('Read the source')}]({claim['url']})")
