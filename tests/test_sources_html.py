"""Careers-site HTML pages (careers-html/pages), checked against the job board's own records."""
from __future__ import annotations

import json
import re
from datetime import datetime, timezone

import pytest

from indexer.model import Posting
from indexer.sources import Reject, read_source
from indexer.sources.boilerplate import is_noise

JS_SHELLS = (14, 15, 17, 18, 20)
LISTINGS = ("Page01.html", "Page01Alternate.html", "Page02.html", "Page02Alternate.html")
LEGAL_FORMS = re.compile(r"\b(?:a/s|aps|as|inc|ltd|gmbh)\b\.?", re.IGNORECASE)


@pytest.fixture(scope="module")
def pages(shared_data):
    return shared_data / "careers-html" / "pages"


@pytest.fixture(scope="module")
def truth(shared_data):
    """JobPage02.json entry n-1 is the board's record for JobPage02_JobPostingExtended<n>.html."""
    return json.loads((shared_data / "careers-html" / "truth" / "JobPage02.json").read_text("utf-8"))[
        "JobPositionPostings"]


def one_posting(path) -> Posting:
    items = read_source(str(path))
    assert len(items) == 1, items
    assert isinstance(items[0], Posting), items[0]
    return items[0]


def same_employer(page: str, board: str) -> bool:
    """The board records the legal entity ("LEO Pharma A/S", "Coloplast Danmark A/S"); pages may drop
    the legal form or the country subsidiary."""
    a, b = (" ".join(LEGAL_FORMS.sub("", name).lower().split()) for name in (page, board))
    return a.startswith(b) or b.startswith(a)


@pytest.mark.parametrize("number", [10, 11, 13])
def test_posting_matches_board_record(pages, truth, number):
    record = truth[number - 1]
    posting = one_posting(pages / f"JobPage02_JobPostingExtended{number}.html")
    assert posting.title == record["JobHeadline"]
    assert same_employer(posting.company, record["HiringOrgName"])
    assert any(record["WorkPlaceCity"] in text for text in posting.location_texts)


@pytest.mark.parametrize("number, page_title", [
    (12, "Two postdoctoral positions in field-based research and modelling of permafrost-affected ecosystems "
         "at Center for Permafrost, University of Copenhagen (Denmark)"),
    (16, "PhD Stipend in State of Temperature Estimation in Smart Batteries using Artificial Intelligence (14-21065)"),
])
def test_phd_pages_keep_the_page_headline(pages, truth, number, page_title):
    """The board files both under its occupation label "PhD"; the page's own headline is the title."""
    record = truth[number - 1]
    assert record["JobHeadline"] == "PhD"
    posting = one_posting(pages / f"JobPage02_JobPostingExtended{number}.html")
    assert posting.title == page_title
    assert posting.company == record["HiringOrgName"]
    assert all(record["WorkPlaceCity"] in text for text in posting.location_texts)
    assert bool(posting.location_texts) == bool(record["WorkPlaceCity"])


def test_page_19_wording_of_its_title_wins(pages, truth):
    record = truth[18]
    assert record["JobHeadline"] == "Senior Manager, Sales Excellence"
    posting = one_posting(pages / "JobPage02_JobPostingExtended19.html")
    assert posting.title == "Senior Manager, Sales Force Excellence"  # schema.org microdata on the page
    assert posting.company == "Coloplast A/S" and same_employer(posting.company, record["HiringOrgName"])
    assert posting.location_texts == ["Humlebæk, DK"]
    assert posting.raw_category == "Marketing"
    assert posting.posted_at == datetime(2021, 7, 1, tzinfo=timezone.utc)
    assert posting.language == "en"
    assert posting.description_html and "<script" not in posting.description_html
    assert "Join Sales Force Excellence and link up with our markets" in posting.description
    for noise in ("agreeing to the use of cookies", "Deutsch (Deutschland)", "Send me alerts",
                  "Join our Career Network"):
        assert noise not in posting.description


