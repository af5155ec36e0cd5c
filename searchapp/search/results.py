"""Solr's answers shaped into the plain data dicts that both the HTML pages and the JSON API
render (datasette style: every page is a template over the same dict its JSON twin returns).

Every URL in a dict comes from a `Links`, so the page's links lead to pages and the JSON's
links to JSON. Text fields are left as text (templates escape them); the only HTML is
`snippet` (Solr's html-encoded highlight, re-cleaned to allow `<mark>` alone) and
`description_html` (re-sanitised with nh3).
"""
from __future__ import annotations

import json
import math
from dataclasses import replace
from typing import Protocol

import nh3

from indexer.model import Location
from indexer.solr_document import F
from searchapp.search import config, spelling
from searchapp.search.facets import FacetCounts, Toggle
from searchapp.search.request import PlaceFilter, SearchRequest, Understanding
from searchapp.search.understanding import without_work_modes

# built once: nh3.clean would build its sanitizer again for each of a page's ~30 passages
DESCRIPTION_CLEANER = nh3.Cleaner(tags=nh3.ALLOWED_TAGS - {"img"})  # no third-party images (tracking pixels)
SNIPPET_CLEANER = nh3.Cleaner(tags={"mark"}, attributes={})


class Links(Protocol):
    def search(self, request: SearchRequest) -> str: ...

    def facet_toggle(self, request: SearchRequest, key: str) -> Toggle: ...

    def job(self, job_id: str) -> str: ...

    def facet_values(self, key: str, request: SearchRequest) -> str: ...


def search_page(asked: SearchRequest, request: SearchRequest, understood: Understanding, near: PlaceFilter | None,
                body: dict, links: Links, took_ms: float) -> dict:
    """The page of `request`: what the user `asked`, or it with q's spelling corrected."""
    total = body["response"]["numFound"]
    highlights = body.get("highlighting", {})
    counts = FacetCounts(body.get("facet_counts", {}))
    pages = math.ceil(total / request.per_page)
    corrected = request.q != asked.q
    return {
        "q": asked.q,
        "total": total,
        "page": request.page,
        "per_page": request.per_page,
        "pages": pages,
        "sort": request.sort,
        "results": [job_summary(doc, links, highlights.get(doc[F.ID], {})) for doc in body["response"]["docs"]],
        "facets": {
            facet.key: {
                **facet.read(counts, request.selected(facet.key), links.facet_toggle(request, facet.key)),
                "more_url": links.facet_values(facet.key, request),
                "filter_box": facet.filter_box,
            }
            for facet in config.FACETS
        },
        "filters": active_filters(request, near, links),
        "understood": understood_dict(request, understood, links),
        "spelling": correction(asked, request, links) if corrected else None,
        "spellcheck": None if corrected else suggestion(request, understood, body, total, links),
        "sorts": [
            {"key": s.key, "label": s.label, "selected": s.key == request.sort,
             "url": links.search(replace(request, sort=s.key, page=1))}
            for s in config.SORTS
        ],
        "links": paging_links(asked, request, understood, pages, links),
        "took_ms": round(took_ms, 1),
        "solr_qtime_ms": body.get("responseHeader", {}).get("QTime"),
    }


def facet_values_page(facet, request: SearchRequest, prefix: str, contains: str, body: dict,
                      links: Links) -> dict:
    selected = request.selected(facet.key)
    return {
        "facet": facet.key,
        "title": facet.title,
        "prefix": prefix,
        "contains": contains,
        "values": facet.read_all(FacetCounts(body.get("facet_counts", {})), selected,
                                 links.facet_toggle(request, facet.key)),
        "links": {"search": links.search(request)},
    }


