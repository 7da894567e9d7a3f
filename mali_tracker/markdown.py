"""Text from the data shown inside Streamlit Markdown, read as written (no formatting, no maths)."""
from __future__ import annotations

import re

# Characters Markdown (and Streamlit's $…$ maths and :colour[…] directives) would act on.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")


def plain(text: str | None) -> str:
    """`text` escaped so that Streamlit's Markdown shows it letter for letter."""
    return _SPECIAL.sub(r"\\\1", " ".join((text or "").split()))
