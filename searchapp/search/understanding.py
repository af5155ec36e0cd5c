"""Query understanding: what the words of a query say besides what to match.

- A place named in the query ("account executive london") becomes a filter the page shows
  and the user can remove (`understand=0`); the rest of the text is what Solr matches.
  Cities filter within DEFAULT_RADIUS_KM of their point, regions and countries by area.
- A work arrangement ("backend engineer remote", "hybrid", "onsite", "on-site") becomes the
  `remote` filter, shown and removable like a place; the user's own remote filter wins. Its
  words are never searched as text, so the remote facet's counts are what clicking them gives.
- A seniority word ("senior", "junior") boosts postings whose seniority field says that level;
  the word stays in the text, as titles carry it too.

Kept apart from the query builder so relevance tuning can change it alone.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from indexer.enrich.locations import find_place_in_query
from indexer.enrich.seniority import SENIORITY_TERMS
from searchapp.search import config
from searchapp.search.request import PlaceFilter, Understanding

_WORD = re.compile(r"[\w+#.-]+")
_LONGEST_TERM = max((len(term.split()) for term in SENIORITY_TERMS), default=1)

# remote facet value -> the words that ask for it; a word joined to another by a hyphen
# ("remote-first", "non-remote") or naming a thing ("remote sensing", "hybrid cloud") is text
_WORK_MODES = {
    "remote": r"(?:fully\s+|100%\s*)?remote(?:ly)?|work\s+from\s+home|wfh",
    "hybrid": r"hybrid",
    "onsite": r"on[-\s]?site|in[-\s]office",
}
_NOT_A_WORK_MODE_BEFORE = r"sensing|monitoring|control|pilots?|cloud|vehicles?|apps?|mobile|systems?"
_WORK_MODE = re.compile(
    r"(?<![\w-])(?:" + "|".join(f"(?P<{mode}>{words})" for mode, words in _WORK_MODES.items())
    + rf")(?![\w-])(?!\s+(?:{_NOT_A_WORK_MODE_BEFORE})\b)", re.IGNORECASE)


def understand(text: str, places: bool = True, remote: bool = True) -> Understanding:
    """`places=False` when the user removed the understood place or chose one with `near`;
    `remote=False` when the user filters the remote facet already (its words are still dropped)."""
    modes, words, text = work_modes_in(text)
    understood = Understanding(text=text, remote=modes if remote else (), remote_words=words)
    found = find_place_in_query(text) if places and text else None
    place = PlaceFilter.around(found[0], config.DEFAULT_RADIUS_KM) if found else None
    if place is not None:
        rest = found[1]
        understood = replace(understood, text=rest, place=place, place_words=_removed_words(text, rest))
    return replace(understood, seniority=seniority_in(understood.text))


def work_modes_in(text: str) -> tuple[tuple[str, ...], str, str]:
    """The remote facet values the text asks for, the words that asked, and the text without them."""
    matches = list(_WORK_MODE.finditer(text))
    modes = tuple(dict.fromkeys(match.lastgroup for match in matches))
    words = " ".join(" ".join(match.group().split()) for match in matches)
    return modes, words, without_work_modes(text)


def without_work_modes(text: str) -> str:
    """The text with its work-arrangement words taken out ("backend engineer remote" -> "backend engineer")."""
    return " ".join(_WORK_MODE.sub(" ", text).split())


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
