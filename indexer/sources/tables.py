"""Row-per-posting files: CSV (any of , ; tab | as delimiter, header row required) and JSON Lines.

A bad row becomes a Reject naming its line (`path:LINE`, for CSV the line where the row ends);
the other rows are still read.
"""
from __future__ import annotations

import csv
import io
import json

from indexer.model import Posting
from indexer.sources.encoding import decode_lenient, decode_utf8
from indexer.sources.loading import Payload
from indexer.sources.records import posting_or_reject
from indexer.sources.reject import Reject

DELIMITERS = ",;\t|"
SNIFF_CHARS = 16384


def read_csv(payload: Payload) -> list[Posting | Reject]:
    text = decode_lenient(payload.data)
    # A description cell can be far longer than csv's default 128 KiB field limit.
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=_delimiter(text, payload.name))
    out: list[Posting | Reject] = []
    try:
        for row in reader:
            where = f"{payload.source}:{reader.line_num}"
            if not any(isinstance(value, str) and value.strip() for key, value in row.items() if key is not None):
                continue
            out.append(posting_or_reject(row, payload.source, where))
    except csv.Error as error:
        out.append(Reject(f"{payload.source}:{reader.line_num}", "invalid_csv", f"{error}; rows after it are not read"))
    if reader.fieldnames is None:
        out.append(Reject(payload.source, "invalid_csv", "no header row"))
    return out


def read_json_lines(payload: Payload) -> list[Posting | Reject]:
    out: list[Posting | Reject] = []
    for number, raw in enumerate(payload.data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        where = f"{payload.source}:{number}"
        try:
            obj = json.loads(decode_utf8(raw))
        except UnicodeDecodeError as error:
            out.append(Reject(where, "encoding", f"not UTF-8 (byte {error.start}); JSON Lines must be UTF-8"))
            continue
        except ValueError as error:
            out.append(Reject(where, "invalid_json", str(error)))
            continue
        if not isinstance(obj, dict):
            out.append(Reject(where, "unsupported", f"line holds a JSON {type(obj).__name__}, not an object"))
            continue
        out.append(posting_or_reject(obj, payload.source, where))
    return out


def _delimiter(text: str, name: str) -> str:
    """The delimiter used most in the header row (a header rarely quotes a delimiter)."""
    if name.lower().endswith(".tsv"):
        return "\t"
    header = text[:SNIFF_CHARS].split("\n", 1)[0]
    return max(DELIMITERS, key=header.count) if any(d in header for d in DELIMITERS) else ","
