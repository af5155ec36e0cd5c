"""The pure parts of searching: request validation, the Solr query builder, facet toggles, query
understanding, spelling correction text. No Solr needed; tests/test_api_search.py proves the same
params against the real one."""
from __future__ import annotations

import re

import pytest
from werkzeug.datastructures import MultiDict

from indexer.solr_document import F
from searchapp import links
from searchapp.app import create_app
from searchapp.search import config
from searchapp.search.errors import InvalidParameter
from searchapp.search.query import plain_words, query_text, search_params, similar_params
from searchapp.search.request import PlaceFilter, SearchRequest, Understanding, parse_search_args
from searchapp.search.spelling import Collation, corrected_query
from searchapp.search.understanding import understand

LOCATION = config.FACETS_BY_KEY["location"]
HOSTILE = ['a "quoted" value', "comma, separated", "{!lucene}*:*", "brace } and {", "back\\slash", "$qq", "x' OR 'y"]


def params_of(request: SearchRequest, understood: Understanding | None = None, near=None) -> list[tuple[str, str]]:
    return search_params(request, understood or Understanding(text=request.q), near)


def values(params, key):
    return [v for k, v in params if k == key]


def deref(params, text):
    """The user value a `$refN` in `text` stands for."""
    names = re.findall(r"\$(ref\d+)", text)
    lookup = dict(params)
    return [lookup[name] for name in names]


def test_user_values_never_enter_query_syntax():
    request = SearchRequest(filters={"skill": tuple(HOSTILE), "company": ("Acme",)})
    params = params_of(request)
    fqs = values(params, "fq")
    assert len(fqs) == 2
    for fq in fqs:
        for hostile in HOSTILE:
            assert hostile not in fq
    skill_fq = next(fq for fq in fqs if "tag=skill" in fq)
    assert skill_fq.startswith("{!bool tag=skill ")
    assert skill_fq.count("should='{!term f=skills v=$ref") == len(HOSTILE)
    assert deref(params, skill_fq) == HOSTILE


def test_each_facet_is_counted_without_its_own_filter():
    request = SearchRequest(filters={"skill": ("Python",), "category": ("Data",)})
    params = params_of(request)
    fields = values(params, "facet.field")
    for facet in config.FACETS:
        assert any(f.startswith(f"{{!key={facet.key} ex={facet.key} ") and f.endswith(facet.field) for f in fields)
    # selected values are counted one by one, also without their own facet's filter
    queries = values(params, "facet.query")
    assert any("ex=skill key=skill.pinned.0" in q and deref(params, q) == ["Python"] for q in queries)
    assert any("ex=category key=category.pinned.0" in q and deref(params, q) == ["Data"] for q in queries)


def test_location_drill_down_asks_for_each_open_level():
    request = SearchRequest(filters={"location": ("2/US/California/San Francisco",)})
    params = params_of(request)
    children = [f for f in values(params, "facet.field") if f.startswith("{!key=location.children.")]
    prefixes = [deref(params, f)[0] for f in children]
    assert prefixes == ["1/US/", "2/US/California/"]
    pinned = [deref(params, q)[0] for q in values(params, "facet.query") if "key=location.pinned." in q]
    assert pinned == ["0/US", "1/US/California", "2/US/California/San Francisco"]


def test_location_toggle_replaces_ancestors_and_descendants():
    assert LOCATION.toggled(("0/US",), "1/US/California") == ("1/US/California",)
    assert LOCATION.toggled(("1/US/California", "0/GB"), "0/US") == ("0/GB", "0/US")
    assert LOCATION.toggled(("0/US", "0/GB"), "0/US") == ("0/GB",)
    assert LOCATION.toggled(("0/GB",), "2/US/California/Oakland") == ("0/GB", "2/US/California/Oakland")


def test_location_paths_keep_slashes_in_city_names():
    value = "2/CH/Bern/Biel/Bienne"
    LOCATION.validate(value)
    assert LOCATION.segments(value) == ["CH", "Bern", "Biel/Bienne"]
    assert LOCATION.parent(value) == "1/CH/Bern"
    assert LOCATION.label(value) == "Biel/Bienne"
    assert LOCATION.child_prefix("1/CH/Bern") == "2/CH/Bern/"


@pytest.mark.parametrize("value", ["US", "3/US/a/b/c", "1/US", "0/", "1/US/", "x/US"])
def test_malformed_location_values_are_rejected(value):
    with pytest.raises(InvalidParameter):
        LOCATION.validate(value)


