"""GET /api/v1/search against the real Solr: facets and their counts, multi-select, filters,
radius search, sorting, paging, highlighting, spelling suggestion and correction, query
understanding (places, work arrangements, seniority), hostile input."""
from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlencode

import pytest
import requests

from indexer.solr_document import PERIODS_PER_YEAR
from searchapp.search import config

from .search_samples import NASTY_CATEGORY, NASTY_COMPANY, NASTY_SKILL, NOW



def search(client, **params) -> dict:
    args = [(k, v) for k, vs in params.items() for v in (vs if isinstance(vs, list) else [vs])]
    response = client.get(f"/api/v1/search?{urlencode(args)}")
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    return response.get_json()


def all_ids(client, **params) -> set[str]:
    data = search(client, per_page=100, **params)
    assert data["total"] <= 100
    return {job["id"] for job in data["results"]}


def walk(values):
    for value in values:
        yield value
        yield from walk(value.get("children", []))


BASES = [
    {},
    {"q": "engineer"},
    {"skill": "Python"},
    {"location": "0/US", "remote": "onsite"},
    {"location": "2/US/California/San Francisco", "q": "python"},
    {"skill": ["Python", "SQL"], "category": "Data"},
    {"q": "engineer remote"},
]


@pytest.mark.parametrize("base", BASES, ids=lambda b: urlencode(b, doseq=True) or "all")
def test_every_shown_facet_count_equals_the_total_of_filtering_on_it(client, base):
    data = search(client, **base)
    checked = 0
    for key, facet in data["facets"].items():
        for value in walk(facet["values"]):
            filtered = search(client, **{**base, key: value["value"]})
            assert filtered["total"] == value["count"], (key, value["value"])
            checked += 1
    assert checked >= 10


def test_toggle_urls_are_the_search_with_the_value_flipped(client):
    data = search(client, skill="Python")
    python = next(v for v in data["facets"]["skill"]["values"] if v["value"] == "Python")
    assert python["selected"]
    assert client.get(python["toggle_url"]).get_json()["total"] == search(client)["total"]
    sql = next(v for v in data["facets"]["skill"]["values"] if v["value"] == "SQL")
    both = client.get(sql["toggle_url"]).get_json()
    assert {v["value"] for v in both["facets"]["skill"]["values"] if v["selected"]} == {"Python", "SQL"}


def test_or_within_a_facet_and_across_facets(client, postings, ids):
    python = {p.id for p in postings.values() if "Python" in p.skills}
    java = {p.id for p in postings.values() if "Java" in p.skills}
    assert all_ids(client, skill=["Python", "Java"]) == python | java
    london = ids("data-london", "ae-london", "ml-sf-london")
    assert all_ids(client, skill="Python", location="0/GB") == python & london
    assert all_ids(client, skill=["Python", "Java"], location=["0/GB", "1/US/New York"]) == \
        (python | java) & (london | ids("java-nyc", "ae-nyc", "ds-nyc"))


def test_a_facets_counts_ignore_its_own_filter_but_not_the_others(client):
    unfiltered = search(client)
    with_skill = search(client, skill="Python")
    counts = lambda data, key: {v["value"]: v["count"] for v in data["facets"][key]["values"]}  # noqa: E731
    assert counts(with_skill, "skill") == counts(unfiltered, "skill")
    assert counts(with_skill, "company") != counts(unfiltered, "company")
    assert sum(counts(with_skill, "category").values()) < sum(counts(unfiltered, "category").values())


def test_selected_values_show_even_when_other_filters_leave_none(client):
    data = search(client, skill="Go", category="Sales")
    assert data["total"] == 0
    go = [v for v in data["facets"]["skill"]["values"] if v["value"] == "Go"]
    assert go == [{**go[0], "count": 0, "selected": True}]


