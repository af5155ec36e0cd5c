"""schema.org objects embedded in a page: JSON-LD scripts and microdata, as JSON-LD-shaped dicts.

Run on the parsed page before scripts are stripped. Broken JSON-LD is skipped (pages often
carry invalid JSON in an unrelated script); the page's other signals still apply.
"""
from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup, Tag

_WRAPPERS = re.compile(r"^\s*(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)|(?:-->|//\s*\]\]>|\]\]>)\s*$")
MAX_DEPTH = 12
URL_PROPS = {"a": "href", "link": "href", "area": "href", "img": "src", "audio": "src", "video": "src",
             "source": "src", "embed": "src", "iframe": "src", "object": "data"}
HTML_PROPS = {"description"}  # microdata properties kept as inner HTML (text and sanitised HTML are made later)


def json_ld_objects(soup: BeautifulSoup) -> list[object]:
    out = []
    for script in soup.find_all("script", attrs={"type": re.compile(r"ld\+json", re.IGNORECASE)}):
        text = _WRAPPERS.sub("", script.string or script.get_text() or "").strip()
        if not text:
            continue
        try:
            out.append(json.loads(text, strict=False))
        except ValueError:
            continue
    return out


def schema_type(obj: object) -> set[str]:
    """The object's @type names without the schema.org prefix ({'JobPosting'})."""
    if not isinstance(obj, dict):
        return set()
    types = obj.get("@type") or []
    if isinstance(types, str):
        types = [types]
    return {t.rstrip("/").rsplit("/", 1)[-1] for t in types if isinstance(t, str)}


def find_typed(obj: object, wanted: str | frozenset[str], depth: int = 0) -> list[dict]:
    """Every object of a wanted type inside `obj` (lists, @graph, ItemList elements ...), in order."""
    wanted = frozenset([wanted]) if isinstance(wanted, str) else wanted
    if depth > MAX_DEPTH:
        return []
    if isinstance(obj, list):
        return [found for item in obj for found in find_typed(item, wanted, depth + 1)]
    if not isinstance(obj, dict):
        return []
    if wanted & schema_type(obj):
        return [obj]
    return [found for value in obj.values() if isinstance(value, (list, dict))
            for found in find_typed(value, wanted, depth + 1)]


def microdata_items(soup: BeautifulSoup) -> list[dict]:
    """Top-level microdata items (elements with itemscope that are not a property of another)."""
    return [_item(tag, 0) for tag in soup.find_all(attrs={"itemscope": True}) if not tag.has_attr("itemprop")
            and tag.find_parent(attrs={"itemscope": True}) is None]


def _item(scope: Tag, depth: int) -> dict:
    item: dict = {}
    itemtype = scope.get("itemtype")
    if itemtype:
        item["@type"] = " ".join(itemtype) if isinstance(itemtype, list) else itemtype
        item["@type"] = [t.rstrip("/").rsplit("/", 1)[-1] for t in item["@type"].split()]
    if depth < MAX_DEPTH:
        _collect(scope, item, depth)
    return item


def _collect(element: Tag, item: dict, depth: int) -> None:
    for child in element.find_all(True, recursive=False):
        names = child.get("itemprop")
        if names:
            names = names.split() if isinstance(names, str) else names
            value = _item(child, depth + 1) if child.has_attr("itemscope") else _value(child, names)
            for name in names:
                item.setdefault(name, value)
            if "description" in names and child.get("lang"):
                item.setdefault("inLanguage", child["lang"])
            if not child.has_attr("itemscope"):
                _collect(child, item, depth)
        elif not child.has_attr("itemscope"):
            _collect(child, item, depth)


def _value(tag: Tag, names: list[str]) -> str:
    if tag.name == "meta":
        return tag.get("content", "")
    if tag.name in URL_PROPS and tag.has_attr(URL_PROPS[tag.name]):
        return tag[URL_PROPS[tag.name]]
    if tag.name == "time" and tag.has_attr("datetime"):
        return tag["datetime"]
    if tag.name in ("data", "meter") and tag.has_attr("value"):
        return tag["value"]
    if HTML_PROPS.intersection(names):
        return tag.decode_contents()
    return " ".join(tag.get_text(" ").split())
