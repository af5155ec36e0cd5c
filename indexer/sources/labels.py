"""Labelled fields on a page ("Job Title: ...", "Placering" / "Bagsværd, Denmark").

Works on lines of text (blocks of an HTML page, or lines of tag-stripped text). A label is a
known name followed by a colon, with the value after it or on the next line; a known name
standing alone without a colon counts only where the markup sets it apart (a heading, term or
bold text), because bare words like "Team" or "Location" are also menu entries.
The first occurrence wins: pages list "similar jobs" with the same labels further down.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from indexer.model import Posting
from indexer.sources.dates import parse_date
from indexer.sources.location_text import split_location_text

# field -> label names (lower case, English and Danish as careers pages write them)
LABELS: dict[str, tuple[str, ...]] = {
    "title": ("job title", "jobtitle", "position title", "job name", "jobtitel", "stillingsbetegnelse",
              "stilling", "title"),
    "company": ("company", "company name", "employer", "hiring organization", "hiring organisation",
                "organization", "organisation", "arbejdsgiver", "virksomhed", "firma"),
    "location": ("location", "locations", "job location", "work location", "work area", "workplace",
                 "place of work", "office location", "placering", "arbejdssted", "arbejdsområde",
                 "lokation", "sted", "beliggenhed"),
    "category": ("job category", "category", "job family", "job function", "function", "job area",
                 "occupation", "jobkategori", "kategori", "stillingskategori", "fagområde", "jobområde"),
    "employment_type": ("employment type", "type of employment", "job type", "contract type", "position type",
                        "ansættelsesform", "ansættelsestype", "ansættelsesforhold"),
    "hours": ("working hours", "weekly working hours", "work hours", "schedule", "full-time/part-time",
              "arbejdstid"),
    "posted": ("date posted", "posted", "posted on", "posting date", "published", "publication date",
               "advertisement publish date", "created", "oprettet", "indrykket", "opslået"),
    "department": ("department", "afdeling"),
    "team": ("team",),
    "salary": ("salary", "salary range", "pay", "pay range", "compensation", "løn", "lønforhold"),
    "job_id": ("job id", "job number", "vacancy number", "requisition id", "req id", "job reference",
               "stillingsnummer", "jobnummer", "sagsnummer"),
    # Ambiguous: the title on some sites, the occupation on others (Workindenmark).
    "position": ("position",),
}
_FIELD_OF = {name: field_name for field_name, names in LABELS.items() for name in names}
_WITH_COLON = re.compile(r"^([^:：]{1,40}?)\s*[:：]\s*(.*)$")
_BULLET = "-–•*·▪ \t"
MAX_VALUE_CHARS = 300
MAX_VALUE_LINES = 5


@dataclass
class Field:
    value: str
    lines: list[str]  # the value and the lines after it up to the next label (an address block)
    used: set[int] = field(default_factory=set)  # indexes of the label and value lines


def find_fields(lines: Sequence[str], labelish: Sequence[bool] | None = None) -> dict[str, Field]:
    found: dict[str, Field] = {}
    for index, line in enumerate(lines):
        parsed = _label(line, labelish[index] if labelish else False)
        if parsed is None:
            continue
        name, rest = parsed
        if name in found:
            continue
        value_index = index if rest else _value_line(lines, labelish, index + 1)
        if value_index is None:
            continue
        value = rest or lines[value_index].strip()
        if len(value) > MAX_VALUE_CHARS:
            continue
        following = _following_lines(lines, labelish, value_index + 1)
        found[name] = Field(value, [value, *following], {index, value_index})
    return found


def is_label(line: str, labelish: bool = False) -> bool:
    return _label(line, labelish) is not None


def _label(line: str, labelish: bool) -> tuple[str, str] | None:
    text = line.strip().lstrip(_BULLET).strip()
    match = _WITH_COLON.match(text)
    if match and match[1].lower() in _FIELD_OF:
        return _FIELD_OF[match[1].lower()], match[2].strip()
    if labelish and text.lower() in _FIELD_OF:
        return _FIELD_OF[text.lower()], ""
    return None


def _value_line(lines: Sequence[str], labelish: Sequence[bool] | None, start: int) -> int | None:
    if start < len(lines) and lines[start].strip() and not is_label(lines[start], bool(labelish and labelish[start])):
        return start
    return None


def _following_lines(lines: Sequence[str], labelish: Sequence[bool] | None, start: int) -> list[str]:
    out = []
    for index in range(start, min(start + MAX_VALUE_LINES - 1, len(lines))):
        if (labelish and labelish[index]) or is_label(lines[index]):
            break
        out.append(lines[index].strip())
    return out


def fill_from_fields(posting: Posting, fields: dict[str, Field]) -> Posting:
    """Set the posting's empty attributes from labelled fields (the posting's own values win)."""

    def value(name: str) -> str | None:
        return fields[name].value if name in fields else None

    posting.company = posting.company or value("company")
    if not posting.location_texts and "location" in fields:
        posting.location_texts = split_location_text(fields["location"].value)
    posting.raw_category = posting.raw_category or value("category")
    if not posting.raw_employment_type:
        parts = [v for v in (value("employment_type"), value("hours")) if v]
        posting.raw_employment_type = "; ".join(dict.fromkeys(parts)) or None
    posting.posted_at = posting.posted_at or parse_date(value("posted"))
    posting.source_id = posting.source_id or value("job_id")
    posting.department = posting.department or value("department")
    posting.team = posting.team or value("team")
    posting.salary_text = posting.salary_text or value("salary")
    return posting
