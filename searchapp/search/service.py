"""Runs searches against Solr: resolves places, builds the request, sends it with a short
timeout, searches the spelling correction of a query that finds little, and shapes the answer.
Solr being unreachable, slow or failing is SearchUnavailable (the views answer 503); bad input is
InvalidParameter (400).
"""
from __future__ import annotations

import time
from dataclasses import replace
from functools import lru_cache
from urllib.parse import quote_plus, urlencode

import requests

from indexer.enrich.locations import resolve_place
from searchapp.search import config, query, results, spelling
from searchapp.search.errors import InvalidParameter, SearchUnavailable
from searchapp.search.request import PlaceFilter, SearchRequest, Understanding
from searchapp.search.understanding import understand

MAX_ID_CHARS = 200
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


class SolrRejected(Exception):
    """Solr answered 400: the request (in practice the user's query text) did not parse."""


class SolrClient:
    """POSTs form params to one handler of the collection (POST: long queries fit), over kept-alive
    connections: requests' pool keeps up to 10 per host, enough for a worker of up to 10 threads."""

    def __init__(self, base_url: str, collection: str, timeout: float):
        self.url = f"{base_url.rstrip('/')}/{collection}"
        self.timeout = timeout
        self.http = _session_for(self.url)

    def call(self, handler: str, params: list[tuple[str, str]]) -> dict:
        try:
            response = self.http.post(f"{self.url}/{handler}", data=_form([*params, ("wt", "json")]),
                                      headers=FORM, timeout=self.timeout)
        except requests.Timeout as exc:
            raise SearchUnavailable(f"the search index did not answer within {self.timeout:g} s") from exc
        except requests.RequestException as exc:
            raise SearchUnavailable(f"the search index is unreachable ({exc.__class__.__name__})") from exc
        if response.status_code == 400:
            raise SolrRejected(_error_message(response))
        if response.status_code != 200:
            raise SearchUnavailable(f"the search index answered HTTP {response.status_code}")
        try:
            return response.json()
        except ValueError as exc:
            raise SearchUnavailable("the search index answered something that is not JSON") from exc


# most params are the same text search after search (field lists, facet definitions)
_quoted = lru_cache(maxsize=4096)(quote_plus)


def _form(params: list[tuple[str, str]]) -> str:
    """The form body requests would encode, with repeated params quoted once (a tenth of the cost)."""
    return urlencode(params, quote_via=_quoted)


def _session_for(url: str) -> requests.Session:
    """A session with the environment's settings for `url` (proxies, CA bundle, netrc) read now, once:
    by default requests reads them again on every call, about a tenth of a Solr call's CPU time."""
    session = requests.Session()
    settings = session.merge_environment_settings(url, {}, None, None, None)
    session.proxies, session.verify, session.cert = settings["proxies"], settings["verify"], settings["cert"]
    session.auth = requests.utils.get_netrc_auth(url)
    session.trust_env = False
    return session


def _error_message(response: requests.Response) -> str:
    try:
        return response.json()["error"]["msg"]
    except (ValueError, KeyError, TypeError):
        return response.text[:300]


class SearchService:
    def __init__(self, solr: SolrClient):
        self.solr = solr

    def search(self, request: SearchRequest, links: results.Links) -> dict:
        """One results page; if the text finds little and its spelling correction more, the
        correction's page, saying so (the user's `correct=0` turns this off)."""
        started = time.perf_counter()
        near = self._near(request)
        shown = request
        body, understood = self._results(request, near)
        collation = spelling.collation_in(body)
        if request.correct and spelling.worth_correcting(collation, body["response"]["numFound"]):
            shown = replace(request, q=spelling.corrected_query(request.q, collation, understood))
            body, understood = self._results(shown, near)
        took_ms = (time.perf_counter() - started) * 1000
        return results.search_page(request, shown, understood, near, body, links, took_ms)

    def facet_values(self, key: str, request: SearchRequest, prefix: str, contains: str, limit: int,
                     links: results.Links) -> dict:
        facet = config.FACETS_BY_KEY[key]
        near = self._near(request)
        body, _ = self._search(lambda u: query.facet_value_params(facet, request, u, near, prefix, contains, limit),
                               self._understand(request, near))
        return results.facet_values_page(facet, request, prefix, contains, body, links)

    def job(self, job_id: str, links: results.Links) -> dict | None:
        """The posting and postings like it; None if there is no such posting."""
        if not job_id or len(job_id) > MAX_ID_CHARS:
            return None
        doc = self._call("get", query.job_params(job_id), "id").get("doc")
        if doc is None:
            return None
        similar = self._call("select", query.similar_params(job_id), "id")["response"]["docs"]
        return results.job_page(doc, similar, links)

    def suggest(self, text: str) -> list[str]:
        """Completions of what the user is typing (titles, companies, skills), case-folded unique."""
        text = " ".join(text.split())[: config.MAX_SUGGEST_CHARS]
        if not text:
            return []
        body = self._call("suggest", query.suggest_params(text), "q")
        seen: dict[str, str] = {}
        for dictionary in body.get("suggest", {}).values():
            for answer in dictionary.values():
                for suggestion in answer.get("suggestions", []):
                    seen.setdefault(suggestion["term"].casefold(), suggestion["term"])
        return list(seen.values())[: config.SUGGEST_COUNT]

    def _results(self, request: SearchRequest, near: PlaceFilter | None) -> tuple[dict, Understanding]:
        return self._search(lambda u: query.search_params(request, u, near), self._understand(request, near))

    @staticmethod
    def _near(request: SearchRequest) -> PlaceFilter | None:
        """The `near` place resolved; InvalidParameter if no place has that name."""
        if not request.near:
            return None
        location = resolve_place(request.near)
        near = PlaceFilter.around(location, request.radius_km) if location else None
        if near is None:
            raise InvalidParameter("near", f"no known place is called {request.near!r}")
        return near

    @staticmethod
    def _understand(request: SearchRequest, near: PlaceFilter | None) -> Understanding:
        """The query text read: no place out of it when the user chose one or turned that off,
        no work arrangement applied when the user filters the remote facet."""
        return understand(query.query_text(request.q), places=request.understand and near is None,
                          remote=not request.selected("remote"))

    def _search(self, build, understood: Understanding) -> tuple[dict, Understanding]:
        """Solr's answer; text Solr cannot parse is tried once more as plain words."""
        try:
            return self.solr.call("search", build(understood)), understood
        except SolrRejected:
            plain = replace(understood, text=query.plain_words(understood.text))
            return self._call("search", build(plain), "q"), plain

    def _call(self, handler: str, params: list[tuple[str, str]], parameter: str) -> dict:
        """Solr's answer; a rejection is blamed on the user's `parameter`."""
        try:
            return self.solr.call(handler, params)
        except SolrRejected as exc:
            raise InvalidParameter(parameter, f"the search index could not run this request: {exc}") from exc
