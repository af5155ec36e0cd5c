"""The job page: the whole posting (its HTML sanitised again), its facets as links, similar jobs,
schema.org JobPosting JSON-LD that cannot break out of its script element, and its JSON twin."""
from __future__ import annotations

import json

from bs4 import BeautifulSoup

from .search_samples import XSS



def job_page(client, job_id: str):
    response = client.get(f"/jobs/{job_id}")
    assert response.status_code == 200 and response.mimetype == "text/html"
    return response, BeautifulSoup(response.get_data(as_text=True), "html.parser")


def test_the_whole_posting_with_facet_links_and_similar_jobs(client, postings):
    posting = postings["python-sf"]
    response, soup = job_page(client, posting.id)
    assert response.headers["Link"] == f'</api/v1/jobs/{posting.id}>; rel="alternate"; type="application/json"'
    assert soup.select_one(".actions a.json-link")["href"] == f"/api/v1/jobs/{posting.id}"
    assert soup.h1.text == posting.title
    assert soup.select_one(".description").get_text(strip=True) == posting.description
    assert soup.select_one("a.apply")["href"] == posting.apply_url
    assert "USD 150,000–190,000 a year" in soup.select_one(".meta").text
    facet_links = {a.text: a["href"] for a in soup.select(".job-facets a")}
    assert facet_links["San Francisco, California, United States"] == \
        "/search?location=2%2FUS%2FCalifornia%2FSan+Francisco"
    assert facet_links["Python"] == "/search?skill=Python" and facet_links["Hybrid"] == "/search?remote=hybrid"
    for href in facet_links.values():
        listed = BeautifulSoup(client.get(href).get_data(as_text=True), "html.parser")
        assert f"/jobs/{posting.id}" in {a["href"] for a in listed.select("article.job h2 a")}
    similar = [a["href"] for a in soup.select(".similar article.job h2 a")]
    assert similar and f"/jobs/{posting.id}" not in similar
    assert client.get(f"/api/v1/jobs/{posting.id}").get_json()["links"]["html"] == f"/jobs/{posting.id}"


def test_json_ld_job_posting(client, postings):
    posting = postings["python-sf"]
    _, soup = job_page(client, posting.id)
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "JobPosting" and data["title"] == posting.title
    assert data["hiringOrganization"]["name"] == "Acme"
    assert data["jobLocation"][0]["address"] == {"@type": "PostalAddress", "addressLocality": "San Francisco",
                                                 "addressRegion": "California", "addressCountry": "US"}
    assert data["baseSalary"]["value"]["minValue"] == 150_000 and data["baseSalary"]["currency"] == "USD"
    assert data["datePosted"].startswith(posting.posted_at.strftime("%Y-%m-%d"))


def test_hostile_posting_stays_text_and_json_ld_cannot_close_its_script(client, postings):
    response, soup = job_page(client, postings["xss"].id)
    html = response.get_data(as_text=True)
    assert XSS not in html and "</script>alert" not in html
    assert soup.h1.text == XSS and soup.title.text.startswith(XSS)
    ld = soup.find("script", type="application/ld+json").string
    assert "</" not in ld and "<" not in ld
    assert json.loads(ld)["title"] == XSS
    description = soup.select_one(".description")
    assert description.strong.text == "there"
    assert not description.find_all(["script", "img"])
    assert not [a for a in description.find_all("a") if a.get("href", "").startswith("javascript")]
    assert not soup.find_all(attrs={"onerror": True})


def test_plain_text_descriptions_keep_their_paragraphs(client, postings):
    _, soup = job_page(client, postings["nurse"].id)
    assert [p.text for p in soup.select(".description p")] == [postings["nurse"].description]


def test_unknown_job_is_a_404_page(client):
    response = client.get("/jobs/does-not-exist")
    assert response.status_code == 404 and response.mimetype == "text/html"
    assert "no job with this id" in response.get_data(as_text=True)
