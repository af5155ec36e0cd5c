"""Location strings as sources write them -> normalised `Location`s, and whether they say remote.

A string is cut into segments at separators (",", "|", "(", " - ", " or " ...). Each segment is
looked up in the gazetteer; a segment that names a region or country containing the place
before it qualifies that place ("Palo Alto, CA", "US - California - Palo Alto"), otherwise it
starts a new place ("SF / NY", "Remote (United States | Canada)"). Words that say how or
where-ish rather than which place ("Remote", "Office", "HQ", "Greater ... Area") are dropped,
and a segment that still names nothing is tried as postal code + town ("2300 København S")
or as two places run together ("Palo Alto US"). Text that names no known place is kept as
`Location(name=text)`, never dropped.
"""
from __future__ import annotations

import functools
import re

from indexer.enrich.folding import fold
from indexer.enrich.gazetteer import DATA_DIR, Candidate, City, Country, Place, Region, contains, gazetteer
from indexer.model import Location

_REMOTE = re.compile(r"\b(remote(ly)?|anywhere|work from home|wfh|telecommut\w*|fjernarbejde)\b", re.I)
_HYBRID = re.compile(r"\bhybrid\b", re.I)

# Separators between the parts of a location string; " and " and bare hyphens are only tried
# later, as they also occur inside names ("Trinidad and Tobago", "Winston-Salem").
_SEPARATORS = re.compile(r"[,;|/()\[\]{}&+•:*!]|\s+[-–—]+\s*|\s*[-–—]+\s+|\s+l\s+|\s+or\s+|\s{2,}", re.I)
_SOFT_SEPARATORS = re.compile(r"\s+and\s+|[-–—]", re.I)
_NOISE = re.compile(
    r"\b(remote(ly)?|hybrid|on-?site|in[- ]office|offices?|hq|headquarters?|head office|anywhere|"
    r"everywhere|fully|based|only|preferred|accepted|considered|available|opening|relocat\w*|"
    r"multiple|locations?|greater|metro(politan)?|area|downtown|data cent(er|re)|in|from|within)\b",
    re.I,
)
_MACRO_REGIONS = re.compile(
    r"\b(?:%s)\b"
    % "|".join(
        # codes ("NA", "EST") only in capitals, names in any case
        re.escape(name) if name.isupper() else f"(?i:{re.escape(name)})"
        for name in (DATA_DIR / "places_macro_regions.txt").read_text(encoding="utf-8").splitlines()
        if name.strip() and not name.startswith("#")
    )
)
_VENUE = re.compile(
    r"\b(mall|centre|center|plaza|place|outlets?|square|park|market|shopping|collection|store|campus)\b", re.I
)
_POSTAL_CODE = re.compile(r"\b(?:[A-Z]{1,2}-)?\d{3,5}\b")
# Danish postal districts after a town name: "København S", "Aarhus N", "Viby J".
_DANISH_DISTRICT = re.compile(r"\s+(?:N|S|V|K|C|Ø|NV|NØ|SV|SØ|J|Sj|M)$")


def normalize_locations(texts: list[str]) -> tuple[list[Location], str | None]:
    """All places named in `texts` (deduplicated, in order) and 'remote'/'hybrid'/None.

    'remote' wins over 'hybrid' when the texts say both: the posting allows remote work.
    """
    locations: list[Location] = []
    seen: set = set()
    for text in texts:
        if not text or not text.strip():
            continue
        places = _places_in(text.strip())
        if places:
            for place in places:
                if place not in seen:
                    seen.add(place)
                    locations.append(_to_location(place))
        elif not _only_says_remote(text) and text.strip() not in seen:
            seen.add(text.strip())
            locations.append(Location(name=text.strip()))
    joined = " ".join(t for t in texts if t)
    hint = "remote" if _REMOTE.search(joined) else "hybrid" if _HYBRID.search(joined) else None
    return locations, hint


def resolve_place(text: str) -> Location | None:
    """The one place `text` names (the first if it names several), or None if it names none."""
    places = _places_in(text.strip())
    return _to_location(places[0]) if places else None


