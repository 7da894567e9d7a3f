"""The reader's language: `lang=` in the link, else the browser's Accept-Language, else
English; the switch in the top bar; and `_`, which every page uses for its words."""
from __future__ import annotations

import streamlit as st

from mali_tracker import i18n

LANG_PARAM = "lang"
SWITCH_KEY = "_language_switch"


def current() -> str:
    """The language of this run."""
    asked = st.query_params.get(LANG_PARAM)
    if asked in i18n.LANGUAGES:
        return asked
    return i18n.language_from_header(st.context.headers.get("Accept-Language"))


def _(text: str) -> str:
    """`text` (English, as written in the code) in the reader's language."""
    return i18n.translate(text, current())


def ngettext(singular: str, plural: str, count: int) -> str:
    return i18n.translate_plural(singular, plural, count, current())


def date(value, precision: str = "day") -> str:
    return i18n.format_date(value, current(), precision)


def number(value) -> str:
    return i18n.format_number(value, current())


def pick(row: dict, column: str) -> str:
    """A data row's text in the reader's language: `column_fr` in French where the row has
    it (imported rows have one language only), else `column`."""
    if current() != i18n.DEFAULT_LANGUAGE:
        translated = row.get(f"{column}_{current()}")
        if translated:
            return translated
    return row[column]


def _switch_to() -> None:
    chosen = st.session_state.get(SWITCH_KEY)
    if chosen in i18n.LANGUAGES:
        st.query_params[LANG_PARAM] = chosen


def switch() -> None:
    """English | Français, bound to `lang=` in the link (kept by every link the app makes)."""
    st.session_state[SWITCH_KEY] = current()
    st.segmented_control(_("Language"), list(i18n.LANGUAGES), format_func=i18n.LANGUAGES.get,
                         key=SWITCH_KEY, on_change=_switch_to, label_visibility="collapsed",
                         required=True)
