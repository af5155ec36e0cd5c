"""The foundation against the real Solr: configset, collections, aliases, the solr CLI."""
from __future__ import annotations

import os
import socket
import subprocess
import sys

import pysolr
import pytest
from click.testing import CliRunner

from searchapp.cli import main
from searchapp.solr.admin import SolrAdminError, configset_name
from searchapp.solr.local import LocalCluster, live_nodes

from .conftest import TEST_STATE_DIR


def solr_core(solr_url: str, name: str) -> pysolr.Solr:
    return pysolr.Solr(f"{solr_url}/{name}", always_commit=True, timeout=30)


def test_configset_upload_is_named_by_content_and_idempotent(solr_admin):
    name = solr_admin.upload_configset()
    assert name == configset_name()
    assert name in solr_admin.configsets()
    assert solr_admin.upload_configset() == name


def test_init_creates_collection_behind_alias_once(solr_admin, unique_name):
    collection, created = solr_admin.init_alias(unique_name)
    try:
        assert created
        assert collection.startswith(unique_name + "_")
        assert solr_admin.alias_target(unique_name) == collection
        assert solr_admin.replica_states(collection) == ["active"]
        assert solr_admin.init_alias(unique_name) == (collection, False)
    finally:
        solr_admin.delete_alias(unique_name)
        solr_admin.delete_collection(collection)


def test_add_and_find_a_document_through_the_alias(solr_url, make_collection):
    alias, _ = make_collection()
    core = solr_core(solr_url, alias)
    core.add([{"id": "p1", "title": "Senior Data Engineer", "description": "Spark and Kafka pipelines"}])
    results = core.search("title:engineer", fl="id,title")
    assert [doc["id"] for doc in results] == ["p1"]
    assert results.docs[0]["title"] == "Senior Data Engineer"


def test_alias_swap_moves_searches_to_the_other_collection(solr_url, solr_admin, make_collection):
    alias, first = make_collection()
    _, second = make_collection()
    solr_core(solr_url, first).add([{"id": "old", "title": "old posting"}])
    solr_core(solr_url, second).add([{"id": "new", "title": "new posting"}])
    assert [d["id"] for d in solr_core(solr_url, alias).search("*:*")] == ["old"]
    solr_admin.point_alias(alias, second)
    assert solr_admin.alias_target(alias) == second
    assert [d["id"] for d in solr_core(solr_url, alias).search("*:*")] == ["new"]


def test_creating_a_collection_with_unknown_configset_fails_clearly(solr_admin, unique_name):
    with pytest.raises(SolrAdminError, match="configset|config"):
        solr_admin.create_collection(unique_name, "no-such-configset")


def test_unreachable_solr_is_a_clear_error():
    from searchapp.solr.admin import SolrAdmin

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(SolrAdminError, match="unreachable"):
        SolrAdmin(f"http://127.0.0.1:{port}/solr", timeout=2).collections()


def free_port_run(nodes: int) -> int:
    """A first port such that the node ports and ZooKeeper's (first + 1000) are all free."""
    for first in range(18900, 19900, 10):
        ports = [first + i for i in range(nodes)] + [first + 1000]
        if not any(_in_use(p) for p in ports):
            return first
    raise RuntimeError("no free ports for a test cluster")


def _in_use(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


# --- the CLI ------------------------------------------------------------------------------
def cli(args, **env):
    return CliRunner().invoke(main, args, env={"JOBSEARCH_STATE_DIR": str(TEST_STATE_DIR), **env})


@pytest.mark.skipif(bool(os.environ.get("SOLR_URL")), reason="uses the local cluster the tests start")
def test_status_and_start_twice(solr_url):
    result = cli(["solr", "status"])
    assert result.exit_code == 0, result.output
    assert "1 live node(s)" in result.output
    result = cli(["solr", "start"])
    assert result.exit_code == 0
    assert "already running" in result.output


def test_status_fails_when_nothing_answers(tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = cli(["solr", "status"], JOBSEARCH_STATE_DIR=str(tmp_path), SOLR_URL=f"http://127.0.0.1:{port}/solr")
    assert result.exit_code == 1
    assert "does not answer" in result.output


@pytest.mark.skipif(bool(os.environ.get("SOLR_URL")), reason="uses the local cluster the tests start")
def test_start_on_a_port_in_use_is_a_one_line_error(solr_url, tmp_path):
    port = int(solr_url.rsplit(":", 1)[1].split("/")[0])
    result = subprocess.run(
        [sys.executable, "-m", "searchapp", "solr", "start", "--port", str(port)],
        env={**os.environ, "JOBSEARCH_STATE_DIR": str(tmp_path)}, capture_output=True, text=True,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == f"error: port {port} is already in use; choose another with --port"
    assert "Traceback" not in result.stderr


def test_missing_java_is_a_one_line_error(tmp_path):
    env = {**os.environ, "JOBSEARCH_STATE_DIR": str(tmp_path), "PATH": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "searchapp", "solr", "start", "--port", "8800"],
        env=env, capture_output=True, text=True,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("error: 'java' was not found on PATH")
    assert len(result.stderr.strip().splitlines()) == 1


def test_stop_without_a_running_cluster(tmp_path):
    result = cli(["solr", "stop"], JOBSEARCH_STATE_DIR=str(tmp_path))
    assert result.exit_code == 0
    assert "No local Solr is running" in result.output


@pytest.mark.skipif(bool(os.environ.get("SOLR_URL")), reason="starts its own local cluster")
def test_two_nodes_two_shards_two_replicas(tmp_path):
    """The multi-node set-up: 2 JVMs, one embedded ZooKeeper, 4 active replicas; stop ends both."""
    port = free_port_run(2)
    cluster = LocalCluster(tmp_path, heap="512m")
    try:
        nodes = cluster.start(nodes=2, port=port, echo=lambda *_: None)
        assert sorted(live_nodes(nodes[0].base_url)) == [f"127.0.0.1:{port}_solr", f"127.0.0.1:{port + 1}_solr"]
        result = cli(["solr", "init", "--shards", "2", "--replicas", "2"],
                     JOBSEARCH_STATE_DIR=str(tmp_path), SOLR_URL=nodes[1].base_url, JOBSEARCH_COLLECTION="multi")
        assert result.exit_code == 0, result.output
        from searchapp.solr.admin import SolrAdmin

        admin = SolrAdmin(nodes[0].base_url)
        collection = admin.alias_target("multi")
        assert admin.replica_states(collection) == ["active"] * 4
        assert cli(["solr", "status"], JOBSEARCH_STATE_DIR=str(tmp_path)).exit_code == 0
        pids = [n.pid for n in nodes]
    finally:
        stopped = cluster.stop(echo=lambda *_: None)
    assert stopped == 2
    assert all(not os.path.exists(f"/proc/{pid}") or open(f"/proc/{pid}/stat").read().split()[2] == "Z" for pid in pids)
    assert cluster.running_nodes() == []


def test_a_relative_state_dir_is_made_absolute(tmp_path, monkeypatch):
    """Each node runs with its home as working directory, so its paths must not be relative."""
    monkeypatch.chdir(tmp_path)
    assert LocalCluster("var").root == tmp_path / "var" / "solr"
