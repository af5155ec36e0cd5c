"""CSV, JSON Lines and JSON files of posting records, and the helpers their fields go through."""
from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from indexer.model import Posting, Salary
from indexer.sources import Reject, read_source
from indexer.sources.dates import parse_date
from indexer.sources.location_text import split_location_text


def postings(items):
    return [i for i in items if isinstance(i, Posting)]


def rejects(items):
    return [(r.source, r.reason) for r in items if isinstance(r, Reject)]


def test_csv_with_aliases_and_a_row_without_title(tmp_path):
    path = tmp_path / "jobs.csv"
    path.write_text(
        "Job Title,Company Name,Location,Date Posted,Employment Type,Salary Min,Salary Max,Currency,Salary Period,"
        "Description,Unknown Column\n"
        '"Data Engineer",Acme,"Berlin; Munich",2025-10-01,Full-time,70000,90000,eur,yearly,"Build <b>pipelines</b>",x\n'
        ",Nobody Inc,Paris,,,,,,,,\n"
        '"Nurse, nights",Care,"Remote (United States | Canada)",05/10/2025,,,,,,"Line one\n\nLine two",\n',
        "utf-8")
    items = read_source(str(path))
    engineer, nurse = postings(items)
    assert rejects(items) == [(f"{path}:3", "missing_title")]
    assert (engineer.title, engineer.company) == ("Data Engineer", "Acme")
    assert engineer.location_texts == ["Berlin", "Munich"]
    assert engineer.posted_at == datetime(2025, 10, 1, tzinfo=timezone.utc)
    assert engineer.raw_employment_type == "Full-time" and engineer.employment_type is None
    assert engineer.salary == Salary(min=70000.0, max=90000.0, currency="EUR", period="year")
    assert (engineer.description, engineer.description_html) == ("Build pipelines", "Build <b>pipelines</b>")
    assert nurse.title == "Nurse, nights"
    assert nurse.location_texts == ["Remote (United States | Canada)"]  # the bar inside brackets is no separator
    assert nurse.posted_at == datetime(2025, 10, 5, tzinfo=timezone.utc)  # day first
    assert nurse.description == "Line one\n\nLine two"
    assert all(p.source == str(path) for p in (engineer, nurse))


def test_semicolon_csv_in_windows_1252(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes("title;company;city;country\nKøkkenchef;Café Ø;Århus;Danmark\n".encode("cp1252"))
    [posting] = read_source(str(path))
    assert (posting.title, posting.company, posting.location_texts) == ("Køkkenchef", "Café Ø", ["Århus, Danmark"])


def test_csv_detected_by_header_without_csv_name(tmp_path):
    path = tmp_path / "export.txt"
    path.write_text("id|job_title|company\n7|Welder|Steel A/S\n", "utf-8")
    [posting] = read_source(str(path))
    assert (posting.source_id, posting.title, posting.company) == ("7", "Welder", "Steel A/S")


def test_json_lines_keep_going_past_bad_lines(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"title": "A", "company": "X", "locations": ["Oslo", "Bergen"], "remote": "Hybrid",
                    "skills": "Go, SQL"}),
        "{not json",
        json.dumps({"jobTitle": "B", "is_remote": True, "published_at": 1759312800,
                    "salary": {"min": 40, "max": 55, "currency": "usd", "period": "hour"}}),
        '{"title": "caf\xe9"}'.encode("latin-1").decode("latin-1"),
        "[1, 2]",
        json.dumps({"company": "No title"}),
        "",
        json.dumps({"@type": "JobPosting", "title": "C", "hiringOrganization": "Y"}),
    ]
    data = b"\n".join(line.encode("latin-1") if "caf" in line else line.encode("utf-8") for line in lines)
    path.write_bytes(data)
    items = read_source(str(path))
    a, b, c = postings(items)
    assert rejects(items) == [(f"{path}:2", "invalid_json"), (f"{path}:4", "encoding"), (f"{path}:5", "unsupported"),
                              (f"{path}:6", "missing_title")]
    assert (a.location_texts, a.remote, a.skills) == (["Oslo", "Bergen"], "hybrid", ["Go", "SQL"])
    assert (b.title, b.remote) == ("B", "remote")
    assert b.salary == Salary(min=40.0, max=55.0, currency="USD", period="hour")
    assert b.posted_at == datetime(2025, 10, 1, 10, 0, tzinfo=timezone.utc)
    assert (c.title, c.company) == ("C", "Y")


