"""Indexing throughput: the whole pipeline vs. pushing the same documents straight to Solr.

Both runs write into fresh collections of the same Solr in one run of this script, in batches
of the same size with one commit at the end, so the ratio is what parsing, enrichment and
deduplication cost on top of Solr's own indexing.

    python bench/index_throughput.py [SOURCE ...]   (default: the shared Ashby corpus)

Last line: pipeline_per_s=… direct_per_s=… ratio=…
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pysolr

sys.path.insert(0, str(Path(__file__).resolve().parent))
from solr_for_bench import solr_for_bench  # noqa: E402

from indexer import pipeline  # noqa: E402
from indexer.model import Posting  # noqa: E402
from indexer.solr_document import to_solr  # noqa: E402
from searchapp.config import PROJECT_ROOT  # noqa: E402
from searchapp.solr.admin import SolrAdmin  # noqa: E402

DEFAULT_SOURCE = PROJECT_ROOT.parent / "shared" / "data" / "ashby-2025-10"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*", default=[str(DEFAULT_SOURCE)])
    args = parser.parse_args()
    with solr_for_bench() as solr_url:
        admin = SolrAdmin(solr_url)
        made = []
        try:
            made.append(admin.create_empty("bench_pipeline"))
            summary = pipeline.index(args.sources, pysolr.Solr(f"{solr_url}/{made[-1]}", timeout=300))
            pipeline_per_s = summary.indexed / summary.seconds
            print(f"pipeline: {summary.indexed} postings in {summary.seconds:.1f} s ({pipeline_per_s:.0f}/s)")

            dedup = pipeline.Deduplicator()
            docs = [to_solr(p) for p in pipeline.parse(args.sources)
                    if isinstance(p, Posting) and not dedup.is_duplicate(p)]
            made.append(admin.create_empty("bench_direct"))
            solr = pysolr.Solr(f"{solr_url}/{made[-1]}", timeout=300)
            started = time.monotonic()
            for start in range(0, len(docs), pipeline.BATCH_SIZE):
                solr.add(docs[start:start + pipeline.BATCH_SIZE], commit=False)
            solr.commit()
            direct_s = time.monotonic() - started
            direct_per_s = len(docs) / direct_s
            print(f"direct:   {len(docs)} documents in {direct_s:.1f} s ({direct_per_s:.0f}/s)")
        finally:
            for collection in made:
                admin.delete_collection(collection)
    print(f"pipeline_per_s={pipeline_per_s:.1f} direct_per_s={direct_per_s:.1f} "
          f"ratio={pipeline_per_s / direct_per_s:.3f}")


if __name__ == "__main__":
    main()
