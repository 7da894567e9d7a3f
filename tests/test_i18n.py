"""The French catalogue is complete and compiled; dates and numbers read the French way; the
language is chosen by the link, else the browser, and follows the reader."""
from __future__ import annotations

import datetime as dt
import gettext
import re

import polars as pl
import pytest
from babel.messages.extract import extract_from_dir, extract_python
from babel.messages.pofile import read_po

from mali_tracker import i18n, paths
from mali_tracker.vocabulary import CODED_VALUES
from tests.test_pages import open_page

PO = paths.PROJECT_ROOT / "locales" / "fr" / "LC_MESSAGES" / "messages.po"
KEYWORDS = {"_": None, "ngettext": (1, 2), "translate": None, "translate_plural": (1, 2), "N_": None}
PLACEHOLDER = re.compile(r"\{(\w*)\}")


def strings_in_code() -> set:
    found = set()
    for folder in ("pages", "mali_tracker"):
        for _file, _line, message, _comments, _context in extract_from_dir(
                paths.PROJECT_ROOT / folder, keywords=KEYWORDS):
            found.add(message if isinstance(message, str) else tuple(message))
    with open(paths.PROJECT_ROOT / "app.py", "rb") as handle:
        for _line, _function, message, _comments in extract_python(handle, KEYWORDS, [], {}):
            found.add(message if isinstance(message, str) else tuple(message))
    return found


def french() -> dict:
    with open(PO, "rb") as handle:
        return {message.id: message for message in read_po(handle) if message.id}


def test_every_string_in_the_code_has_its_french_and_nothing_is_left_fuzzy():
    catalogue = french()
    missing = sorted(str(s) for s in strings_in_code() if s not in catalogue)
    assert missing == [], f"no French for: {missing}"
    for message in catalogue.values():
        assert not message.fuzzy, message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(s.strip() for s in strings), f"empty French for {message.id!r}"


def test_translations_keep_their_placeholders():
    for message in french().values():
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for translated in strings:
            assert set(PLACEHOLDER.findall(translated)) == wanted, message.id


