"""Text from the data shown inside Streamlit Markdown, read as written (no formatting, no maths,
no links)."""
from __future__ import annotations

import re

# Characters Markdown (and Streamlit's $…$ maths and :colour[…] directives) would act on.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")
# Streamlit's Markdown also turns bare addresses into links (http://…, www.…, a@b.c), escaped
# or not; an invisible word joiner after ':' and '@' and inside 'www.' stops that.
WORD_JOINER = "\u2060"
_AUTOLINK = re.compile(r"(?<=[:@])|(?<=\bwww)(?=\.)", re.IGNORECASE)


def plain(text: str | None) -> str:
    """`text` escaped so that Streamlit's Markdown shows it letter for letter, making no link."""
    unlinked = _AUTOLINK.sub(WORD_JOINER, " ".join((text or "").split()))
    return _SPECIAL.sub(r"\\\1", unlinked)
