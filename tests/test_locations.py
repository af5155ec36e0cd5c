"""Location normalisation on real strings from the Ashby corpus, the careers pages and the seed."""
from __future__ import annotations

import gzip
import json

import pytest

from indexer.enrich.locations import find_place_in_query, normalize_locations, resolve_place


def one(text):
    locations, _ = normalize_locations([text])
    assert len(locations) == 1, (text, locations)
    return locations[0]


@pytest.mark.parametrize("text", ["San Francisco", "San Francisco, CA", "San Francisco, California", "SF",
                                  "San Francisco, CA - US", "San Francisco Office", "*HQ - San Francisco, CA"])
def test_san_francisco_forms_are_one_place(text):
    place = one(text)
    assert (place.city, place.region, place.country_code) == ("San Francisco", "California", "US")
    assert place.name == "San Francisco, California, US"
    assert place.latitude == pytest.approx(37.77, abs=0.05) and place.longitude == pytest.approx(-122.42, abs=0.05)


def test_the_same_place_in_several_texts_is_kept_once():
    locations, hint = normalize_locations(["San Francisco", "San Francisco, CA", "SF", "Bay Area"])
    assert [loc.city for loc in locations] == ["San Francisco"] and hint is None


@pytest.mark.parametrize("text, city, region", [
    ("US - California - Palo Alto", "Palo Alto", "California"),
    ("California - Palo Alto", "Palo Alto", "California"),
    ("New York, New York", "New York City", "New York"),
    ("NYC", "New York City", "New York"),
    ("New York, NY (HQ)", "New York City", "New York"),
    ("Toronto, ON, Canada", "Toronto", "Ontario"),
    ("India - Bengaluru", "Bengaluru", "Karnataka"),
    ("Washington, D.C.", "Washington", "District of Columbia"),
    ("Denver, CO - US", "Denver", "Colorado"),
])
def test_city_with_its_region_and_country(text, city, region):
    place = one(text)
    assert (place.city, place.region) == (city, region) and place.latitude is not None


def test_seed_posting_names_two_offices():
    locations, _ = normalize_locations(["US - California - Palo Alto US - California - San Francisco (HQ)"])
    assert [(loc.city, loc.country_code) for loc in locations] == [("Palo Alto", "US"), ("San Francisco", "US")]


@pytest.mark.parametrize("text", ["London", "London, UK", "London, England", "London, United Kingdom"])
def test_london_is_the_uk_one(text):
    place = one(text)
    assert (place.city, place.country_code) == ("London", "GB")


def test_a_qualifier_picks_the_smaller_namesake():
    assert one("London, ON").country_code == "CA"
    assert one("Paris, Texas").region == "Texas"


@pytest.mark.parametrize("a, b", [("Bengaluru", "Bangalore"), ("München", "Munich"), ("Kiev", "Kyiv"),
                                  ("Zurich", "Zürich"), ("Lisboa", "Lisbon")])
def test_spellings_meet(a, b):
    assert one(a) == one(b)


def test_remote_in_two_countries():
    locations, hint = normalize_locations(["Remote (United States | Canada)"])
    assert hint == "remote"
    assert [(loc.name, loc.country_code, loc.city) for loc in locations] == [
        ("United States", "US", None), ("Canada", "CA", None)]


@pytest.mark.parametrize("texts, hint, countries", [
    (["Remote - US"], "remote", ["US"]),
    (["Remote"], "remote", []),
    (["Anywhere"], "remote", []),
    (["Hybrid - Berlin"], "hybrid", ["DE"]),
    (["London, UK (hybrid)", "Remote UK"], "remote", ["GB", "GB"]),  # London, or anywhere in the UK
    (["Berlin"], None, ["DE"]),
])
def test_remote_hint(texts, hint, countries):
    locations, found = normalize_locations(texts)
    assert found == hint and [loc.country_code for loc in locations] == countries


@pytest.mark.parametrize("text, code", [("Germany", "DE"), ("United Kingdom", "GB"), ("UK", "GB"),
                                        ("USA", "US"), ("Danmark", "DK"), ("Czech Republic", "CZ")])
def test_country_only(text, code):
    place = one(text)
    assert (place.country_code, place.city, place.region, place.latitude) == (code, None, None, None)


def test_city_states_are_cities():
    assert one("Singapore").city == "Singapore" and one("Singapore").latitude is not None


@pytest.mark.parametrize("text", ["Europe", "EMEA", "LatAm", "Neo Gulf Canada Square", "Headquarters",
                                  "Remote - Europe", "Quinte Mall"])
def test_unknown_places_are_kept_as_text(text):
    locations, _ = normalize_locations([text])
    assert locations == [type(locations[0])(name=text)]
    assert resolve_place(text) is None


def test_small_town_after_its_state_gives_the_state():
    assert (one("New Albany, Ohio").city, one("New Albany, Ohio").region) == (None, "Ohio")
    assert one("Andover, MA").region == "Massachusetts"


def test_danish_postal_forms():
    for text in ("2300 København S", "København Ø", "DK-2100 København Ø"):
        assert one(text).city == "Copenhagen"
    assert one("Aarhus N").city == one("8000 Aarhus C").city == "Århus"
    assert one("Hovedstaden").region == "Capital Region"


def test_careers_page_towns_resolve_to_denmark(shared_data):
    cities = set()
    for path in (shared_data / "careers-html" / "truth").glob("*.json"):
        cities |= {p["WorkPlaceCity"] for p in json.loads(path.read_text()).get("JobPositionPostings", [])}
    cities.discard("")
    assert len(cities) >= 15
    for city in sorted(cities):
        place = resolve_place(city)
        assert place is not None and place.country_code == "DK" and place.latitude is not None, city


@pytest.fixture(scope="module")
def ashby_location_strings(shared_data):
    strings = set()
    for path in sorted((shared_data / "ashby-2025-10").glob("*.json.gz")):
        for job in json.load(gzip.open(path))["jobs"]:
            strings.add(job["location"])
            strings.update(s["location"] for s in job["secondaryLocations"])
    return strings


def test_most_ashby_location_strings_resolve(ashby_location_strings):
    resolved = unresolved = 0
    for text in ashby_location_strings:
        locations, hint = normalize_locations([text])
        if any(loc.country_code for loc in locations):
            resolved += 1
        elif locations:
            unresolved += 1
        else:
            assert hint == "remote" or hint == "hybrid", text  # only "Remote", "Anywhere" ... name nothing
    assert resolved / len(ashby_location_strings) > 0.88
    assert unresolved / len(ashby_location_strings) < 0.10


@pytest.mark.parametrize("query, place, rest", [
    ("account executive london", "London, England, GB", "account executive"),
    ("senior engineer in new york", "New York City, New York, US", "senior engineer"),
    ("data scientist sf", "San Francisco, California, US", "data scientist"),
    ("python developer berlin germany", "Berlin, DE", "python developer"),
    ("engineer london on", "London, Ontario, CA", "engineer"),
    ("software engineer bangalore", "Bengaluru, Karnataka, IN", "software engineer"),
])
def test_place_in_query(query, place, rest):
    found, remaining = find_place_in_query(query)
    assert (found.name, remaining) == (place, rest)


@pytest.mark.parametrize("query", ["nice to have python", "mobile developer", "enterprise account executive",
                                   "reading specialist", "machine learning engineer", "jobs for us",
                                   "bank of america analyst", "customer success manager"])
def test_words_that_are_not_places_in_queries(query):
    assert find_place_in_query(query) is None
