"""Flat records (a CSV row, a JSON Lines object, an item of a JSON list) as Postings.

A key maps to a Posting field when it equals, ignoring case and punctuation, the field's name
or an alias below ("Job Title", "job_title", "jobTitle" all give `title`); the first alias
present with a value wins. Unknown keys are ignored. The full table is in docs/sources.md.
Enriched fields are not taken as canonical: `category` and `employment_type` land in
`raw_category` / `raw_employment_type`, `locations` in `location_texts`, `id` in `source_id`.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone

from indexer.model import SALARY_PERIODS, Posting, Salary
from indexer.sources.dates import parse_date
from indexer.sources.html_text import html_to_text
from indexer.sources.location_text import split_location_text
from indexer.sources.reject import MissingTitle, Reject
from indexer.sources.sanitize import sanitize_html
from indexer.sources.schema_org import address_text, language_code, posting_from_schema, text
from indexer.sources.structured_data import schema_type

ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "job_title", "position_title", "position", "role", "job_name", "headline",
              "job_headline", "name"),
    "company": ("company", "company_name", "employer", "employer_name", "organization", "organisation",
                "hiring_organization", "hiring_org_name", "hiringorgname"),
    "location_texts": ("location_texts", "locations", "location", "job_location", "work_location", "workplace",
                       "offices", "office"),
    "source_id": ("source_id", "id", "job_id", "external_id", "requisition_id", "req_id"),
    "url": ("url", "job_url", "posting_url", "link", "permalink", "href"),
    "apply_url": ("apply_url", "application_url", "apply_link"),
    "department": ("department", "dept"),
    "team": ("team",),
    "raw_category": ("raw_category", "category", "job_category", "function", "job_function", "occupation",
                     "occupational_category", "industry"),
    "raw_employment_type": ("raw_employment_type", "employment_type", "job_type", "contract_type",
                            "commitment", "working_hours"),
    "remote": ("remote", "is_remote", "workplace_type", "remote_type", "location_type", "job_location_type"),
    "salary_text": ("salary_text", "salary", "compensation", "pay", "salary_range", "pay_range"),
    "salary_min": ("salary_min", "min_salary", "salary_from", "pay_min"),
    "salary_max": ("salary_max", "max_salary", "salary_to", "pay_max"),
    "salary_currency": ("salary_currency", "currency", "currency_code"),
    "salary_period": ("salary_period", "salary_interval", "pay_period"),
    "posted_at": ("posted_at", "date_posted", "published_at", "posted", "posting_date", "published",
                  "created_at", "date"),
    "description": ("description", "description_text", "description_plain", "body", "text", "content"),
    "description_html": ("description_html", "html"),
    "language": ("language", "lang", "in_language"),
    "seniority": ("seniority", "seniority_level", "experience_level"),
    "skills": ("skills",),
    "city": ("city", "address_locality"),
    "region": ("region", "state", "address_region"),
    "country": ("country", "country_code", "address_country"),
}
REMOTE_VALUES = {"true": "remote", "yes": "remote", "1": "remote", "remote": "remote", "fully remote": "remote",
                 "telecommute": "remote", "hybrid": "hybrid", "onsite": "onsite", "on-site": "onsite",
                 "on site": "onsite", "office": "onsite", "in office": "onsite", "in-office": "onsite"}
HTML_TAG = re.compile(r"<(?:p|div|br|ul|ol|li|h[1-6]|strong|b|em|i|span|a)\b[^>]*>", re.IGNORECASE)
MAX_EPOCH_SECONDS = 10**11  # beyond this a number is epoch milliseconds


def key(name: object) -> str:
    return re.sub(r"[^a-z0-9]", "", str(name).lower())


_FIELD_KEYS = {field: tuple(key(alias) for alias in aliases) for field, aliases in ALIASES.items()}
KNOWN_KEYS = frozenset(k for keys in _FIELD_KEYS.values() for k in keys)


def looks_like_record(obj: object) -> bool:
    return isinstance(obj, dict) and any(key(k) in KNOWN_KEYS for k in obj)


def posting_or_reject(obj: dict, source: str, where: str) -> Posting | Reject:
    """One record of either flat shape: a schema.org JobPosting or a plain record."""
    try:
        if "JobPosting" in schema_type(obj):
            return posting_from_schema(obj, source)
        return posting_from_record(obj, source)
    except MissingTitle as error:
        return Reject(where, "missing_title", str(error))


def posting_from_record(record: dict, source: str) -> Posting:
    """Raises MissingTitle when no title column has a value."""
    values = {key(k): v for k, v in record.items() if k is not None and not _empty(v)}

    def get(field: str) -> object:
        return next((values[k] for k in _FIELD_KEYS[field] if k in values), None)

    title = text(get("title"))
    if not title:
        raise MissingTitle("no title (accepted: " + ", ".join(ALIASES["title"]) + ")")
    description, description_html = _description(get("description"), get("description_html"))
    salary_value = get("salary_text")
    return Posting(
        source=source,
        title=title,
        source_id=text(get("source_id")),
        url=text(get("url")),
        apply_url=text(get("apply_url")),
        company=text(get("company")),
        department=text(get("department")),
        team=text(get("team")),
        raw_category=text(get("raw_category")),
        raw_employment_type=_joined(get("raw_employment_type")),
        seniority=text(get("seniority")),
        location_texts=_locations(get("location_texts"), get("city"), get("region"), get("country")),
        remote=_remote(get("remote")),
        salary=_salary(salary_value, get),
        salary_text=text(salary_value) if not isinstance(salary_value, dict) else None,
        posted_at=_date(get("posted_at")),
        description=description,
        description_html=description_html,
        skills=_list(get("skills")),
        language=language_code(get("language")),
    )


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value in ([], {})


def _description(plain: object, markup: object) -> tuple[str, str | None]:
    plain = plain if isinstance(plain, str) else None
    markup = markup if isinstance(markup, str) else None
    if plain and not markup and HTML_TAG.search(plain):
        plain, markup = None, plain
    text_ = plain.strip() if plain else html_to_text(markup or "")
    return text_, sanitize_html(markup)


def _locations(value: object, city: object, region: object, country: object) -> list[str]:
    items = value if isinstance(value, list) else [value] if value is not None else []
    out: list[str] = []
    for item in items:
        if isinstance(item, dict):
            found = address_text(item.get("address", item)) or text(item.get("location"))
            out.extend([found] if found else [])
        elif isinstance(item, str):
            out.extend(split_location_text(item))
    if not out:
        parts = [p for p in (text(city), text(region), text(country)) if p]
        out = [", ".join(parts)] if parts else []
    return list(dict.fromkeys(out))


def _remote(value: object) -> str:
    if value is True:
        return "remote"
    return REMOTE_VALUES.get(str(value).strip().lower(), "unknown") if isinstance(value, str) else "unknown"


def _salary(value: object, get) -> Salary | None:
    if isinstance(value, dict):
        nested = {key(k): v for k, v in value.items()}
        low = _number(nested.get("min", nested.get("minvalue")))
        high = _number(nested.get("max", nested.get("maxvalue")))
        currency = nested.get("currency") or nested.get("currencycode")
        period = nested.get("period") or nested.get("interval")
    else:
        low, high = _number(get("salary_min")), _number(get("salary_max"))
        currency, period = get("salary_currency"), get("salary_period")
    if low is None and high is None:
        return None
    period = str(period or "").strip().lower().removeprefix("per ").removeprefix("1 ")
    period = {"yearly": "year", "annual": "year", "monthly": "month", "weekly": "week", "daily": "day",
              "hourly": "hour"}.get(period, period)
    return Salary(min=low, max=high, currency=str(currency).upper() if currency else None,
                  period=period if period in SALARY_PERIODS else None)


def _number(value: object) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return float(str(value).replace(",", "").strip())
    except ValueError:
        return None


def _date(value: object) -> datetime | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > MAX_EPOCH_SECONDS else value
        try:
            return datetime.fromtimestamp(seconds, tz=timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
    return parse_date(text(value))


def _list(value: object) -> list[str]:
    if isinstance(value, list):
        return [t for v in value if (t := text(v))]
    if isinstance(value, str):
        return [p.strip() for p in re.split(r"[,;|]", value) if p.strip()]
    return []


def _joined(value: object) -> str | None:
    if isinstance(value, list):
        return ", ".join(t for v in value if (t := text(v))) or None
    return text(value)
