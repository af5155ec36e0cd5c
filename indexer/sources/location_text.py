"""Splitting one location field that names several places, keeping each place's words as found.

"Berlin; Munich" and "Berlin | Munich" are two places, but the bar inside
"Remote (United States | Canada)" is not a separator. Hierarchical values run together
("US - California - Palo Alto US - California - San Francisco (HQ)") are split where the
leading part ("US - ") repeats.
"""
from __future__ import annotations

import re

_HIERARCHY_HEAD = re.compile(r"^([A-Za-z][\w.]*(?: [\w.]+){0,2}) - ")


def split_location_text(value: str) -> list[str]:
    out: list[str] = []
    for part in _split_outside_brackets(value, ";|\n"):
        out.extend(_split_repeated_hierarchy(part))
    return [" ".join(p.split()) for p in out if p.strip()]


def _split_outside_brackets(value: str, separators: str) -> list[str]:
    parts, current, depth = [], [], 0
    for char in value:
        if char in "([{":
            depth += 1
        elif char in ")]}" and depth:
            depth -= 1
        if char in separators and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _split_repeated_hierarchy(part: str) -> list[str]:
    part = part.strip()
    head = _HIERARCHY_HEAD.match(part)
    if not head or part.count(head[0]) < 2:
        return [part]
    return re.split(r"\s+(?=" + re.escape(head[0]) + ")", part)
