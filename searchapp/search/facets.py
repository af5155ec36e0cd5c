"""Facet types, one small class each (datasette style).

A facet turns the values a user selected into a tagged Solr filter, asks Solr for multi-select
counts (`{!ex=<key>}`: each facet counted with the other facets' filters but not its own), and
turns Solr's counts back into plain dicts: value, label, count, selected, toggle_url.

User values never enter query syntax: they travel as separate request params referenced by
`$name` (`{!term f=skills v=$ref3}`), so quotes, commas, braces and `{!` need no escaping.
Selected values are always shown, with exact counts from `facet.query`, even when they fall
outside the top values or match nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Protocol

from searchapp.search.errors import InvalidParameter

Toggle = Callable[[tuple[str, ...]], str]  # a new selection of this facet -> its URL


class Params(Protocol):
    def add(self, key: str, value: object) -> None: ...

    def ref(self, value: str) -> str: ...


def term_query(field_name: str, params: Params, value: str, local: str = "") -> str:
    return f"{{!term f={field_name} {local}v={params.ref(value)}}}"


def any_of(field_name: str, values: tuple[str, ...], params: Params, tag: str) -> str:
    """`{!bool tag=.. should='{!term ..}' ..}`: OR of exact values, taggable for exclusion."""
    clauses = " ".join(f"should='{term_query(field_name, params, value)}'" for value in values)
    return f"{{!bool tag={tag} {clauses}}}"


class FacetCounts:
    """Solr's `facet_counts` (requested with json.nl=arrarr)."""

    def __init__(self, facet_counts: dict):
        self._fields = facet_counts.get("facet_fields", {})
        self._queries = facet_counts.get("facet_queries", {})

    def field(self, key: str) -> list[tuple[str, int]]:
        return [(value, count) for value, count in self._fields.get(key, [])]

    def query(self, key: str) -> int:
        return int(self._queries.get(key, 0))


@dataclass(frozen=True)
class FieldFacet:
    """Values of one string field (company, skills ...): OR within the facet."""

    key: str  # URL parameter, Solr tag and facet key
    field: str
    title: str
    limit: int = 10
    labels: Callable[[str], str] = str  # value -> what the page shows
    filter_box: bool = False  # offer a search box over the facet's values

    def label(self, value: str) -> str:
        return self.labels(value)

    def full_label(self, value: str) -> str:
        return self.label(value)

    def values_of(self, doc: dict) -> list[str]:
        """The posting's values of this facet (a Solr document with the field)."""
        value = doc.get(self.field)
        return [v for v in (value if isinstance(value, list) else [value]) if v]

    def validate(self, value: str) -> None:
        """Any text is a value; only its form is checked."""

    def toggled(self, selected: tuple[str, ...], value: str) -> tuple[str, ...]:
        if value in selected:
            return tuple(v for v in selected if v != value)
        return (*selected, value)

    def pinned(self, selected: tuple[str, ...]) -> list[str]:
        """Values counted one by one, so they show even outside the top values."""
        return list(selected)

    def pinned_key(self, i: int) -> str:
        return f"{self.key}.pinned.{i}"

    # --- Solr request ---
    def filter(self, selected: tuple[str, ...], params: Params) -> str:
        return any_of(self.field, selected, params, self.key)

    def add_counts(self, selected: tuple[str, ...], params: Params) -> None:
        params.add("facet.field", f"{{!key={self.key} ex={self.key} facet.limit={self.limit + 1}}}{self.field}")
        self._add_pinned_counts(selected, params)

    def _add_pinned_counts(self, selected: tuple[str, ...], params: Params) -> None:
        for i, value in enumerate(self.pinned(selected)):
            params.add("facet.query", term_query(self.field, params, value, f"ex={self.key} key={self.pinned_key(i)} "))

    def add_value_search(self, params: Params, prefix: str, contains: str, limit: int) -> None:
        """Values of this facet starting with `prefix` / containing `contains` (any case)."""
        local = [f"key={self.key}", f"ex={self.key}", f"facet.limit={limit}"]
        if prefix:
            local.append(f"facet.prefix={params.ref(prefix)}")
        if contains:
            local += [f"facet.contains={params.ref(contains)}", "facet.contains.ignoreCase=true"]
        params.add("facet.field", f"{{!{' '.join(local)}}}{self.field}")

    # --- Solr response ---
    def read(self, counts: FacetCounts, selected: tuple[str, ...], toggle: Toggle) -> dict:
        """The facet for the sidebar and the JSON: its top values plus every selected one."""
        found = counts.field(self.key)
        shown = found[: self.limit]
        shown += self._missing_pinned(counts, selected, {value for value, _ in shown})
        return {
            "key": self.key,
            "title": self.title,
            "values": [self.value(v, n, selected, toggle) for v, n in shown],
            "more": len(found) > self.limit,
        }

    def read_all(self, counts: FacetCounts, selected: tuple[str, ...], toggle: Toggle) -> list[dict]:
        return [self.value(v, n, selected, toggle) for v, n in counts.field(self.key)]

    def _missing_pinned(self, counts: FacetCounts, selected: tuple[str, ...], shown: set[str]) -> list:
        return [
            (value, counts.query(self.pinned_key(i)))
            for i, value in enumerate(self.pinned(selected)) if value not in shown
        ]

    def value(self, value: str, count: int, selected: tuple[str, ...], toggle: Toggle) -> dict:
        return {
            "value": value,
            "label": self.label(value),
            "count": count,
            "selected": value in selected,
            "toggle_url": toggle(self.toggled(selected, value)),
        }