def test_location_drills_down_country_region_city(client, ids):
    top = search(client)["facets"]["location"]["values"]
    assert {v["value"] for v in top} >= {"0/US", "0/GB", "0/DE", "0/DK", "0/CH"}
    assert next(v for v in top if v["value"] == "0/US")["label"] == "United States"
    us = search(client, location="0/US")["facets"]["location"]["values"]
    regions = next(v for v in us if v["value"] == "0/US")["children"]
    assert {v["label"] for v in regions} == {"California", "New York"}
    california = next(v for v in regions if v["label"] == "California")
    drilled = client.get(california["toggle_url"]).get_json()
    assert drilled["total"] == california["count"]
    cities = next(v for v in next(v for v in drilled["facets"]["location"]["values"] if v["value"] == "0/US")
                  ["children"] if v["label"] == "California")["children"]
    assert {v["label"]: v["count"] for v in cities} == {"San Francisco": 3, "Oakland": 1, "Los Angeles": 1}
    assert all_ids(client, location="2/CH/Bern/Biel/Bienne") == ids("nasty")


def test_radius_search_around_a_named_place(client, ids):
    assert all_ids(client, near="San Francisco", radius_km="25") == ids("python-sf", "frontend-oakland",
                                                                        "ml-sf-london", "staff-sf")
    assert all_ids(client, near="San Francisco", radius_km="5") == ids("python-sf", "ml-sf-london", "staff-sf")
    assert all_ids(client, near="Los Angeles") == ids("analyst-la")
    assert all_ids(client, near="California") == ids("python-sf", "frontend-oakland", "ml-sf-london",
                                                     "staff-sf", "analyst-la")
    data = search(client, near="London", radius_km="30")
    assert [f["key"] for f in data["filters"]] == ["near"]
    assert "London" in data["filters"][0]["label"]


def test_sort_newest_and_by_salary(client, postings):
    newest = search(client, sort="newest", per_page=100)["results"]
    dates = [job["posted_at"] for job in newest if job["posted_at"]]
    assert len(dates) == len(postings) - 1 and dates == sorted(dates, reverse=True)
    assert newest[-1]["posted_at"] is None

    def yearly(job):
        pay = job["salary"] or {}
        top = pay.get("max") if pay.get("max") is not None else pay.get("min")
        return (top or 0) * PERIODS_PER_YEAR.get(pay.get("period") or "year", 1)

    by_salary = search(client, sort="salary", per_page=100)["results"]
    amounts = [yearly(job) for job in by_salary]
    assert amounts == sorted(amounts, reverse=True) and amounts[0] == 280_000


