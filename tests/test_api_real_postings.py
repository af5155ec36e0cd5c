"""The API over real postings: a few Ashby boards from ../shared/data, indexed by the pipeline."""
from __future__ import annotations

from urllib.parse import urlencode

import pysolr
import pytest
from bs4 import BeautifulSoup

from indexer import pipeline
from searchapp.app import create_app

BOARDS = ["character", "middesk", "nerdwallet", "eye-security", "lawhive", "tacto"]  # US, UK, NL, DE; pay


@pytest.fixture(scope="module")
def real(shared_data, solr_url, make_collection):
    alias, _ = make_collection()
    inputs = [str(shared_data / "ashby-2025-10" / f"{board}.json.gz") for board in BOARDS]
    summary = pipeline.index(inputs, pysolr.Solr(f"{solr_url}/{alias}", timeout=60), workers=1)
    assert summary.indexed > 80 and not summary.rejected
    app = create_app({"TESTING": True, "SOLR_URL": solr_url, "COLLECTION": alias, "QUERY_TIMEOUT": 10})
    return app.test_client(), summary


def get(client, **params) -> dict:
    response = client.get(f"/api/v1/search?{urlencode(params, doseq=True)}")
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def walk(values):
    for value in values:
        yield value
        yield from walk(value.get("children", []))


@pytest.mark.parametrize("base", [{}, {"q": "engineer"}, {"location": "0/US"}, {"q": "sales", "remote": "remote"},
                                  {"q": "engineer hybrid"}],
                         ids=lambda b: urlencode(b) or "all")
def test_facet_counts_equal_filtered_totals_on_real_postings(real, base):
    client, summary = real
    data = get(client, **base)
    assert data["total"] <= summary.indexed
    for key, facet in data["facets"].items():
        for value in walk(facet["values"]):
            assert get(client, **{**base, key: value["value"]})["total"] == value["count"], (key, value["value"])


def test_real_searches_rank_titles_first_and_understand_places(real):
    client, _ = real
    data = get(client, q="software engineer")
    assert data["total"] > 5 and all("engineer" in job["title"].lower() for job in data["results"][:5])
    london = get(client, q="engineer london")
    assert london["understood"]["place"]["name"] == "London, England, GB"
    assert london["total"] > 0 and all(
        any("London" in loc for loc in job["locations"]) for job in london["results"])
    assert get(client, q="enginer", correct="0")["spellcheck"]["suggestion"] == "engineer"
    corrected = get(client, q="enginer")
    assert corrected["spelling"]["query"] == "engineer" and corrected["total"] == get(client, q="engineer")["total"]
    for job in get(client, sort="salary", per_page=5)["results"]:
        assert job["salary"] and (job["salary"]["min"] or job["salary"]["max"])


def test_real_job_pages_render_with_json_ld_and_similar_jobs(real):
    client, _ = real
    for job in get(client, q="engineer", per_page=5)["results"]:
        response = client.get(job["links"]["self"])
        assert response.status_code == 200
        data = response.get_json()
        assert data["job"]["description"] and data["similar"]
        page = BeautifulSoup(client.get(f"/jobs/{job['id']}").get_data(as_text=True), "html.parser")
        assert page.h1.text == job["title"]
        assert page.find("script", type="application/ld+json") and not page.select(".description script")
