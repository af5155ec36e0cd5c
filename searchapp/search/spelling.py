"""Spelling: Solr's collation of the query text, read as a "did you mean" suggestion or, when the
query finds little, as the correction the service searches instead ("pyhton developer" ->
"python developer"; `correct=0` searches the text as typed).

The `/search` handler's spellcheck tries its candidates against the index with the same filters
(`spellcheck.maxCollationTries`) and reports the hits of the one it keeps
(`spellcheck.collateExtendedResults`), so a collation always finds something.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from searchapp.search import config
from searchapp.search.request import Understanding


@dataclass(frozen=True)
class Collation:
    text: str  # the searched text, corrected
    hits: int
    corrections: tuple[tuple[str, str], ...]  # (misspelled word, its correction)


def collation_in(body: dict) -> Collation | None:
    """The collation of a /search answer (requested with json.nl=arrarr), if any."""
    for name, found in body.get("spellcheck", {}).get("collations", []):
        if name == "collation":
            corrections = tuple((wrong, right) for wrong, right in found.get("misspellingsAndCorrections", []))
            return Collation(found["collationQuery"], int(found.get("hits", 0)), corrections)
    return None


def finds_more(collation: Collation | None, total: int) -> bool:
    return collation is not None and collation.hits > total


def worth_correcting(collation: Collation | None, total: int) -> bool:
    """Correct only a query that finds little, and only into one that finds more."""
    return total < config.CORRECT_BELOW and finds_more(collation, total)


def corrected_query(q: str, collation: Collation, understood: Understanding) -> str:
    """The user's whole query with each misspelled word replaced, so the words understanding took
    out (a place, a work arrangement) stay where they were; failing that, the collation followed
    by those words."""
    by_collation = " ".join(filter(None, (collation.text, understood.remote_words, understood.place_words)))
    fixed = q
    for wrong, right in collation.corrections:
        fixed, found = re.subn(rf"(?<!\w){re.escape(wrong)}(?!\w)", lambda _: right, fixed, count=1,
                               flags=re.IGNORECASE)
        if not found:
            return by_collation
    return fixed if collation.corrections else by_collation