def test_filters_for_dates_salary_and_places():
    request = SearchRequest(posted_within=7, salary_min=100000.0)
    near = PlaceFilter("San Francisco, California, US", None, 37.77493, -122.41942, 25.0)
    area = PlaceFilter("California, US", "1/US/California")
    params = params_of(request, Understanding(text="", place=area), near)
    fqs = values(params, "fq")
    assert f"{{!lucene tag=posted_within}}{F.POSTED_AT}:[NOW/HOUR-7DAYS TO *]" in fqs
    assert f"{{!frange tag=salary_min l=100000.0}}{config.SALARY_SORT_VALUE}" in fqs
    assert f"{{!geofilt tag=near sfield={F.GEO} pt=37.774930,-122.419420 d=25.0}}" in fqs
    area_fq = next(fq for fq in fqs if "tag=understood_place" in fq)
    assert area_fq.startswith(f"{{!term tag=understood_place f={F.LOCATION_PATH} v=$ref")
    assert deref(params, area_fq) == ["1/US/California"]


def test_text_goes_only_to_q_and_is_capped():
    long_text = " ".join(f"w{i}" for i in range(1000))
    assert len(query_text(long_text).split()) == config.MAX_QUERY_WORDS
    assert len(query_text("x" * 5000)) == config.MAX_QUERY_CHARS
    params = params_of(SearchRequest(q="{!lucene}*:*"))
    assert values(params, "q") == ["{!lucene}*:*"]
    assert values(params, "uf") == [config.USER_FIELDS]
    assert "_query_" not in config.USER_FIELDS
    assert plain_words('python "unbalanced (AND {!x}') == "python unbalanced AND x"


def test_no_text_means_no_q_and_no_spellcheck():
    params = params_of(SearchRequest())
    assert values(params, "q") == [] and values(params, "spellcheck") == []


def test_seniority_word_boosts_by_reference():
    params = params_of(SearchRequest(q="senior engineer"), Understanding(text="senior engineer", seniority="senior"))
    (bq,) = values(params, "bq")
    assert re.fullmatch(rf"\(\{{!term f={F.SENIORITY} v=\$ref\d+\}}\)\^={config.SENIORITY_BOOST}", bq)
    assert deref(params, bq) == ["senior"]


def test_an_understood_work_arrangement_filters_by_reference():
    params = params_of(SearchRequest(q="engineer remote"), Understanding(text="engineer", remote=("remote", "hybrid")))
    (fq,) = values(params, "fq")
    assert fq.startswith("{!bool tag=understood_remote should='{!term f=remote v=$ref")
    assert deref(params, fq) == ["remote", "hybrid"]
    assert values(params, "q") == ["engineer"]


@pytest.mark.parametrize("text,modes,words,rest", [
    ("backend engineer remote", ("remote",), "remote", "backend engineer"),
    ("Remote python", ("remote",), "Remote", "python"),
    ("fully remote designer", ("remote",), "fully remote", "designer"),
    ("hybrid or remote, london", ("hybrid", "remote"), "hybrid remote", "or , london"),
    ("nurse on-site", ("onsite",), "on-site", "nurse"),
    ("onsite nurse", ("onsite",), "onsite", "nurse"),
    ("nurse on site", ("onsite",), "on site", "nurse"),
    ("remote", ("remote",), "remote", ""),
])
def test_work_arrangement_words_become_the_remote_filter(text, modes, words, rest):
    understood = understand(text, places=False)
    assert (understood.remote, understood.remote_words, understood.text) == (modes, words, rest)


@pytest.mark.parametrize("text", ["remote sensing scientist", "hybrid cloud architect", "remote-first",
                                  "non-remote", "remoteness", "hybrids"])
def test_words_that_only_look_like_a_work_arrangement_stay_text(text):
    understood = understand(text, places=False)
    assert (understood.remote, understood.remote_words, understood.text) == ((), "", text)


def test_the_users_remote_filter_wins_but_the_words_are_still_no_text():
    understood = understand("engineer remote", remote=False)
    assert (understood.remote, understood.remote_words, understood.text) == ((), "remote", "engineer")


def test_a_place_and_a_work_arrangement_together():
    understood = understand("senior engineer london remote")
    assert understood.place.name == "London, England, GB" and understood.place_words == "london"
    assert understood.remote == ("remote",) and understood.text == "senior engineer"
    assert understood.seniority == "senior"


