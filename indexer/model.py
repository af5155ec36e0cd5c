"""The one posting model every source is parsed into and every enricher fills in.

Sources build a `Posting` from what they read (raw strings kept as found, e.g.
`location_texts`); enrichment (`indexer.enrich`) turns those into normalised fields.
Field names here are Python names; only `indexer.solr_document` spells Solr's.
"""
from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

REMOTE_VALUES = ("remote", "hybrid", "onsite", "unknown")
EMPLOYMENT_TYPES = ("full_time", "part_time", "contract", "temporary", "internship", "unknown")
SALARY_PERIODS = ("year", "month", "week", "day", "hour")


@dataclass
class Location:
    """A place a posting is in. Unknown places keep their text in `name` and nothing else."""

    name: str  # display text, e.g. "San Francisco, California, US" or the raw text if unknown
    city: str | None = None
    region: str | None = None
    country_code: str | None = None  # ISO 3166-1 alpha-2
    latitude: float | None = None
    longitude: float | None = None


@dataclass
class Salary:
    min: float | None = None
    max: float | None = None
    currency: str | None = None  # ISO 4217
    period: str | None = None  # one of SALARY_PERIODS


@dataclass
class Posting:
    source: str  # file path or URL it came from
    title: str
    source_id: str | None = None  # the id the source gives it (Ashby job id, ...)
    url: str | None = None
    apply_url: str | None = None
    company: str | None = None
    department: str | None = None
    team: str | None = None
    category: str | None = None  # canonical category (indexer.enrich.category)
    raw_category: str | None = None  # the source's own category / department label
    seniority: str | None = None
    employment_type: str | None = None  # one of EMPLOYMENT_TYPES
    raw_employment_type: str | None = None
    location_texts: list[str] = field(default_factory=list)  # as found in the source
    locations: list[Location] = field(default_factory=list)  # normalised
    remote: str = "unknown"  # one of REMOTE_VALUES
    salary: Salary | None = None
    salary_text: str | None = None  # compensation as the source words it
    posted_at: datetime | None = None  # timezone-aware UTC
    description: str = ""  # plain text
    description_html: str | None = None  # sanitised HTML
    skills: list[str] = field(default_factory=list)  # canonical skill names
    language: str | None = None  # ISO 639-1
    id: str = ""  # stable id, set by `assign_id`

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict (dates as ISO 8601), as `jobsearch parse` prints it."""
        data = dataclasses.asdict(self)
        if self.posted_at is not None:
            data["posted_at"] = self.posted_at.isoformat().replace("+00:00", "Z")
        return data


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").strip().lower())


def stable_id(posting: Posting) -> str:
    """Same posting, same id, across runs and sources.

    Keyed on the canonical URL when there is one (the same job seen in two feeds shares it),
    else on the source's own id, else on company + title + first location.
    """
    if posting.url:
        key = "url:" + re.sub(r"[?#].*$", "", posting.url.strip()).rstrip("/").lower()
    elif posting.source_id:
        key = f"src:{_norm(posting.company)}:{posting.source_id}"
    else:
        first = posting.location_texts[0] if posting.location_texts else ""
        key = f"text:{_norm(posting.company)}|{_norm(posting.title)}|{_norm(first)}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def assign_id(posting: Posting) -> Posting:
    posting.id = stable_id(posting)
    return posting
