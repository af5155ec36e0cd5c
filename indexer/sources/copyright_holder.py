"""The company named in a page's copyright line, a last resort when nothing else names it."""
from __future__ import annotations

import re
from collections import Counter

# "© [Copyright] [2000-2015] Holder"; the words "(c)" and "Copyright" only count before a year,
# so a legal reference like "41 CFR 60-1.35(c)" is not taken for a copyright line.
COPYRIGHT = re.compile(
    r"(?:©\s*(?:copyright\s*)?|(?:(?<![\w.])\(c\)|\bcopyright\b)\s*(?:©\s*)?(?=\d{4}))"
    r"(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(.+)$",
    re.IGNORECASE | re.MULTILINE,
)
ALL_RIGHTS = re.compile(r"[.,]?\s*all rights reserved.*$", re.IGNORECASE)
DOMAIN = re.compile(r"^([a-z0-9][a-z0-9-]*)\.(?:com|net|org|io|co|dk|de|se|no|fi|uk|eu|ai)\b", re.IGNORECASE)
MAX_WORDS = 8


def copyright_holder(page_text: str) -> str | None:
    """"© 2021 Novo Nordisk A/S" -> "Novo Nordisk A/S"; a domain ("© salesforce.com, inc.") -> the
    name as the page spells it elsewhere ("Salesforce")."""
    for match in COPYRIGHT.finditer(page_text):
        holder = ALL_RIGHTS.sub("", " ".join(match[1].split()[:MAX_WORDS]))
        holder = holder.split("|")[0].strip(" .,")
        if holder and any(char.isalpha() for char in holder):
            return _spelled_as_on_page(holder, page_text)
    return None


def _spelled_as_on_page(holder: str, page_text: str) -> str:
    domain = DOMAIN.match(holder)
    if not domain:
        return holder
    spellings = Counter(re.findall(r"\b" + re.escape(domain[1]) + r"\b", page_text, flags=re.IGNORECASE))
    capitalised = [spelling for spelling, _ in spellings.most_common() if spelling[:1].isupper()]
    return capitalised[0] if capitalised else domain[1].capitalize()
