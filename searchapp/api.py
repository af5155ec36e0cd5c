"""The JSON API, /api/v1: the same data dicts the pages render (searchapp/openapi.py describes it)."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, jsonify, request

from searchapp import links
from searchapp.openapi import openapi_document
from searchapp.search import config
from searchapp.search.request import parse_facet_search_args, parse_search_args

bp = Blueprint("api", __name__)


def _service():
    return current_app.extensions["search"]


@bp.get("/search")
def search():
    search_request = parse_search_args(request.args)
    data = _service().search(search_request, links.JSON)
    data["links"]["html"] = links.HTML.search(search_request)
    return jsonify(data)


@bp.get("/jobs/<job_id>")
def job(job_id: str):
    data = _service().job(job_id, links.JSON)
    if data is None:
        abort(404, description=f"no job with id {job_id!r}")
    data["links"]["html"] = links.HTML.job(job_id)
    return jsonify(data)


@bp.get("/suggest")
def suggest():
    text = request.args.get("q", "")
    return jsonify({"q": text, "suggestions": _service().suggest(text)})


@bp.get("/facets/<key>")
def facet_values(key: str):
    if key not in config.FACETS_BY_KEY:
        abort(404, description=f"no facet {key!r}; facets: {', '.join(config.FACETS_BY_KEY)}")
    search_request = parse_search_args(request.args)
    prefix, contains, limit = parse_facet_search_args(request.args)
    data = _service().facet_values(key, search_request, prefix, contains, limit, links.JSON)
    data["links"]["html"] = links.HTML.facet_values(key, search_request, prefix, contains)
    return jsonify(data)


@bp.get("/openapi.json")
def openapi():
    return jsonify(openapi_document())