@functools.lru_cache(maxsize=50_000)
def _places_in(text: str) -> tuple[Place, ...]:
    places: list[Place] = []
    current: list[Candidate] | None = None
    after_unknown = False  # the previous segment named something the gazetteer does not know
    for segment in _SEPARATORS.split(text):
        readings_list = _readings(segment)
        if not readings_list and len(_drop_noise(_strip(segment))) > 1:
            after_unknown = True
        for readings in readings_list:
            if current:
                merged = _refine(current, readings) or _qualify_mismatch(current, readings)
                if merged:
                    current = merged
                    continue
                if _is_small_town_elsewhere(current, readings):
                    continue  # "Costa Rica - Belén": a town of Costa Rica we do not know
                places.append(_choose(current))
                current = None
            outer = [c for c in readings if not isinstance(c.place, City)]
            if after_unknown and outer:
                current = _as_qualifier(outer)  # "Alden, New York": the town is too small for us
            elif not all(c.qualifier_only for c in readings):
                current = readings
            after_unknown = False
    if current:
        places.append(_choose(current))
    return tuple(dict.fromkeys(places))


def _is_small_town_elsewhere(current: list[Candidate], readings: list[Candidate]) -> bool:
    """Only small cities (by their own name) outside the region or country just named."""
    own = [c for c in readings if not c.alternate]
    return (not isinstance(_choose(current), City) and bool(own)
            and all(isinstance(c.place, City) and c.place.population < 100_000 for c in own))


def _qualify_mismatch(current: list[Candidate], readings: list[Candidate]) -> list[Candidate] | None:
    """A city followed by a region or country it is not in. Written out ("Portland, Tennessee",
    "New Albany, Ohio"), the region wins: the town is one too small for the gazetteer that
    shares a bigger town's name. A bare code after a big city ("Tijuana, BC") is ignored;
    after a small one ("Andover, MA") it wins as above."""
    if any(isinstance(c.place, City) for c in readings) or not all(isinstance(c.place, City) for c in current):
        return None
    named = [c for c in readings if not c.code]
    if named:
        return _as_qualifier(named)
    return current if max(c.place.population for c in current) >= 100_000 else _as_qualifier(readings)


def _as_qualifier(readings: list[Candidate]) -> list[Candidate]:
    """The one region or country meant when it stands for a town we do not know. Codes are
    read the US way first ("City, ST"), then as countries ("Reykjanesbaer - IS"), then as
    other countries' regions."""
    def order(c: Candidate) -> int:
        if isinstance(c.place, Region) and c.place.country_code == "US":
            return 0
        return 1 if isinstance(c.place, Country) else 2
    return [_as_place(c) for c in sorted(readings, key=order)[:1]]


def _strip(segment: str) -> str:
    return segment.strip(" .,'\"-–—*#")


def _readings(segment: str, depth: int = 0) -> list[list[Candidate]]:
    """The candidate lists for one segment: usually one, several when the segment turns out
    to hold more than one name, none when it names nothing known."""
    segment = _strip(segment)
    # two letters name a place only as a code ("NY", "UK"), never as a word ("to", "in")
    if len(segment) < 2 or (len(segment) == 2 and not segment.isupper()) or depth > 3:
        return []
    if _MACRO_REGIONS.fullmatch(segment):
        return []
    found = _usable(gazetteer().lookup(segment))
    if found:
        return [found]
    for simplify in (_drop_noise, _drop_postal_code, _drop_danish_district, _drop_macro_region):
        simpler = simplify(segment)
        if simpler != segment:
            return _readings(simpler, depth + 1)
    parts = [p for p in _SOFT_SEPARATORS.split(segment) if p.strip()]
    if len(parts) > 1:
        split = [r for part in parts for r in _readings(part, depth + 1)]
        if len(split) == len(parts):
            return split
    return _split_words(segment)


_GENERIC_REGION_NAMES = {
    "central", "centre", "center", "north", "south", "east", "west", "northern", "southern",
    "eastern", "western", "capital", "coast", "islands", "north east", "north west",
    "south east", "south west", "northeast", "northwest", "southeast", "southwest",
    "nord", "sud", "süd", "ost", "norte", "sur", "este", "oeste",
}


def _usable(found: list[Candidate]) -> list[Candidate]:
    return [c for c in found if not _is_generic_region(c)]


def _is_generic_region(candidate: Candidate) -> bool:
    """Regions named only by a direction ("Central", "Eastern") are too vague to match alone."""
    place = candidate.place
    return isinstance(place, Region) and place.name.casefold() in _GENERIC_REGION_NAMES


