"""The indexing pipeline and the index / reindex / parse commands, on the real corpus and Solr."""
from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pysolr
import pytest
from click.testing import CliRunner

from indexer import pipeline
from searchapp.cli import EXIT_REJECTS, main
from searchapp.solr import reindex as reindex_module
from searchapp.solr.reindex import ReindexError, reindex

UUID = re.compile(r"[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}")


def expected_ashby_counts(folder: Path) -> tuple[int, int]:
    """(postings, duplicates) computed straight from the feed files, independently of the parser.

    A job is a duplicate when its Ashby job id was seen on another board, or when the same board
    lists the same title (same words, punctuation aside) at the same locations again.
    """
    postings = duplicates = 0
    seen = set()
    for path in sorted(folder.glob("*.json.gz")):
        for job in json.load(gzip.open(path))["jobs"]:
            postings += 1
            places = [job.get("location")] + [s["location"] for s in job.get("secondaryLocations") or []]
            keys = {("uuid", job["id"]), ("content", path.name, tuple(re.findall(r"[\w+#]+", job["title"].lower())),
                                          tuple(sorted(str(p).lower() for p in places)))}
            if keys & seen:
                duplicates += 1
            seen |= keys
    return postings, duplicates


@pytest.fixture(scope="session")
def corpus(shared_data, solr_url, make_collection, tmp_path_factory):
    """The whole Ashby corpus, the careers pages and the seed, indexed once for the session."""
    alias, collection = make_collection()
    solr = pysolr.Solr(f"{solr_url}/{alias}", timeout=300)
    rejects = tmp_path_factory.mktemp("rejects") / "rejects.jsonl"
    inputs = [str(shared_data / "ashby-2025-10"), str(shared_data / "careers-html" / "pages"),
              str(shared_data / "seed")]
    summary = pipeline.index(inputs, solr, rejects_path=rejects)
    return alias, solr, summary, rejects


def test_corpus_counts_match_the_source_files(corpus, shared_data):
    _, solr, summary, rejects = corpus
    ashby_postings, ashby_duplicates = expected_ashby_counts(shared_data / "ashby-2025-10")
    careers_postings = 6 + 7  # JobPage02 pages holding a posting + Workindenmark "View job" pages
    assert summary.sources == 449 + 22 + 1
    assert summary.read == ashby_postings + careers_postings + 1
    assert summary.duplicates == ashby_duplicates
    assert summary.indexed == summary.read - summary.duplicates
    assert dict(summary.rejected) == {"no_posting": 5, "listing_page": 4}
    assert solr.search("*:*", rows=0).hits == summary.indexed
    lines = [json.loads(line) for line in rejects.read_text().splitlines()]
    assert sorted(Path(r["source"]).name for r in lines if r["reason"] == "no_posting") == [
        f"JobPage02_JobPostingExtended{n}.html" for n in (14, 15, 17, 18, 20)]


def test_indexed_seed_document_is_enriched(corpus, shared_data):
    _, solr, _, _ = corpus
    seed_file = shared_data / "seed" / "salesforce-senior-lead-data-engineer.txt"
    docs = solr.search("*:*", fq=f'source:"{seed_file}"', fl="*").docs
    assert len(docs) == 1
    doc = docs[0]
    assert doc["title"] == "Senior / Lead Data Engineer, ML / Deep Learning"
    assert doc["category"] == "Software Engineering"
    assert {"Palo Alto", "San Francisco"} <= set(doc["city"])
    assert doc["country"] == ["US"]
    assert "2/US/California/Palo Alto" in doc["location_path"]
    assert len(doc["geo"]) == 2
    assert {"Java", "Python", "Scala", "Spark", "Kafka", "Hadoop", "Cassandra", "AWS", "Docker", "Solr",
            "Deep Learning", "NLP"} <= set(doc["skills"])


def test_same_posting_same_id_across_runs(shared_data):
    source = [str(shared_data / "ashby-2025-10" / "notion.json.gz")]
    first = [p.id for p in pipeline.parse(source, workers=1)]
    second = [p.id for p in pipeline.parse(source, workers=1)]
    assert first == second and len(set(first)) == len(first)


def bad_inputs(folder: Path) -> Path:
    folder.mkdir()
    (folder / "good.jsonl").write_text(
        json.dumps({"title": "Payroll Specialist", "company": "Acme", "location": "Berlin", "url": "https://acme.example/1"})
        + "\n" + json.dumps({"company": "Acme, no title"}) + "\n")
    (folder / "broken.json").write_text('{"jobs": [ {"title": ')
    (folder / "latin1.html").write_bytes(b"<html><body>\xff\xfe\x00 not a posting</body></html>")
    (folder / "unreadable.json").write_text("{}")
    (folder / "unreadable.json").chmod(0)
    return folder


