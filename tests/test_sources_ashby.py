"""Ashby feeds: the whole October 2025 corpus, and the quirks of real scrapes on small feeds."""
from __future__ import annotations

import gzip
import json
import time
from datetime import datetime, timezone

import pytest

from indexer.model import Posting, Salary
from indexer.sources import Reject, iter_sources, read_source


@pytest.fixture(scope="module")
def ashby_dir(shared_data):
    return shared_data / "ashby-2025-10"


def test_whole_corpus_gives_one_posting_per_listed_job(ashby_dir):
    files = sorted(ashby_dir.glob("*.json.gz"))
    expected = unlisted = 0
    for path in files:
        for job in json.loads(gzip.decompress(path.read_bytes()))["jobs"]:
            listed = job.get("isListed") not in (False, "False")
            expected += listed
            unlisted += not listed

    started = time.perf_counter()
    postings, rejects = [], []
    for source in iter_sources([str(ashby_dir)]):
        for item in read_source(source):
            (rejects if isinstance(item, Reject) else postings).append(item)
    elapsed = time.perf_counter() - started

    print(f"\nashby-2025-10: {len(files)} files, {len(postings)} postings, {len(rejects)} rejects, {elapsed:.1f} s")
    assert len(files) == 449
    assert len(postings) == expected == 9396
    assert [r for r in rejects if r.reason != "unlisted"] == []
    assert len(rejects) == unlisted
    assert all(p.title and p.company and p.url and p.posted_at and p.description for p in postings)
    assert all(p.posted_at.tzinfo is not None and p.posted_at.utcoffset().total_seconds() == 0 for p in postings)
    assert all(p.location_texts for p in postings)
    assert all(p.id == "" and p.locations == [] and p.category is None for p in postings), "no ids, no enrichment"


def test_forward_financing_posting(ashby_dir):
    source = str(ashby_dir / "Forward%20Financing.json.gz")
    first = read_source(source)[0]
    assert isinstance(first, Posting)
    assert first.source == source
    assert first.company == "Forward Financing"
    assert first.title == "Lead Analyst, Operational Strategy"
    assert first.source_id == "d0811aaf-18a6-4070-8fe8-979b98335775"
    assert first.url == "https://jobs.ashbyhq.com/Forward%20Financing/d0811aaf-18a6-4070-8fe8-979b98335775"
    assert first.apply_url == first.url + "/application"
    assert (first.department, first.team, first.raw_category) == ("Underwriting", "Underwriting", "Underwriting")
    assert first.raw_employment_type == "FullTime"
    assert first.location_texts == ["Remote - United States"]
    assert first.remote == "unknown"  # isRemote is null in the feed
    assert first.posted_at == datetime(2025, 9, 25, 20, 20, 54, 395000, tzinfo=timezone.utc)
    assert first.description.startswith("Forward Financing is a financial technology company")
    assert "\n\n" in first.description and "<p" not in first.description
    assert first.description_html.startswith("<p>Forward Financing")
    assert "style=" not in first.description_html


def test_structured_salary_from_compensation_components(ashby_dir):
    postings = read_source(str(ashby_dir / "Abridge.json.gz"))
    paid = next(p for p in postings if p.salary_text == "$150K – $170K • Offers Equity")
    assert paid.salary == Salary(min=150000.0, max=170000.0, currency="USD", period="year")


def _feed(tmp_path, name, jobs):
    path = tmp_path / name
    path.write_bytes(gzip.compress(json.dumps({"jobs": jobs, "apiVersion": 1}).encode()))
    return str(path)


def test_python_repr_strings_are_read_as_values(tmp_path):
    job = {
        "id": "j1", "title": "Platform Engineer", "department": "None", "team": "Infra",
        "employmentType": "FullTime", "location": "Remote", "isListed": "True", "isRemote": "True",
        "address": "{'postalAddress': {'addressCountry': 'Germany', 'addressLocality': 'Berlin'}}",
        "secondaryLocations": "[{'location': 'Hybrid', 'address': {'postalAddress': {'addressLocality': "
                              "'Munich', 'addressRegion': 'Bavaria', 'addressCountry': 'Germany'}}}]",
        "compensation": "{'compensationTierSummary': '€80K – €95K', 'summaryComponents': [{'compensationType': "
                        "'Salary', 'interval': '1 YEAR', 'currencyCode': 'EUR', 'minValue': 80000, "
                        "'maxValue': 95000}]}",
        "publishedAt": "2025-10-01T12:00:00+02:00", "descriptionPlain": "",
        "descriptionHtml": "<p>One</p><ul><li>Two</li></ul>",
    }
    [posting] = read_source(_feed(tmp_path, "Acme%20Labs.json.gz", [job]))
    assert posting.company == "Acme Labs"
    assert posting.department is None and posting.raw_category is None
    assert posting.remote == "remote"
    # "Remote" names no place: the address country is added, not the (office) city.
    # "Hybrid" names no place either: the full address is added.
    assert posting.location_texts == ["Remote", "Germany", "Hybrid", "Munich, Bavaria, Germany"]
    assert posting.salary == Salary(min=80000.0, max=95000.0, currency="EUR", period="year")
    assert posting.salary_text == "€80K – €95K"
    assert posting.posted_at == datetime(2025, 10, 1, 10, 0, tzinfo=timezone.utc)
    assert posting.description == "One\n\n- Two"


def test_workplace_type_and_unlisted_and_broken_jobs(tmp_path):
    jobs = [
        {"id": "a", "title": "Hybrid role", "workplaceType": "Hybrid", "isRemote": True, "location": "Paris"},
        {"id": "b", "title": "Hidden role", "isListed": False, "location": "Paris"},
        {"id": "c", "location": "Paris"},
        "not a job",
        {"id": "d", "title": "Office role", "workplaceType": "OnSite", "location": "Paris, France"},
    ]
    source = _feed(tmp_path, "board.json.gz", jobs)
    items = read_source(source)
    assert [getattr(i, "title", None) for i in items] == ["Hybrid role", None, None, None, "Office role"]
    assert [i.remote for i in items if isinstance(i, Posting)] == ["hybrid", "onsite"]
    rejects = [i for i in items if isinstance(i, Reject)]
    assert [(r.source, r.reason) for r in rejects] == [
        (source + "#1", "unlisted"), (source + "#2", "missing_title"), (source + "#3", "bad_record")]
    assert all(r.detail for r in rejects)