_PATH = re.compile(r"(\d+)/(.+)")


@dataclass(frozen=True)
class PathFacet(FieldFacet):
    """A hierarchy stored as depth-prefixed paths ("0/US", "1/US/California",
    "2/US/California/San Francisco"), drilled one level at a time with facet.prefix.

    Selecting a value replaces its selected ancestors and descendants (drilling down narrows);
    the levels above and below each selected value are shown as nested `children`.
    """

    max_depth: int = 2
    child_limit: int = 10
    top_label: Callable[[str], str] = str  # label of a level-0 segment (country code -> name)

    def validate(self, value: str) -> None:
        match = _PATH.fullmatch(value)
        if (not match or int(match.group(1)) > self.max_depth
                or len(self.segments(value)) != self.depth(value) + 1 or "" in self.segments(value)):
            raise InvalidParameter(
                self.key, f"{value!r} is not a {self.key} value (they look like 0/US, 1/US/California)")

    @staticmethod
    def depth(value: str) -> int:
        return int(value.split("/", 1)[0])

    def segments(self, value: str) -> list[str]:
        """The path's parts; the last keeps any "/" of its own ("Biel/Bienne")."""
        depth = self.depth(value)
        return value.split("/", 1)[1].split("/", depth)

    def parent(self, value: str) -> str | None:
        depth = self.depth(value)
        return None if depth == 0 else f"{depth - 1}/" + "/".join(self.segments(value)[:-1])

    def ancestors(self, value: str) -> list[str]:
        chain = []
        parent = self.parent(value)
        while parent is not None:
            chain.insert(0, parent)
            parent = self.parent(parent)
        return chain

    def child_prefix(self, value: str) -> str:
        return f"{self.depth(value) + 1}/" + "/".join(self.segments(value)) + "/"

    def label(self, value: str) -> str:
        parts = self.segments(value)
        return self.top_label(parts[0]) if len(parts) == 1 else parts[-1]

    def full_label(self, value: str) -> str:
        """Leaf first, repeats dropped: "San Francisco, California, United States", "Berlin, Germany"."""
        return ", ".join(dict.fromkeys(self.label(v) for v in reversed([*self.ancestors(value), value])))

    def values_of(self, doc: dict) -> list[str]:
        """The deepest paths only: "2/US/California/San Francisco" stands for its ancestors."""
        paths = super().values_of(doc)
        inner = {ancestor for path in paths for ancestor in self.ancestors(path)}
        return [path for path in paths if path not in inner]

    def toggled(self, selected: tuple[str, ...], value: str) -> tuple[str, ...]:
        if value in selected:
            return tuple(v for v in selected if v != value)
        related = set(self.ancestors(value))
        kept = [v for v in selected if v not in related and value not in self.ancestors(v)]
        return (*kept, value)

    def expanded(self, selected: tuple[str, ...]) -> list[str]:
        """Values whose children are shown: every selected value and its ancestors, above the leaves."""
        chain = [v for value in selected for v in (*self.ancestors(value), value)]
        return [v for v in dict.fromkeys(chain) if self.depth(v) < self.max_depth]

    def pinned(self, selected: tuple[str, ...]) -> list[str]:
        return list(dict.fromkeys(v for value in selected for v in (*self.ancestors(value), value)))

    def children_key(self, i: int) -> str:
        return f"{self.key}.children.{i}"

    # --- Solr request ---
    def add_counts(self, selected: tuple[str, ...], params: Params) -> None:
        params.add("facet.field", f"{{!key={self.key} ex={self.key} facet.prefix=0/ "
                                  f"facet.limit={self.limit + 1}}}{self.field}")
        for i, value in enumerate(self.expanded(selected)):
            params.add("facet.field", f"{{!key={self.children_key(i)} ex={self.key} "
                                      f"facet.prefix={params.ref(self.child_prefix(value))} "
                                      f"facet.limit={self.child_limit + 1}}}{self.field}")
        self._add_pinned_counts(selected, params)

    # --- Solr response ---
    def read(self, counts: FacetCounts, selected: tuple[str, ...], toggle: Toggle) -> dict:
        pinned = {value: counts.query(self.pinned_key(i)) for i, value in enumerate(self.pinned(selected))}
        children = {
            value: counts.field(self.children_key(i)) for i, value in enumerate(self.expanded(selected))
        }

        def level(found: list[tuple[str, int]], limit: int, parent: str | None) -> tuple[list[dict], bool]:
            shown = found[:limit]
            names = {value for value, _ in shown}
            shown += [(v, n) for v, n in pinned.items() if v not in names and self.parent(v) == parent]
            nodes = []
            for value, count in shown:
                node = self.value(value, count, selected, toggle)
                if value in children:
                    node["children"], node["more"] = level(children[value], self.child_limit, value)
                nodes.append(node)
            return nodes, len(found) > limit

        values, more = level(counts.field(self.key), self.limit, None)
        return {"key": self.key, "title": self.title, "values": values, "more": more}

    def value(self, value: str, count: int, selected: tuple[str, ...], toggle: Toggle) -> dict:
        return {
            **super().value(value, count, selected, toggle),
            "depth": self.depth(value),
            "full_label": self.full_label(value),
        }