def test_index_command_keeps_good_postings_and_reports_bad_input(solr_url, make_collection, tmp_path):
    alias, _ = make_collection()
    inputs = bad_inputs(tmp_path / "in")
    rejects = tmp_path / "rejects.jsonl"
    result = CliRunner().invoke(
        main, ["index", str(inputs), "--rejects", str(rejects)],
        env={"SOLR_URL": solr_url, "JOBSEARCH_COLLECTION": alias, "JOBSEARCH_STATE_DIR": str(tmp_path)})
    assert result.exit_code == EXIT_REJECTS, result.output + result.stderr
    assert "indexed: 1" in result.stderr
    assert "postings/s" in result.stderr
    reasons = {Path(r["source"].split("#")[0].split(":")[0]).name: r["reason"]
               for r in map(json.loads, rejects.read_text().splitlines())}
    assert reasons["broken.json"] == "invalid_json"
    assert reasons["good.jsonl"] == "missing_title"
    assert "latin1.html" in reasons and "unreadable.json" in reasons
    found = pysolr.Solr(f"{solr_url}/{alias}").search("payroll", defType="edismax", qf="title").docs
    assert [d["title"] for d in found] == ["Payroll Specialist"]


def test_parse_command_prints_every_field_as_json_lines(shared_data):
    result = CliRunner().invoke(main, ["parse", str(shared_data / "seed")])
    assert result.exit_code == 0, result.stderr
    postings = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(postings) == 1
    fields = {"id", "source", "source_id", "url", "apply_url", "title", "company", "department", "category",
              "seniority", "employment_type", "locations", "remote", "salary", "posted_at", "description",
              "description_html", "skills", "language"}
    assert fields <= set(postings[0])
    assert postings[0]["title"] == "Senior / Lead Data Engineer, ML / Deep Learning"


def test_parse_command_reports_rejects_on_stderr(shared_data):
    pages = shared_data / "careers-html" / "pages"
    result = CliRunner().invoke(main, ["parse", str(pages / "JobPage02_JobPostingExtended14.html")])
    assert result.exit_code == EXIT_REJECTS
    assert result.stdout == ""
    assert "JobPage02_JobPostingExtended14.html: no_posting" in result.stderr


# --- reindex --------------------------------------------------------------------------------
def test_reindex_swaps_the_alias_and_deletes_the_old_collection(solr_url, solr_admin, make_collection, shared_data):
    alias, old = make_collection()
    pysolr.Solr(f"{solr_url}/{old}", always_commit=True).add([{"id": "stale", "title": "stale posting"}])
    feed = shared_data / "ashby-2025-10" / "notion.json.gz"
    summary = reindex(solr_admin, alias, [str(feed)], echo=lambda _: None)
    new = solr_admin.alias_target(alias)
    assert new != old and old not in solr_admin.collections()
    jobs = len(json.load(gzip.open(feed))["jobs"])
    assert summary.indexed == jobs
    hits = pysolr.Solr(f"{solr_url}/{alias}").search("*:*", fl="id", rows=1000).docs
    assert len(hits) == jobs and "stale" not in {d["id"] for d in hits}


@pytest.mark.parametrize("failure", [KeyboardInterrupt, RuntimeError])
def test_failed_reindex_leaves_the_old_index_serving(solr_url, solr_admin, make_collection, shared_data,
                                                     monkeypatch, failure):
    alias, old = make_collection()
    pysolr.Solr(f"{solr_url}/{old}", always_commit=True).add([{"id": "live", "title": "live posting"}])
    before = set(solr_admin.collections())
    real_index = reindex_module.index

    def index_then_fail(inputs, solr, **kwargs):  # a Ctrl-C or crash after the new collection filled
        real_index(inputs, solr, **kwargs)
        raise failure("stop")

    monkeypatch.setattr(reindex_module, "index", index_then_fail)
    with pytest.raises(failure):
        reindex(solr_admin, alias, [str(shared_data / "seed")], echo=lambda _: None)
    assert solr_admin.alias_target(alias) == old
    assert set(solr_admin.collections()) == before
    assert [d["id"] for d in pysolr.Solr(f"{solr_url}/{alias}").search("*:*")] == ["live"]


def test_reindex_of_nothing_keeps_the_alias(solr_admin, make_collection, tmp_path):
    alias, old = make_collection()
    (tmp_path / "empty.jsonl").write_text("")
    with pytest.raises(ReindexError, match="no posting"):
        reindex(solr_admin, alias, [str(tmp_path)], echo=lambda _: None)
    assert solr_admin.alias_target(alias) == old


def test_a_document_solr_refuses_is_rejected_and_the_rest_indexed(solr_url, make_collection):
    alias, _ = make_collection()
    solr = pysolr.Solr(f"{solr_url}/{alias}", always_commit=True)
    refused = pipeline._add(solr, [{"id": "a", "title": "ok", "source": "good-1"},
                                   {"id": "b", "posted_at": "not a date", "source": "bad"},
                                   {"id": "c", "title": "ok", "source": "good-2"}])
    assert [(r.source, r.reason) for r in refused] == [("bad", "solr_rejected")]
    solr.commit()
    assert sorted(d["id"] for d in solr.search("*:*")) == ["a", "c"]


def test_solr_down_ends_the_run_instead_of_rejecting_documents():
    with pytest.raises(pysolr.SolrError, match="Failed to connect"):
        pipeline._add(pysolr.Solr("http://127.0.0.1:1/solr/none", timeout=2), [{"id": "a"}])