def test_the_correction_replaces_only_the_misspelled_words_where_they_are():
    collation = Collation("python developer", 417, (("pyhton", "python"),))
    understood = Understanding(text="pyhton developer", place_words="london", remote_words="remote")
    assert corrected_query("Remote Pyhton developer london", collation, understood) == "Remote python developer london"
    # a word Solr names but the text does not have: the collation and the words understanding took
    assert corrected_query("pyhtn developer london", collation, understood) == "python developer remote london"
    assert corrected_query("x\\1 pyhton", Collation("x python", 1, (("pyhton", "py\\1"),)), understood) == "x\\1 py\\1"


def test_paging_sort_and_purity():
    request = SearchRequest(q="python", sort="salary", page=3, per_page=25)
    params = params_of(request)
    assert values(params, "start") == ["50"] and values(params, "rows") == ["25"]
    assert values(params, "sort") == [config.SORTS_BY_KEY["salary"].solr]
    assert params == params_of(request)


def test_similar_jobs_pass_the_id_by_reference():
    params = similar_params('x" {!y}')
    (q,) = values(params, "q")
    assert q.startswith("{!mlt ") and deref(params, q) == ['x" {!y}']


def test_request_round_trips_through_its_url():
    args = MultiDict([("q", "data engineer"), ("skill", "Python"), ("skill", "SQL"), ("location", "0/US"),
                      ("posted_within", "7d"), ("salary_min", "90000"), ("near", "London"), ("radius_km", "25"),
                      ("sort", "newest"), ("page", "2"), ("per_page", "10"), ("understand", "0"),
                      ("correct", "0")])
    request = parse_search_args(args)
    assert request.filters == {"location": ("0/US",), "skill": ("Python", "SQL")}
    assert not request.understand and not request.correct
    assert parse_search_args(MultiDict(request.to_args())) == request


TOGGLED_REQUESTS = [
    SearchRequest(),
    SearchRequest(q="data engineer", page=3),
    SearchRequest(q="ünïcode & more", filters={"location": ("1/US/California",), "skill": ("Python", "C++")},
                  posted_within=7, salary_min=90000.5, near="London", radius_km=25.0, sort="newest", page=2,
                  per_page=10, understand=False, correct=False),
    SearchRequest(filters={"employment_type": ("contract",), "company": tuple(HOSTILE)}),
]


@pytest.mark.parametrize("request_", TOGGLED_REQUESTS)
def test_around_facet_is_the_canonical_url_less_that_facets_values(request_):
    for facet in config.FACETS:
        for chosen in [(), ("x",), ("a b", "{!c}", "0/US"), request_.selected(facet.key)]:
            before, after = request_.around_facet(facet.key)
            assert before + [(facet.key, v) for v in chosen] + after == request_.with_facet(facet.key, chosen).to_args()


@pytest.mark.parametrize("request_", TOGGLED_REQUESTS)
def test_facet_toggle_urls_are_the_search_urls_of_the_toggled_request(request_):
    app = create_app({"SOLR_URL": "http://127.0.0.1:9/solr", "COLLECTION": "unused"})
    with app.test_request_context("/"):
        for face in (links.HTML, links.JSON):
            for facet in config.FACETS:
                toggle = face.facet_toggle(request_, facet.key)
                for chosen in [(), ("x",), tuple(HOSTILE), ("2/CH/Bern/Biel/Bienne", "ß ü € 🙂"),
                               request_.selected(facet.key)]:
                    assert toggle(chosen) == face.search(request_.with_facet(facet.key, chosen))
        assert links.JSON.facet_toggle(SearchRequest(), "skill")(()) == "/api/v1/search"


@pytest.mark.parametrize("args", [
    {"sort": "cheapest"}, {"per_page": "1000"}, {"per_page": "0"}, {"page": "-1"}, {"page": "0"},
    {"page": "abc"}, {"page": "1.5"}, {"radius_km": "abc"}, {"radius_km": "0"}, {"radius_km": "nan"},
    {"salary_min": "-5"}, {"salary_min": "inf"}, {"posted_within": "7"}, {"posted_within": "0d"},
    {"understand": "maybe"}, {"correct": "perhaps"}, {"location": "United States"}, {"page": "500", "per_page": "100"},
])
def test_bad_parameters_are_rejected(args):
    with pytest.raises(InvalidParameter):
        parse_search_args(MultiDict(args))
