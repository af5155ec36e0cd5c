"""The Solr document for a posting: the only module that spells Solr field names.

Everything else (the search configuration, the API, benchmarks) refers to fields through `F`.
`solr_config/conf/schema.xml` declares them; docs/schema.md says why each exists.
"""
from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from typing import Any

from indexer.model import Location, Posting, Salary


class F:
    """Solr field names."""

    ID = "id"
    SOURCE = "source"
    SOURCE_ID = "source_id"
    URL = "url"
    APPLY_URL = "apply_url"
    INDEXED_AT = "indexed_at"
    TITLE = "title"
    TITLE_EXACT = "title_exact"
    TITLE_SHINGLE = "title_shingle"
    COMPANY = "company"
    COMPANY_TEXT = "company_text"
    DEPARTMENT = "department"
    CATEGORY = "category"
    SENIORITY = "seniority"
    EMPLOYMENT_TYPE = "employment_type"
    REMOTE = "remote"
    LANGUAGE = "language"
    SKILLS = "skills"
    SKILLS_TEXT = "skills_text"
    LOCATION = "location"
    LOCATION_TEXT = "location_text"
    CITY = "city"
    REGION = "region"
    COUNTRY = "country"
    LOCATION_PATH = "location_path"
    GEO = "geo"
    LOCATIONS_JSON = "locations_json"
    SALARY_MIN = "salary_min"
    SALARY_MAX = "salary_max"
    SALARY_CURRENCY = "salary_currency"
    SALARY_PERIOD = "salary_period"
    SALARY_YEARLY_MIN = "salary_yearly_min"
    SALARY_YEARLY_MAX = "salary_yearly_max"
    SALARY_TEXT = "salary_text"
    POSTED_AT = "posted_at"
    DESCRIPTION = "description"
    DESCRIPTION_HTML = "description_html"
    DEDUP_KEY = "dedup_key"
    SUGGEST = "suggest"
    BASELINE_TEXT = "baseline_text"
    SCORE = "score"


# How many of a period make a year: salaries are compared and sorted as yearly amounts.
PERIODS_PER_YEAR = {"year": 1, "month": 12, "week": 52, "day": 260, "hour": 2080}


def location_paths(location: Location) -> list[str]:
    """Depth-prefixed paths for drill-down: 0/US, 1/US/California, 2/US/California/San Francisco."""
    if not location.country_code:
        return []
    paths = [f"0/{location.country_code}"]
    if location.region:
        paths.append(f"1/{location.country_code}/{location.region}")
        if location.city:
            paths.append(f"2/{location.country_code}/{location.region}/{location.city}")
    return paths


def dedup_key(posting: Posting) -> str:
    """Company + title, normalised: postings that agree on both are near-duplicates."""
    words = re.sub(r"[^\w+#]+", " ", f"{posting.company or ''} | {posting.title}".lower())
    return " ".join(words.split())


def _iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _salary_fields(salary: Salary | None) -> dict[str, Any]:
    if salary is None or (salary.min is None and salary.max is None):
        return {}
    per_year = PERIODS_PER_YEAR.get(salary.period or "year", 1)
    fields = {
        F.SALARY_MIN: salary.min,
        F.SALARY_MAX: salary.max,
        F.SALARY_CURRENCY: salary.currency,
        F.SALARY_PERIOD: salary.period,
        F.SALARY_YEARLY_MIN: salary.min * per_year if salary.min is not None else None,
        F.SALARY_YEARLY_MAX: salary.max * per_year if salary.max is not None else None,
    }
    return fields


def to_solr(posting: Posting, indexed_at: datetime | None = None) -> dict[str, Any]:
    """The Solr document for an enriched posting (empty values left out)."""
    locations = posting.locations or [Location(name=text) for text in posting.location_texts]
    doc: dict[str, Any] = {
        F.ID: posting.id,
        F.SOURCE: posting.source,
        F.SOURCE_ID: posting.source_id,
        F.URL: posting.url,
        F.APPLY_URL: posting.apply_url,
        F.INDEXED_AT: _iso(indexed_at or datetime.now(timezone.utc)),
        F.TITLE: posting.title,
        F.COMPANY: posting.company,
        F.DEPARTMENT: posting.department,
        F.CATEGORY: posting.category,
        F.SENIORITY: posting.seniority,
        F.EMPLOYMENT_TYPE: posting.employment_type,
        F.REMOTE: posting.remote,
        F.LANGUAGE: posting.language,
        F.SKILLS: posting.skills,
        F.LOCATION: _unique(loc.name for loc in locations),
        F.CITY: _unique(loc.city for loc in locations),
        F.REGION: _unique(loc.region for loc in locations),
        F.COUNTRY: _unique(loc.country_code for loc in locations),
        F.LOCATION_PATH: _unique(path for loc in locations for path in location_paths(loc)),
        F.GEO: _unique(
            f"{loc.latitude},{loc.longitude}"
            for loc in locations if loc.latitude is not None and loc.longitude is not None
        ),
        F.LOCATIONS_JSON: json.dumps([loc.__dict__ for loc in locations], ensure_ascii=False),
        F.SALARY_TEXT: posting.salary_text,
        F.POSTED_AT: _iso(posting.posted_at),
        F.DESCRIPTION: posting.description,
        F.DESCRIPTION_HTML: posting.description_html,
        F.DEDUP_KEY: dedup_key(posting),
        F.SUGGEST: _unique([posting.title, posting.company, *posting.skills]),
        **_salary_fields(posting.salary),
    }
    return {key: value for key, value in doc.items() if value not in (None, "", [])}


def _unique(values) -> list:
    return list(dict.fromkeys(v for v in values if v))
