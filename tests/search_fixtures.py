"""Fixtures for the search app tests: a collection on the session's real Solr holding the
postings of tests/search_samples.py, and the Flask app on it.

tests/conftest.py registers them for every test module.
"""
from __future__ import annotations

import socket

import pytest
import requests

from indexer.model import Posting
from indexer.solr_document import to_solr
from searchapp.app import create_app

from .search_samples import sample_postings


@pytest.fixture(scope="session")
def postings() -> dict[str, Posting]:
    return sample_postings()


@pytest.fixture(scope="session")
def jobs_collection(solr_url, make_collection, postings) -> str:
    alias, _ = make_collection()
    docs = [to_solr(p) for p in postings.values()]
    response = requests.post(f"{solr_url}/{alias}/update", params={"commit": "true"}, json=docs, timeout=60)
    response.raise_for_status()
    return alias


@pytest.fixture(scope="session")
def app(solr_url, jobs_collection):
    return create_app({"TESTING": True, "SOLR_URL": solr_url, "COLLECTION": jobs_collection, "QUERY_TIMEOUT": 10})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def ids(postings):
    """Posting ids by key: ids("python-sf", "ae-london") -> {...}."""
    return lambda *keys: {postings[key].id for key in keys}


@pytest.fixture
def silent_solr():
    """A Solr URL whose port accepts connections and never answers: every request times out."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(16)
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/solr"
