"""Enrichment: from the raw fields a source filled to the normalised ones the index facets on."""
from __future__ import annotations

from indexer.enrich.category import categorize
from indexer.enrich.employment import normalize_employment_type
from indexer.enrich.locations import normalize_locations
from indexer.enrich.salary import parse_salary
from indexer.enrich.seniority import seniority_from_title
from indexer.enrich.skills import extract_skills
from indexer.model import Posting


def enrich(posting: Posting) -> Posting:
    """Fill locations, remote, category, seniority, employment type, salary and skills in place."""
    posting.locations, remote_hint = normalize_locations(posting.location_texts)
    if posting.remote == "unknown" and remote_hint:
        posting.remote = remote_hint
    # An ATS department is the employer's own label, a tiebreaker; a source category decides.
    raw_category = posting.raw_category if posting.raw_category != posting.department else None
    posting.category = categorize(posting.title, posting.department, raw_category)
    posting.seniority = seniority_from_title(posting.title)
    posting.employment_type = normalize_employment_type(
        posting.raw_employment_type, posting.title, posting.description)
    if posting.salary is None and posting.salary_text:
        posting.salary = parse_salary(posting.salary_text)
    posting.skills = extract_skills(posting.title, posting.description)
    return posting
