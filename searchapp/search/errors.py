"""The two ways a search can fail that the views map to HTTP statuses."""
from __future__ import annotations


class InvalidParameter(ValueError):
    """The request asked for something malformed or unknown (HTTP 400)."""

    def __init__(self, parameter: str, message: str):
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter
        self.message = message


class SearchUnavailable(RuntimeError):
    """Solr is unreachable, too slow, or answered with a server error (HTTP 503)."""
