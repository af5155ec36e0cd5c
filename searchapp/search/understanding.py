"""Query understanding: what the words of a query say besides what to match.

- A place named in the query ("account executive london") becomes a filter the page shows
  and the user can remove (`understand=0`); the rest of the text is what Solr matches.
  Cities filter within DEFAULT_RADIUS_KM of their point, regions and countries by area.
- A seniority word ("senior", "junior") boosts postings whose seniority field says that level;
  the word stays in the text, as titles carry it too.

Kept apart from the query builder so relevance tuning can change it alone.
"""
from __future__ import annotations

import re
from collections import Counter

from indexer.enrich.locations import find_place_in_query
from indexer.enrich.seniority import SENIORITY_TERMS
from searchapp.search import config
from searchapp.search.request import PlaceFilter, Understanding

_WORD = re.compile(r"[\w+#.-]+")
_LONGEST_TERM = max((len(term.split()) for term in SENIORITY_TERMS), default=1)


def understand(text: str, places: bool = True) -> Understanding:
    """`places=False` when the user removed the understood place or chose one with `near`."""
    found = find_place_in_query(text) if places and text else None
    place = PlaceFilter.around(found[0], config.DEFAULT_RADIUS_KM) if found else None
    if place is None:
        return Understanding(text=text, seniority=seniority_in(text))
    rest = found[1]
    return Understanding(text=rest, place=place, place_words=_removed_words(text, rest),
                         seniority=seniority_in(rest))


def seniority_in(text: str) -> str | None:
    """The level named by the first seniority term in the text, longest terms first."""
    words = [w.strip(".-").casefold() for w in _WORD.findall(text)]
    for size in range(min(_LONGEST_TERM, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            level = SENIORITY_TERMS.get(" ".join(words[start:start + size]))
            if level:
                return level
    return None


def _removed_words(text: str, rest: str) -> str:
    """The words of `text` that `rest` no longer has ("in new york")."""
    left = Counter(rest.casefold().split())
    removed = []
    for word in text.split():
        if left[word.casefold()] > 0:
            left[word.casefold()] -= 1
        else:
            removed.append(word)
    return " ".join(removed)
