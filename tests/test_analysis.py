"""The schema's text analysis, asked of the real Solr through its field analysis API.

Each test names what a searcher relies on: technology names survive tokenising, words stem,
abbreviations reach their full forms at query time, accents fold.
"""
from __future__ import annotations

import pytest
import requests


@pytest.fixture(scope="module")
def analyze(solr_url, make_collection):
    """analyze(field_type, text, side) -> the terms the last filter emits."""
    alias, _ = make_collection()
    http = requests.Session()

    def run(field_type: str, text: str, side: str = "index") -> list[str]:
        params = {"analysis.fieldtype": field_type, "analysis.fieldvalue": text, "wt": "json"}
        if side == "query":
            params["analysis.query"] = text
        body = http.get(f"{solr_url}/{alias}/analysis/field", params=params, timeout=30).json()
        stages = body["analysis"]["field_types"][field_type][side]
        return [token["text"] for token in stages[-1]]

    return run


TEXT_TYPES = ("text_en", "text_exact")


@pytest.mark.parametrize("field_type", TEXT_TYPES)
@pytest.mark.parametrize("side", ("index", "query"))
def test_cpp_csharp_and_dotnet_stay_whole(analyze, field_type, side):
    terms = analyze(field_type, "Senior C++ / C# developer (.NET), F#", side)
    assert {"c++", "c#", ".net", "f#"} <= set(terms)
    assert "c" not in terms and "net" not in terms and "f" not in terms


@pytest.mark.parametrize("field_type", TEXT_TYPES)
def test_dotted_and_slashed_names_keep_the_whole_and_the_parts(analyze, field_type):
    terms = set(analyze(field_type, "Node.js, CI/CD and front-end work."))
    assert {"node.js", "node", "ci/cd", "ci", "cd", "cicd", "front-end", "front", "frontend"} <= terms


@pytest.mark.parametrize("field_type", TEXT_TYPES)
def test_sentence_punctuation_never_leaves_empty_or_punctuation_terms(analyze, field_type):
    terms = analyze(field_type, '"Remote" - (US) & Canada; 5pm... — Python!')
    assert terms and all(any(ch.isalnum() for ch in term) for term in terms)
    assert "5pm" in terms and "pm" not in terms  # a time is not a product manager


def test_the_query_side_does_not_split_what_the_index_keeps_whole(analyze):
    assert analyze("text_en", "front-end", "query") == ["front-end"]
    assert "front-end" in analyze("text_en", "front-end", "index")


def test_english_stemming_in_text_en_only(analyze):
    assert analyze("text_en", "Engineers Managers") == analyze("text_en", "engineer manager")
    assert analyze("text_exact", "Engineers") != analyze("text_exact", "engineer")


def test_stemming_keeps_designer_apart_from_design(analyze):
    assert analyze("text_en", "designer") != analyze("text_en", "design")


def test_possessive_and_accents(analyze):
    assert analyze("text_en", "Kubernetes's") == analyze("text_en", "Kubernetes")
    assert analyze("text_exact", "Ingénieur Zürich") == ["ingenieur", "zurich"]


@pytest.mark.parametrize("query, expansion", [
    ("k8s", "kubernetes"),
    ("devrel", "developer relations"),
    ("ae", "account executive"),
    ("pm", "product manager"),
    ("ml", "machine learning"),
    ("js", "javascript"),
])
def test_query_synonyms_reach_the_indexed_full_form(analyze, query, expansion):
    query_terms = set(analyze("text_en", query, "query"))
    assert set(analyze("text_en", expansion)) <= query_terms
    assert analyze("text_en", query)[0] in query_terms  # and the abbreviation itself


def test_one_way_abbreviations_do_not_widen_the_full_form(analyze):
    """"typescript" must not find "TS/SCI" clearances; "product manager" must not find "5 PM"."""
    assert "ts" not in analyze("text_en", "typescript", "query")
    assert "pm" not in analyze("text_en", "product manager", "query")


def test_stop_words_leave_queries_but_stay_in_the_index(analyze):
    assert analyze("text_en", "head of sales", "query") == ["head", "sales"]
    assert analyze("text_en", "head of sales") == ["head", "of", "sales"]


def test_synonyms_apply_at_query_time_only(analyze):
    assert analyze("text_en", "k8s") == ["k8s"]


def test_shingles_pair_the_stemmed_title_words(analyze):
    assert analyze("text_shingle", "Data Engineers") == ["data engineer"]


def test_suggest_entries_are_whole_tidy_values(analyze):
    assert analyze("suggest_entry", "  Senior   Data Engineer ") == ["Senior Data Engineer"]
