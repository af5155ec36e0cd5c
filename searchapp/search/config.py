"""The one search configuration: facets, sorts, filters and every tunable limit, declared once.

The query builder, the result shaping, the HTML page, the JSON API and the OpenAPI document
all read this module; adding a facet here adds it everywhere.
"""
from __future__ import annotations

from dataclasses import dataclass

from indexer.enrich.gazetteer import gazetteer
from indexer.solr_document import F
from searchapp.search.facets import FieldFacet, PathFacet


def country_name(code: str) -> str:
    country = gazetteer().countries.get(code)
    return country.name if country else code


def labelled(names: dict[str, str]):
    """Labels for a facet of code-like values; unknown codes read as words ("full_time" -> "Full time")."""
    return lambda value: names.get(value, value.replace("_", " ").capitalize())


REMOTE_LABELS = {"remote": "Remote", "hybrid": "Hybrid", "onsite": "On-site", "unknown": "Not stated"}
SENIORITY_LABELS = {"entry": "Entry level", "mid": "Mid-level", "vp": "VP"}
EMPLOYMENT_TYPE_LABELS = {
    "full_time": "Full-time", "part_time": "Part-time", "contract": "Contract",
    "temporary": "Temporary", "internship": "Internship", "unknown": "Not stated",
}

FACETS = (
    PathFacet("location", F.LOCATION_PATH, "Location", limit=10, child_limit=10, top_label=country_name),
    FieldFacet("category", F.CATEGORY, "Category", limit=10),
    FieldFacet("skill", F.SKILLS, "Skill", limit=15, filter_box=True),
    FieldFacet("company", F.COMPANY, "Company", limit=10, filter_box=True),
    FieldFacet("remote", F.REMOTE, "Remote", limit=5, labels=labelled(REMOTE_LABELS)),
    FieldFacet("seniority", F.SENIORITY, "Seniority", limit=12, labels=labelled(SENIORITY_LABELS)),
    FieldFacet("employment_type", F.EMPLOYMENT_TYPE, "Employment type", limit=10,
               labels=labelled(EMPLOYMENT_TYPE_LABELS)),
)
FACETS_BY_KEY = {facet.key: facet for facet in FACETS}


@dataclass(frozen=True)
class Sort:
    key: str
    label: str
    solr: str


SALARY_SORT_VALUE = f"def({F.SALARY_YEARLY_MAX},def({F.SALARY_YEARLY_MIN},0))"
SORTS = (
    Sort("relevance", "Best match", f"{F.SCORE} desc,{F.POSTED_AT} desc"),
    Sort("newest", "Newest", f"{F.POSTED_AT} desc,{F.SCORE} desc"),
    Sort("salary", "Highest salary", f"{SALARY_SORT_VALUE} desc,{F.POSTED_AT} desc"),
)
SORTS_BY_KEY = {sort.key: sort for sort in SORTS}
DEFAULT_SORT = "relevance"

# paging
DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
MAX_RESULT_WINDOW = 10_000  # deepest result reachable by paging (start + rows)

# filters besides the facets
POSTED_WITHIN_CHOICES = {"1d": "Past 24 hours", "7d": "Past week", "30d": "Past month"}
MAX_POSTED_WITHIN_DAYS = 3650
MAX_SALARY = 100_000_000
DEFAULT_RADIUS_KM = 50  # also the radius of a city understood in the query text
MAX_RADIUS_KM = 20_000
RADIUS_CHOICES_KM = (10, 25, 50, 100, 250)

# user input limits
MAX_VALUES_PER_FACET = 50
MAX_VALUE_CHARS = 500
MAX_PLACE_CHARS = 200
MAX_QUERY_WORDS = 32  # words of q sent to Solr; keeps edismax far below maxBooleanClauses
MAX_QUERY_CHARS = 500
MAX_SUGGEST_CHARS = 100
SUGGEST_COUNT = 8
FACET_SEARCH_DEFAULT_LIMIT = 100
FACET_SEARCH_MAX_LIMIT = 1000

# the edismax fields a user may name in q ("title:engineer"); _query_ and the rest stay closed
USER_FIELDS = " ".join((F.TITLE, F.COMPANY, F.SKILLS, F.CATEGORY, F.DESCRIPTION))
CORRECT_BELOW = 5  # a query finding fewer postings searches its spelling correction instead, if that finds more
SENIORITY_BOOST = 10  # constant score a posting of the asked-for level adds (bq); about a title word's

RESULT_FIELDS = (
    F.ID, F.TITLE, F.COMPANY, F.LOCATION, F.REMOTE, F.CATEGORY, F.SKILLS, F.SENIORITY,
    F.EMPLOYMENT_TYPE, F.SALARY_MIN, F.SALARY_MAX, F.SALARY_CURRENCY, F.SALARY_PERIOD,
    F.SALARY_TEXT, F.POSTED_AT, F.URL,
)
JOB_FIELDS = RESULT_FIELDS + (
    F.APPLY_URL, F.DEPARTMENT, F.LOCATIONS_JSON, F.LOCATION_PATH, F.DESCRIPTION, F.DESCRIPTION_HTML,
)

# similar jobs ({!mlt}: works across shards, unlike the /mlt handler)
SIMILAR_COUNT = 5
SIMILAR_FIELDS = (F.TITLE, F.DESCRIPTION, F.SKILLS)  # skills: whole names, shared skills count
SIMILAR_MIN_TERM_FREQ = 1
SIMILAR_MIN_DOC_FREQ = 2
