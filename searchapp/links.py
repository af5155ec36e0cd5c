"""URLs for the two faces of the app: the HTML pages and the JSON API.

The same data dict is built with one or the other, so a page's links lead to pages and the
JSON's links to JSON; each face also links its twin.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from urllib.parse import quote_plus, urlencode

from flask import url_for

from searchapp.search.facets import Toggle
from searchapp.search.request import SearchRequest


@dataclass(frozen=True)
class EndpointLinks:
    search_endpoint: str
    job_endpoint: str
    facet_endpoint: str

    def search(self, request: SearchRequest) -> str:
        return _with_query(url_for(self.search_endpoint), _encoded(request.to_args()))

    def facet_toggle(self, request: SearchRequest, key: str) -> Toggle:
        """values -> `search(request.with_facet(key, values))`, with the rest of the query string
        encoded once: a results page links some sixty facet values."""
        before, after = request.around_facet(key)
        path, head, tail, name = url_for(self.search_endpoint), _encoded(before), _encoded(after), _quoted(key)

        def url(values: tuple[str, ...]) -> str:
            own = "&".join(f"{name}={_quoted(value)}" for value in values)
            return _with_query(path, "&".join(part for part in (head, own, tail) if part))
        return url

    def job(self, job_id: str) -> str:
        return url_for(self.job_endpoint, job_id=job_id)

    def facet_values(self, key: str, request: SearchRequest, prefix: str = "", contains: str = "") -> str:
        search = [(name, text) for name, text in (("prefix", prefix), ("contains", contains)) if text]
        return _with_query(url_for(self.facet_endpoint, key=key),
                           _encoded(replace(request, page=1).to_args() + search))


# facet values and parameter names recur from link to link and page to page
_quoted = lru_cache(maxsize=4096)(quote_plus)


def _encoded(args: list[tuple[str, str]]) -> str:
    return urlencode(args, quote_via=_quoted)


def _with_query(path: str, query: str) -> str:
    return f"{path}?{query}" if query else path


HTML = EndpointLinks("web.search", "web.job", "web.facet_values")
JSON = EndpointLinks("api.search", "api.job", "api.facet_values")