def _drop_noise(segment: str) -> str:
    return " ".join(_NOISE.sub(" ", segment).split()).strip(" -–—")


def _drop_postal_code(segment: str) -> str:
    return " ".join(_POSTAL_CODE.sub(" ", segment).split())


def _drop_danish_district(segment: str) -> str:
    return _DANISH_DISTRICT.sub("", segment)


def _drop_macro_region(segment: str) -> str:
    """ "US East Coast" -> "US", "Berlin-Süd" -> "Berlin"."""
    return " ".join(_MACRO_REGIONS.sub(" ", segment).split()).strip(" -–—")


def _split_words(segment: str) -> list[list[Candidate]]:
    """Names run together without a separator: "Palo Alto US", "Austin TX" (a place + its
    region or country), "Mapbox US" (an unknown word, e.g. a company, + a region or country),
    "Milan South", "Tampa Bay" (a city of 100,000+ and at most two words that name nothing),
    "Neo Toronto" (an unknown word + such a city). Names of venues ("Eaton Centre",
    "Market Mall") are not guessed at."""
    words = segment.split()
    if not 1 < len(words) <= 6:
        return []
    for cut in range(len(words) - 1, 0, -1):
        head = _usable(gazetteer().lookup(" ".join(words[:cut])))
        tail = _not_cities(gazetteer().lookup(" ".join(words[cut:])))
        if head and tail:
            return [head, tail]
    if _VENUE.search(segment):
        return []
    for cut in range(1, min(len(words), 3)):
        tail = _not_cities(gazetteer().lookup(" ".join(words[cut:])))
        if tail:
            return [tail]
    for cut in range(len(words) - 1, max(len(words) - 3, 0), -1):
        head = _big_cities(gazetteer().lookup(" ".join(words[:cut])))
        if head:
            return [head]
    tail = _big_cities(gazetteer().lookup(" ".join(words[1:])))
    return [tail] if tail else []


def _big_cities(found: list[Candidate]) -> list[Candidate]:
    """Cities of 100,000+ matched by their own name: the only ones worth a guess."""
    return [c for c in _usable(found) if isinstance(c.place, City) and not c.alternate
            and c.place.population >= 100_000]


def _not_cities(found: list[Candidate]) -> list[Candidate]:
    return [c for c in _usable(found) if not isinstance(c.place, City)]


def _refine(current: list[Candidate], new: list[Candidate]) -> list[Candidate] | None:
    """`current` narrowed by `new` when one holds the other ("Paris, France": Paris in France;
    "US - California": California in the US), else None: `new` starts another place."""
    outer_new = [c.place for c in new if not isinstance(c.place, City)]
    inside_new = [c for c in current if any(contains(o, c.place) for o in outer_new)]
    if inside_new:
        return inside_new
    outer_current = [c.place for c in current if not isinstance(c.place, City)]
    inside_current = [c for c in new if any(contains(o, c.place) for o in outer_current)]
    if inside_current:
        return [_as_place(c) for c in inside_current]
    return None


def _as_place(candidate: Candidate) -> Candidate:
    """A code that turned out to be the more specific place ("US - CA") is a full candidate."""
    return Candidate(candidate.place, code=candidate.code, alternate=candidate.alternate)


def _choose(candidates: list[Candidate]) -> Place:
    """The most likely reading of a name standing on its own (candidates come best first)."""
    usable = [c for c in candidates if not c.qualifier_only] or candidates
    cities = [c.place for c in usable if isinstance(c.place, City)]
    regions = [c.place for c in usable if isinstance(c.place, Region)]
    countries = [c.place for c in usable if isinstance(c.place, Country)]
    if countries:
        country = countries[0]
        # City-states: "Singapore", "Hong Kong" are more useful as the city (with coordinates).
        big = [c for c in cities if c.country_code == country.country_code and c.population * 2 >= country.population]
        return big[0] if big else country
    if regions:
        # "Berlin", "Quebec": the city named like its region; "Sofia", "Manchester": a city of
        # a million, or bigger than the region of that name; else the region ("Victoria").
        own_name = [c.place for c in usable if isinstance(c.place, City) and not c.alternate]
        same = [c for c in own_name if contains(regions[0], c)]
        bigger = [c for c in cities if c.population >= min(1_000_000, regions[0].population)]
        return (same or bigger or regions)[0]
    return cities[0]


