"""A Solr for a benchmark run: SOLR_URL when set, else a local node started for the run."""
from __future__ import annotations

import contextlib
import os
import shutil
from typing import Iterator

from searchapp.config import PROJECT_ROOT
from searchapp.solr.local import LocalCluster

BENCH_PORT = int(os.environ.get("JOBSEARCH_BENCH_SOLR_PORT", "8985"))


@contextlib.contextmanager
def solr_for_bench() -> Iterator[str]:
    if os.environ.get("SOLR_URL"):
        yield os.environ["SOLR_URL"].rstrip("/")
        return
    cluster = LocalCluster(PROJECT_ROOT / "var" / f"bench-{BENCH_PORT}", heap="2g")
    cluster.stop(echo=lambda *_: None)
    shutil.rmtree(cluster.root, ignore_errors=True)
    nodes = cluster.start(nodes=1, port=BENCH_PORT, echo=lambda *_: None)
    try:
        yield nodes[0].base_url
    finally:
        cluster.stop(echo=lambda *_: None)
