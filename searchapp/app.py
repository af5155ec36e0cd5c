"""The Flask application factory: the web pages (`searchapp.web`) and the JSON API
(`searchapp.api`, under /api/v1) over one SearchService.

`create_app(test_config)` reads Settings from the environment; `test_config` overrides:

| key | default | meaning |
|---|---|---|
| SOLR_URL | Settings.solr_url (env SOLR_URL) | base URL of any SolrCloud node |
| COLLECTION | Settings.collection (env JOBSEARCH_COLLECTION) | the alias or collection searched |
| QUERY_TIMEOUT | Settings.query_timeout (env JOBSEARCH_QUERY_TIMEOUT) | seconds per Solr request; past it: 503 |

Any other Flask config key (TESTING, ...) may be passed too.
"""
from __future__ import annotations

import logging

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError

from searchapp import api, web
from searchapp.config import Settings
from searchapp.search.errors import InvalidParameter, SearchUnavailable
from searchapp.search.service import SearchService, SolrClient

log = logging.getLogger(__name__)

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                               "base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__)
    settings = Settings.from_env()
    app.config.from_mapping(
        SOLR_URL=settings.solr_url,
        COLLECTION=settings.collection,
        QUERY_TIMEOUT=settings.query_timeout,
    )
    if test_config:
        app.config.from_mapping(test_config)
    app.json.sort_keys = False
    app.json.ensure_ascii = False
    app.jinja_env.trim_blocks = app.jinja_env.lstrip_blocks = True
    app.extensions["search"] = SearchService(
        SolrClient(app.config["SOLR_URL"], app.config["COLLECTION"], app.config["QUERY_TIMEOUT"]))
    app.register_blueprint(web.bp)
    app.register_blueprint(api.bp, url_prefix="/api/v1")
    app.after_request(_security_headers)
    app.register_error_handler(InvalidParameter, _invalid_parameter)
    app.register_error_handler(SearchUnavailable, _unavailable)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)
    return app


def _security_headers(response):
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def _invalid_parameter(exc: InvalidParameter):
    return _error(400, f"invalid parameter {exc.parameter}: {exc.message}", parameter=exc.parameter)


def _unavailable(exc: SearchUnavailable):
    log.warning("search unavailable: %s", exc)
    return _error(503, f"Search is unavailable right now: {exc}")


def _http_error(exc: HTTPException):
    return _error(exc.code or 500, exc.description or exc.name)


def _unexpected(exc: Exception):
    log.exception("unexpected error")
    return _error(500, InternalServerError.description)


def _error(status: int, message: str, parameter: str | None = None):
    """JSON under /api/, an HTML page elsewhere."""
    if request.path.startswith("/api/"):
        body = {"status": status, "message": message}
        if parameter:
            body["parameter"] = parameter
        return jsonify(body), status
    return render_template("error.html", status=status, message=message), status