def job_summary(doc: dict, links: Links, highlight: dict | None = None) -> dict:
    return {
        "id": doc[F.ID],
        "title": doc.get(F.TITLE, ""),
        "company": doc.get(F.COMPANY),
        "locations": doc.get(F.LOCATION, []),
        "remote": doc.get(F.REMOTE),
        "category": doc.get(F.CATEGORY),
        "seniority": doc.get(F.SENIORITY),
        "employment_type": doc.get(F.EMPLOYMENT_TYPE),
        "skills": doc.get(F.SKILLS, []),
        "salary": salary(doc),
        "posted_at": doc.get(F.POSTED_AT),
        "url": doc.get(F.URL),
        "snippet": snippet(highlight or {}),
        "links": {"self": links.job(doc[F.ID])},
    }


def job_page(doc: dict, similar: list[dict], links: Links) -> dict:
    job = job_summary(doc, links)
    del job["snippet"]
    places = [Location(**place) for place in json.loads(doc.get(F.LOCATIONS_JSON) or "[]")]
    job.update({
        "apply_url": doc.get(F.APPLY_URL),
        "department": doc.get(F.DEPARTMENT),
        "description": doc.get(F.DESCRIPTION, ""),
        "description_html": DESCRIPTION_CLEANER.clean(doc[F.DESCRIPTION_HTML])
        if doc.get(F.DESCRIPTION_HTML) else None,
        "places": [place.__dict__ for place in places],
    })
    return {
        "job": job,
        "facet_links": facet_links(doc, links),
        "similar": [job_summary(d, links) for d in similar],
        "schema_org": job_posting_ld(job, places),
        "links": {"self": links.job(job["id"]), "search": links.search(SearchRequest())},
    }


def facet_links(doc: dict, links: Links) -> list[dict]:
    """Each facet value of the posting as a search for it."""
    return [
        {"facet": facet.key, "title": facet.title, "value": value, "label": facet.full_label(value),
         "url": links.search(SearchRequest().with_facet(facet.key, (value,)))}
        for facet in config.FACETS for value in facet.values_of(doc)
    ]


def salary(doc: dict) -> dict | None:
    if doc.get(F.SALARY_MIN) is None and doc.get(F.SALARY_MAX) is None and not doc.get(F.SALARY_TEXT):
        return None
    return {
        "min": doc.get(F.SALARY_MIN),
        "max": doc.get(F.SALARY_MAX),
        "currency": doc.get(F.SALARY_CURRENCY),
        "period": doc.get(F.SALARY_PERIOD),
        "text": doc.get(F.SALARY_TEXT),
    }


def snippet(highlight: dict) -> str:
    """Solr's html-encoded passages with only <mark> let through."""
    passages = highlight.get(F.DESCRIPTION, [])
    return " … ".join(SNIPPET_CLEANER.clean(p) for p in passages)


def active_filters(request: SearchRequest, near: PlaceFilter | None, links: Links) -> list[dict]:
    """Breadcrumbs: every filter in force, each with the URL that removes it."""
    crumbs = []
    for facet in config.FACETS:
        selected = request.selected(facet.key)
        for value in selected:
            crumbs.append({"key": facet.key, "title": facet.title, "value": value,
                           "label": facet.full_label(value),
                           "remove_url": links.search(request.with_facet(facet.key, facet.toggled(selected, value)))})
    if request.posted_within is not None:
        crumbs.append({"key": "posted_within", "title": "Posted", "value": f"{request.posted_within}d",
                       "label": config.POSTED_WITHIN_CHOICES.get(f"{request.posted_within}d",
                                                                 f"Past {request.posted_within} days"),
                       "remove_url": links.search(replace(request, posted_within=None, page=1))})
    if request.salary_min is not None:
        crumbs.append({"key": "salary_min", "title": "Salary", "value": request.salary_min,
                       "label": f"at least {request.salary_min:,.0f} a year",
                       "remove_url": links.search(replace(request, salary_min=None, page=1))})
    if near is not None:
        crumbs.append({"key": "near", "title": "Near", "value": request.near, "label": place_label(near),
                       "remove_url": links.search(replace(request, near=None, page=1,
                                                          radius_km=config.DEFAULT_RADIUS_KM))})
    return crumbs


