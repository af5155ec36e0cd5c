"""A Solr for a benchmark run: SOLR_URL when set, else a local node started for the run."""
from __future__ import annotations

import contextlib
import os
from typing import Iterator

from searchapp.config import PROJECT_ROOT
from searchapp.solr.local import throwaway_node

BENCH_PORT = int(os.environ.get("JOBSEARCH_BENCH_SOLR_PORT", "8985"))


@contextlib.contextmanager
def solr_for_bench() -> Iterator[str]:
    if os.environ.get("SOLR_URL"):
        yield os.environ["SOLR_URL"].rstrip("/")
        return
    with throwaway_node(PROJECT_ROOT / "var" / f"bench-{BENCH_PORT}", BENCH_PORT, heap="2g") as url:
        yield url
