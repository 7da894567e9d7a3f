"""What kind of page a source is: Wikipedia and its copies are mirrors, not reports."""
from __future__ import annotations

from urllib.parse import urlsplit

# Wikipedia, and sites that copy its articles (a fact found only there is graded low).
MIRROR_HOSTS = (
    "wikipedia.org", "wikimili.com", "piglix.com", "frwiki.wiki", "kiwix.lema.org", "wikisum.wiki",
    "wikiwand.com", "alchetron.com", "dbpedia.org", "everybodywiki.com", "wiki2.org", "wikizero.com",
    "justapedia.org", "infogalactic.com", "military-history.fandom.com", "academic-accelerator.com",
)


def host_of(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def is_mirror(url: str) -> bool:
    """True for a Wikipedia page or one of its copies."""
    host = host_of(url)
    return any(host == mirror or host.endswith("." + mirror) for mirror in MIRROR_HOSTS)