def test_novo_nordisk_page_fields_and_clean_text(pages):
    posting = one_posting(pages / "JobPage02_JobPostingExtended10.html")
    assert posting.company == "Novo Nordisk A/S"  # from the footer's copyright line
    assert posting.location_texts == ["Bagsværd, Denmark"]  # "Placering"
    assert posting.raw_category == "General Management and Administration"  # "Jobkategori"
    assert "We have 1 available temporary position." in posting.description
    paragraphs = posting.description.split("\n\n")
    assert "About the department" in paragraphs
    for noise in ("Behandlings-områder", "Lignende stillinger", "Tianjin", "Cookie-politik", "CVR-nr", "Ansøg nu",
                  "Placering", "Jobkategori"):
        assert noise not in posting.description


def test_leo_pharma_labels_under_headings(pages):
    posting = one_posting(pages / "JobPage02_JobPostingExtended13.html")
    assert posting.location_texts == ["Ballerup, Greater Copenhagen, DK"]
    assert posting.raw_employment_type == "Permanent; Full-time"
    assert posting.url == "http://leopharma.easycruit.com/vacancy/2738279/127513?iso=gb"
    assert "- Strong IT flair – documented through previous experience, either professional or private." in \
        posting.description.split("\n\n")


@pytest.mark.parametrize("number", JS_SHELLS)
def test_javascript_shells_hold_no_posting(pages, number):
    path = pages / f"JobPage02_JobPostingExtended{number}.html"
    [reject] = read_source(str(path))
    assert (reject.source, reject.reason) == (str(path), "no_posting")
    assert reject.detail


@pytest.mark.parametrize("name", LISTINGS)
def test_search_result_pages_are_listings(pages, name):
    [reject] = read_source(str(pages / name))
    assert isinstance(reject, Reject)
    assert reject.reason == "listing_page"
    assert "20 linked job headings" in reject.detail


WORKINDENMARK = {
    "Page01_PageItemExtended01.html": (
        "Learning sales – Fulltime Student Position", "KK Wind Solutions A/S", "Ikast"),
    "Page01_PageItemExtended14.html": ("Lean Professional", "Vestas Wind Systems A/S", "Lem St"),
    "Page02_PageItemExtended18.html": ("Dutch speaking Salesperson", "Bixter.dk ApS", "Bjert, Denmark"),
    "Page03_PageItemExtended01.html": (
        "Assistant professor (adjunkt) position in ultrafast photoelectron spectroscopy", "Aarhus Universitet",
        "Århus C, Denmark"),
    "Page03_PageItemExtended02.html": (
        "Embedded Software Developer for Medical Device Development", "PREVAS A/S", "Herlev, Denmark"),
    "Page03_PageItemExtended03.html": ("Warehouse Team Lead", "Hobbii A/S", "Greve, Denmark"),
    "Page03_PageItemExtended04.html": ("NVH Test Engineer", "DINEX A/S", "Middelfart, Denmark"),
}


@pytest.mark.parametrize("name", sorted(WORKINDENMARK))
def test_workindenmark_view_job_pages(pages, name):
    title, company, location = WORKINDENMARK[name]
    posting = one_posting(pages / name)
    assert (posting.title, posting.company, posting.location_texts) == (title, company, [location])
    assert posting.raw_employment_type == "Regular position; Full time (37 hours)"
    assert posting.posted_at is not None and posting.posted_at.year == 2021
    assert len(posting.description) > 400
    for noise in ("Similar jobs", "This website uses cookies", "browser is outdated", "Forgot your password",
                  "Moving to DK", "Web accessibility statement"):
        assert noise not in posting.description


def test_workindenmark_full_posting_fields(pages):
    posting = one_posting(pages / "Page03_PageItemExtended04.html")
    assert posting.source_id == "5340215"  # "Job ID"
    assert posting.raw_category == "Academical work / Engineering professionals"  # "Position", not the title
    assert posting.posted_at == datetime(2021, 5, 7, tzinfo=timezone.utc)  # "Advertisement publish date" 07/05/2021
    assert "- Engineering degree within acoustics & vibration" in posting.description.split("\n\n")
    assert "Product Validation Specialist" not in posting.description  # the "similar job" below it


