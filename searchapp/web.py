"""The HTML pages: server-rendered templates over the same dicts the JSON API returns.

Each page names its JSON twin in a `Link: <...>; rel="alternate"; type="application/json"`
header and in a visible link.
"""
from __future__ import annotations

from dataclasses import replace

from flask import Blueprint, abort, current_app, make_response, render_template, request

from searchapp import links
from searchapp.search import config
from searchapp.search.request import parse_facet_search_args, parse_search_args

bp = Blueprint("web", __name__)


def _service():
    return current_app.extensions["search"]


def _page(template: str, json_url: str, **context):
    response = make_response(render_template(template, json_url=json_url, **context))
    response.headers["Link"] = f'<{json_url}>; rel="alternate"; type="application/json"'
    return response


@bp.get("/")
@bp.get("/search")
def search():
    search_request = parse_search_args(request.args)
    data = _service().search(search_request, links.HTML)
    data["links"]["json"] = links.JSON.search(search_request)
    # the forms refine what the page shows: the spelling correction, if q was corrected
    shown = replace(search_request, q=data["spelling"]["query"]) if data["spelling"] else search_request
    return _page("search.html", data["links"]["json"], data=data, config=config, query_args=shown.to_args())


@bp.get("/jobs/<job_id>")
def job(job_id: str):
    data = _service().job(job_id, links.HTML)
    if data is None:
        abort(404, description="There is no job with this id; it may have been filled or removed.")
    data["links"]["json"] = links.JSON.job(job_id)
    return _page("job.html", data["links"]["json"], data=data)


@bp.get("/facets/<key>")
def facet_values(key: str):
    if key not in config.FACETS_BY_KEY:
        abort(404, description=f"There is no facet called {key!r}.")
    search_request = parse_search_args(request.args)
    prefix, contains, limit = parse_facet_search_args(request.args)
    data = _service().facet_values(key, search_request, prefix, contains, limit, links.HTML)
    data["links"]["json"] = links.JSON.facet_values(key, search_request, prefix, contains)
    return _page("facet_values.html", data["links"]["json"], data=data,
                 query_args=search_request.to_args())


@bp.app_template_filter("facet_label")
def facet_label(value: str, key: str) -> str:
    """A facet value as the sidebar names it ("onsite" -> "On-site")."""
    return config.FACETS_BY_KEY[key].label(value)


@bp.app_template_filter("salary")
def salary_text(pay: dict | None) -> str:
    """"USD 120,000–150,000 a year", or the source's own wording."""
    if not pay:
        return ""
    amounts = [f"{value:,.0f}" for value in (pay["min"], pay["max"]) if value is not None]
    if not amounts:
        return pay["text"] or ""
    per = f" a {pay['period']}" if pay["period"] else ""
    return f"{pay['currency'] or ''} {'–'.join(dict.fromkeys(amounts))}{per}".strip()