def _only_says_remote(text: str) -> bool:
    """"Remote", "Anywhere - Remote", "Hybrid": no place, and the remote hint carries it."""
    return bool(_REMOTE.search(text) or _HYBRID.search(text)) and not re.sub(r"[\W_]+", "", _NOISE.sub(" ", text))


def _to_location(place: Place) -> Location:
    gaz = gazetteer()
    if isinstance(place, Country):
        return Location(name=place.name, country_code=place.country_code)
    if isinstance(place, Region):
        return Location(name=f"{place.name}, {place.country_code}", region=place.name,
                        country_code=place.country_code)
    region = gaz.regions.get((place.country_code, place.admin1))
    region_name = region.name if region and region.name != place.name else None
    name = ", ".join(p for p in (place.name, region_name, place.country_code) if p)
    return Location(name=name, city=place.name, region=region.name if region else None,
                    country_code=place.country_code, latitude=place.latitude, longitude=place.longitude)


_QUERY_STOPWORDS = frozenset(
    fold(line) for line in (DATA_DIR / "places_query_stopwords.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)
_QUERY_PREPOSITIONS = {"in", "near", "at", "around", "from"}


def find_place_in_query(query: str) -> tuple[Location, str] | None:
    """The place a search query names, and the query without it: "account executive london"
    -> (London, GB; "account executive"). Longest names first ("new york" before "york").

    Stricter than location strings, since query words are mostly not places: a single word
    must be a country, a region, a city of 100,000+ by its own name (or of a million by
    another name, "bangalore"), or a nickname ("nyc", "sf"), and not one of the words in
    data/places_query_stopwords.txt ("nice", "mobile", "enterprise", "reading").
    """
    words = query.split()
    for size in range(min(4, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            phrase = " ".join(words[start:start + size]).strip(",.;:!?()\"'")
            place = _query_place(phrase, size)
            if place is not None:
                before, after = words[:start], words[start + size:]
                if before and before[-1].casefold() in _QUERY_PREPOSITIONS:
                    before = before[:-1]
                while after and (qualified := _qualified(phrase, place, after[0])):
                    place, after = qualified, after[1:]  # "berlin germany", "london on"
                return _to_location(place), " ".join(before + after)
    return None


def _qualified(phrase: str, place: Place, word: str) -> Place | None:
    """`place` as narrowed by a following region or country word, or None if `word` is not
    one: "berlin germany" -> Berlin; "london on" -> London, Ontario; "paris texas" -> Paris, TX."""
    word = word.strip(",.;:!?()\"'")
    if len(word) < 2 or fold(word) in _QUERY_STOPWORDS:
        return None
    word = word.upper() if len(word) == 2 else word
    readings = [c for c in gazetteer().lookup(word) if not isinstance(c.place, City)]
    if any(contains(c.place, place) for c in readings):
        return place
    if readings and isinstance(place, City):
        narrowed = _places_in(f"{phrase}, {word}")
        if narrowed and isinstance(narrowed[0], City) and fold(narrowed[0].name) == fold(place.name):
            return narrowed[0]
    return None


# Two-letter nicknames people type in lower case; other two-letter words count only in
# capitals ("US", "CA"), so "in", "it", "us" stay words.
_QUERY_NICKNAMES = {"sf", "la", "ny", "uk", "dc"}


def _query_place(phrase: str, size: int) -> Place | None:
    if len(phrase) < 2 or (size == 1 and fold(phrase) in _QUERY_STOPWORDS):
        return None
    if len(phrase) == 2 and not phrase.isupper() and fold(phrase) not in _QUERY_NICKNAMES:
        return None
    found = [c for c in _usable(gazetteer().lookup(phrase)) if not c.qualifier_only and _notable(c, phrase)]
    return _choose(found) if found else None


def _notable(candidate: Candidate, phrase: str) -> bool:
    """Whether a reading is well known enough to be meant when typed in a query."""
    place = candidate.place
    if not isinstance(place, City) or candidate.code:
        return not candidate.alternate
    if " " in phrase.strip():
        return not candidate.alternate or place.population >= 100_000
    if candidate.alternate:
        return place.population >= 1_000_000 and len(phrase) >= 5
    return place.population >= 100_000
