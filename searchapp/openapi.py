"""The OpenAPI 3 document of the JSON API, built from the search configuration, so facets,
sorts and limits added there appear here too. Served at /api/v1/openapi.json."""
from __future__ import annotations

from searchapp.search import config
from searchapp.search.facets import PathFacet

TEXT = {"type": "string"}
PATH_PATTERN = r"^(0/.+|1/[^/]+/.+|2/[^/]+/[^/]+/.+)$"  # as PathFacet.validate reads location values
POSTED_WITHIN_PATTERN = r"^([1-9][0-9]{0,2}|[12][0-9]{3}|3[0-5][0-9]{2}|36[0-4][0-9]|3650)d$"  # 1d..3650d
NULLABLE_TEXT = {"type": ["string", "null"]}
TEXT_LIST = {"type": "array", "items": TEXT}


def _query(name: str, schema: dict, description: str, **extra) -> dict:
    return {"name": name, "in": "query", "required": False, "schema": schema, "description": description, **extra}


def search_parameters() -> list[dict]:
    facet_params = [
        _query(facet.key, {"type": "array", "items": {"type": "string", "maxLength": config.MAX_VALUE_CHARS,
                                                       **({"pattern": PATH_PATTERN} if isinstance(facet, PathFacet)
                                                          else {})},
                           "maxItems": config.MAX_VALUES_PER_FACET},
               f"{facet.title} filter; repeat to select several values (OR within a facet, AND across facets)."
               + (" Values are depth-prefixed paths: 0/US, 1/US/California, 2/US/California/San Francisco."
                  if isinstance(facet, PathFacet) else ""),
               style="form", explode=True)
        for facet in config.FACETS
    ]
    return [
        _query("q", TEXT, "Search text (edismax). A place it names, and a work arrangement (remote, hybrid, "
                          "onsite), become removable filters; only the first "
                          f"{config.MAX_QUERY_WORDS} words are searched. Text finding fewer than "
                          f"{config.CORRECT_BELOW} jobs is searched as its spelling correction if that "
                          "finds more (see `spelling` in the answer)."),
        *facet_params,
        _query("posted_within", {"type": "string", "pattern": POSTED_WITHIN_PATTERN},
               f"Posted within this many days, e.g. 7d (at most {config.MAX_POSTED_WITHIN_DAYS}d)."),
        _query("salary_min", {"type": "number", "minimum": 0, "maximum": config.MAX_SALARY},
               "Jobs whose yearly salary (top of the range) reaches this amount, in any currency."),
        _query("near", {"type": "string", "maxLength": config.MAX_PLACE_CHARS},
               "A place name. Cities filter by radius_km around them; regions and countries by area. "
               "An unknown place is a 400."),
        _query("radius_km", {"type": "number", "exclusiveMinimum": 0, "maximum": config.MAX_RADIUS_KM,
                             "default": config.DEFAULT_RADIUS_KM}, "Radius around `near`, in km."),
        _query("sort", {"type": "string", "enum": list(config.SORTS_BY_KEY), "default": config.DEFAULT_SORT},
               "Result order."),
        _query("page", {"type": "integer", "minimum": 1, "default": 1},
               f"Page number; page × per_page may not exceed {config.MAX_RESULT_WINDOW}."),
        _query("per_page", {"type": "integer", "minimum": 1, "maximum": config.MAX_PER_PAGE,
                            "default": config.DEFAULT_PER_PAGE}, "Results per page."),
        _query("understand", {"type": "boolean", "default": True},
               "false: do not read a place out of q (the page's 'search everywhere instead')."),
        _query("correct", {"type": "boolean", "default": True},
               "false: search q as typed, never its spelling correction (the page's 'search instead for')."),
    ]


def _object(properties: dict, required: list[str] | None = None) -> dict:
    return {"type": "object", "properties": properties, "required": required or list(properties)}


SALARY = {"type": ["object", "null"], "properties": {
    "min": {"type": ["number", "null"]}, "max": {"type": ["number", "null"]},
    "currency": NULLABLE_TEXT, "period": NULLABLE_TEXT, "text": NULLABLE_TEXT}}

