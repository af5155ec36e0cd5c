"""Seniority from real titles (Ashby corpus and careers pages) and the query vocabulary."""
from __future__ import annotations

import pytest

from indexer.enrich.seniority import SENIORITY_LEVELS, SENIORITY_TERMS, seniority_from_title


@pytest.mark.parametrize("title, level", [
    ("Senior Software Engineer ", "senior"),
    ("Sr. Data Scientist", "senior"),
    ("Snr Backend Developer", "senior"),
    ("Senior / Lead Data Engineer, ML / Deep Learning", "senior"),
    ("Senior/Staff Application Security Engineer", "senior"),
    ("Senior Staff Engineer", "staff"),
    ("Staff+ Software Engineer", "staff"),
    ("Principal Engineer", "principal"),
    ("Tech Lead, Payments", "lead"),
    ("Head of Talent", "director"),
    ("Senior Director of Engineering", "director"),
    ("VP, Engineering", "vp"),
    ("Vice President of Product Marketing", "vp"),
    ("Co-Founder & CTO", "executive"),
    ("Engineering Manager, Core Notes", "manager"),
    ("Senior Manager, Sales Excellence", "manager"),
    ("Senior Product Manager", "senior"),
    ("Software Engineering Intern", "intern"),
    ("Internship - Marketing", "intern"),
    ("Werkstudent (m/w/d)", "intern"),
    ("Full Stack Engineering (New Grad)", "entry"),
    ("Junior Research Scientist", "entry"),
    ("Associate Product Manager", "entry"),
    ("Associate Director, Finance", "director"),
    ("Software Engineer II", "mid"),
    ("Software Engineer III", "senior"),
    ("Software Engineer 2 (API ops)", "mid"),
    ("Technical Account Manager II- Test Automation", "mid"),
    ("Marketingchef", "manager"),
    ("Mid Level Full Stack Engineer", "mid"),
    ("Mid Backend Engineer - Platform", "mid"),
    ("Medior/Senior Financial Risk Officer", "mid"),
    ("Senior Mid-Market Sales Manager", "manager"),
    ("Head of Mid Market Sales", "director"),
    ("Senior Member of Technical Staff", "senior"),
    ("Founder's Associate", "entry"),
    ("Senior Executive Assistant to the CEO", "senior"),
    ("Chief Information Security Officer", "executive"),
    ("Principal Scientist", "principal"),
    ("Sales Graduate Program", "entry"),
    ("Internship Program (All Roles)", "intern"),
])
def test_levels(title, level):
    assert seniority_from_title(title) == level


@pytest.mark.parametrize("title", [
    "Product Manager", "Account Executive", "Customer Success Manager", "Lead Generation Specialist",
    "Chief of Staff", "Staff Accountant", "Python 3 Developer", "UI/UX Designer", "",
    # market segments, not levels
    "Mid-Market Account Executive", "Mid Market Account Executive", "Account Executive, Mid-market",
    "Enterprise Account Executive", "Regional Sales Representative (Mid-Atlantic)",
    # words that look like levels but name the job or whom it serves
    "Staffing Coordinator", "Member of Technical Staff", "Principal Investigator", "Data Entry Clerk",
    "Associate General Counsel", "Intern Program Manager", "Graduate Recruiter",
    "Chief of Staff to the CEO", "Executive Assistant to the CEO", "Ex-Founder",
])
def test_no_level(title):
    assert seniority_from_title(title) is None


def test_query_terms_name_levels():
    assert set(SENIORITY_TERMS.values()) <= set(SENIORITY_LEVELS)
    assert SENIORITY_TERMS["sr"] == "senior" and SENIORITY_TERMS["new grad"] == "entry"
    assert SENIORITY_TERMS["head of"] == "director" and SENIORITY_TERMS["vp"] == "vp"
    assert "manager" not in SENIORITY_TERMS  # "product manager" is a job, not a level
