"""Which kind of document a payload is, judged from its first bytes, then its name.

Content wins over the file name: an `.html` file holding JSON is read as JSON, a `.txt` file
holding a page's markup as HTML. The name (or HTTP media type) only settles what the bytes
cannot: a CSV file looks like any text.
"""
from __future__ import annotations

import json
import re

HTML_MARKERS = re.compile(rb"<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
TAG_START = re.compile(rb"^<(?:!--|[a-zA-Z!?])")
CSV_NAMES = (".csv", ".tsv")
JSON_LINES_NAMES = (".jsonl", ".ndjson")
CSV_MEDIA_TYPES = ("text/csv", "text/tab-separated-values")
TITLE_HEADER = re.compile(rb"(?:^|[,;\t|\"'])\s*(?:title|job[ _-]?title|position(?:[ _-]title)?)\s*(?:[,;\t|\"']|$)",
                          re.IGNORECASE)
HEAD = 8192


def sniff(data: bytes, name: str = "", media_type: str = "") -> str:
    """One of 'json', 'jsonl', 'html', 'csv', 'text', 'binary'."""
    head = data[:HEAD].lstrip(b"\xef\xbb\xbf \t\r\n")
    lower_name = name.lower()
    if head[:1] in (b"{", b"["):
        return "jsonl" if lower_name.endswith(JSON_LINES_NAMES) or _first_line_is_a_value(head) else "json"
    if HTML_MARKERS.search(head) or (TAG_START.match(head) and b"</" in head) or media_type == "text/html":
        return "html"
    if b"\x00" in head:
        return "binary"
    if lower_name.endswith(CSV_NAMES) or media_type in CSV_MEDIA_TYPES:
        return "csv"
    first_line = head.split(b"\n", 1)[0]
    if TITLE_HEADER.search(first_line):
        return "csv"
    return "text"


def _first_line_is_a_value(head: bytes) -> bool:
    """JSON Lines: a complete JSON value on the first line and more lines after it."""
    first, _, rest = head.partition(b"\n")
    if not rest.strip():
        return False
    try:
        json.loads(first)
    except ValueError:
        return False
    return True