def understood_dict(request: SearchRequest, understood: Understanding, links: Links) -> dict | None:
    if understood.place is None and understood.seniority is None and not understood.remote_words:
        return None
    place = None
    if understood.place is not None:
        place = {**_place_dict(understood.place), "label": place_label(understood.place),
                 "words": understood.place_words,
                 "remove_url": links.search(replace(request, understand=False, page=1))}
    remote = None
    if understood.remote:
        facet = config.FACETS_BY_KEY["remote"]
        remote = {"values": list(understood.remote), "title": facet.title,
                  "label": " or ".join(facet.label(value) for value in understood.remote),
                  "words": understood.remote_words, "remove_url": links.search(_without_work_modes(request))}
    return {"text": understood.text, "place": place, "remote": remote, "seniority": understood.seniority}


def suggestion(request: SearchRequest, understood: Understanding, body: dict, total: int,
               links: Links) -> dict | None:
    """"Did you mean": the query with Solr's collation, if that finds more than the query did."""
    collation = spelling.collation_in(body)
    if not spelling.finds_more(collation, total):
        return None
    text = spelling.corrected_query(request.q, collation, understood)
    return {"suggestion": text, "hits": collation.hits,
            "url": links.search(replace(request, q=text, page=1, correct=True))}


def correction(asked: SearchRequest, request: SearchRequest, links: Links) -> dict:
    """The query searched instead of what the user typed, and the way back to what they typed."""
    return {"corrected_from": asked.q, "query": request.q,
            "original_url": links.search(replace(asked, correct=False, page=1))}


def paging_links(asked: SearchRequest, request: SearchRequest, understood: Understanding, pages: int,
                 links: Links) -> dict:
    """`self` is what was asked; the others go on from what is shown (a spelling correction)."""
    cleared = replace(request.without_filters(), understand=request.understand)
    return {
        "self": links.search(asked),
        "first": links.search(replace(request, page=1)),
        "prev": links.search(replace(request, page=request.page - 1)) if request.page > 1 else None,
        "next": links.search(replace(request, page=request.page + 1))
        if request.page < pages and (request.page + 1) * request.per_page <= config.MAX_RESULT_WINDOW else None,
        "clear_filters": links.search(_without_work_modes(cleared) if understood.remote_words else cleared),
    }


def _without_work_modes(request: SearchRequest) -> SearchRequest:
    """The search without the work arrangement its text asked for (that filter removed)."""
    return replace(request, q=without_work_modes(request.q), page=1)


def place_label(place: PlaceFilter) -> str:
    if place.radius_km is None:
        return place.name
    return f"within {place.radius_km:g} km of {place.name}"


def _place_dict(place: PlaceFilter) -> dict:
    return {"name": place.name, "latitude": place.latitude, "longitude": place.longitude,
            "radius_km": place.radius_km, "area": place.path}


def job_posting_ld(job: dict, places: list[Location]) -> dict:
    """schema.org JobPosting for search engines (templates embed it with |tojson, which escapes </)."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": job["title"],
        "description": job["description_html"] or job["description"],
        "identifier": {"@type": "PropertyValue", "name": job["company"] or "", "value": job["id"]},
    }
    if job["posted_at"]:
        data["datePosted"] = job["posted_at"]
    if job["company"]:
        data["hiringOrganization"] = {"@type": "Organization", "name": job["company"]}
    if job["url"]:
        data["url"] = job["url"]
    if job["employment_type"] and job["employment_type"] != "unknown":
        data["employmentType"] = job["employment_type"].upper()
    if job["remote"] == "remote":
        data["jobLocationType"] = "TELECOMMUTE"
    located = [p for p in places if p.country_code]
    if located:
        data["jobLocation"] = [
            {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": p.city,
                                           "addressRegion": p.region, "addressCountry": p.country_code}}
            for p in located
        ]
    pay = job["salary"]
    if pay and pay["currency"] and (pay["min"] is not None or pay["max"] is not None):
        data["baseSalary"] = {
            "@type": "MonetaryAmount", "currency": pay["currency"],
            "value": {"@type": "QuantitativeValue", "minValue": pay["min"], "maxValue": pay["max"],
                      "unitText": (pay["period"] or "year").upper()},
        }
    return data
