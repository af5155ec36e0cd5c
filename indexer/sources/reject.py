"""What a source parser returns for input it could not turn into a posting."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Reject:
    source: str  # file path or URL, plus '#N' (0-based index in a list) or ':N' (1-based line)
    reason: str  # short machine code, see docs/sources.md
    detail: str  # one human line


class MissingTitle(ValueError):
    """A record that has everything but a title: rejected as 'missing_title'."""