def test_paging_walks_every_result_once(client):
    everything = [job["id"] for job in search(client, sort="newest", per_page=100)["results"]]
    walked, url = [], "/api/v1/search?sort=newest&per_page=4"
    while url:
        page = client.get(url).get_json()
        assert page["per_page"] == 4 and page["pages"] == -(-len(everything) // 4)
        walked += [job["id"] for job in page["results"]]
        url = page["links"]["next"]
    assert walked == everything
    assert search(client, page="99")["results"] == []


def test_posted_within_and_salary_min(client, postings):
    cutoff = NOW - timedelta(days=7)
    recent = {p.id for p in postings.values() if p.posted_at and p.posted_at >= cutoff}
    assert all_ids(client, posted_within="7d") == recent
    def reaches(p, amount):
        top = p.salary and (p.salary.max if p.salary.max is not None else p.salary.min)
        return bool(top) and top * PERIODS_PER_YEAR[p.salary.period] >= amount

    for amount in (100_000, 150_000, 250_000):
        assert all_ids(client, salary_min=str(amount)) == {p.id for p in postings.values() if reaches(p, amount)}


@pytest.mark.parametrize("key,value,posting", [
    ("company", NASTY_COMPANY, "nasty"),
    ("skill", NASTY_SKILL, "nasty"),
    ("category", NASTY_CATEGORY, "nasty"),
    ("skill", "C++", "nasty"),
    ("company", "<i>Evil</i> Corp", "xss"),
])
def test_filter_values_with_quotes_commas_braces_and_local_params(client, ids, key, value, posting):
    data = search(client, **{key: value})
    assert {job["id"] for job in data["results"]} == ids(posting)
    shown = next(v for v in data["facets"][key]["values"] if v["value"] == value)
    assert shown["count"] == 1 and shown["selected"]


def test_matches_are_highlighted_and_nothing_else_is_html(client, ids):
    data = search(client, q="python")
    snippets = {job["id"]: job["snippet"] for job in data["results"]}
    assert "<mark>Python</mark>" in snippets[next(iter(ids("ds-nyc")))]
    hostile = search(client, q="alert payload")["results"]
    assert [job["id"] for job in hostile] == list(ids("xss"))
    snippet = hostile[0]["snippet"]
    assert "<mark>" in snippet and "&lt;script&gt;" in snippet
    assert "<script" not in snippet and "<img" not in snippet
    assert hostile[0]["title"] == "<script>alert(1)</script>"  # JSON carries text; pages escape it


def test_browsing_without_text_shows_the_start_of_each_description(client):
    results = search(client)["results"]
    assert all(job["snippet"] and "<mark>" not in job["snippet"] for job in results if job["title"] != "Registered Nurse")


def test_did_you_mean(client):
    data = search(client, q="pyhton", correct="0")
    assert data["total"] == 0 and data["spelling"] is None
    assert data["spellcheck"]["suggestion"] == "python"
    assert client.get(data["spellcheck"]["url"]).get_json()["total"] == data["spellcheck"]["hits"] > 0
    assert "correct" not in data["spellcheck"]["url"]  # a new text, corrected as usual
    assert search(client, q="python")["spellcheck"] is None


def test_a_misspelled_skill_is_corrected_and_finds_its_postings(client, ids):
    data = search(client, q="kubernets")
    assert data["q"] == "kubernets" and data["spellcheck"] is None
    assert data["spelling"] == {"corrected_from": "kubernets", "query": "kubernetes",
                                "original_url": "/api/v1/search?q=kubernets&correct=0"}
    assert {job["id"] for job in data["results"]} == ids("devops-cph", "staff-sf")
    # self is what was asked; every other link goes on from the correction
    assert data["links"]["self"] == "/api/v1/search?q=kubernets"
    assert data["links"]["first"] == "/api/v1/search?q=kubernetes"
    skill = next(v for v in data["facets"]["skill"]["values"] if v["value"] == "Terraform")
    assert client.get(skill["toggle_url"]).get_json()["total"] == skill["count"] == 1


def test_the_correction_keeps_the_place_and_work_arrangement_words(client, ids):
    data = search(client, q="pyhton engineer london")
    assert data["spelling"]["query"] == "python engineer london"
    assert data["understood"]["place"]["words"] == "london" and data["understood"]["text"] == "python engineer"
    assert {job["id"] for job in data["results"]} == ids("data-london", "ml-sf-london")
    remote = search(client, q="kubernets remote")
    assert remote["spelling"]["query"] == "kubernetes remote"
    assert {job["id"] for job in remote["results"]} == ids("devops-cph")


def test_correct_0_searches_the_text_as_typed(client):
    corrected = search(client, q="pyhton engineer")
    assert corrected["spelling"]["query"] == "python engineer" and corrected["total"] == 3
    typed = client.get(corrected["spelling"]["original_url"]).get_json()
    assert typed["q"] == "pyhton engineer" and typed["total"] == 0 and typed["spelling"] is None
    assert typed["spellcheck"] == {"suggestion": "python engineer", "hits": 3,
                                   "url": "/api/v1/search?q=python+engineer"}
    assert typed["links"]["self"] == corrected["spelling"]["original_url"]


def test_a_query_that_finds_enough_is_not_corrected(client, monkeypatch):
    typed = search(client, q="pyhton engineer platform", correct="0")
    assert 0 < typed["total"] < typed["spellcheck"]["hits"]  # "engineer platform" alone finds some
    assert search(client, q="pyhton engineer platform")["total"] == typed["spellcheck"]["hits"]
    monkeypatch.setattr(config, "CORRECT_BELOW", typed["total"])
    kept = search(client, q="pyhton engineer platform")
    assert kept["spelling"] is None and kept["total"] == typed["total"]
    assert kept["spellcheck"]["suggestion"] == "python engineer platform"
    assert search(client, q="engineer")["spelling"] is None


def test_a_place_in_the_query_becomes_a_removable_filter(client, ids):
    data = search(client, q="account executive london")
    place = data["understood"]["place"]
    assert place["name"] == "London, England, GB" and place["words"] == "london"
    assert data["understood"]["text"] == "account executive"
    assert {job["id"] for job in data["results"]} == ids("ae-london")
    everywhere = client.get(place["remove_url"]).get_json()
    assert "understand=0" in place["remove_url"] and everywhere["understood"] is None
    assert {job["id"] for job in everywhere["results"]} >= ids("ae-london", "ae-nyc")
    only_place = search(client, q="london")
    assert {job["id"] for job in only_place["results"]} == ids("ae-london", "data-london", "ml-sf-london")


@pytest.mark.parametrize("q,text,words,value,found", [
    ("engineer remote", "engineer", "remote", "remote", ["frontend-oakland", "devops-cph"]),
    ("Remote sales", "sales", "Remote", "remote", ["sdr-remote"]),
    ("python hybrid", "python", "hybrid", "hybrid", ["python-sf"]),
    ("on-site account executive", "account executive", "on-site", "onsite", ["ae-london", "ae-nyc"]),
])
def test_a_work_arrangement_in_the_query_becomes_a_removable_filter(client, ids, q, text, words, value, found):
    data = search(client, q=q)
    remote = data["understood"]["remote"]
    assert remote["values"] == [value] and remote["words"] == words
    assert data["understood"]["text"] == text and data["filters"] == []
    assert {job["id"] for job in data["results"]} == ids(*found)
    assert all(job["remote"] == value for job in data["results"])
    without = client.get(remote["remove_url"]).get_json()
    assert without["q"] == text and without["understood"] is None
    assert without["total"] > data["total"]
    assert client.get(data["links"]["clear_filters"]).get_json()["total"] == without["total"]


def test_the_users_own_remote_filter_wins_over_the_words(client, ids):
    data = search(client, q="engineer remote", remote="onsite")
    assert data["understood"]["remote"] is None and data["understood"]["text"] == "engineer"
    assert data["total"] == search(client, q="engineer", remote="onsite")["total"] > 0
    assert all(job["remote"] == "onsite" for job in data["results"])
    # the words only name the filter: clearing the user's filter does not bring them back as one
    assert client.get(data["links"]["clear_filters"]).get_json()["understood"] is None


def test_remote_words_that_name_a_thing_stay_text(client):
    assert search(client, q="remote sensing")["understood"] is None
    assert search(client, q="remote-first")["understood"] is None


def test_a_seniority_word_is_understood_and_ranks_that_level_first(client, ids, solr_url, jobs_collection):
    data = search(client, q="senior engineer")
    assert data["understood"]["seniority"] == "senior"
    ranked = [job["id"] for job in data["results"]]
    assert set(ranked) == ids("python-sf", "ml-sf-london", "devops-cph")
    # both say "senior" only in their descriptions; only the ML posting is at that level
    (ml,), (devops,) = ids("ml-sf-london"), ids("devops-cph")
    assert ranked.index(ml) < ranked.index(devops)
    unboosted = requests.post(f"{solr_url}/{jobs_collection}/search",
                              data={"q": "senior engineer", "fl": "id", "wt": "json"}, timeout=10).json()
    unboosted = [doc["id"] for doc in unboosted["response"]["docs"]]
    assert unboosted.index(ml) > unboosted.index(devops)
    assert search(client, q="engineer")["understood"] is None


@pytest.mark.parametrize("q", [
    "{!lucene}*:*", "*:*", '"unbalanced quote', "(unbalanced bracket", "[range TO", "}{", "AND OR",
    "OR", "NOT", "title:", ":", "\\", "_query_:\"{!lucene}id:*\"", "{!geofilt sfield=geo pt=0,0 d=1}",
    "a" * 5000, " ".join(["engineer"] * 2000), "💼 jöb ñ 求人", "\u0000", "%", "&q=*:*", "$ref0",
])
def test_hostile_queries_are_answered(client, q):
    data = search(client, q=q)
    assert data["total"] >= 0 and data["q"] == q.strip()
    assert client.get(f"/api/v1/facets/skill?{urlencode({'q': q})}").status_code == 200


def test_query_syntax_cannot_widen_a_filtered_search(client, ids):
    for q in ["*:*", "{!lucene}*:*", "_query_:\"{!lucene}*:*\""]:
        found = search(client, q=q, company="Umbrella")
        assert {job["id"] for job in found["results"]} <= ids("ae-nyc", "devops-cph")


def test_the_answer_says_how_long_it_took(client):
    data = search(client, q="python")
    assert data["took_ms"] > 0 and isinstance(data["solr_qtime_ms"], int)
    assert data["links"]["html"].startswith("/search?")
