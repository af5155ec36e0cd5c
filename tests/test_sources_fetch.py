"""URLs: fetched from a local http.server that serves the shared data and misbehaves on purpose."""
from __future__ import annotations

import gzip
import json
import socket
import threading
from collections import Counter
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

import pytest

from indexer.model import Posting
from indexer.sources import Reject, fetch, read_source

SMALL_FEED = json.dumps({"jobs": [{"id": "x1", "title": "Retry survivor"}], "apiVersion": 1}).encode()
BIG = 2_000_000


class Handler(SimpleHTTPRequestHandler):
    """Files under / from the shared data; special routes below."""

    hits: Counter = Counter()
    user_agents: list = []

    def do_GET(self):  # noqa: N802 - http.server's naming
        path = urlsplit(self.path).path
        type(self).hits[path] += 1
        type(self).user_agents.append(self.headers.get("User-Agent"))
        if path.startswith("/posting-api/job-board/"):
            board = unquote(path.rsplit("/", 1)[-1])
            feed = self.directory + f"/ashby-2025-10/{board.replace(' ', '%20')}.json.gz"
            with open(feed, "rb") as handle:
                return self._send(200, gzip.decompress(handle.read()), "application/json")
        if path == "/flaky":
            if type(self).hits[path] == 1:
                return self._send(500, b"try again", "text/plain")
            return self._send(200, SMALL_FEED, "application/json")
        if path == "/down":
            return self._send(503, b"down", "text/plain")
        if path == "/missing":
            return self._send(404, b"no", "text/plain")
        if path == "/endless":  # no Content-Length: only streaming can stop it
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html><body><p>" + b"x" * BIG + b"</p></body></html>")
            return None
        if path == "/declared-big":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(BIG))
            self.end_headers()
            return None
        return super().do_GET()

    def _send(self, status, body, content_type):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(shared_data):
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(shared_data)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def quick_backoff(monkeypatch):
    monkeypatch.setattr(fetch, "BACKOFF_FACTOR", 0.01)


def test_ashby_board_api_url(server, shared_data):
    url = f"{server}/posting-api/job-board/Forward%20Financing?includeCompensation=true"
    items = read_source(url)
    local = read_source(str(shared_data / "ashby-2025-10" / "Forward%20Financing.json.gz"))
    assert items and all(isinstance(p, Posting) for p in items)
    assert [p.title for p in items] == [p.title for p in local]
    assert {p.company for p in items} == {"Forward Financing"}
    assert {p.source for p in items} == {url}
    assert Handler.user_agents[-1] == "jobsearch/0.1 (+https://github.com/jobsearch)"


def test_gzipped_feed_and_html_page_by_url(server):
    feed = read_source(f"{server}/ashby-2025-10/Forward%2520Financing.json.gz")
    assert feed and {p.company for p in feed} == {"Forward Financing"}
    url = f"{server}/careers-html/pages/JobPage02_JobPostingExtended19.html"
    [posting] = read_source(url)
    assert posting.title == "Senior Manager, Sales Force Excellence"
    assert posting.source == url
    seed = read_source(f"{server}/seed/salesforce-senior-lead-data-engineer.txt")
    assert [p.title for p in seed] == ["Senior / Lead Data Engineer, ML / Deep Learning"]


def test_server_error_then_success_is_retried(server):
    [posting] = read_source(f"{server}/flaky")
    assert posting.title == "Retry survivor"
    assert Handler.hits["/flaky"] == 2


def test_persistent_errors_give_fetch_failed(server, quick_backoff):
    [reject] = read_source(f"{server}/down")
    assert (reject.reason, reject.detail) == ("fetch_failed", "HTTP 503 Service Unavailable")
    assert Handler.hits["/down"] == 1 + fetch.RETRIES
    [reject] = read_source(f"{server}/missing")
    assert reject.reason == "fetch_failed" and "404" in reject.detail
    assert Handler.hits["/missing"] == 1  # 4xx is not retried


def test_too_large_bodies(server):
    [reject] = read_source(f"{server}/endless", max_bytes=100_000)
    assert (reject.reason, reject.source) == ("too_large", f"{server}/endless")
    assert "body passed" in reject.detail
    [reject] = read_source(f"{server}/declared-big", max_bytes=100_000)
    assert reject.reason == "too_large" and "Content-Length" in reject.detail


def test_connection_refused(quick_backoff):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    [reject] = read_source(f"http://127.0.0.1:{port}/feed.json")
    assert isinstance(reject, Reject) and reject.reason == "fetch_failed"
    assert "ConnectionError" in reject.detail
