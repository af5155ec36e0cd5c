"""The Solr requests, built by pure functions from validated input (warehouse style).

Nothing here talks to Solr or reads the clock: the same input gives the same params, which
is what tests/test_query_builder.py checks. The `/search` handler in solrconfig.xml carries the
edismax defaults (qf, pf, mm, recency boost, highlighting, spellcheck); these params add the
user's text, filters, facets, sort and paging. User text reaches Solr only as `q`; every
other user value is a separate param referenced by `$name` from queries our code writes.
"""
from __future__ import annotations

import re

from indexer.solr_document import F
from searchapp.search import config
from searchapp.search.facets import FieldFacet, any_of
from searchapp.search.request import PlaceFilter, SearchRequest, Understanding


class SolrParams:
    """Request params under construction; `ref` passes a user value by reference."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []
        self._refs = 0

    def add(self, key: str, value: object) -> None:
        self.items.append((key, str(value)))

    def ref(self, value: str) -> str:
        name = f"ref{self._refs}"
        self._refs += 1
        self.add(name, value)
        return f"${name}"


def query_text(text: str) -> str:
    """The user's text as sent to Solr: at most MAX_QUERY_WORDS words and MAX_QUERY_CHARS."""
    return " ".join(text.split()[: config.MAX_QUERY_WORDS])[: config.MAX_QUERY_CHARS].strip()


def plain_words(text: str) -> str:
    """The text without query syntax, for a second try when Solr rejects the first."""
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def search_params(request: SearchRequest, understood: Understanding, near: PlaceFilter | None) -> list[tuple[str, str]]:
    """One results page: the ranked postings, facet counts, highlights and a spelling suggestion."""
    params = SolrParams()
    _add_text(params, understood)
    _add_filters(params, request, understood, near)
    params.add("start", (request.page - 1) * request.per_page)
    params.add("rows", request.per_page)
    params.add("sort", config.SORTS_BY_KEY[request.sort].solr)
    params.add("fl", ",".join(config.RESULT_FIELDS))
    params.add("hl", "true")
    params.add("hl.defaultSummary", "true")
    if understood.text:
        params.add("spellcheck", "true")
    _add_facet_basics(params)
    for facet in config.FACETS:
        facet.add_counts(request.selected(facet.key), params)
    return params.items


def facet_value_params(facet: FieldFacet, request: SearchRequest, understood: Understanding,
                       near: PlaceFilter | None, prefix: str, contains: str, limit: int) -> list[tuple[str, str]]:
    """Values of one facet matching `prefix`/`contains`, counted like the sidebar counts them."""
    params = SolrParams()
    _add_text(params, understood)
    _add_filters(params, request, understood, near)
    params.add("rows", 0)
    _add_facet_basics(params)
    facet.add_value_search(params, prefix, contains, limit)
    return params.items


def job_params(job_id: str) -> list[tuple[str, str]]:
    """Real-time get of one posting."""
    return [("id", job_id), ("fl", ",".join(config.JOB_FIELDS))]


def similar_params(job_id: str) -> list[tuple[str, str]]:
    """`{!mlt}` over title and description: works on any number of shards."""
    params = SolrParams()
    params.add("q", f"{{!mlt qf={','.join(config.SIMILAR_FIELDS)} mintf={config.SIMILAR_MIN_TERM_FREQ} "
                    f"mindf={config.SIMILAR_MIN_DOC_FREQ} v={params.ref(job_id)}}}")
    params.add("fq", f"-{{!term f={F.ID} v={params.ref(job_id)}}}")
    params.add("rows", config.SIMILAR_COUNT)
    params.add("fl", ",".join(config.RESULT_FIELDS))
    return params.items


def suggest_params(text: str) -> list[tuple[str, str]]:
    return [("suggest.q", text), ("suggest.count", str(config.SUGGEST_COUNT))]


def _add_text(params: SolrParams, understood: Understanding) -> None:
    if understood.text:
        params.add("q", understood.text)
        params.add("uf", config.USER_FIELDS)
    if understood.seniority:
        level = params.ref(understood.seniority)
        params.add("bq", f"({{!term f={F.SENIORITY} v={level}}})^={config.SENIORITY_BOOST}")


def _add_filters(params: SolrParams, request: SearchRequest, understood: Understanding,
                 near: PlaceFilter | None) -> None:
    for facet in config.FACETS:
        selected = request.selected(facet.key)
        if selected:
            params.add("fq", facet.filter(selected, params))
    if request.posted_within is not None:
        params.add("fq", f"{{!lucene tag=posted_within}}{F.POSTED_AT}:[NOW/HOUR-{request.posted_within}DAYS TO *]")
    if request.salary_min is not None:
        params.add("fq", f"{{!frange tag=salary_min l={request.salary_min!r}}}{config.SALARY_SORT_VALUE}")
    if near is not None:
        params.add("fq", place_filter(near, params, "near"))
    if understood.place is not None:
        params.add("fq", place_filter(understood.place, params, "understood_place"))
    if understood.remote:
        params.add("fq", any_of(config.FACETS_BY_KEY["remote"].field, understood.remote, params, "understood_remote"))


def place_filter(place: PlaceFilter, params: SolrParams, tag: str) -> str:
    """Within the radius of the place's point, or inside its area."""
    if place.radius_km is not None:
        return (f"{{!geofilt tag={tag} sfield={F.GEO} pt={place.latitude:.6f},{place.longitude:.6f} "
                f"d={place.radius_km!r}}}")
    return f"{{!term tag={tag} f={F.LOCATION_PATH} v={params.ref(place.path)}}}"


def _add_facet_basics(params: SolrParams) -> None:
    params.add("facet", "true")
    params.add("facet.mincount", 1)
    params.add("json.nl", "arrarr")
