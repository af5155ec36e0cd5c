"""The rest of the JSON API: one job with similar jobs, autocomplete, searching a facet's values,
and the OpenAPI document every answer must conform to."""
from __future__ import annotations

from urllib.parse import urlencode

import jsonschema_rs
import pytest

from searchapp.search import config

from .search_samples import NASTY_SKILL, XSS



@pytest.fixture(scope="module")
def openapi(app):
    response = app.test_client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.get_json()


def conforms(openapi: dict, schema_name: str, data: dict) -> None:
    validator = jsonschema_rs.Draft202012Validator(
        {"$ref": f"#/components/schemas/{schema_name}", "components": openapi["components"]})
    errors = [f"{error.instance_path}: {error.message}" for error in validator.iter_errors(data)]
    assert not errors, errors[:5]


def test_a_job_in_full_with_similar_jobs(client, postings, openapi):
    posting = postings["data-london"]
    response = client.get(f"/api/v1/jobs/{posting.id}")
    assert response.status_code == 200
    data = response.get_json()
    conforms(openapi, "JobResponse", data)
    job = data["job"]
    assert (job["title"], job["company"], job["description"]) == (posting.title, posting.company, posting.description)
    assert job["places"][0]["city"] == "London" and job["apply_url"] == posting.apply_url
    links = {(link["facet"], link["value"]) for link in data["facet_links"]}
    assert {("location", "2/GB/England/London"), ("skill", "Spark"), ("company", "Globex")} <= links
    for link in data["facet_links"]:
        assert posting.id in {job["id"] for job in client.get(link["url"]).get_json()["results"]}
    similar = [job["id"] for job in data["similar"]]
    assert similar and posting.id not in similar
    assert postings["ds-nyc"].id in similar  # Python + SQL data work
    assert data["links"]["html"] == f"/jobs/{posting.id}"
    assert data["schema_org"]["@type"] == "JobPosting"


def test_the_job_page_cleans_description_html_again(client, postings):
    job = client.get(f"/api/v1/jobs/{postings['xss'].id}").get_json()["job"]
    assert job["title"] == XSS
    html = job["description_html"]
    assert "<strong>there</strong>" in html
    for bad in ("<script", "onerror", "javascript:"):
        assert bad not in html


@pytest.mark.parametrize("job_id", ["0000000000", "nope", "a" * 300, "{!lucene}*:*", "*"])
def test_unknown_jobs_are_404_json(client, job_id):
    response = client.get(f"/api/v1/jobs/{job_id}")
    assert response.status_code == 404 and response.mimetype == "application/json"
    assert response.get_json()["message"]


def test_suggest_completes_titles_skills_and_companies(client, openapi):
    data = client.get("/api/v1/suggest?q=acc").get_json()
    conforms(openapi, "SuggestResponse", data)
    assert data["suggestions"] == ["Account Executive"]  # two postings, offered once
    assert {"Python", "PyTorch"} <= set(client.get("/api/v1/suggest?q=pyt").get_json()["suggestions"])
    assert "Data Scientist" in client.get("/api/v1/suggest?q=scien").get_json()["suggestions"]
    for q in ["", " ", "{!lucene}", "x" * 5000, '"']:
        response = client.get(f"/api/v1/suggest?{urlencode({'q': q})}")
        assert response.status_code == 200 and isinstance(response.get_json()["suggestions"], list)


def test_search_within_a_facets_values(client, openapi):
    data = client.get("/api/v1/facets/skill?contains=py").get_json()
    conforms(openapi, "FacetValuesResponse", data)
    assert [v["value"] for v in data["values"]] == ["Python", "PyTorch"]
    assert [v["value"] for v in client.get("/api/v1/facets/skill?prefix=Py").get_json()["values"]] == \
        ["Python", "PyTorch"]
    assert client.get("/api/v1/facets/skill?prefix=py").get_json()["values"] == []  # prefix is exact
    hostile = client.get(f"/api/v1/facets/skill?{urlencode({'contains': '{!lucene}'})}").get_json()
    assert [v["value"] for v in hostile["values"]] == [NASTY_SKILL]


def test_facet_value_search_counts_like_the_sidebar(client):
    data = client.get("/api/v1/facets/skill?q=engineer&location=0/US&limit=1000").get_json()
    for value in data["values"]:
        total = client.get(value["toggle_url"]).get_json()["total"]
        assert total == value["count"], value
    regions = client.get("/api/v1/facets/location?prefix=1/US/").get_json()["values"]
    assert {v["full_label"]: v["count"] for v in regions} == {"California, United States": 5,
                                                              "New York, United States": 3}


def test_unknown_facet_is_404(client):
    response = client.get("/api/v1/facets/salary")
    assert response.status_code == 404 and "skill" in response.get_json()["message"]


def test_openapi_describes_every_parameter_the_api_reads(openapi, client):
    assert openapi["openapi"].startswith("3.")
    search = openapi["paths"]["/search"]["get"]
    names = {p["name"] for p in search["parameters"]}
    assert names == {"q", "posted_within", "salary_min", "near", "radius_km", "sort", "page", "per_page",
                     "understand", "correct", *config.FACETS_BY_KEY}
    sort = next(p for p in search["parameters"] if p["name"] == "sort")
    assert sort["schema"]["enum"] == ["relevance", "newest", "salary"]
    per_page = next(p for p in search["parameters"] if p["name"] == "per_page")
    assert per_page["schema"]["maximum"] == 100
    assert set(openapi["paths"]) == {"/search", "/jobs/{id}", "/suggest", "/facets/{name}", "/openapi.json"}
    for path, url in [("/search", "/api/v1/search?q=python&skill=Python&location=0/US&near=California"),
                      ("/search", "/api/v1/search?q=account+executive+london"),
                      ("/search", "/api/v1/search?q=pyhton"),
                      ("/search", "/api/v1/search?q=pyhton&correct=0"),
                      ("/search", "/api/v1/search?q=remote+engineer+london"),
                      ("/search", "/api/v1/search?location=2/US/California/Oakland")]:
        conforms(openapi, "SearchResponse", client.get(url).get_json())
    conforms(openapi, "Error", client.get("/api/v1/search?sort=x").get_json())