def test_json_list_and_wrapped_records(tmp_path):
    listed = tmp_path / "list.json"
    listed.write_text(json.dumps([{"title": "One", "company_name": "A"}, 5, {"title": ""}]), "utf-8")
    items = read_source(str(listed))
    assert [p.title for p in postings(items)] == ["One"]
    assert rejects(items) == [(f"{listed}#1", "unsupported"), (f"{listed}#2", "missing_title")]

    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text(json.dumps({"results": [{"position": "Two", "employer": {"name": "B"}}]}), "utf-8")
    [posting] = read_source(str(wrapped))
    assert (posting.title, posting.company) == ("Two", "B")


def test_schema_org_json_file(tmp_path):
    path = tmp_path / "postings.json"
    path.write_text(json.dumps({"@context": "https://schema.org", "@type": "ItemList", "itemListElement": [
        {"@type": "ListItem", "item": {"@type": "JobPosting", "title": "Chef", "hiringOrganization": {"name": "Bistro"},
                                       "jobLocationType": "TELECOMMUTE",
                                       "applicantLocationRequirements": {"@type": "Country", "name": "Denmark"}}},
        {"@type": "ListItem", "item": {"@type": "JobPosting", "name": "Waiter", "datePosted": "2025-09-30"}},
        {"@type": "ListItem", "item": {"@type": "JobPosting", "hiringOrganization": "Nobody"}},
    ]}), "utf-8")
    items = read_source(str(path))
    chef, waiter = postings(items)
    assert (chef.company, chef.remote, chef.location_texts) == ("Bistro", "remote", ["Denmark"])
    assert (waiter.title, waiter.posted_at) == ("Waiter", datetime(2025, 9, 30, tzinfo=timezone.utc))
    assert rejects(items) == [(f"{path}#2", "missing_title")]


@pytest.mark.parametrize("text, expected", [
    ("2025-10-01T12:00:00+02:00", datetime(2025, 10, 1, 10, 0, tzinfo=timezone.utc)),
    ("2025-10-01", datetime(2025, 10, 1, tzinfo=timezone.utc)),
    ("Thu Jul 01 00:00:00 UTC 2021", datetime(2021, 7, 1, tzinfo=timezone.utc)),
    ("Wed Jul 28 00:00:00 CEST 2021", datetime(2021, 7, 27, 22, 0, tzinfo=timezone.utc)),
    ("06/05/2021", datetime(2021, 5, 6, tzinfo=timezone.utc)),
    ("12/31/2021", datetime(2021, 12, 31, tzinfo=timezone.utc)),
    ("May 05, 2021", datetime(2021, 5, 5, tzinfo=timezone.utc)),
    ("6. juli 2021", datetime(2021, 7, 6, tzinfo=timezone.utc)),
    ("Tue, 07 Oct 2025 08:00:00 GMT", datetime(2025, 10, 7, 8, 0, tzinfo=timezone.utc)),
    ("As soon as possible", None),
    ("31/31/2021", None),
])
def test_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("US - California - Palo Alto US - California - San Francisco (HQ)",
     ["US - California - Palo Alto", "US - California - San Francisco (HQ)"]),
    ("Remote (United States | Canada)", ["Remote (United States | Canada)"]),
    ("Berlin; Munich | Paris", ["Berlin", "Munich", "Paris"]),
    ("Remote - United States", ["Remote - United States"]),
    ("San Francisco, CA - US", ["San Francisco, CA - US"]),
])
def test_location_text_split(text, expected):
    assert split_location_text(text) == expected


def test_kind_comes_from_content_not_name(tmp_path):
    feed = tmp_path / "board.txt"
    feed.write_text(json.dumps({"jobs": [{"id": "1", "title": "Baker"}], "apiVersion": 1}), "utf-8")
    [posting] = read_source(str(feed))
    assert (posting.title, posting.company) == ("Baker", "board")
    page = tmp_path / "posting.json"
    page.write_text("<!DOCTYPE html><html><body><h1>Baker</h1><p>" + "Bake bread for our shop every day. " * 8
                    + "</p></body></html>", "utf-8")
    [posting] = read_source(str(page))
    assert posting.title == "Baker" and posting.description.startswith("Bake bread")
