"""Category mapping: the seed's category, titles over departments, and the Ashby corpus as a whole."""
from __future__ import annotations

import collections
import gzip
import json

import pytest

from indexer.enrich.category import CATEGORIES, OTHER, TECH_FAMILY, categorize


def test_seed_category_maps_to_engineering():
    title = "Senior / Lead Data Engineer, ML / Deep Learning"
    assert categorize(title, None, "Technology - Software Development") == "Software Engineering"
    assert categorize(title, None, None) == "Data & Analytics"  # with no category, the title decides


@pytest.mark.parametrize("title, department, expected", [
    ("Account Executive", "Engineering", "Sales"),
    ("Enterprise Account Executive - US", "All Cost Center", "Sales"),
    ("Senior Engineer", "Hardware", "Hardware Engineering"),
    ("Senior Engineer", "Engineering", "Software Engineering"),
    ("Software Engineer, Healthcare", "Engineering", "Software Engineering"),
    ("Machine Learning Engineer (LLM)", "AI Engineer", "Machine Learning & AI"),
    ("AI Product Manager", "Product", "Product Management"),
    ("Product Marketing Director - Mob Control", "Gaming", "Marketing"),
    ("Senior 2D Artist - Cup Heroes", "Gaming", "Design"),
    ("Staff Technical Support Engineer", "All Cost Center", "Customer Success & Support"),
    ("Senior Application Security Engineer", "Builder", "Security"),
    ("Registered Behavior Technician (RBT)", "Clinical", "Healthcare & Clinical"),
    ("LILT | Thai AI Content Experts", "Translators & Linguists", "Writing & Translation"),
    ("Head of Talent", "Operations", "People & HR"),
    ("Credit Analyst", "Commercial", "Finance & Accounting"),
    ("Staff Pharmacist (7x7)", "PHARMACY", "Healthcare & Clinical"),
    ("STRASBOURG - Operations Manager (m/f/d)", "Station Operations", "Operations & Logistics"),
    ("Mobile RV Technician (m/f/d)", "Fleet Operations", "Skilled Trades & Facilities"),
    ("Research Scientist", "Research", "Machine Learning & AI"),
    ("Research Scientist", "Biology", "Research & Science"),
    ("Open Application", "General", OTHER),
])
def test_title_decides_and_department_breaks_ties(title, department, expected):
    assert categorize(title, department, None) == expected


@pytest.mark.parametrize("title, expected", [
    # the head noun names the job, not the word before it
    ("Senior Commercial Counsel", "Legal & Compliance"),
    ("GTM Recruiter", "People & HR"),
    ("Senior Revenue Accountant", "Finance & Accounting"),
    ("Head of Product Design", "Design"),
    ("Sales Strategy & Operations Manager", "Operations & Logistics"),
    ("Mechanical Engineering Manager", "Hardware Engineering"),
    ("Data Engineering Manager", "Data & Analytics"),
    # ... unless it only qualifies the head from behind a preposition
    ("Executive Assistant to the CEO", "Administrative"),
    ("Recruiter for Sales", "People & HR"),
    # a compound ending in the head noun beats the head noun alone
    ("Chief Information Security Officer", "Security"),
    ("Security Officer", "Skilled Trades & Facilities"),
    ("IT Support Engineer", "IT & Support"),
    ("Customer Support Engineer", "Customer Success & Support"),
    ("Data Center Technician", "DevOps & Infrastructure"),
    ("ML Ops Engineer", "Machine Learning & AI"),
    ("Information Security Risk Analyst", "Security"),
    # a leader's title names the function led
    ("Chief Information Officer", "IT & Support"),
    ("Director of Design", "Design"),
    ("VP of Design", "Design"),
    ("Chief Design Officer", "Design"),
    ("VP of People", "People & HR"),
    ("Director of Research", "Research & Science"),
    ("Research Manager", "Research & Science"),
    ("Documentation Manager", "Writing & Translation"),
    ("Chief Customer Officer", "Customer Success & Support"),
    ("Chief Financial Officer", "Finance & Accounting"),
    ("Vice President, Legal", "Legal & Compliance"),
    ("Engineering Manager", "Software Engineering"),
    ("Lead Product Engineer", "Software Engineering"),  # "Lead" here is a level, not a leader
    ("Technical Writer", "Writing & Translation"),
])
def test_head_noun_and_leaders_without_department(title, expected):
    assert categorize(title, None, None) == expected


@pytest.mark.parametrize("title, department, expected", [
    ("Chief Financial Officer", "Operations", "Finance & Accounting"),
    ("VP, Finance", "Finance/HR/Ops", "Finance & Accounting"),
    ("Director, Design", "Product", "Design"),
    ("Engineering Manager, Core Infrastructure", "Engineering", "Software Engineering"),
    ("Research Engineer", "Research", "Machine Learning & AI"),
    ("Design Engineer", "Hardware", "Hardware Engineering"),  # a field word outside a leader's title is weak
    ("Regional Vice President - DoD", "Sales", "Sales"),  # a vice president is no president (CEO)
    ("Packaging Engineering Intern - Summer", "Internships & Co-ops", "Software Engineering"),
])
def test_leaders_titles_over_departments(title, department, expected):
    assert categorize(title, department, None) == expected


@pytest.mark.parametrize("title, occupation, expected", [
    ("warehouse employee", "Lager- og logistikmedarbejder", "Operations & Logistics"),
    ("Motivated forklift drivers for temporary positions during the summer in Skanderborg", "Truckfører",
     "Operations & Logistics"),
    ("Tenure track assistant professor in applied statistics", "Adjunkt, samfundsvidenskab", "Education"),
    ("Software Developers (Back End & Full Stack)", "Programmør og systemudvikler", "Software Engineering"),
    ("Vice President of Product Marketing", "Marketingchef", "Marketing"),
    ("carpenter", "Tømrer", "Skilled Trades & Facilities"),
    ("B2B Sales Specialist", "Salgskonsulent", "Sales"),
    ("PhD", "Forsker, samfundsvidenskab", "Research & Science"),
])
def test_careers_page_jobs(title, occupation, expected):
    assert categorize(title, None, occupation) == expected


def test_every_careers_page_occupation_maps(shared_data):
    occupations = set()
    for path in (shared_data / "careers-html" / "truth").glob("*.json"):
        occupations |= {p["Occupation"] for p in json.loads(path.read_text()).get("JobPositionPostings", [])}
    occupations.discard("")
    assert occupations
    for occupation in occupations:
        assert categorize("", None, occupation) != OTHER, occupation


def test_ashby_corpus_distribution(shared_data):
    counts = collections.Counter()
    for path in sorted((shared_data / "ashby-2025-10").glob("*.json.gz")):
        for job in json.load(gzip.open(path))["jobs"]:
            counts[categorize(job["title"], job["department"], None)] += 1
    total = sum(counts.values())
    assert set(counts) <= set(CATEGORIES)
    assert counts[OTHER] / total < 0.03
    assert counts.most_common(1)[0][0] == "Software Engineering"
    assert counts["Sales"] / total > 0.10
    assert len([c for c in counts if counts[c] >= 20]) >= 20  # the list is actually used


def test_family_covers_engineering_only():
    assert "Software Engineering" in TECH_FAMILY and "Sales" not in TECH_FAMILY
