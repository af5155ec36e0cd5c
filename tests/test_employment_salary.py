"""Employment type and salary parsing on the Ashby corpus and careers-page values."""
from __future__ import annotations

import gzip
import json

import pytest

from indexer.enrich.employment import normalize_employment_type
from indexer.enrich.salary import parse_salary
from indexer.sources import read_source
from indexer.model import EMPLOYMENT_TYPES, SALARY_PERIODS, Salary


@pytest.mark.parametrize("raw, title, expected", [
    ("FullTime", "Software Engineer", "full_time"),
    ("PartTime", "Barista", "part_time"),
    ("Contract", "Designer", "contract"),
    ("Intern", "Summer Analyst", "internship"),
    ("Temporary", "Picker", "temporary"),
    ("FullTime", "Software Engineering Intern", "internship"),
    ("Fuldtid", "Lagermedarbejder", "full_time"),
    ("Deltid", "Rengøringsassistent", "part_time"),
    ("Fastansættelse", "Truckfører", "full_time"),
    ("Tidsbegrænset ansættelse", "Truckfører", "temporary"),
    (None, "Medarbejdere til sommer vikariater på lager i Kolding", "temporary"),
    (None, "Part-time Tutor", "part_time"),
    (None, "Freelance Translator", "contract"),
    (None, "Contract Manager", "unknown"),
])
def test_employment_type(raw, title, expected):
    assert normalize_employment_type(raw, title, "") == expected


def test_description_is_the_last_resort():
    assert normalize_employment_type(None, "Engineer", "This is a full-time, permanent role.") == "full_time"
    assert normalize_employment_type(None, "Engineer", "") == "unknown"


@pytest.fixture(scope="module")
def ashby_jobs(shared_data):
    jobs = []
    for path in sorted((shared_data / "ashby-2025-10").glob("*.json.gz")):
        jobs.extend(json.load(gzip.open(path))["jobs"])
    return jobs


def test_every_ashby_employment_type_is_known(ashby_jobs):
    for job in ashby_jobs:
        kind = normalize_employment_type(job["employmentType"], job["title"], "")
        assert kind in EMPLOYMENT_TYPES and kind != "unknown", job["employmentType"]


@pytest.mark.parametrize("text, expected", [
    ("$150K – $200K • Offers Equity", Salary(150_000, 200_000, "USD", "year")),
    ("€60,000 - €80,000 per year", Salary(60_000, 80_000, "EUR", "year")),
    ("£45k", Salary(45_000, 45_000, "GBP", "year")),
    ("$50/hr", Salary(50, 50, "USD", "hour")),
    ("120.000 - 140.000 EUR", Salary(120_000, 140_000, "EUR", "year")),
    ("CA$140K – CA$180K", Salary(140_000, 180_000, "CAD", "year")),
    ("DKK 45.000 pr. måned", Salary(45_000, 45_000, "DKK", "month")),
    ("$18.00 – $24.00 per hour", Salary(18, 24, "USD", "hour")),
    ("$80K – $100K • OTE $160 - $200k", Salary(80_000, 100_000, "USD", "year")),
    ("$104K – $122.5K • Offers Equity", Salary(104_000, 122_500, "USD", "year")),
    ("₹70L – ₹90L • Offers Equity", Salary(7_000_000, 9_000_000, "INR", "year")),
    ("CN¥7K – CN¥7.5K per month", Salary(7_000, 7_500, "CNY", "month")),
    ("₱581K - ₱697.5K", Salary(581_000, 697_500, "PHP", "year")),
    ("up to $90,000", Salary(None, 90_000, "USD", "year")),
    ("$120K+", Salary(120_000, None, "USD", "year")),
])
def test_parse_salary(text, expected):
    assert parse_salary(text) == expected


@pytest.mark.parametrize("text", ["Offers Equity", "Competitive", "", "0.1% – 0.25%"])
def test_no_salary(text):
    assert parse_salary(text) is None


def test_ashby_summaries_agree_with_their_structured_salary(shared_data):
    """Every compensation summary parses; nearly all match the salary the feed gives as numbers
    (summaries round to 0.1K, and a few hourly rates are filed as yearly)."""
    checked = agree = 0
    for path in sorted((shared_data / "ashby-2025-10").glob("*.json.gz")):
        for posting in read_source(str(path)):
            if not posting.salary_text or posting.salary is None:
                continue
            parsed = parse_salary(posting.salary_text)
            assert parsed is not None and parsed.period in SALARY_PERIODS, posting.salary_text
            checked += 1
            agree += (parsed.currency == posting.salary.currency
                      and parsed.min == pytest.approx(posting.salary.min, rel=0.01)
                      and parsed.max == pytest.approx(posting.salary.max, rel=0.01))
    assert checked > 3000 and agree / checked > 0.99
