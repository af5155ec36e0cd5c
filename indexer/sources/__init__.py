"""Source parsers: files and URLs in, raw `Posting`s (and `Reject`s for what could not be read) out.

    for source in iter_sources(["../shared/data/ashby-2025-10", "https://..."]):
        for item in read_source(source):
            ...  # Posting -> assign_id + enrichers; Reject -> count and report

The kind of document is judged from its content (see sniff.py), `.gz` is opened transparently:

- Ashby job-board feeds (`{"jobs": [...], "apiVersion": ...}`), company = board name (ashby.py);
- careers-site HTML pages: schema.org JobPosting, labelled fields, page structure (html_page.py);
- tag-stripped page text with "Job Title:" style labels (page_text.py);
- JSON (a list of records, schema.org JobPosting(s)), JSON Lines and CSV; columns/keys are the
  Posting field names or their aliases, e.g. job_title -> title, company_name -> company,
  location(s) -> location_texts (split on ";" or "|"), date_posted -> posted_at (records.py,
  full table in docs/sources.md).

Bad input never raises: it becomes a `Reject(source, reason, detail)` and the rest of the file
and the batch go on. Reasons: unreadable, too_large, fetch_failed, encoding, invalid_json,
invalid_csv, unsupported, empty, no_posting, listing_page, missing_title, bad_record, unlisted,
parse_error (a parser bug, reported with the exception rather than crashing the batch); the
table is in docs/sources.md.

Parsers fill raw fields only; ids (`assign_id`) and enrichment are the caller's.
`read_source` is a module-level function so a process pool can pickle it.
"""
from __future__ import annotations

import os
from collections.abc import Iterator

from indexer.model import Posting
from indexer.sources.html_page import read_html
from indexer.sources.json_document import read_json
from indexer.sources.loading import LoadError, Payload, is_url, load
from indexer.sources.page_text import read_page_text
from indexer.sources.reject import Reject
from indexer.sources.sniff import sniff
from indexer.sources.tables import read_csv, read_json_lines

__all__ = ["Reject", "iter_sources", "read_source", "DEFAULT_MAX_BYTES"]

DEFAULT_MAX_BYTES = 10_000_000
_READERS = {"json": read_json, "jsonl": read_json_lines, "html": read_html, "csv": read_csv, "text": read_page_text}


def iter_sources(inputs: list[str]) -> Iterator[str]:
    """Files and URLs to read: directories expanded recursively, sorted by path (hidden entries
    skipped), URLs kept. A path that does not exist is yielded as is, so that `read_source`
    reports it as 'unreadable' instead of it vanishing."""
    for item in inputs:
        if is_url(item) or not os.path.isdir(item):
            yield item
            continue
        found = []
        for root, dirs, files in os.walk(item):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            found.extend(os.path.join(root, name) for name in files if not name.startswith("."))
        yield from sorted(found)


def read_source(source: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Posting | Reject]:
    """All postings in one file or URL, and a Reject for each part that could not be read."""
    try:
        payload = load(source, max_bytes=max_bytes)
    except LoadError as error:
        return [Reject(source, error.reason, error.detail)]
    try:
        return _parse(payload)
    except Exception as error:  # noqa: BLE001 - one broken document must not end the batch
        return [Reject(source, "parse_error", f"{type(error).__name__}: {error}")]


def _parse(payload: Payload) -> list[Posting | Reject]:
    if not payload.data.strip():
        return [Reject(payload.source, "empty", "nothing but whitespace")]
    kind = sniff(payload.data, payload.name, payload.content_type)
    reader = _READERS.get(kind)
    if reader is None:
        return [Reject(payload.source, "unsupported", f"{kind} content is not a posting format")]
    return reader(payload)
