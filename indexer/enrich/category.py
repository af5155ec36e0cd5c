"""One canonical job category per posting, from its title, department and the source's category.

Sources label jobs their own way (659 department names in the Ashby corpus alone, Danish
occupation names on the careers pages), so the category is read mainly from the title, with
the labels as tiebreakers. The rules live in `data/categories_title_rules.tsv` and
`data/categories_label_rules.tsv`; the list and the reasoning are in docs/categories.md.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from indexer.enrich.folding import fold

DATA_DIR = Path(__file__).resolve().parents[1] / "data"

CATEGORIES = (
    "Software Engineering",
    "Machine Learning & AI",
    "Data & Analytics",
    "DevOps & Infrastructure",
    "Security",
    "QA & Testing",
    "IT & Support",
    "Hardware Engineering",
    "Product Management",
    "Design",
    "Sales",
    "Marketing",
    "Customer Success & Support",
    "Writing & Translation",
    "Operations & Logistics",
    "Finance & Accounting",
    "Legal & Compliance",
    "People & HR",
    "Healthcare & Clinical",
    "Research & Science",
    "Education",
    "Administrative",
    "Skilled Trades & Facilities",
    "Other",
)
OTHER = "Other"

# Engineering disciplines: a source's own specific category ("Technology - Software
# Development") overrules the title's reading within this family, never across it.
TECH_FAMILY = frozenset(CATEGORIES[:8])

# Where a title splits into parts read one after another: "Software Engineer, Healthcare".
_TITLE_PARTS = re.compile(r",|;|\s[-–—|/]\s|[()\[\]|:]")


@dataclass(frozen=True)
class _Rule:
    category: str
    strong: bool  # title rules: names the job; label rules: names one discipline
    pattern: re.Pattern


def categorize(title: str, department: str | None, raw_category: str | None) -> str:
    """The canonical category (one of CATEGORIES).

    `raw_category` is a category the source itself assigns (a careers page's "Job
    Category"); `department` is the team or department the posting sits in. A specific
    source category decides within the engineering family and over a generic title; the
    title decides otherwise; a department only breaks ties (a weak title such as "Senior
    Engineer" in "Hardware") or fills in when the title says nothing.
    """
    found = _title_category(title or "")
    if raw_category and department and fold(raw_category) == fold(department):
        raw_category = None  # a source that copies its department into the category field
    raw = _label_category(raw_category)
    dept = _label_category(department)
    if raw and raw.strong and (found is None or not found.strong or _same_family(raw, found)):
        return raw.category
    if found and found.strong:
        return found.category
    for label in (raw, dept):
        if label and label.strong:
            return label.category
    if found:
        return found.category
    for label in (raw, dept):
        if label:
            return label.category
    return OTHER


def _same_family(a: _Rule, b: _Rule) -> bool:
    return a.category in TECH_FAMILY and b.category in TECH_FAMILY


@functools.lru_cache(maxsize=50_000)
def _title_category(title: str) -> _Rule | None:
    parts = [fold(part) for part in _TITLE_PARTS.split(title)]
    parts = [p for p in parts if p]
    for strong in (True, False):
        for part in parts:
            for rule in _title_rules():
                if rule.strong == strong and rule.pattern.search(part):
                    return rule
    return None


@functools.lru_cache(maxsize=20_000)
def _label_category(label: str | None) -> _Rule | None:
    if not label:
        return None
    folded = fold(label)
    found = next((rule for rule in _label_rules() if rule.pattern.search(folded)), None)
    # occupation names ("Truckfører", "Adjunkt, samfundsvidenskab") read like titles
    return found or _title_category(label)


@functools.lru_cache(maxsize=1)
def _title_rules() -> tuple[_Rule, ...]:
    return _read_rules("categories_title_rules.tsv", strong_word="strong")


@functools.lru_cache(maxsize=1)
def _label_rules() -> tuple[_Rule, ...]:
    return _read_rules("categories_label_rules.tsv", strong_word="specific")


def _read_rules(file_name: str, strong_word: str) -> tuple[_Rule, ...]:
    rules = []
    for line in (DATA_DIR / file_name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        category, strength, pattern = line.split("\t")
        if category not in CATEGORIES:
            raise ValueError(f"{file_name}: unknown category {category!r}")
        # whole words, where "word" may start or end in "+" or "." ("c++", ".net")
        compiled = re.compile(rf"(?<!\w)(?:{pattern})(?!\w)")
        rules.append(_Rule(category, strength == strong_word, compiled))
    return tuple(rules)
