"""What a user asked for: URL parameters validated into a `SearchRequest`, and back.

Every state of the search is a URL of facet keys and plain values (never Solr syntax);
`SearchRequest.to_args` writes the canonical form, so each link is bookmarkable and the
HTML page and its JSON twin share their query string.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from typing import Mapping

from indexer.model import Location
from indexer.solr_document import location_paths
from searchapp.search import config
from searchapp.search.errors import InvalidParameter

_FALSE = {"0", "false", "off", "no"}
_TRUE = {"1", "true", "on", "yes", ""}
_POSTED_WITHIN = re.compile(r"([1-9][0-9]{0,3})d")


@dataclass(frozen=True)
class SearchRequest:
    q: str = ""
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # facet key -> values
    posted_within: int | None = None  # days
    salary_min: float | None = None  # yearly amount
    near: str | None = None  # a place name
    radius_km: float = config.DEFAULT_RADIUS_KM
    sort: str = config.DEFAULT_SORT
    page: int = 1
    per_page: int = config.DEFAULT_PER_PAGE
    understand: bool = True  # read a place out of q
    correct: bool = True  # search the spelling correction when q finds little

    def selected(self, key: str) -> tuple[str, ...]:
        return self.filters.get(key, ())

    def with_facet(self, key: str, values: tuple[str, ...]) -> "SearchRequest":
        filters = {k: v for k, v in self.filters.items() if k != key}
        if values:
            filters[key] = values
        return replace(self, filters=filters, page=1)

    def without_filters(self) -> "SearchRequest":
        return replace(self, filters={}, posted_within=None, salary_min=None, near=None,
                       radius_km=config.DEFAULT_RADIUS_KM, page=1)

    def around_facet(self, key: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """The canonical args of `with_facet(key, values)` less the values: those before and after them.

        A results page links every shown facet value; its links encode these once per facet."""
        base = self.with_facet(key, ())
        args = base.to_args()
        keys = list(config.FACETS_BY_KEY)  # to_args writes the facets in this order, after q
        at = (1 if base.q else 0) + sum(len(base.selected(k)) for k in keys[: keys.index(key)])
        return args[:at], args[at:]

    def to_args(self) -> list[tuple[str, str]]:
        """Canonical URL parameters; defaults left out."""
        args: list[tuple[str, str]] = []
        if self.q:
            args.append(("q", self.q))
        for facet in config.FACETS:
            args += [(facet.key, value) for value in self.selected(facet.key)]
        if self.posted_within is not None:
            args.append(("posted_within", f"{self.posted_within}d"))
        if self.salary_min is not None:
            args.append(("salary_min", _number(self.salary_min)))
        if self.near:
            args.append(("near", self.near))
            if self.radius_km != config.DEFAULT_RADIUS_KM:
                args.append(("radius_km", _number(self.radius_km)))
        if self.sort != config.DEFAULT_SORT:
            args.append(("sort", self.sort))
        if self.page != 1:
            args.append(("page", str(self.page)))
        if self.per_page != config.DEFAULT_PER_PAGE:
            args.append(("per_page", str(self.per_page)))
        if not self.understand:
            args.append(("understand", "0"))
        if not self.correct:
            args.append(("correct", "0"))
        return args


@dataclass(frozen=True)
class PlaceFilter:
    """A place results must be near (a point and a radius) or in (an area: country, region)."""

    name: str
    path: str | None = None  # location_path of the place's area
    latitude: float | None = None
    longitude: float | None = None
    radius_km: float | None = None  # None: inside the area

    @classmethod
    def around(cls, location: Location, radius_km: float) -> "PlaceFilter | None":
        """Within `radius_km` of a city; inside a region or country; None if neither is known."""
        if location.latitude is not None and location.longitude is not None:
            return cls(location.name, None, location.latitude, location.longitude, radius_km)
        paths = location_paths(location)
        return cls(location.name, paths[-1]) if paths else None


@dataclass(frozen=True)
class Understanding:
    """What the query text was read as (searchapp.search.understanding)."""

    text: str  # what goes to Solr as q
    place: PlaceFilter | None = None
    place_words: str = ""  # the words of q that named the place
    seniority: str | None = None
    remote: tuple[str, ...] = ()  # remote facet values q asked for, applied as a filter
    remote_words: str = ""  # the words of q that named a work arrangement (dropped from text)


def parse_search_args(args) -> SearchRequest:
    """A validated request from URL parameters (a werkzeug MultiDict); InvalidParameter if not."""
    filters = {}
    for facet in config.FACETS:
        values = tuple(dict.fromkeys(v for v in args.getlist(facet.key) if v != ""))
        if len(values) > config.MAX_VALUES_PER_FACET:
            raise InvalidParameter(facet.key, f"at most {config.MAX_VALUES_PER_FACET} values")
        for value in values:
            if len(value) > config.MAX_VALUE_CHARS:
                raise InvalidParameter(facet.key, f"values are at most {config.MAX_VALUE_CHARS} characters")
            facet.validate(value)
        if values:
            filters[facet.key] = values
    request = SearchRequest(
        q=args.get("q", "").strip(),
        filters=filters,
        posted_within=_posted_within(args.get("posted_within", "")),
        salary_min=_float(args, "salary_min", 0, config.MAX_SALARY),
        near=_near(args.get("near", "")),
        radius_km=_float(args, "radius_km", 0, config.MAX_RADIUS_KM, exclusive_min=True)
        or config.DEFAULT_RADIUS_KM,
        sort=_sort(args.get("sort", "")),
        page=_int(args, "page", 1, 1, None),
        per_page=_int(args, "per_page", config.DEFAULT_PER_PAGE, 1, config.MAX_PER_PAGE),
        understand=_flag(args, "understand"),
        correct=_flag(args, "correct"),
    )
    if request.page * request.per_page > config.MAX_RESULT_WINDOW:
        raise InvalidParameter("page", f"results beyond the first {config.MAX_RESULT_WINDOW} cannot be paged to")
    return request


def parse_facet_search_args(args) -> tuple[str, str, int]:
    """`prefix`, `contains` and `limit` of a search among one facet's values."""
    prefix, contains = args.get("prefix", ""), args.get("contains", "")
    for name, text in (("prefix", prefix), ("contains", contains)):
        if len(text) > config.MAX_VALUE_CHARS:
            raise InvalidParameter(name, f"at most {config.MAX_VALUE_CHARS} characters")
    limit = _int(args, "limit", config.FACET_SEARCH_DEFAULT_LIMIT, 1, config.FACET_SEARCH_MAX_LIMIT)
    return prefix, contains.strip(), limit