JOB_SUMMARY = _object({
    "id": TEXT, "title": TEXT, "company": NULLABLE_TEXT, "locations": TEXT_LIST, "remote": NULLABLE_TEXT,
    "category": NULLABLE_TEXT, "seniority": NULLABLE_TEXT, "employment_type": NULLABLE_TEXT,
    "skills": TEXT_LIST, "salary": SALARY,
    "posted_at": {"type": ["string", "null"], "format": "date-time"},
    "url": NULLABLE_TEXT,
    "snippet": {"type": "string", "description": "In search results: HTML, text entity-encoded, matches in "
                                                 "<mark>; no other tags."},
    "links": _object({"self": TEXT}),
}, required=["id", "title", "company", "locations", "remote", "category", "seniority", "employment_type",
             "skills", "salary", "posted_at", "url", "links"])

FACET_VALUE = {
    "type": "object",
    "properties": {
        "value": TEXT, "label": TEXT, "count": {"type": "integer", "minimum": 0}, "selected": {"type": "boolean"},
        "toggle_url": {"type": "string", "description": "This search with the value selected or unselected."},
        "depth": {"type": "integer"}, "full_label": TEXT,
        "children": {"type": "array", "items": {"$ref": "#/components/schemas/FacetValue"}},
        "more": {"type": "boolean"},
    },
    "required": ["value", "label", "count", "selected", "toggle_url"],
}

FACET = _object({
    "key": TEXT, "title": TEXT, "values": {"type": "array", "items": {"$ref": "#/components/schemas/FacetValue"}},
    "more": {"type": "boolean"}, "more_url": TEXT, "filter_box": {"type": "boolean"},
})

PLACE = {"type": "object", "properties": {
    "name": TEXT, "latitude": {"type": ["number", "null"]}, "longitude": {"type": ["number", "null"]},
    "radius_km": {"type": ["number", "null"]}, "area": NULLABLE_TEXT, "label": TEXT, "words": TEXT,
    "remove_url": TEXT}}

REMOTE = _object({
    "values": {"type": "array", "items": {"type": "string", "enum": list(config.REMOTE_LABELS)}},
    "title": TEXT, "label": TEXT, "words": TEXT,
    "remove_url": {"type": "string", "description": "This search without those words and the filter."}})

SPELLING = _object({
    "corrected_from": {"type": "string", "description": "The text as typed (it found little)."},
    "query": {"type": "string", "description": "The corrected text the results are for."},
    "original_url": {"type": "string", "description": "This search for the text as typed (correct=0)."}})

SEARCH_RESPONSE = _object({
    "q": TEXT,
    "total": {"type": "integer", "minimum": 0},
    "page": {"type": "integer"}, "per_page": {"type": "integer"}, "pages": {"type": "integer"},
    "sort": TEXT,
    "results": {"type": "array", "items": {"$ref": "#/components/schemas/JobSummary"}},
    "facets": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/Facet"}},
    "filters": {"type": "array", "items": {"type": "object", "required": ["key", "title", "label", "remove_url"]}},
    "understood": {"type": ["object", "null"], "properties": {
        "text": TEXT, "place": {"oneOf": [{"type": "null"}, PLACE]},
        "remote": {"oneOf": [{"type": "null"}, REMOTE]}, "seniority": NULLABLE_TEXT}},
    "spelling": {"oneOf": [{"type": "null"}, SPELLING]},
    "spellcheck": {"type": ["object", "null"], "description": "Did you mean: a correction not searched.",
                   "properties": {"suggestion": TEXT, "hits": {"type": "integer"}, "url": TEXT}},
    "sorts": {"type": "array", "items": _object({"key": TEXT, "label": TEXT, "selected": {"type": "boolean"},
                                                 "url": TEXT})},
    "links": {"type": "object"},
    "took_ms": {"type": "number"},
    "solr_qtime_ms": {"type": ["integer", "null"]},
})

