"""Tag-stripped page text: the project's seed posting."""
from __future__ import annotations

import pytest

from indexer.model import Posting
from indexer.sources import Reject, read_source


@pytest.fixture(scope="module")
def seed(shared_data) -> Posting:
    [posting] = read_source(str(shared_data / "seed" / "salesforce-senior-lead-data-engineer.txt"))
    assert isinstance(posting, Posting)
    return posting


def test_labelled_fields(seed):
    assert seed.title == "Senior / Lead Data Engineer, ML / Deep Learning"
    assert seed.raw_category == "Technology - Software Development"
    assert seed.location_texts == ["US - California - Palo Alto", "US - California - San Francisco (HQ)"]
    assert seed.company == "Salesforce"  # "© Copyright 2000-2015 salesforce.com, inc.", as the page spells it


def test_description_is_the_body_only(seed):
    paragraphs = seed.description.split("\n\n")
    assert paragraphs[0] == "Senior/ Lead Data Engineer - Deep Learning / Machine Learning / Einstein"
    assert "Roles available in Palo Alto and San Francisco" in paragraphs
    assert "What we care about:" in paragraphs
    assert any(p.startswith("Salesforce is looking for both Senior and Lead Data / DL/ ML Engineers")
               for p in paragraphs)
    assert "Experience with open source tools for information retrieval (e.g. Solr)" in seed.description
    assert paragraphs[-1].endswith("we are working to improve the state of the world.")
    for noise in ("1-800-NO-SOFTWARE", "1-800-667-6389", "Free Trial", "Sales Cloud", "Select region",
                  "Deutschland (Deutsch)", "United Kingdom (English)", "All other countries", "日本", "Live Chat",
                  "Email this job", "Would you like to apply", "Equal Employment Opportunity", "Privacy Statement",
                  "Job Title:", "Technology - Software Development", "Fair Chance Ordinance", "September"):
        assert noise not in seed.description, noise


def test_same_layout_with_values_on_the_label_line(tmp_path):
    text = tmp_path / "page.txt"
    body = "We are hiring a nurse for our night shift team in the north wing of the hospital building."
    text.write_text("Home\nCareers\nJob Title: Night Nurse\nLocation: Aarhus; Vejle\nCompany: Region Midt\n"
                    f"\n{body}\n{body}\nApply now\nContact us\n", "utf-8")
    [posting] = read_source(str(text))
    assert (posting.title, posting.company) == ("Night Nurse", "Region Midt")
    assert posting.location_texts == ["Aarhus", "Vejle"]
    assert posting.description == f"{body}\n\n{body}"


def test_text_without_labels_is_not_a_posting(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("Shopping list\nmilk\neggs\n", "utf-8")
    assert read_source(str(text)) == [Reject(str(text), "unsupported", 'plain text without a "Job Title:" label')]
