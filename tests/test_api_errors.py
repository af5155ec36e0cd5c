"""Every error the JSON API gives: 400 for bad parameters, 404 for what does not exist, 503 when
Solr is unreachable, missing or too slow. Always JSON with a message, never a 500."""
from __future__ import annotations

import socket
import time

import pytest

from searchapp.app import create_app



@pytest.mark.parametrize("query", [
    "sort=cheapest", "per_page=1000", "per_page=0", "page=-1", "page=0", "page=abc", "page=2.5",
    "radius_km=abc", "radius_km=-3", "radius_km=30000", "near=Xyzzyville+Qwertz", "near=Remote",
    "posted_within=7", "posted_within=week", "salary_min=lots", "salary_min=-1", "understand=perhaps",
    "location=US", "location=3/US/a/b/c", "page=200&per_page=100",
])
def test_bad_parameters_are_400_with_a_message(client, query):
    response = client.get(f"/api/v1/search?{query}")
    assert response.status_code == 400, response.get_data(as_text=True)
    body = response.get_json()
    name = query.split("&")[-1].split("=")[0] if "page=200" not in query else "page"
    assert body["status"] == 400 and body["parameter"] == name and name in body["message"]


@pytest.mark.parametrize("url", ["/api/v1/facets/skill?limit=0", "/api/v1/facets/skill?limit=x",
                                 "/api/v1/facets/skill?per_page=1000", "/api/v1/facets/skill?contains=" + "x" * 600])
def test_bad_facet_search_parameters_are_400(client, url):
    response = client.get(url)
    assert response.status_code == 400 and response.get_json()["message"]


@pytest.mark.parametrize("url", ["/api/v1/jobs/unknown", "/api/v1/facets/nope", "/api/v1/nothing-here", "/api/v2/search"])
def test_missing_things_are_404_json(client, url):
    response = client.get(url)
    assert response.status_code == 404 and response.mimetype == "application/json"
    assert response.get_json()["message"]


def test_wrong_method_is_405_json(client):
    response = client.post("/api/v1/search")
    assert response.status_code == 405 and response.get_json()["status"] == 405


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


API_URLS = ["/api/v1/search?q=python", "/api/v1/jobs/abc", "/api/v1/suggest?q=py", "/api/v1/facets/skill"]


@pytest.mark.parametrize("url", API_URLS)
def test_unreachable_solr_is_503(url):
    app = create_app({"SOLR_URL": f"http://127.0.0.1:{_closed_port()}/solr", "COLLECTION": "jobs",
                      "QUERY_TIMEOUT": 2})
    response = app.test_client().get(url)
    assert response.status_code == 503 and "unreachable" in response.get_json()["message"]


@pytest.mark.parametrize("url", API_URLS)
def test_solr_timeout_is_503_within_the_query_timeout(silent_solr, url):
    app = create_app({"SOLR_URL": silent_solr, "COLLECTION": "jobs", "QUERY_TIMEOUT": 0.3})
    started = time.monotonic()
    response = app.test_client().get(url)
    assert response.status_code == 503 and "did not answer within 0.3 s" in response.get_json()["message"]
    assert time.monotonic() - started < 2


def test_missing_collection_is_503(solr_url):
    app = create_app({"SOLR_URL": solr_url, "COLLECTION": "no_such_collection_here", "QUERY_TIMEOUT": 5})
    response = app.test_client().get("/api/v1/search")
    assert response.status_code == 503 and response.get_json()["message"]
