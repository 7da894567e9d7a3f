"""The interface's two languages: the catalogue (gettext, compiled from locales/fr/*.po by
Babel), and dates and numbers written the way each language writes them. No Streamlit here:
ui/language.py picks the reader's language; chart builders can take a language too.

English is the source language: the strings in the code are English, and a French reader
gets their translation from locales/fr/LC_MESSAGES/messages.mo. How to add or change a
string: locales/README.md.
"""
from __future__ import annotations

import datetime as dt
import functools
import gettext

from babel.dates import format_date as babel_date
from babel.numbers import format_decimal

from mali_tracker import paths

LANGUAGES = {"en": "English", "fr": "Français"}
DEFAULT_LANGUAGE = "en"
LOCALE_DIR = paths.PROJECT_ROOT / "locales"
DOMAIN = "messages"
# Dates as precise as the source allows (format_event_date): day, month or year.
DATE_PATTERNS = {
    "en": {"day": "d MMM y", "month": "MMM y", "year": "y", "long": "d MMMM y"},
    "fr": {"day": "d MMMM y", "month": "MMMM y", "year": "y", "long": "d MMMM y"},
}


@functools.cache
def catalogue(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue for `lang` (English: the strings as written)."""
    if lang == DEFAULT_LANGUAGE or lang not in LANGUAGES:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang])


def translate(text: str, lang: str) -> str:
    return catalogue(lang).gettext(text)


def translate_plural(singular: str, plural: str, count: int, lang: str) -> str:
    return catalogue(lang).ngettext(singular, plural, count)


def format_date(date: dt.date | None, lang: str, precision: str = "day") -> str:
    """'10 Aug 2025' / '10 août 2025'; 'Aug 2025' / 'août 2025' for a month-precise date."""
    if date is None:
        return translate("date unknown", lang)
    pattern = DATE_PATTERNS.get(lang, DATE_PATTERNS["en"]).get(precision or "day", "d MMM y")
    return babel_date(date, pattern, locale=lang if lang in LANGUAGES else DEFAULT_LANGUAGE)


def format_number(value: float | int, lang: str) -> str:
    """'1,000,000' / '1 000 000' (narrow no-break spaces), '2.5' / '2,5'."""
    return format_decimal(value, locale=lang if lang in LANGUAGES else DEFAULT_LANGUAGE)


def plotly_separators(lang: str) -> str:
    """Plotly's `separators` layout setting (decimal mark, then thousands separator) for `lang`:
    '.,' in English, ',' and a narrow no-break space in French."""
    return format_number(1000.5, lang)[-2] + format_number(1000, lang)[1]


def language_from_header(accept_language: str | None) -> str:
    """The reader's first choice among our languages in an Accept-Language header, else English."""
    choices = []
    for position, part in enumerate((accept_language or "").split(",")):
        tag, _, weight = part.strip().partition(";q=")
        try:
            quality = float(weight) if weight else 1.0
        except ValueError:
            continue
        choices.append((-quality, position, tag.split("-")[0].strip().lower()))
    for _quality, _position, lang in sorted(choices):
        if lang in LANGUAGES:
            return lang
    return DEFAULT_LANGUAGE
