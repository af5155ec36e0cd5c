"""Sources in, Solr documents out: parse in parallel, enrich, deduplicate, push in batches.

Parsing and enrichment run in worker processes (one per core), one source file per task;
the main process deduplicates and sends batches to Solr while the workers go on, and commits
once at the end. Nothing bad stops a run: every rejected input is counted by reason and
written to the rejects file, and every good posting is still indexed.
"""
from __future__ import annotations

import json
import os
import re
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pysolr
from tqdm import tqdm

from indexer.enrich import enrich
from indexer.model import Posting, assign_id
from indexer.solr_document import dedup_key, to_solr
from indexer.sources import Reject, iter_sources, read_source

BATCH_SIZE = 500
UUID = re.compile(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")


@dataclass
class Summary:
    sources: int = 0
    read: int = 0  # postings parsed
    indexed: int = 0
    duplicates: int = 0
    rejected: Counter = field(default_factory=Counter)  # reason -> count
    seconds: float = 0.0
    rejects_file: str | None = None

    @property
    def per_second(self) -> float:
        return self.indexed / self.seconds if self.seconds else 0.0

    def text(self) -> str:
        reasons = ", ".join(f"{reason}: {n}" for reason, n in self.rejected.most_common()) or "none"
        lines = [
            f"sources read: {self.sources}",
            f"postings read: {self.read}",
            f"indexed: {self.indexed}",
            f"duplicates merged: {self.duplicates}",
            f"rejected: {sum(self.rejected.values())} ({reasons})",
            f"time: {self.seconds:.1f} s ({self.per_second:.0f} postings/s)",
        ]
        if self.rejects_file and self.rejected:
            lines.append(f"rejects written to: {self.rejects_file}")
        return "\n".join(lines)


def parse_source(source: str) -> list[Posting | Reject]:
    """One source, parsed and enriched (runs in a worker process)."""
    results: list[Posting | Reject] = []
    for item in read_source(source):
        if isinstance(item, Posting):
            try:
                item = assign_id(enrich(item))
            except Exception as exc:  # a bug on one posting must not lose the others
                item = Reject(item.source, "enrich_failed", f"{exc.__class__.__name__}: {exc}")
        results.append(item)
    return results


def parse(inputs: Iterable[str], workers: int | None = None, progress: bool = False,
          on_source: Callable[[], None] | None = None) -> Iterator[Posting | Reject]:
    """Postings and rejects from every source, in source order."""
    sources = list(iter_sources(list(inputs)))
    workers = workers or os.cpu_count() or 1
    bar = tqdm(total=len(sources), unit="file", desc="parsing", disable=not progress, file=sys.stderr)
    try:
        if workers == 1 or len(sources) < 2:
            results = map(parse_source, sources)
            yield from _each(results, bar, on_source)
        else:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                yield from _each(pool.map(parse_source, sources, chunksize=2), bar, on_source)
    finally:
        bar.close()


def _each(results, bar, on_source) -> Iterator[Posting | Reject]:
    for items in results:
        bar.update(1)
        if on_source:
            on_source()
        yield from items


class Deduplicator:
    """The same posting seen twice becomes one.

    Seen before means: the same id (canonical URL), the same globally unique source id (an ATS
    job UUID listed on two boards), or the same company, title and places.
    """

    def __init__(self) -> None:
        self.seen: set = set()

    def is_duplicate(self, posting: Posting) -> bool:
        keys = {("id", posting.id),
                ("content", dedup_key(posting), tuple(sorted(t.lower() for t in posting.location_texts)))}
        if posting.source_id and UUID.fullmatch(posting.source_id):
            keys.add(("uuid", posting.source_id.lower()))
        if keys & self.seen:
            return True
        self.seen |= keys
        return False


def index(inputs: Iterable[str], solr: pysolr.Solr | None, *, rejects_path: Path | None = None,
          workers: int | None = None, progress: bool = False, batch_size: int = BATCH_SIZE) -> Summary:
    """Parse, enrich and index every posting; commit once at the end.

    Without `solr` it is a dry run: `indexed` counts what would have been sent.
    """
    summary = Summary(rejects_file=str(rejects_path) if rejects_path else None)
    started = time.monotonic()
    dedup = Deduplicator()
    batch: list[dict] = []
    rejects_out = None

    def reject(item: Reject) -> None:
        nonlocal rejects_out
        summary.rejected[item.reason] += 1
        if rejects_path is not None:
            if rejects_out is None:
                rejects_path.parent.mkdir(parents=True, exist_ok=True)
                rejects_out = rejects_path.open("w", encoding="utf-8")
            rejects_out.write(json.dumps(item.__dict__, ensure_ascii=False) + "\n")

    def flush() -> None:
        if batch:
            refused = _add(solr, batch) if solr is not None else []
            for bad in refused:
                reject(bad)
            summary.indexed += len(batch) - len(refused)
        batch.clear()

    def count_source() -> None:
        summary.sources += 1

    try:
        for item in parse(inputs, workers=workers, progress=progress, on_source=count_source):
            if isinstance(item, Reject):
                reject(item)
                continue
            summary.read += 1
            if dedup.is_duplicate(item):
                summary.duplicates += 1
                continue
            batch.append(to_solr(item))
            if len(batch) >= batch_size:
                flush()
        flush()
        if solr is not None:
            solr.commit()
    finally:
        if rejects_out is not None:
            rejects_out.close()
    summary.seconds = time.monotonic() - started
    return summary


def _add(solr: pysolr.Solr, docs: list[dict]) -> list[Reject]:
    """Send a batch; if Solr refuses a document in it (HTTP 400), bisect to reject only the bad ones.

    Any other failure (Solr down, a timeout, a server error) is not the documents' fault: it ends
    the run instead of being counted as rejects.
    """
    try:
        solr.add(docs, commit=False)
        return []
    except pysolr.SolrError as exc:
        if "(HTTP 400)" not in str(exc):
            raise
        if len(docs) == 1:
            return [Reject(docs[0].get("source", "?"), "solr_rejected", str(exc)[:300])]
        middle = len(docs) // 2
        return _add(solr, docs[:middle]) + _add(solr, docs[middle:])
