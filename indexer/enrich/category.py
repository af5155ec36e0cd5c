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

# Where a title splits into parts read one after another: "Software Engineer, Healthcare",
# "Account Manager II- Test Automation" (a dash with a space on one side, not "Mid-Market").
_TITLE_PARTS = re.compile(r",|;|\s[-–—|/]\s|\s[-–—]|[-–—]\s|[()\[\]|:]")

# A title part headed by a leader ("VP of People", "Chief Design Officer", "Director, Design",
# "Research Manager"): its field words name the function led, so they count as strong. "Lead"
# only at the end: "Lead Product Engineer" is an engineer.
_LEADER_FIRST = r"head|chief|vp|svp|evp|avp|vice president|directors?|managers?|mgr"
_LEADER_LAST = r"head|directors?|managers?|mgr|leads?|leader|officer|vp|president"
_LEADER = re.compile(rf"^(\w+ ){{0,2}}({_LEADER_FIRST})\b|\b({_LEADER_LAST})$")

# Where a title part's head ends and a phrase qualifying it begins: "Professor in Statistics",
# "Recruiter for Sales", "Executive Assistant to the CEO".
_COMPLEMENT = re.compile(r"(?<!\bgo) (in|for|with|at|to|on|til|med) ")  # not "go to market"


@dataclass(frozen=True)
class _Rule:
    category: str
    strength: str  # title rules: strong, field, generic or weak; label rules: specific or generic
    pattern: re.Pattern
    starts: re.Pattern  # every place a match starts, overlaps included


@dataclass(frozen=True)
class _Reading:
    """What a title or label says: a category, and whether it names the job (or one discipline)."""
    category: str
    strong: bool


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


def _same_family(a: _Reading, b: _Reading) -> bool:
    return a.category in TECH_FAMILY and b.category in TECH_FAMILY


@functools.lru_cache(maxsize=50_000)
def _title_category(title: str) -> _Reading | None:
    parts = [fold(part) for part in _TITLE_PARTS.split(title)]
    parts = [p for p in parts if p]
    tiers = _title_tiers()
    # Strong readings, part by part: job and discipline words; then field words, in a leader's
    # part and the parts after it ("Director, Design"); then job nouns of no field ("Technician").
    led = False
    for part in parts:
        led = led or bool(_LEADER.search(part))
        for strength in ("strong", "field", "generic") if led else ("strong", "generic"):
            if found := _head_match(part, tiers[strength]):
                return _Reading(found.category, strong=True)
    # Weak readings, in file order: domain words before the generic job nouns they qualify
    # ("AI Engineer").
    for part in parts:
        if found := next((rule for rule in tiers["weak"] if rule.pattern.search(part)), None):
            return _Reading(found.category, strong=False)
    return None


def _head_match(part: str, rules: tuple[_Rule, ...]) -> _Rule | None:
    """The rule that matches the part's head. English titles end in their head noun, so the
    match that ends last wins ("Commercial Counsel" is a lawyer, "GTM Recruiter" a recruiter),
    unless it only qualifies the head from behind a preposition ("Professor in Statistics");
    at the same end the longer one ("Data Center Operations" over "Operations"), then the
    first in the file."""
    complement = _COMPLEMENT.search(part)
    head_end = complement.start() if complement else len(part)
    word_ends = sorted({m.end() for m in re.finditer(r"\w+|\S+", part)}, reverse=True)
    best, best_key = None, None
    for order, rule in enumerate(rules):
        for hit in rule.starts.finditer(part):
            start, end = hit.span(1)
            # the longest alternative from this start ("ml ops", not "ml")
            end = next((e for e in word_ends if e > end and rule.pattern.fullmatch(part, start, e)), end)
            key = (start < head_end, end, -start, -order)
            if best_key is None or key > best_key:
                best, best_key = rule, key
    return best


@functools.lru_cache(maxsize=20_000)
def _label_category(label: str | None) -> _Reading | None:
    if not label:
        return None
    folded = fold(label)
    found = next((rule for rule in _label_rules() if rule.pattern.search(folded)), None)
    if found:
        return _Reading(found.category, found.strength == "specific")
    # occupation names ("Truckfører", "Adjunkt, samfundsvidenskab") read like titles
    return _title_category(label)


@functools.lru_cache(maxsize=1)
def _title_tiers() -> dict[str, tuple[_Rule, ...]]:
    """Title rules by strength; "weak" also holds the field rules (weak outside a leader's title)."""
    rules = _read_rules("categories_title_rules.tsv", strengths=("strong", "field", "generic", "weak"))
    tiers = {strength: tuple(rule for rule in rules if rule.strength == strength)
             for strength in ("strong", "field", "generic")}
    tiers["weak"] = tuple(rule for rule in rules if rule.strength in ("field", "weak"))
    return tiers


@functools.lru_cache(maxsize=1)
def _label_rules() -> tuple[_Rule, ...]:
    return _read_rules("categories_label_rules.tsv", strengths=("specific", "generic"))


def _read_rules(file_name: str, strengths: tuple[str, ...]) -> tuple[_Rule, ...]:
    rules = []
    for line in (DATA_DIR / file_name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        category, strength, pattern = line.split("\t")
        if category not in CATEGORIES:
            raise ValueError(f"{file_name}: unknown category {category!r}")
        if strength not in strengths:
            raise ValueError(f"{file_name}: unknown strength {strength!r}")
        # whole words, where "word" may start or end in "+" or "." ("c++", ".net")
        whole_words = rf"(?<!\w)(?:{pattern})(?!\w)"
        rules.append(_Rule(category, strength, re.compile(whole_words), re.compile(rf"(?=({whole_words}))")))
    return tuple(rules)
