"""Query latency: the search API (gunicorn) vs. the same Solr requests sent straight to Solr.

One run indexes the shared Ashby corpus into a fresh collection, serves the app with gunicorn
(`searchapp.wsgi:app`) on a free port, and sends the same ~40 searches (titles, skills, places,
with and without facet filters, sorts, paging) both ways, at 1 and at 8 concurrent clients.
The direct requests carry exactly the Solr params the app sends for each search: they are
captured at the app's SolrClient while the app runs each search once in-process, so query
understanding and place resolution are the app's own (`searchapp.search.query.search_params`).
Rounds alternate which path goes first; a warm-up round of each comes before any timing.

    python bench/query_latency.py [--rounds 12] [--workers 2] [--threads 4]

Prints p50 and p99 of each path and their ratios; the last line (8 clients) is
`p50_ratio=… p99_ratio=…`. Goal: p50 ≤ 1.10 and p99 ≤ 1.25.
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import pysolr
import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from solr_for_bench import solr_for_bench  # noqa: E402

from indexer import pipeline  # noqa: E402
from searchapp.app import create_app  # noqa: E402
from searchapp.config import PROJECT_ROOT  # noqa: E402
from searchapp.search.service import SolrClient  # noqa: E402
from searchapp.solr.admin import SolrAdmin  # noqa: E402

CORPUS = PROJECT_ROOT.parent / "shared" / "data" / "ashby-2025-10"
CLIENTS = (1, 8)
START_TIMEOUT_S = 60

# What people type and click: titles, skills, places, and facet filters alone or together.
SEARCHES: list[dict] = [
    {"q": "software engineer"},
    {"q": "senior backend engineer"},
    {"q": "frontend engineer react"},
    {"q": "python"},
    {"q": "machine learning engineer"},
    {"q": "data scientist", "location": "0/US"},
    {"q": "data engineer", "skill": "SQL"},
    {"q": "account executive"},
    {"q": "account executive new york"},
    {"q": "product manager", "remote": "remote"},
    {"q": "product designer"},
    {"q": "customer success manager", "sort": "newest"},
    {"q": "sales development representative"},
    {"q": "devops kubernetes"},
    {"q": "site reliability engineer", "skill": "Kubernetes"},
    {"q": "security engineer"},
    {"q": "recruiter"},
    {"q": "marketing manager", "location": "0/GB"},
    {"q": "finance", "category": "Finance & Accounting"},
    {"q": "nurse"},
    {"q": "engineer san francisco"},
    {"q": "engineer london"},
    {"q": "staff engineer", "seniority": "staff"},
    {"q": "intern"},
    {"q": "typescript node", "remote": ["remote", "hybrid"]},
    {"q": "rust"},
    {"q": "llm", "category": "Machine Learning & AI"},
    {"q": "solutions engineer", "page": "2"},
    {"q": "go golang", "sort": "salary"},
    {"q": "operations", "employment_type": "contract"},
    {"q": "engineer", "salary_min": "150000"},
    {"skill": "Python"},
    {"skill": ["Python", "SQL"]},
    {"category": "Software Engineering", "location": "1/US/California"},
    {"category": ["Sales", "Marketing"], "remote": "remote"},
    {"location": "2/US/New York/New York City"},
    {"seniority": "senior", "employment_type": "full_time"},
    {"near": "Berlin", "radius_km": "100"},
    {"q": "engineer", "near": "Toronto"},
    {},
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=12, help="timed rounds of every search, per path and client count")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker")
    args = parser.parse_args()
    with solr_for_bench() as solr_url:
        admin = SolrAdmin(solr_url)
        collection = admin.create_empty("bench_latency")
        try:
            summary = pipeline.index([str(CORPUS)], pysolr.Solr(f"{solr_url}/{collection}", timeout=300))
            print(f"indexed {summary.indexed} postings from {CORPUS.name}")
            solr_requests = captured_solr_params(solr_url, collection)
            with gunicorn(solr_url, collection, args.workers, args.threads) as api_url:
                ratios = compare(api_url, f"{solr_url}/{collection}/search", solr_requests, args.rounds)
        finally:
            admin.delete_collection(collection)
    print("load average (1, 5, 15 min): {:.2f} {:.2f} {:.2f} on {} cores; others' load skews both paths"
          .format(*os.getloadavg(), os.cpu_count()))
    p50_ratio, p99_ratio = ratios[max(CLIENTS)]
    print(f"p50_ratio={p50_ratio:.3f} p99_ratio={p99_ratio:.3f}")


class RecordingSolrClient(SolrClient):
    """The app's own client, keeping a copy of every request it sends."""

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.sent: list[tuple[str, list[tuple[str, str]]]] = []

    def call(self, handler: str, params: list[tuple[str, str]]) -> dict:
        self.sent.append((handler, list(params)))
        return super().call(handler, params)


