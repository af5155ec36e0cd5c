"""A whole JSON document: an Ashby feed, schema.org JobPosting(s), or records in a list.

Accepted shapes, tried in this order:
1. Ashby job board: an object with a "jobs" list and "apiVersion" (or Ashby job keys);
2. a list, or an object holding one under "jobs", "postings", "results", "items" or "data",
   each item a schema.org JobPosting or a flat record (see records.py);
3. an object with schema.org JobPostings inside ("@graph", an ItemList ...);
4. a single record (an object with at least one known key).
"""
from __future__ import annotations

import json

from indexer.model import Posting
from indexer.sources import ashby
from indexer.sources.encoding import decode_utf8
from indexer.sources.loading import Payload
from indexer.sources.records import looks_like_record, posting_or_reject
from indexer.sources.reject import MissingTitle, Reject
from indexer.sources.schema_org import posting_from_schema
from indexer.sources.structured_data import find_typed, schema_type

WRAPPER_KEYS = ("jobs", "postings", "results", "items", "data")


def read_json(payload: Payload) -> list[Posting | Reject]:
    try:
        text = decode_utf8(payload.data)
    except UnicodeDecodeError as error:
        return [Reject(payload.source, "encoding", f"not UTF-8 (byte {error.start}); JSON must be UTF-8")]
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as error:
        return [Reject(payload.source, "invalid_json", f"{error.msg} at line {error.lineno} column {error.colno}")]
    except (ValueError, RecursionError) as error:
        return [Reject(payload.source, "invalid_json", f"{type(error).__name__}: {error}")]
    return postings_in(doc, payload.source, payload.name)


def postings_in(doc: object, source: str, name: str) -> list[Posting | Reject]:
    if ashby.is_feed(doc):
        return ashby.parse_feed(doc, source, ashby.board_company(name))
    records = _record_list(doc)
    if records is None:
        job_postings = find_typed(doc, "JobPosting")
        if not job_postings:
            return [Reject(source, "unsupported", "JSON is not a feed, a JobPosting, or a list of posting records")]
        return [_schema_posting(obj, source, f"{source}#{index}") for index, obj in enumerate(job_postings)]
    out: list[Posting | Reject] = []
    for index, record in enumerate(records):
        where = f"{source}#{index}"
        if isinstance(record, dict):
            out.append(posting_or_reject(record, source, where))
        else:
            out.append(Reject(where, "unsupported", f"item is a JSON {type(record).__name__}, not an object"))
    return out


def _schema_posting(obj: dict, source: str, where: str) -> Posting | Reject:
    try:
        return posting_from_schema(obj, source)
    except MissingTitle as error:
        return Reject(where, "missing_title", str(error))


def _record_list(doc: object) -> list | None:
    if isinstance(doc, list):
        return doc
    if not isinstance(doc, dict):
        return None
    for key in WRAPPER_KEYS:
        if isinstance(doc.get(key), list):
            return doc[key]
    types = schema_type(doc)
    if "JobPosting" in types or (not types and "@graph" not in doc and looks_like_record(doc)):
        return [doc]
    return None
