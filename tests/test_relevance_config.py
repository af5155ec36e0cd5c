"""The `/search` handler's ranking, spellcheck, suggester, highlighting, collapsing and
more-like-this, on a handful of hand-built postings indexed through `to_solr`."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pysolr
import pytest
import requests

from indexer.model import Posting, assign_id
from indexer.solr_document import F, to_solr

NOW = datetime.now(timezone.utc)
OLD = NOW - timedelta(days=400)


def posting(title: str, company: str, description: str = "", *, skills=(), posted_at=OLD,
            url: str | None = None, **fields) -> Posting:
    slug = f"{company}-{title}".lower().replace(" ", "-")
    return assign_id(Posting(
        source="tests", title=title, company=company, description=description, skills=list(skills),
        posted_at=posted_at, url=url or f"https://jobs.example.com/{slug}", **fields,
    ))


POSTINGS = [
    posting("Data Engineer", "Acme", "Build batch pipelines in Spark and Airflow.", skills=["Spark"]),
    posting("Software Engineer", "Initech",
            "Work next to our data engineer and analysts on the billing service."),
    posting("Platform Engineer", "Globex", "Run our k8s clusters with Terraform.", skills=["Kubernetes"]),
    posting("Site Reliability Engineer", "Umbrella", "Operate Kubernetes clusters on AWS with Terraform.",
            skills=["Kubernetes"]),
    posting("Account Executive", "Hooli", "Close new business with mid-market customers."),
    posting("Executive Assistant", "Hooli", "Support our executive team with calendars and travel."),
    posting("Developer Advocate", "Stark", "Talks, docs and samples for the developer community."),
    posting("Python Developer", "Wayne", "Django and Python services.", skills=["Python"]),
    posting("Backend Developer", "Wayne", "Java services. <script>alert(1)</script> & more Java."),
    posting("Product Designer", "Pied Piper", "Figma, user research, design systems."),
    posting("Manager, Financial Planning & Analysis", "Vandelay", "Budgets and forecasts."),
    posting("Senior FP&A Analyst", "Soylent", "Monthly close and forecasts."),
    posting("Product Designer", "Pied Piper", "Figma, user research, design systems.",
            url="https://jobs.example.com/pied-piper-product-designer-berlin"),
    posting("Product Manager", "Vandelay", "Own the roadmap.", posted_at=NOW - timedelta(days=2)),
    posting("Product Manager", "Soylent", "Own the roadmap.", posted_at=NOW - timedelta(days=200)),
]


@pytest.fixture(scope="module")
def search(solr_url, make_collection):
    """search(q, **params) -> Solr's JSON answer from the /search handler."""
    alias, _ = make_collection()
    pysolr.Solr(f"{solr_url}/{alias}", always_commit=True, timeout=60).add([to_solr(p) for p in POSTINGS])
    http = requests.Session()

    def run(q: str, handler: str = "search", **params) -> dict:
        response = http.get(f"{solr_url}/{alias}/{handler}",
                            params={"q": q, "fl": f"{F.ID},{F.TITLE},{F.COMPANY},score", "wt": "json", **params},
                            timeout=30)
        assert response.status_code == 200, response.text[:500]
        return response.json()

    return run


def titles(body: dict) -> list[str]:
    return [doc[F.TITLE] for doc in body["response"]["docs"]]


def test_a_title_match_ranks_above_a_description_mention(search):
    assert titles(search("data engineer"))[:2] == ["Data Engineer", "Software Engineer"]


def test_an_abbreviation_finds_the_full_form(search):
    assert sorted(titles(search("k8s"))) == ["Platform Engineer", "Site Reliability Engineer"]
    assert titles(search("devrel")) == ["Developer Advocate"]


def test_fpa_finds_both_spellings(search):
    assert sorted(titles(search("fp&a"))) == ["Manager, Financial Planning & Analysis", "Senior FP&A Analyst"]
    assert sorted(titles(search("financial planning and analysis"))) == sorted(titles(search("fp&a")))


def test_ae_means_account_executive_not_executive_assistant(search):
    assert titles(search("ae")) == ["Account Executive"]


def test_misspelling_finds_nothing_but_the_collation_does(search):
    body = search("pyhton developer", spellcheck="true")
    assert body["response"]["numFound"] == 0
    suggestions = dict(zip(*[iter(body["spellcheck"]["suggestions"])] * 2))
    assert "python" in suggestions["pyhton"]["suggestion"]
    collations = dict(zip(*[iter(body["spellcheck"]["collations"])] * 2))
    assert collations["collation"]["collationQuery"] == "python developer"
    assert collations["collation"]["hits"] == 1


def test_misspelled_skill_gets_corrected(search):
    body = search("kubernets", spellcheck="true")
    collations = dict(zip(*[iter(body["spellcheck"]["collations"])] * 2))
    assert collations["collation"]["collationQuery"] == "kubernetes"
    assert collations["collation"]["hits"] == 2


def test_recent_postings_rank_first_among_equal_matches(search):
    body = search("product manager", fl=f"{F.COMPANY},score")
    docs = body["response"]["docs"]
    assert [d[F.COMPANY] for d in docs] == ["Vandelay", "Soylent"]
    assert 1.7 < docs[0]["score"] / docs[1]["score"] < 2.0  # 2 days old: ~1.94x; 200 days: ~1.13x


def test_highlights_are_escaped_html_with_marks(search):
    body = search("java", hl="true", fl=F.ID)
    snippet = " ".join(next(iter(body["highlighting"].values()))[F.DESCRIPTION])
    assert "<mark>Java</mark>" in snippet
    assert "&lt;script&gt;" in snippet and "<script>" not in snippet
    assert "&amp;" in snippet


def test_collapse_keeps_one_of_near_duplicate_postings(search):
    assert titles(search("product designer")) == ["Product Designer", "Product Designer"]
    collapsed = search("product designer", fq=f"{{!collapse field={F.DEDUP_KEY}}}")
    assert titles(collapsed) == ["Product Designer"]


def test_more_like_this_finds_the_similar_posting(search):
    source = next(p for p in POSTINGS if p.title == "Platform Engineer")
    body = search(f"{{!mlt qf={F.TITLE},{F.DESCRIPTION} mintf=1 mindf=2}}{source.id}", handler="select")
    assert titles(body)[0] == "Site Reliability Engineer"
    assert source.id not in [doc[F.ID] for doc in body["response"]["docs"]]


def test_suggester_offers_each_title_once_most_common_first(search, solr_url):
    body = search("", handler="suggest", **{"suggest.q": "prod", "suggest.build": "true"})
    terms = [s["term"] for s in body["suggest"]["default"]["prod"]["suggestions"]]
    assert terms[:2] == ["Product Designer", "Product Manager"] or terms[:2] == ["Product Manager", "Product Designer"]
    assert len(terms) == len(set(terms))
    skills = search("", handler="suggest", **{"suggest.q": "kube"})["suggest"]["default"]["kube"]["suggestions"]
    assert [s["term"] for s in skills] == ["Kubernetes"]
