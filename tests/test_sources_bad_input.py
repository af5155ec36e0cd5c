"""Bad input loses nothing: each broken source becomes a Reject, and the rest of the batch is read."""
from __future__ import annotations

import gzip
import json

import pytest

import indexer.sources
from indexer.model import Posting
from indexer.sources import Reject, iter_sources, read_source

GOOD_JOB = {"id": "1", "title": "Welder", "location": "Aarhus", "jobUrl": "https://jobs.example/1"}
PROSE = "<p>" + "You will weld steel frames for wind turbine towers in our Aarhus workshop. " * 4 + "</p>"


def reasons(items):
    return [(r.reason) for r in items if isinstance(r, Reject)]


def test_missing_file_and_directory_are_unreadable(tmp_path):
    missing = str(tmp_path / "nope.json")
    [reject] = read_source(missing)
    assert (reject.source, reject.reason) == (missing, "unreadable")
    assert "No such file" in reject.detail
    assert [r.reason for r in read_source(str(tmp_path))] == ["unreadable"]


def test_invalid_json(tmp_path):
    path = tmp_path / "feed.json"
    path.write_text('{"jobs": [{"title": "Welder"},', "utf-8")
    [reject] = read_source(str(path))
    assert reject.reason == "invalid_json"
    assert "line 1 column" in reject.detail


def test_non_utf8_json_feed_is_an_encoding_reject(tmp_path):
    path = tmp_path / "feed.json"
    path.write_bytes(json.dumps({"jobs": [{"title": "Kok i Århus"}], "apiVersion": 1}, ensure_ascii=False)
                     .encode("latin-1"))
    [reject] = read_source(str(path))
    assert reject.reason == "encoding"
    assert "UTF-8" in reject.detail


def test_html_with_declared_charset(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(('<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head>'
                      f"<body><h1>Svejser til Århus</h1>{PROSE}</body></html>").encode("iso-8859-1"))
    [posting] = read_source(str(path))
    assert posting.title == "Svejser til Århus"


def test_html_without_posting(tmp_path):
    path = tmp_path / "about.html"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav><h1>About us</h1><p>We make steel.</p></body></html>",
                    "utf-8")
    [reject] = read_source(str(path))
    assert reject.reason == "no_posting"


def test_size_limits(tmp_path):
    page = tmp_path / "big.html"
    page.write_text(f"<html><body><h1>Welder</h1>{PROSE * 50}</body></html>", "utf-8")
    assert isinstance(read_source(str(page))[0], Posting)
    [reject] = read_source(str(page), max_bytes=1000)
    assert (reject.reason, reject.source) == ("too_large", str(page))
    bomb = tmp_path / "bomb.json.gz"  # 10 MB of JSON in a few kB of gzip
    bomb.write_bytes(gzip.compress(json.dumps({"jobs": [], "pad": " " * 10_000_000}).encode()))
    assert bomb.stat().st_size < 100_000
    [reject] = read_source(str(bomb), max_bytes=1_000_000)
    assert reject.reason == "too_large" and "decompressed" in reject.detail


def test_broken_gzip_binary_and_empty_files(tmp_path):
    broken = tmp_path / "feed.json.gz"
    broken.write_bytes(gzip.compress(json.dumps({"jobs": [GOOD_JOB]}).encode())[:40])
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)))
    empty = tmp_path / "empty.csv"
    empty.write_text("  \n", "utf-8")
    assert [r.reason for r in read_source(str(broken))] == ["unreadable"]
    assert [r.reason for r in read_source(str(binary))] == ["unsupported"]
    assert [r.reason for r in read_source(str(empty))] == ["empty"]


def test_a_parser_bug_is_reported_not_raised(tmp_path, monkeypatch):
    def broken_reader(payload):
        raise KeyError("boom")

    monkeypatch.setitem(indexer.sources._READERS, "json", broken_reader)
    path = tmp_path / "feed.json"
    path.write_text(json.dumps({"jobs": [GOOD_JOB], "apiVersion": 1}), "utf-8")
    [reject] = read_source(str(path))
    assert (reject.reason, reject.detail) == ("parse_error", "KeyError: 'boom'")


def test_batch_keeps_every_good_posting(tmp_path):
    (tmp_path / "boards").mkdir()
    (tmp_path / "boards" / "Steel%20Works.json.gz").write_bytes(
        gzip.compress(json.dumps({"jobs": [GOOD_JOB, {"id": "2"}, dict(GOOD_JOB, id="3", title="Painter")],
                                  "apiVersion": 1}).encode()))
    (tmp_path / "boards" / "broken.json").write_text("{", "utf-8")
    (tmp_path / "boards" / ".hidden.json").write_text("{", "utf-8")
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "job.html").write_text(f"<html><body><h1>Crane operator</h1>{PROSE}</body></html>", "utf-8")
    (tmp_path / "pages" / "shell.html").write_text("<html><body><div id='app'></div></body></html>", "utf-8")
    (tmp_path / "rows.jsonl").write_bytes(b'{"title": "Driver"}\n\xff\n{"title": "Cook"}\n')

    sources = list(iter_sources([str(tmp_path), str(tmp_path / "gone.csv")]))
    assert sources == [str(tmp_path / p) for p in ("boards/Steel%20Works.json.gz", "boards/broken.json",
                                                    "pages/job.html", "pages/shell.html", "rows.jsonl", "gone.csv")]
    items = [item for source in sources for item in read_source(source)]
    assert sorted(p.title for p in items if isinstance(p, Posting)) == [
        "Cook", "Crane operator", "Driver", "Painter", "Welder"]
    assert {p.company for p in items if isinstance(p, Posting) and p.title in ("Welder", "Painter")} == {"Steel Works"}
    assert sorted(reasons(items)) == ["encoding", "invalid_json", "missing_title", "no_posting", "unreadable"]
    assert all(r.source and r.detail for r in items if isinstance(r, Reject))


@pytest.mark.parametrize("url", ["ftp://example.org/feed.json", "mailto:jobs@example.org"])
def test_unknown_schemes_are_paths_that_do_not_exist(url):
    assert [r.reason for r in read_source(url)] == ["unreadable"]
