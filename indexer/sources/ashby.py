"""Ashby job-board feeds: `{"jobs": [...], "apiVersion": ...}` from the public posting API.

Company = the board name (file name or API URL segment, URL-decoded). Some scrapes store
nested values as Python-repr strings ("None", "True", "[{'location': ...}]"); those are read
with `ast.literal_eval`, never `eval`. Jobs with `isListed` explicitly false are not on the
public board: each becomes a Reject 'unlisted' so the skip is counted, not silent.
"""
from __future__ import annotations

import ast
import re
from urllib.parse import unquote

from indexer.model import SALARY_PERIODS, Posting, Salary
from indexer.sources.dates import parse_date
from indexer.sources.html_text import html_to_text
from indexer.sources.reject import Reject
from indexer.sources.sanitize import sanitize_html
from indexer.sources.schema_org import address_text

WORKPLACE_TYPES = {"remote": "remote", "hybrid": "hybrid", "onsite": "onsite", "on-site": "onsite",
                   "in office": "onsite", "inoffice": "onsite"}
REMOTE_WORDS = re.compile(r"\b(?:remote|anywhere|worldwide|global|distributed|wfh|work from home)\b", re.IGNORECASE)
# Words that name no place; a location text made only of these is "vague".
NON_PLACE_WORDS = re.compile(
    r"\b(?:remote|hybrid|on-?site|in[- ]office|office|anywhere|worldwide|global|distributed|wfh|work from home|"
    r"flexible|multiple locations|various|locations?|first|only|friendly|based|ok)\b|[\W_]+",
    re.IGNORECASE,
)
MAX_LITERAL_CHARS = 200_000
_EXTRA_NEWLINES = re.compile(r"\n{3,}")


def is_feed(doc: object) -> bool:
    if not isinstance(doc, dict) or not isinstance(doc.get("jobs"), list):
        return False
    if "apiVersion" in doc:
        return True
    return any(isinstance(job, dict) and ("jobUrl" in job or "descriptionPlain" in job) for job in doc["jobs"][:5])


def board_company(name: str) -> str | None:
    """"Forward Financing.json" -> "Forward Financing"; dots in names stay ("Jerry.ai").

    Decoded once more: a URL to a stored file is quoted twice ("Forward%2520Financing.json.gz"),
    and board names hold no literal "%".
    """
    board = unquote(re.sub(r"\.(?:json|txt)$", "", name, flags=re.IGNORECASE)).strip()
    return board or None


def parse_feed(doc: dict, source: str, company: str | None) -> list[Posting | Reject]:
    out: list[Posting | Reject] = []
    for index, job in enumerate(doc["jobs"]):
        where = f"{source}#{index}"
        if not isinstance(job, dict):
            out.append(Reject(where, "bad_record", f"job is a {type(job).__name__}, not an object"))
            continue
        if literal(job.get("isListed")) is False:
            out.append(Reject(where, "unlisted", f"isListed is false: {job.get('id')} is not on the public board"))
            continue
        title = string(job.get("title"))
        if not title:
            out.append(Reject(where, "missing_title", f"job {job.get('id')} has no title"))
            continue
        out.append(_posting(job, title, source, company))
    return out


def _posting(job: dict, title: str, source: str, company: str | None) -> Posting:
    compensation = literal(job.get("compensation"))
    compensation = compensation if isinstance(compensation, dict) else {}
    html = string(job.get("descriptionHtml"))
    plain = string(job.get("descriptionPlain"), keep_lines=True)
    return Posting(
        source=source,
        title=title,
        source_id=string(job.get("id")),
        url=string(job.get("jobUrl")),
        apply_url=string(job.get("applyUrl")),
        company=company,
        department=string(job.get("department")),
        team=string(job.get("team")),
        raw_category=string(job.get("department")),
        raw_employment_type=string(job.get("employmentType")),
        location_texts=_location_texts(job),
        remote=_remote(job),
        salary=_salary(compensation),
        salary_text=string(compensation.get("compensationTierSummary"))
        or string(compensation.get("scrapeableCompensationSalarySummary")),
        posted_at=parse_date(string(job.get("publishedAt"))),
        description=_EXTRA_NEWLINES.sub("\n\n", plain).strip() if plain else html_to_text(html or ""),
        description_html=sanitize_html(html),
    )


def literal(value: object) -> object:
    """A Python-repr string ("True", "[{'a': 1}]") as its value; anything else unchanged."""
    if not isinstance(value, str):
        return value
    stripped = value.strip()
    if stripped in ("None", "True", "False") or (stripped[:1] in "[{(" and len(stripped) <= MAX_LITERAL_CHARS):
        try:
            return ast.literal_eval(stripped)
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            return value
    return value


def string(value: object, *, keep_lines: bool = False) -> str | None:
    value = literal(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    value = "\n".join(line.rstrip() for line in value.strip().splitlines()) if keep_lines else " ".join(value.split())
    return value or None


def _location_texts(job: dict) -> list[str]:
    places = [(job.get("location"), job.get("address"))]
    secondary = literal(job.get("secondaryLocations"))
    for place in secondary if isinstance(secondary, list) else []:
        place = literal(place)
        if isinstance(place, dict):
            places.append((place.get("location"), place.get("address")))
        elif isinstance(place, str):
            places.append((place, None))
    out: list[str] = []
    for text, address in places:
        for found in _place_texts(string(text), literal(address)):
            if found not in out:
                out.append(found)
    return out


def _place_texts(text: str | None, address: object) -> list[str]:
    """The location as written, plus the address when the words name no place ("Remote", "Hybrid").

    For remote-only wording just the address's country is added: a remote job's address is
    usually the company's office, not where the work is.
    """
    postal = address.get("postalAddress") if isinstance(address, dict) else None
    postal = literal(postal)
    if not isinstance(postal, dict):
        return [text] if text else []
    if text and NON_PLACE_WORDS.sub("", text):
        return [text]
    if text and REMOTE_WORDS.search(text):
        country = string(postal.get("addressCountry"))
        return [text, country] if country else [text]
    full = address_text({k: string(v) for k, v in postal.items()})
    return [t for t in (text, full) if t]


def _remote(job: dict) -> str:
    workplace = string(job.get("workplaceType"))
    if workplace and workplace.lower() in WORKPLACE_TYPES:
        return WORKPLACE_TYPES[workplace.lower()]
    return "remote" if literal(job.get("isRemote")) is True else "unknown"


def _salary(compensation: dict) -> Salary | None:
    components = literal(compensation.get("summaryComponents"))
    components = list(components) if isinstance(components, list) else []
    tiers = literal(compensation.get("compensationTiers"))
    for tier in tiers if isinstance(tiers, list) else []:
        tier = literal(tier)
        if isinstance(tier, dict) and isinstance(literal(tier.get("components")), list):
            components.extend(literal(tier.get("components")))
    for component in components:
        component = literal(component)
        if not isinstance(component, dict) or string(component.get("compensationType")) != "Salary":
            continue
        low, high = _amount(component.get("minValue")), _amount(component.get("maxValue"))
        if low is None and high is None:
            continue
        interval = (string(component.get("interval")) or "").lower().split()
        period = interval[-1] if interval and interval[-1] in SALARY_PERIODS else None
        currency = string(component.get("currencyCode"))
        return Salary(min=low, max=high, currency=currency.upper() if currency else None, period=period)
    return None


def _amount(value: object) -> float | None:
    value = literal(value)
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        return float(value)
    except ValueError:
        return None
