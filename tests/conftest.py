"""Shared fixtures: a real SolrCloud for the whole session, and the shared data folder.

With SOLR_URL set the tests use that cluster; otherwise they start a local one (fresh state
under var/test-<port>, port JOBSEARCH_TEST_SOLR_PORT, default 8993) and stop it at the end.
Every collection a test creates is deleted afterwards.
"""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

from searchapp.config import PROJECT_ROOT
from searchapp.solr.admin import SolrAdmin
from searchapp.solr.local import throwaway_node

pytest_plugins = ["tests.search_fixtures"]

SHARED_DATA = PROJECT_ROOT.parent / "shared" / "data"
TEST_PORT = int(os.environ.get("JOBSEARCH_TEST_SOLR_PORT", "8993"))
TEST_STATE_DIR = PROJECT_ROOT / "var" / f"test-{TEST_PORT}"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    assert SHARED_DATA.is_dir(), f"the shared data folder is missing: {SHARED_DATA}"
    return SHARED_DATA


@pytest.fixture(scope="session")
def solr_url() -> str:
    if os.environ.get("SOLR_URL"):
        yield os.environ["SOLR_URL"].rstrip("/")
        return
    with throwaway_node(TEST_STATE_DIR, TEST_PORT) as url:
        yield url


@pytest.fixture(scope="session")
def solr_admin(solr_url) -> SolrAdmin:
    return SolrAdmin(solr_url, timeout=120)


@pytest.fixture
def unique_name():
    return f"test_{uuid.uuid4().hex[:10]}"


@pytest.fixture(scope="session")
def make_collection(solr_admin):
    """Factory: a new collection from solr_config/ behind a new alias; all removed at the end."""
    made: list[tuple[str, str]] = []

    def make(shards: int = 1, replicas: int = 1) -> tuple[str, str]:
        alias = f"test_{uuid.uuid4().hex[:10]}"
        collection = solr_admin.create_empty(alias, shards, replicas)
        solr_admin.point_alias(alias, collection)
        made.append((alias, collection))
        return alias, collection

    yield make
    for alias, collection in made:
        for cleanup in (lambda: solr_admin.delete_alias(alias), lambda: solr_admin.delete_collection(collection)):
            try:
                cleanup()
            except Exception:
                pass