def test_the_compiled_catalogue_matches_the_po_file():
    with open(PO.with_suffix(".mo"), "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for message in french().values():
        if isinstance(message.id, tuple):
            assert compiled.ngettext(*message.id, 2) == message.string[-1]
        else:
            assert compiled.gettext(message.id) == message.string, message.id


def test_dates_and_numbers_the_french_way():
    day = dt.date(2025, 8, 10)
    assert i18n.format_date(day, "fr") == "10 août 2025"
    assert i18n.format_date(day, "fr", "month") == "août 2025"
    assert i18n.format_date(day, "en") == "10 Aug 2025"
    assert i18n.format_number(1_000_000, "fr") == "1\u202f000\u202f000"
    assert i18n.format_number(2.5, "fr") == "2,5"
    assert i18n.format_number(1_000_000, "en") == "1,000,000"


def test_the_browser_language_chooses_only_when_the_link_does_not():
    assert i18n.language_from_header("fr-FR,fr;q=0.9,en;q=0.8") == "fr"
    assert i18n.language_from_header("en-GB,fr;q=0.5") == "en"
    assert i18n.language_from_header("de-DE,fr;q=0.3") == "fr"
    assert i18n.language_from_header("de, es") == "en"
    assert i18n.language_from_header("fr;q=oops, en") == "en"
    assert i18n.language_from_header(None) == "en"


def rendered(app) -> str:
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error"):
        parts += [str(element.value) for element in getattr(app, kind)]
    parts += [str(metric.label) for metric in app.metric]
    parts += [link.label for link in app.get("page_link")]
    return "\n".join(parts)


def test_the_front_page_in_french_shows_no_english_interface_string():
    app = open_page("home", lang="fr")
    text = rendered(app)
    assert "Pour aller plus loin" in text and "Chronologie" in text and "Explorer les données" in text
    assert re.search(r"Du \d+ \w+ 2012 au \d+ \w+ 2026", text)
    english = [message for message in french().values()
               if isinstance(message.id, str) and message.id != message.string and len(message.id) > 12
               and "{" not in message.id]
    leaks = [message.id for message in english if message.id in text]
    assert leaks == [], leaks
    assert app.segmented_control[0].value == "fr"


# Pages whose every interface string goes through the catalogue (the rest are being converted).
FRENCH_PAGES = [
    ("timeline", {}), ("estimates", {}), ("event", {"id": "ev0303"}), ("explore", {"q": "Kidal"}),
    ("actors", {"actor": "france"}), ("timeline", {"event": "ev0303", "end": "2025-11-09"}), ("methodology", {}),
    ("home", {}),
]


@pytest.mark.parametrize(("page", "params"), FRENCH_PAGES)
def test_converted_pages_in_french_show_no_english_interface_string(page, params):
    app = open_page(page, lang="fr", **params)
    text = rendered(app) + "\n".join(str(e.label) for e in app.get("expander"))
    # Editors' notes and claimants' descriptions are English data, not interface (only titles,
    # summaries, labels, names, descriptions and quantities have their French): a string of the
    # catalogue that also occurs there ("Security source", "date not shown") is not a leak.
    data_text = " ".join(
        " ".join(str(v) for v in pl.read_csv(paths.PROJECT_ROOT / "data" / "source" / f"{name}.csv",
                                             infer_schema=False)[column].drop_nulls())
        for name, column in (("claims", "claimed_by"), ("claims", "note"), ("events", "note"),
                             ("events", "confidence_reason"), ("claims", "confidence_reason")))
    english = [message.id for message in french().values()
               if isinstance(message.id, str) and message.id != message.string and len(message.id) > 12
               and "{" not in message.id and message.id not in data_text
               and message.id not in CODED_VALUES]  # the data's own values, named as codes in the rules
    assert [m for m in english if m in text] == []
    assert not app.error


def test_english_stays_the_default_and_the_switch_writes_the_link():
    app = open_page("home")
    assert "Where to go next" in rendered(app) and "Pour aller plus loin" not in rendered(app)
    app.segmented_control[0].set_value("fr").run()
    assert app.query_params["lang"] in ("fr", ["fr"])
    assert "Pour aller plus loin" in rendered(app)


def test_a_bad_link_is_explained_in_french():
    app = open_page("timeline", lang="fr", region="Atlantis,Kidal", start="2019-02-31")
    warnings = " ".join(w.value for w in app.warning)
    assert "Valeur inconnue pour « région » dans le lien, ignorée : `Atlantis`" in warnings
    assert "`2019-02-31` n'est pas une date comme 2013-01-11" in warnings
    assert "Unknown" not in warnings and not app.error


def test_every_data_dictionary_section_the_app_shows_has_its_french():
    from mali_tracker.docs import readme_section, translated_section
    for title in ("Grades", "How figures are counted (claims)", "Coding rules", "How to cite a view",
                  "Provenance and licence", "Corrections log", "The data version (`manifest.json`)"):
        heading, body = translated_section(title, "fr")
        english = readme_section(title)
        assert heading != title and body
        # the same code spans (columns, files, values) in both: a section changed in one language
        # and not in the other shows here
        assert sorted(re.findall(r"`[^`]+`", body)) == sorted(re.findall(r"`[^`]+`", english)), title


@pytest.mark.parametrize(("page", "params"), FRENCH_PAGES)
def test_english_pages_show_no_french_interface_string(page, params):
    app = open_page(page, **params)
    text = rendered(app) + "\n".join(str(e.label) for e in app.get("expander"))
    french_strings = [message.string for message in french().values()
                      if isinstance(message.string, str) and message.string != message.id
                      and len(message.string) > 12 and "{" not in message.string]
    assert [m for m in french_strings if m in text] == []


def test_quotes_stay_as_given_with_a_translation_beside_them():
    french_page = open_page("estimates", lang="fr")
    captions = [c.value for c in french_page.caption]
    assert any(m.value == "**“at least around 20 arrests”**" for m in french_page.markdown)
    assert "(traduction : « au moins une vingtaine d'arrestations »)" in captions
    english_page = open_page("estimates")
    assert any(m.value.startswith("**“au moins une cinquantaine") for m in english_page.markdown)
    assert any(c.value.startswith("(translation: “") for c in english_page.caption)
    assert not any(c.value.startswith("(translation: “at least around 20") for c in english_page.caption)


def test_a_broken_data_file_is_explained_in_french(tmp_path, monkeypatch):
    import shutil
    for parquet in paths.DEFAULT_DATA_DIR.glob("*.parquet"):
        shutil.copy(parquet, tmp_path / parquet.name)
    (tmp_path / "events.parquet").write_bytes(b"garbage")
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path))
    app = open_page("timeline", lang="fr")
    assert app.error and app.error[0].value.startswith("La table events ne peut pas être lue")
    assert "le fichier est vide ou corrompu" in app.error[0].value
