"""What on a careers page belongs to the site, not the posting, and removing it.

Site chrome: navigation, header, footer, forms and buttons, ARIA navigation/banner/search roles,
and elements whose class or id says cookie, consent, nav, menu, share, footer ... Never removed:
an element holding the page's own (unlinked) <h1>; and a class name alone only convinces for a
small part of the page (a "has-navigation" wrapper around the whole posting is no menu).
Also removed: "Similar jobs" sections, lists of linked job headings ("cards"), and, for the
description only, sidebars.
"""
from __future__ import annotations

import re
from collections import Counter

from bs4 import Tag

from indexer.sources.html_text import HEADING_TAGS

CHROME_TAGS = ("nav", "footer", "header", "form", "dialog", "select", "button", "textarea", "input", "option")
CHROME_ROLES = re.compile(r"^(?:navigation|banner|contentinfo|search|dialog|alertdialog|menu|menubar)$", re.I)
CHROME_NAMES = re.compile(
    r"(?:^|[-_\s])(?:cookies?|consent|gdpr|onetrust|cookiebot|nav|navbar|navigation|menu|breadcrumbs?|skip|"
    r"share|sharing|social|newsletter|subscribe|footer|topbar|language-?(?:selector|switcher|picker))(?:$|[-_\s])",
    re.IGNORECASE,
)
SIMILAR_JOBS = re.compile(
    r"^(?:similar|related|other|more|recommended) (?:jobs|positions|vacancies|openings|stillinger)\b|"
    r"^(?:lignende|andre|relaterede) (?:stillinger|job)\b|^you (?:may|might) also like\b",
    re.IGNORECASE,
)
SIDEBAR_NAMES = re.compile(r"(?:^|[-_\s])(?:sidebar|side-bar|aside|related|similar)(?:$|[-_\s])", re.IGNORECASE)
MAX_CHROME_SHARE = 0.3  # a class-named "menu" holding more of the page than this is not chrome
MIN_CARDS = 3


def _removable(tag: Tag, total_chars: int, *, by_name: bool) -> bool:
    """Chrome never holds the page's heading; a class name alone convinces only for a small part."""
    if tag.decomposed:
        return False
    if tag.name not in ("nav", "footer") and _holds_page_heading(tag):
        return False
    return not by_name or len(tag.get_text()) <= MAX_CHROME_SHARE * total_chars


def _holds_page_heading(tag: Tag) -> bool:
    return any(h.get_text(strip=True) and not _is_linked_heading(h) for h in tag.find_all("h1"))


def remove_chrome(body: Tag) -> None:
    total = len(body.get_text())
    for tag in body.find_all(CHROME_TAGS):
        if _removable(tag, total, by_name=False):
            tag.decompose()
    for tag in body.find_all(True):
        if tag.decomposed:
            continue
        role = tag.get("role") or ""
        names = " ".join(tag.get("class") or []) + " " + (tag.get("id") or "")
        if (CHROME_ROLES.match(role) and _removable(tag, total, by_name=False)) or (
            CHROME_NAMES.search(names) and _removable(tag, total, by_name=True)
        ):
            tag.decompose()


def remove_similar_jobs(body: Tag) -> None:
    """A "Similar jobs" heading opens a section of other postings, with their own labels."""
    for heading in body.find_all(list(HEADING_TAGS)):
        if heading.decomposed or not SIMILAR_JOBS.match(heading.get_text(" ", strip=True)):
            continue
        own = len(heading.get_text(strip=True))
        section = heading
        for ancestor in heading.parents:
            section = ancestor
            if len(ancestor.get_text(strip=True)) > 2 * own + 20:
                break
        if section is not body and _removable(section, len(body.get_text()), by_name=False):
            section.decompose()


def remove_sidebars(body: Tag) -> None:
    total = len(body.get_text())
    for tag in body.find_all(True):
        if tag.decomposed:
            continue
        names = " ".join(tag.get("class") or []) + " " + (tag.get("id") or "")
        if (tag.name == "aside" or SIDEBAR_NAMES.search(names)) and _removable(tag, total, by_name=True):
            tag.decompose()


def remove_cards(body: Tag) -> int:
    """Remove each block of a list of linked job headings; return how many there were."""
    headings = [h for h in body.find_all(list(HEADING_TAGS - {"h5", "h6"})) if _is_linked_heading(h)]
    if len(headings) < MIN_CARDS:
        return 0
    per_ancestor: Counter[int] = Counter()
    for heading in headings:
        for ancestor in heading.parents:
            per_ancestor[id(ancestor)] += 1
    for heading in headings:
        root = heading
        for ancestor in heading.parents:
            if per_ancestor[id(ancestor)] > 1:
                break
            root = ancestor
        if not root.decomposed:
            root.decompose()
    return len(headings)


def _is_linked_heading(heading: Tag) -> bool:
    label = heading.get_text(" ", strip=True)
    if not label:
        return False
    if heading.find_parent("a") is not None:
        return True
    link = heading.find("a", href=True)
    return link is not None and len(link.get_text(" ", strip=True)) >= 0.8 * len(label)
