"""Bytes to text, with one policy per kind of document.

- JSON and JSON Lines must be UTF-8 (RFC 8259). Bad bytes make the document (or, in JSON Lines,
  that line) a Reject 'encoding': replacing them could silently corrupt ids and URLs.
- HTML: UTF-8 if the bytes are valid UTF-8, else the charset the server or the page declares,
  else windows-1252 (what browsers assume), via BeautifulSoup's UnicodeDammit.
- CSV and plain text: UTF-8, else windows-1252 (what spreadsheets on Windows write).
"""
from __future__ import annotations

from bs4.dammit import UnicodeDammit

BOM = "\ufeff"


def decode_utf8(data: bytes) -> str:
    """Strict UTF-8 (a BOM is dropped); raises UnicodeDecodeError."""
    return data.decode("utf-8").removeprefix(BOM)


def decode_html(data: bytes, declared: str | None = None) -> str:
    try:
        return decode_utf8(data)
    except UnicodeDecodeError:
        pass
    known = [declared] if declared else []
    dammit = UnicodeDammit(data, known_definite_encodings=known, user_encodings=["windows-1252"], is_html=True)
    if dammit.unicode_markup is not None:
        return dammit.unicode_markup
    return data.decode("windows-1252", errors="replace")


def decode_lenient(data: bytes) -> str:
    try:
        return decode_utf8(data)
    except UnicodeDecodeError:
        return data.decode("windows-1252", errors="replace")
