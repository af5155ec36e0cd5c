"""Getting one source's bytes, from disk or the web, gunzipped, within the size limit."""
from __future__ import annotations

import gzip
import io
import os
import zlib
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from indexer.sources.fetch import FetchError, fetch

GZIP_MAGIC = b"\x1f\x8b"


@dataclass
class Payload:
    source: str
    data: bytes
    name: str  # last path segment, URL-decoded, without ".gz" (e.g. "Forward Financing.json")
    content_type: str = ""  # from HTTP, if fetched
    charset: str | None = None  # from HTTP, if fetched
    url: str | None = None  # final URL, if fetched


class LoadError(Exception):
    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def load(source: str, *, max_bytes: int) -> Payload:
    if is_url(source):
        try:
            fetched = fetch(source, max_bytes=max_bytes)
        except FetchError as error:
            raise LoadError(error.reason, error.detail) from None
        payload = Payload(source, fetched.data, _last_segment(urlsplit(fetched.url).path),
                          fetched.content_type, fetched.charset, fetched.url)
    else:
        payload = Payload(source, _read_file(source, max_bytes), _last_segment(source))
    if payload.data[:2] == GZIP_MAGIC:
        payload.data = _gunzip(payload.data, max_bytes)
    return payload


def _last_segment(path: str) -> str:
    name = unquote(path.rstrip("/").rsplit("/", 1)[-1])
    return name[:-3] if name.lower().endswith(".gz") else name


def _read_file(path: str, max_bytes: int) -> bytes:
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            raise LoadError("too_large", f"{size} bytes > limit {max_bytes}")
        with open(path, "rb") as handle:
            return handle.read(max_bytes + 1)
    except OSError as error:
        raise LoadError("unreadable", f"{type(error).__name__}: {error.strerror or error}") from None


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress, refusing to inflate past `max_bytes` (a small .gz can hide a huge body)."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            inflated = stream.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise LoadError("unreadable", f"broken gzip data: {error}") from None
    if len(inflated) > max_bytes:
        raise LoadError("too_large", f"decompressed body passed the limit of {max_bytes} bytes")
    return inflated