def _posted_within(text: str) -> int | None:
    if not text:
        return None
    match = _POSTED_WITHIN.fullmatch(text.strip())
    if not match or int(match.group(1)) > config.MAX_POSTED_WITHIN_DAYS:
        raise InvalidParameter("posted_within", f"a number of days like 7d (1d to {config.MAX_POSTED_WITHIN_DAYS}d)")
    return int(match.group(1))


def _near(text: str) -> str | None:
    if len(text) > config.MAX_PLACE_CHARS:
        raise InvalidParameter("near", f"at most {config.MAX_PLACE_CHARS} characters")
    return " ".join(text.split()) or None


def _sort(text: str) -> str:
    if not text:
        return config.DEFAULT_SORT
    if text not in config.SORTS_BY_KEY:
        raise InvalidParameter("sort", f"one of {', '.join(config.SORTS_BY_KEY)}")
    return text


def _int(args, name: str, default: int, low: int, high: int | None) -> int:
    text = args.get(name, "").strip()
    if not text:
        return default
    bounds = f"from {low} to {high}" if high is not None else f"{low} or more"
    if not re.fullmatch(r"[+-]?[0-9]{1,9}", text):
        raise InvalidParameter(name, f"a whole number {bounds}")
    value = int(text)
    if value < low or (high is not None and value > high):
        raise InvalidParameter(name, f"a whole number {bounds}")
    return value


def _float(args, name: str, low: float, high: float, exclusive_min: bool = False) -> float | None:
    text = args.get(name, "").strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    too_low = value <= low if exclusive_min else value < low
    if not math.isfinite(value) or too_low or value > high:
        raise InvalidParameter(name, f"a number {'above' if exclusive_min else 'from'} {_number(low)} to {_number(high)}")
    return value


def _flag(args, name: str) -> bool:
    text = args.get(name, "").strip().lower()
    if text not in _TRUE | _FALSE:
        raise InvalidParameter(name, "1 or 0")
    return text not in _FALSE


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)