def captured_solr_params(solr_url: str, collection: str) -> list[list[tuple[str, str]]]:
    """For each search, the form params the app POSTs to Solr's /search handler."""
    app = create_app({"SOLR_URL": solr_url, "COLLECTION": collection})
    recorder = RecordingSolrClient(solr_url, collection, 30)
    app.extensions["search"].solr = recorder
    client = app.test_client()
    captured = []
    for search in SEARCHES:
        recorder.sent.clear()
        response = client.get(f"/api/v1/search?{urlencode(search, doseq=True)}")
        if response.status_code != 200 or [handler for handler, _ in recorder.sent] != ["search"]:
            raise SystemExit(f"search {search} did not run as one Solr request: HTTP {response.status_code}, "
                             f"{response.get_data(as_text=True)[:300]}")
        if response.get_json()["total"] == 0:
            print(f"note: no postings for {search}")
        captured.append([*recorder.sent[0][1], ("wt", "json")])  # SolrClient adds wt=json
    return captured


class gunicorn:  # noqa: N801 - used as a context manager, like open()
    """`gunicorn searchapp.wsgi:app` on a free port; stopped (only this process) on exit."""

    def __init__(self, solr_url: str, collection: str, workers: int, threads: int) -> None:
        self.port = _free_port()
        self.command = [sys.executable, "-m", "gunicorn", "--preload", "--workers", str(workers),
                        "--threads", str(threads), "--worker-class", "gthread",
                        "--bind", f"127.0.0.1:{self.port}", "--limit-request-line", "16384",
                        "--log-level", "warning", "searchapp.wsgi:app"]
        self.env = {**os.environ, "SOLR_URL": solr_url, "JOBSEARCH_COLLECTION": collection,
                    "JOBSEARCH_QUERY_TIMEOUT": "30"}
        print(f"api: gunicorn, {workers} workers x {threads} threads")

    def __enter__(self) -> str:
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(self.command, env=self.env, cwd=PROJECT_ROOT,
                                        stdout=self.log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                if requests.get(f"{url}/api/v1/openapi.json", timeout=2).status_code == 200:
                    return url
            except requests.ConnectionError:
                pass
            time.sleep(0.2)
        output = self._output()
        self.__exit__()
        raise SystemExit(f"gunicorn did not start; its output:\n{output}")

    def __exit__(self, *_) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()

    def _output(self) -> str:
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")[-3000:]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def compare(api_url: str, solr_search_url: str, solr_requests: list, rounds: int) -> dict[int, tuple[float, float]]:
    """Times both paths at each client count; returns {clients: (p50 ratio, p99 ratio)}."""
    api_urls = [f"{api_url}/api/v1/search?{urlencode(search, doseq=True)}" for search in SEARCHES]
    paths = {
        "api": lambda session, i: session.get(api_urls[i], timeout=30),
        "solr": lambda session, i: session.post(solr_search_url, data=solr_requests[i], timeout=30),
    }
    _check_same_totals(paths)
    ratios = {}
    print(f"{len(SEARCHES)} searches x {rounds} rounds per path and client count; times in ms")
    print(f"{'clients':>7} {'path':>5} {'p50':>8} {'p99':>8} {'mean':>8}")
    for clients in CLIENTS:
        times: dict[str, list[float]] = {name: [] for name in paths}
        with ThreadPoolExecutor(max_workers=clients) as pool:  # the same clients throughout
            for name, send in paths.items():  # warm-up, untimed
                _round(pool, send)
            for number in range(rounds):
                order = list(paths) if number % 2 == 0 else list(reversed(paths))
                for name in order:
                    times[name] += _round(pool, paths[name])
        stats = {name: _percentiles(values) for name, values in times.items()}
        for name, (p50, p99, mean) in stats.items():
            print(f"{clients:>7} {name:>5} {p50:8.1f} {p99:8.1f} {mean:8.1f}")
        ratios[clients] = (stats["api"][0] / stats["solr"][0], stats["api"][1] / stats["solr"][1])
        print(f"{clients:>7} ratio {ratios[clients][0]:8.3f} {ratios[clients][1]:8.3f}")
    return ratios


_local = threading.local()


def _session() -> requests.Session:
    """One keep-alive session per client thread, like a browser or an app server's pool."""
    if not hasattr(_local, "session"):
        _local.session = requests.Session()
    return _local.session


def _round(pool: ThreadPoolExecutor, send) -> list[float]:
    """Every search once, spread over the pool's concurrent clients; the latencies in ms."""
    def timed(index: int) -> float:
        session = _session()
        started = time.perf_counter()
        response = send(session, index)
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise SystemExit(f"search {SEARCHES[index]} answered HTTP {response.status_code}: {response.text[:300]}")
        return elapsed

    return list(pool.map(timed, range(len(SEARCHES))))


def _check_same_totals(paths: dict) -> None:
    """Both paths find the same postings for every search (they run the same Solr request)."""
    session = requests.Session()
    for index, search in enumerate(SEARCHES):
        api_total = paths["api"](session, index).json()["total"]
        solr_total = paths["solr"](session, index).json()["response"]["numFound"]
        if api_total != solr_total:
            raise SystemExit(f"search {search}: the API found {api_total}, Solr directly {solr_total}")


def _percentiles(values: list[float]) -> tuple[float, float, float]:
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[49], cuts[98], statistics.fmean(values)


if __name__ == "__main__":
    main()
