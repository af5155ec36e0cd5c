"""Employment type, one of model.EMPLOYMENT_TYPES, from the source's own value, the title and text.

The source's value decides when it is known (Ashby: FullTime, PartTime, Contract, Intern,
Temporary; the Danish job board: Fuldtid, Deltid, Fastansættelse, Tidsbegrænset ansættelse);
otherwise words in the title, then in the description's first lines, do.
"""
from __future__ import annotations

import re

from indexer.enrich.folding import fold

_SOURCE_VALUES = {
    "fulltime": "full_time", "full time": "full_time", "permanent": "full_time", "regular": "full_time",
    "fuldtid": "full_time", "fastansaettelse": "full_time", "fast ansaettelse": "full_time",
    "vollzeit": "full_time", "festanstellung": "full_time", "cdi": "full_time",
    "parttime": "part_time", "part time": "part_time", "deltid": "part_time", "teilzeit": "part_time",
    "contract": "contract", "contractor": "contract", "freelance": "contract", "consultant": "contract",
    "kontrakt": "contract", "selvstaendig": "contract", "freiberuflich": "contract",
    "temporary": "temporary", "temp": "temporary", "seasonal": "temporary", "fixed term": "temporary",
    "tidsbegraenset": "temporary", "tidsbegraenset ansaettelse": "temporary", "vikariat": "temporary",
    "befristet": "temporary", "cdd": "temporary",
    "intern": "internship", "internship": "internship", "praktik": "internship",
    "praktikant": "internship", "working student": "internship", "werkstudent": "internship",
}

# Title and description words, most specific first: an "Intern" title is an internship even
# when the feed says FullTime; "part-time" beats the "full-time" some texts also mention.
_WORDS = (
    ("internship", r"\b(intern|interns|internship|co op|praktikant|praktik|werkstudent(in)?|working student)\b"),
    ("temporary", r"\b(temporary|temp|seasonal|fixed term|vikar\w*|sommervikar\w*|tidsbegraenset|befristet|summer (job|position)s?)\b"),
    ("contract", r"\b(contract(?!s| (manager|specialist|administrator|counsel|negotiat\w*|lawyer|attorney|analyst))|contractor|freelance(r)?|1099|independent contractor|selvstaendig\w*)\b"),
    ("part_time", r"\b(part time|parttime|deltid|teilzeit|weekend(arbejde| work)?|student job|studiejob)\b"),
    ("full_time", r"\b(full time|fulltime|fuldtid|vollzeit|permanent)\b"),
)
_PATTERNS = tuple((kind, re.compile(pattern)) for kind, pattern in _WORDS)


def normalize_employment_type(raw: str | None, title: str, description: str) -> str:
    """One of EMPLOYMENT_TYPES: the source's own value when it names one, except that a title
    that says intern, contract, temporary or part-time wins; else the description's first
    500 characters; else "unknown"."""
    from_title = _from_words(fold(title or ""))
    known = _SOURCE_VALUES.get(fold(raw or "").replace("_", " ").strip())
    if from_title and from_title != "full_time":
        return from_title
    if known:
        return known
    if from_title:
        return from_title
    return _from_words(fold((description or "")[:500])) or "unknown"


def _from_words(folded: str) -> str | None:
    return next((kind for kind, pattern in _PATTERNS if pattern.search(folded)), None)
