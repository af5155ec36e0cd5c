"""The demo postings (indexer/demo.py): deterministic, read by the real parser without a reject,
varied once enriched, and a full search page once indexed."""
from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta, timezone

import pysolr
import pytest

from indexer import pipeline
from indexer.demo import DAYS_BACK, DEFAULT_COUNT, demo_records, write_demo_postings
from indexer.enrich.seniority import SENIORITY_LEVELS
from indexer.model import Posting
from searchapp.app import create_app

TODAY = date(2025, 11, 3)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.jsonl"
    assert write_demo_postings(path, today=TODAY) == DEFAULT_COUNT
    return path


@pytest.fixture(scope="module")
def parsed(demo_file) -> list[Posting]:
    items = list(pipeline.parse([str(demo_file)]))
    rejects = [item for item in items if not isinstance(item, Posting)]
    assert rejects == []
    return items


def test_the_same_arguments_give_the_same_file(demo_file, tmp_path):
    again = tmp_path / "again.jsonl"
    write_demo_postings(again, today=TODAY)
    assert again.read_bytes() == demo_file.read_bytes()
    assert len(demo_file.read_text(encoding="utf-8").splitlines()) == DEFAULT_COUNT


def test_today_moves_only_the_dates():
    before = demo_records(50, today=TODAY)
    later = demo_records(50, today=TODAY + timedelta(days=10))
    for old, new in zip(before, later):
        assert {k: v for k, v in old.items() if k != "date_posted"} == {k: v for k, v in new.items() if k != "date_posted"}
        moved = datetime.fromisoformat(new["date_posted"]) - datetime.fromisoformat(old["date_posted"])
        assert moved == timedelta(days=10)


def test_a_small_set_is_the_start_of_the_full_one():
    assert demo_records(30, today=TODAY) == demo_records(today=TODAY)[:30]
    assert demo_records(0) == []


def test_every_record_is_read_and_none_is_a_duplicate(parsed):
    assert len(parsed) == DEFAULT_COUNT
    assert len({p.id for p in parsed}) == DEFAULT_COUNT
    assert len({(p.company, p.title.lower(), tuple(p.location_texts)) for p in parsed}) == DEFAULT_COUNT


def test_dates_are_spread_over_the_days_before_today(parsed):
    midnight = datetime(TODAY.year, TODAY.month, TODAY.day, tzinfo=timezone.utc)
    dates = [p.posted_at for p in parsed]
    assert all(midnight - timedelta(days=DAYS_BACK) <= d < midnight for d in dates)
    assert len({d.date() for d in dates}) >= DAYS_BACK - 5
    assert sum(d >= midnight - timedelta(days=7) for d in dates) >= 20  # "past week" is never empty


def test_enriched_facets_are_varied(parsed):
    categories = Counter(p.category for p in parsed)
    assert len(categories) >= 10 and "Other" not in categories
    assert max(categories.values()) < DEFAULT_COUNT / 4
    places = [loc for p in parsed for loc in p.locations]
    assert all(loc.country_code for loc in places)  # every demo place is one the gazetteer knows
    assert len({loc.country_code for loc in places}) >= 15
    cities = {loc.city for loc in places if loc.city}
    assert len(cities) >= 25 and {"San Francisco", "London", "Copenhagen", "Århus", "Bengaluru"} <= cities
    assert all(loc.latitude is not None for loc in places if loc.city)
    skills = Counter(s for p in parsed for s in p.skills)
    assert len(skills) >= 100
    assert sum(len(p.skills) >= 4 for p in parsed) >= 0.9 * DEFAULT_COUNT
    assert {p.seniority for p in parsed} >= set(SENIORITY_LEVELS)
    assert {p.remote for p in parsed} == {"remote", "hybrid", "onsite"}
    assert {p.employment_type for p in parsed} >= {"full_time", "contract", "internship"}
    assert len({p.company for p in parsed}) >= 25


def test_salaries_are_read_in_local_currencies(parsed, demo_file):
    records = demo_records(today=TODAY)
    paid = [(r, p) for r, p in zip(records, parsed) if "salary_min" in r]
    assert len(paid) >= DEFAULT_COUNT / 2
    for record, posting in paid:
        assert posting.salary is not None
        assert (posting.salary.min, posting.salary.max) == (record["salary_min"], record["salary_max"])
        assert posting.salary.min < posting.salary.max
        assert posting.salary.currency == record["salary_currency"]
        assert posting.salary.period in ("year", "month", "day", "hour")
    assert len({p.salary.currency for _, p in paid}) >= 10
    us = [p.salary for _, p in paid if p.locations[0].country_code == "US" and p.salary.period == "year"]
    assert us and all(s.currency == "USD" and 40_000 <= s.min <= 500_000 for s in us)


def test_the_indexed_demo_set_fills_the_search_page(demo_file, solr_url, make_collection):
    alias, _ = make_collection()
    summary = pipeline.index([str(demo_file)], pysolr.Solr(f"{solr_url}/{alias}", timeout=120))
    assert (summary.indexed, summary.duplicates, sum(summary.rejected.values())) == (DEFAULT_COUNT, 0, 0)
    client = create_app({"TESTING": True, "SOLR_URL": solr_url, "COLLECTION": alias}).test_client()

    data = client.get("/api/v1/search").get_json()
    assert data["total"] == DEFAULT_COUNT and len(data["results"]) == 20
    facets = data["facets"]
    for key in ("location", "category", "skill", "company"):
        assert facets[key]["more"], key  # more values than the sidebar shows
    assert {v["value"] for v in facets["seniority"]["values"]} == set(SENIORITY_LEVELS)
    assert {v["value"] for v in facets["remote"]["values"]} == {"remote", "hybrid", "onsite"}

    searched = client.get("/api/v1/search?q=kubernetes&skill=Terraform").get_json()
    assert 0 < searched["total"] < DEFAULT_COUNT
    assert all("Terraform" in job["skills"] for job in searched["results"])
    near = client.get("/api/v1/search?near=Copenhagen&radius_km=250").get_json()  # Copenhagen and Aarhus
    assert {loc.split(",")[0] for job in near["results"] for loc in job["locations"]} >= {"Copenhagen"}
    assert near["total"] > 0
    assert client.get("/api/v1/search?sort=salary").get_json()["results"][0]["salary"]["currency"]
