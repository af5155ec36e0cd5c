"""A careers page saved as text with its tags stripped (the project's seed document).

Such text keeps the labels ("Job Title:", "Job Category:", "Location:") with values on the
same or the next line, buried in menus, footers and a region selector, one fragment a line.
The description is the longest run of prose lines: menus are runs of short lines, and the
posting's text ends at the call to apply ("Would you like to apply to this job?").
"""
from __future__ import annotations

from indexer.model import Posting
from indexer.sources.boilerplate import APPLY_CALL, is_noise
from indexer.sources.copyright_holder import copyright_holder
from indexer.sources.encoding import decode_lenient
from indexer.sources.labels import fill_from_fields, find_fields
from indexer.sources.loading import Payload
from indexer.sources.reject import Reject

PROSE_MIN_WORDS = 8
MAX_SHORT_GAP = 2  # up to this many short lines (sub-headings) inside a run of prose


def read_page_text(payload: Payload) -> list[Posting | Reject]:
    text = decode_lenient(payload.data)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    fields = find_fields(lines)
    if "title" not in fields:
        return [Reject(payload.source, "unsupported", 'plain text without a "Job Title:" label')]
    used = {index for found in fields.values() for index in found.used}
    posting = Posting(source=payload.source, title=fields["title"].value,
                      description="\n\n".join(_body(lines, used)))
    fill_from_fields(posting, fields)
    posting.company = posting.company or copyright_holder(text)
    return [posting]


def _body(lines: list[str], used: set[int]) -> list[str]:
    runs: list[list[str]] = []
    current: list[str] = []
    shorts = 0
    for index, line in enumerate(lines):
        if index in used or APPLY_CALL.match(line):
            runs.append(current)
            current, shorts = [], 0
            continue
        if _is_prose(line) and not is_noise(line):
            current.append(line)
            shorts = 0
        else:
            shorts += 1
            if shorts > MAX_SHORT_GAP:
                runs.append(current)
                current, shorts = [], 0
            elif any(char.isalnum() for char in line) and not is_noise(line):
                current.append(line)
    runs.append(current)
    best = max(runs, key=lambda run: sum(len(line) for line in run if _is_prose(line)))
    while best and not _is_prose(best[-1]):
        best.pop()
    return best


def _is_prose(line: str) -> bool:
    return len(line.split()) >= PROSE_MIN_WORDS