def test_json_ld_job_posting(tmp_path):
    page = tmp_path / "jsonld.html"
    page.write_text("""<!doctype html><html lang="da"><head>
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "WebPage"},
 {"@type": "JobPosting", "title": "Backend Engineer", "datePosted": "2025-10-02T09:00:00+02:00",
  "hiringOrganization": {"@type": "Organization", "name": "Acme ApS"},
  "jobLocation": [{"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Aarhus",
                   "addressCountry": {"@type": "Country", "name": "DK"}}},
                  {"@type": "Place", "address": {"addressLocality": "Odense", "addressCountry": "DK"}}],
  "employmentType": ["FULL_TIME", "CONTRACTOR"], "identifier": {"@type": "PropertyValue", "value": 42},
  "description": "<p>Build &amp; run APIs.</p><script>alert(1)<\\/script>", "inLanguage": "en-GB",
  "baseSalary": {"@type": "MonetaryAmount", "currency": "dkk",
                 "value": {"@type": "QuantitativeValue", "minValue": 50000, "maxValue": 60000, "unitText": "MONTH"}}}]}
</script></head><body><nav><a href="/">Jobs</a></nav><h1>Backend Engineer</h1></body></html>""", "utf-8")
    posting = one_posting(page)
    assert (posting.title, posting.company, posting.source_id) == ("Backend Engineer", "Acme ApS", "42")
    assert posting.location_texts == ["Aarhus, DK", "Odense, DK"]
    assert posting.raw_employment_type == "FULL_TIME, CONTRACTOR"
    assert posting.posted_at == datetime(2025, 10, 2, 7, 0, tzinfo=timezone.utc)
    assert posting.description == "Build & run APIs."
    assert posting.description_html == "<p>Build &amp; run APIs.</p>"
    assert posting.language == "en"
    assert (posting.salary.min, posting.salary.max, posting.salary.currency, posting.salary.period) == (
        50000.0, 60000.0, "DKK", "month")


def test_windows_1252_page_is_decoded(tmp_path):
    page = tmp_path / "cp1252.html"
    body = ("<p>" + "Vi søger en kok til vores café i Århus – du får ansvar for køkkenet. " * 4 + "</p>")
    page.write_bytes(f"<html><head><title>Kok</title></head><body><h1>Kok til café</h1>{body}</body></html>"
                     .encode("cp1252"))
    posting = one_posting(page)
    assert posting.title == "Kok til café"
    assert "Vi søger en kok til vores café i Århus – du får ansvar" in posting.description


def test_several_json_ld_postings_are_not_mixed_with_the_page(tmp_path):
    page = tmp_path / "board.html"
    jobs = [{"@type": "JobPosting", "title": f"Role {n}", "hiringOrganization": "Acme"} for n in (1, 2)]
    page.write_text(f"""<html><head><script type="application/ld+json">{json.dumps(jobs)}</script></head>
<body><h1>Open roles</h1><p>Location: Vejle</p>{"<p>" + "Acme builds things people love to use every day. " * 5}</p>
</body></html>""", "utf-8")
    items = read_source(str(page))
    assert [(p.title, p.company, p.location_texts, p.description) for p in items] == [
        ("Role 1", "Acme", [], ""), ("Role 2", "Acme", [], "")]


@pytest.mark.parametrize("line, noise", [
    ("This website uses cookies", True),
    ("By continuing to use and navigate this website, you are agreeing to the use of cookies.", True),
    ("Allow selection Allow all cookies NecessaryPreferencesStatisticsMarketing Show details", True),
    ("Warning Your browser is outdated. Get the best experience with speed, security and privacy", True),
    ("| Email this job", True),
    ("You will bake cookies and use our ovens every morning.", False),
    ("Share your ideas with the team and use data to decide.", False),
])
def test_boilerplate_lines(line, noise):
    assert is_noise(line) is noise
