"""The one HTML allow-list for descriptions shown to users (nh3, a Rust sanitiser)."""
from __future__ import annotations

import nh3

ALLOWED_TAGS = frozenset({"p", "ul", "ol", "li", "strong", "em", "b", "i", "br", "h1", "h2", "h3", "h4", "a"})
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})


def sanitize_html(markup: str | None) -> str | None:
    """Keep basic formatting and links; drop everything else (scripts, styles, attributes)."""
    if not markup or not markup.strip():
        return None
    cleaned = nh3.clean(markup, tags=set(ALLOWED_TAGS), attributes=ALLOWED_ATTRIBUTES,
                        url_schemes=set(URL_SCHEMES), link_rel="noopener noreferrer nofollow").strip()
    return cleaned or None
