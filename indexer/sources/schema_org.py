"""A schema.org JobPosting (from JSON-LD, microdata or a JSON file) as a Posting.

Values come in every shape schema.org allows: a string or an object for hiringOrganization,
one Place or a list for jobLocation, a number or a QuantitativeValue for baseSalary.
"""
from __future__ import annotations

import html

from indexer.model import Posting, Salary
from indexer.sources.dates import parse_date
from indexer.sources.html_text import html_to_text
from indexer.sources.reject import MissingTitle
from indexer.sources.sanitize import sanitize_html

PERIODS = {"HOUR": "hour", "DAY": "day", "WEEK": "week", "MONTH": "month", "YEAR": "year"}


def text(value: object) -> str | None:
    """A plain string from a schema.org value (a string, a number, or an object's name)."""
    if isinstance(value, list):
        value = next((v for v in value if v not in (None, "", [], {})), None)
    if isinstance(value, dict):
        value = value.get("name") or value.get("value") or value.get("@value")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    cleaned = " ".join(html.unescape(value).split())
    return cleaned or None


def posting_from_schema(obj: dict, source: str) -> Posting:
    """Raises MissingTitle when the posting has no title."""
    title = text(obj.get("title")) or text(obj.get("name"))
    if not title:
        raise MissingTitle("JobPosting without title or name")
    description = obj.get("description") if isinstance(obj.get("description"), str) else ""
    is_html = "<" in description and ">" in description
    remote = "remote" if str(obj.get("jobLocationType", "")).upper() == "TELECOMMUTE" else "unknown"
    return Posting(
        source=source,
        title=title,
        source_id=text(obj.get("identifier")),
        url=text(obj.get("url")),
        company=text(obj.get("hiringOrganization")),
        raw_category=text(obj.get("occupationalCategory")) or text(obj.get("industry")),
        raw_employment_type=_joined(obj.get("employmentType")),
        location_texts=location_texts(obj),
        remote=remote,
        salary=_salary(obj.get("baseSalary")),
        posted_at=parse_date(obj.get("datePosted")),
        description=html_to_text(description) if is_html else html_to_text(html.unescape(description)),
        description_html=sanitize_html(description) if is_html else None,
        language=language_code(obj.get("inLanguage")),
    )


def location_texts(obj: dict) -> list[str]:
    places = obj.get("jobLocation") or []
    out = [t for place in (places if isinstance(places, list) else [places]) if (t := _place_text(place))]
    required = obj.get("applicantLocationRequirements") or []
    for area in required if isinstance(required, list) else [required]:
        name = text(area)
        if name and name not in out:
            out.append(name)
    return out


def address_text(address: object) -> str | None:
    """"Locality, Region, Country" of a PostalAddress; its street address if that is all there is."""
    if not isinstance(address, dict):
        return text(address)
    parts = [text(address.get(key)) for key in ("addressLocality", "addressRegion", "addressCountry")]
    parts = [p for p in parts if p]
    if parts:
        return ", ".join(dict.fromkeys(parts))
    return text(address.get("streetAddress"))


def _place_text(place: object) -> str | None:
    if not isinstance(place, dict):
        return text(place)
    address = place.get("address")
    if isinstance(address, list):
        address = address[0] if address else None
    return address_text(address) if address else text(place.get("name"))


def _joined(value: object) -> str | None:
    values = value if isinstance(value, list) else [value]
    parts = [t for v in values if (t := text(v))]
    return ", ".join(parts) or None


def _salary(value: object) -> Salary | None:
    if not isinstance(value, dict):
        return None
    amount = value.get("value")
    unit = value.get("unitText")
    if isinstance(amount, dict):
        unit = amount.get("unitText") or unit
        low, high = _number(amount.get("minValue")), _number(amount.get("maxValue"))
        if low is None and high is None:
            low = high = _number(amount.get("value"))
    else:
        low = high = _number(amount)
    if low is None and high is None:
        return None
    currency = text(value.get("currency"))
    return Salary(min=low, max=high, currency=currency.upper() if currency else None,
                  period=PERIODS.get(str(unit or "").upper()))


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.replace(",", "").strip())
        except ValueError:
            return None
    return None


def language_code(value: object) -> str | None:
    code = text(value)
    if not code:
        return None
    primary = code.replace("_", "-").split("-")[0].lower()
    return primary if len(primary) == 2 and primary.isalpha() else None
