"""Schemathesis against the app's own OpenAPI document (/api/v1/openapi.json), over the sample
postings: requests generated from the document, valid ones and (for operations with query
parameters) invalid ones, never get a 5xx, and every answer conforms to the document: a
declared status, the declared content type and headers, a body matching the declared schema.

Left out on purpose: schemathesis's positive/negative data *acceptance* checks. The API is
documented to answer 400 to some schema-valid input the schema cannot express (an unknown
`near` place, `page` × `per_page` past 10,000), and to read an empty value as not given
(`radius_km=`, `location=`), which the document's types call invalid.

Driven through `as_strategy` rather than `@schema.parametrize()` / `schemathesis.pytest.from_fixture`,
because the app needs the session's Solr fixtures and `from_fixture` fails under pytest 9
(`'Function' object has no attribute '_nodeid'`, schemathesis 4.32.5).
"""
from __future__ import annotations

from datetime import timedelta

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance, not_a_server_error, response_headers_conformance, response_schema_conformance,
    status_code_conformance,
)

from searchapp.openapi import openapi_document

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_headers_conformance,
          response_schema_conformance]
EXAMPLES = 40  # per operation and mode: about 10 s in all against a local Solr
SLOWEST_ANSWER = timedelta(seconds=5)  # a request taking longer is a failure in itself


def _cases() -> list:
    """(path, method, mode): every operation with valid input; those with query parameters
    also with invalid input (a path-only operation has nothing to make invalid)."""
    cases = []
    for path, item in openapi_document()["paths"].items():
        for method, operation in item.items():
            cases.append(pytest.param(path, method.upper(), schemathesis.GenerationMode.POSITIVE,
                                      id=f"{method.upper()} {path} valid"))
            if any(p["in"] == "query" for p in operation.get("parameters", [])):
                cases.append(pytest.param(path, method.upper(), schemathesis.GenerationMode.NEGATIVE,
                                          id=f"{method.upper()} {path} invalid"))
    return cases


@pytest.fixture(scope="module")
def api_schema(app):
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)


@pytest.mark.parametrize(("path", "method", "mode"), _cases())
def test_answers_conform_to_the_openapi_document(api_schema, path, method, mode):
    @given(case=api_schema[path][method].as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=SLOWEST_ANSWER, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    def fuzz(case):
        case.call_and_validate(checks=CHECKS)

    fuzz()
