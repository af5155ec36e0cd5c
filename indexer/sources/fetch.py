"""Fetching a posting URL politely: a clear User-Agent, timeouts, bounded retries, a size cap.

Retries (urllib3 `Retry`) cover connection errors and 5xx/429 answers with exponential backoff;
the body is streamed and abandoned as soon as it passes `max_bytes`, so a huge or endless
answer costs at most that much memory.
"""
from __future__ import annotations

from dataclasses import dataclass

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

USER_AGENT = "jobsearch/0.1 (+https://github.com/jobsearch)"
CONNECT_TIMEOUT = 5.0  # seconds
READ_TIMEOUT = 30.0  # seconds between two bytes, not for the whole body
RETRIES = 3
BACKOFF_FACTOR = 0.5  # sleeps 0, 1, 2 s between tries (urllib3's exponential backoff)
RETRY_STATUSES = (429, 500, 502, 503, 504)
CHUNK = 64 * 1024


@dataclass
class Fetched:
    data: bytes
    content_type: str  # media type without parameters, lower case ("" if none)
    charset: str | None  # charset= parameter of Content-Type, if any
    url: str  # final URL after redirects


class FetchError(Exception):
    """The URL gave no usable body; `reason` is a Reject reason code."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def _session() -> requests.Session:
    retry = Retry(
        total=RETRIES,
        connect=RETRIES,
        read=RETRIES,
        status=RETRIES,
        backoff_factor=BACKOFF_FACTOR,
        status_forcelist=RETRY_STATUSES,
        allowed_methods=frozenset({"GET"}),
        respect_retry_after_header=False,  # a server's Retry-After could stall a worker for minutes
        raise_on_status=False,
    )
    session = requests.Session()
    session.headers["User-Agent"] = USER_AGENT
    session.mount("http://", HTTPAdapter(max_retries=retry))
    session.mount("https://", HTTPAdapter(max_retries=retry))
    return session


def fetch(url: str, *, max_bytes: int) -> Fetched:
    """GET `url`; raises FetchError('fetch_failed' | 'too_large', ...)."""
    try:
        with _session() as session, session.get(
            url, stream=True, timeout=(CONNECT_TIMEOUT, READ_TIMEOUT)
        ) as response:
            if response.status_code >= 400:
                raise FetchError("fetch_failed", f"HTTP {response.status_code} {response.reason or ''}".strip())
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise FetchError("too_large", f"Content-Length {declared} bytes > limit {max_bytes}")
            body = bytearray()
            for chunk in response.iter_content(CHUNK):
                body += chunk
                if len(body) > max_bytes:
                    raise FetchError("too_large", f"body passed the limit of {max_bytes} bytes")
            media_type, _, params = response.headers.get("Content-Type", "").partition(";")
            return Fetched(bytes(body), media_type.strip().lower(), _charset(params), response.url)
    except requests.RequestException as error:
        raise FetchError("fetch_failed", f"{type(error).__name__}: {error}") from None


def _charset(params: str) -> str | None:
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None
