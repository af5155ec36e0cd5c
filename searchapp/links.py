"""URLs for the two faces of the app: the HTML pages and the JSON API.

The same data dict is built with one or the other, so a page's links lead to pages and the
JSON's links to JSON; each face also links its twin.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urlencode

from flask import url_for

from searchapp.search.request import SearchRequest


@dataclass(frozen=True)
class EndpointLinks:
    search_endpoint: str
    job_endpoint: str
    facet_endpoint: str

    def search(self, request: SearchRequest) -> str:
        return _with_query(url_for(self.search_endpoint), request.to_args())

    def job(self, job_id: str) -> str:
        return url_for(self.job_endpoint, job_id=job_id)

    def facet_values(self, key: str, request: SearchRequest, prefix: str = "", contains: str = "") -> str:
        search = [(name, text) for name, text in (("prefix", prefix), ("contains", contains)) if text]
        return _with_query(url_for(self.facet_endpoint, key=key), replace(request, page=1).to_args() + search)


def _with_query(path: str, args: list[tuple[str, str]]) -> str:
    return f"{path}?{urlencode(args)}" if args else path


HTML = EndpointLinks("web.search", "web.job", "web.facet_values")
JSON = EndpointLinks("api.search", "api.job", "api.facet_values")