JOB_RESPONSE = _object({
    "job": {"allOf": [{"$ref": "#/components/schemas/JobSummary"}, {"type": "object", "properties": {
        "apply_url": NULLABLE_TEXT, "department": NULLABLE_TEXT, "description": TEXT,
        "description_html": {"type": ["string", "null"], "description": "Sanitised HTML."},
        "places": {"type": "array", "items": {"type": "object"}}}}]},
    "facet_links": {"type": "array", "items": _object({"facet": TEXT, "title": TEXT, "value": TEXT,
                                                       "label": TEXT, "url": TEXT})},
    "similar": {"type": "array", "items": {"$ref": "#/components/schemas/JobSummary"}},
    "schema_org": {"type": "object", "description": "schema.org JobPosting"},
    "links": {"type": "object"},
})

ERROR = {"type": "object", "properties": {"status": {"type": "integer"}, "message": TEXT, "parameter": TEXT},
         "required": ["status", "message"]}


def _responses(ok_schema: str, *errors: int) -> dict:
    described = {400: "Invalid parameter", 404: "Not found", 503: "Solr is unreachable or too slow"}
    responses = {"200": {"description": "OK", "content": {"application/json": {
        "schema": {"$ref": f"#/components/schemas/{ok_schema}"}}}}}
    for status in errors:
        responses[str(status)] = {"description": described[status], "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/Error"}}}}
    return responses


def openapi_document() -> dict:
    facet_search = [
        _query("prefix", {"type": "string", "maxLength": config.MAX_VALUE_CHARS},
               "Values starting with this text (case-sensitive; for location, a path such as 1/US/)."),
        _query("contains", {"type": "string", "maxLength": config.MAX_VALUE_CHARS},
               "Values containing this text, in any case."),
        _query("limit", {"type": "integer", "minimum": 1, "maximum": config.FACET_SEARCH_MAX_LIMIT,
                         "default": config.FACET_SEARCH_DEFAULT_LIMIT}, "How many values."),
    ]
    return {
        "openapi": "3.1.0",
        "info": {"title": "jobsearch API", "version": "1.0.0",
                 "description": "Search job postings: full text ranked by relevance, multi-select facets "
                                "(counts are each facet counted with the other facets' filters only), "
                                "geo radius, suggestions and similar jobs. Every HTML page has this JSON twin."},
        "servers": [{"url": "/api/v1"}],
        "paths": {
            "/search": {"get": {"operationId": "search", "summary": "Search jobs",
                                "parameters": search_parameters(),
                                "responses": _responses("SearchResponse", 400, 503)}},
            "/jobs/{id}": {"get": {"operationId": "job", "summary": "One job and similar jobs",
                                   "parameters": [{"name": "id", "in": "path", "required": True,
                                                   "schema": {"type": "string", "minLength": 1}}],
                                   "responses": _responses("JobResponse", 400, 404, 503)}},
            "/suggest": {"get": {"operationId": "suggest", "summary": "Autocomplete",
                                 "parameters": [_query("q", TEXT, "What the user has typed so far.")],
                                 "responses": _responses("SuggestResponse", 400, 503)}},
            "/facets/{name}": {"get": {
                "operationId": "facetValues", "summary": "Search within one facet's values",
                "parameters": [{"name": "name", "in": "path", "required": True,
                                "schema": {"type": "string", "enum": list(config.FACETS_BY_KEY)}},
                               *facet_search, *search_parameters()],
                "responses": _responses("FacetValuesResponse", 400, 404, 503)}},
            "/openapi.json": {"get": {"operationId": "openapi", "summary": "This document",
                                      "responses": {"200": {"description": "OK", "content": {
                                          "application/json": {"schema": {"type": "object"}}}}}}},
        },
        "components": {"schemas": {
            "SearchResponse": SEARCH_RESPONSE,
            "JobSummary": JOB_SUMMARY,
            "JobResponse": JOB_RESPONSE,
            "Facet": FACET,
            "FacetValue": FACET_VALUE,
            "SuggestResponse": _object({"q": TEXT, "suggestions": TEXT_LIST}),
            "FacetValuesResponse": _object({
                "facet": TEXT, "title": TEXT, "prefix": TEXT, "contains": TEXT,
                "values": {"type": "array", "items": {"$ref": "#/components/schemas/FacetValue"}},
                "links": {"type": "object"}}),
            "Error": ERROR,
        }},
    }
