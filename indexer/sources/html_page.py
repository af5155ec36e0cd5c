"""Careers-site HTML pages: one Posting per job page; listings and empty shells are rejected.

Order of trust: schema.org JobPosting (JSON-LD, then microdata), then labelled fields
("Job Title:", "Placering", "Type of employment" ...), then page structure (the first <h1>,
meta tags, the copyright line). The description is the page's main text: site chrome
(navigation, header, footer, forms, cookie banners, sidebars) is removed, then the deepest
element holding most of the prose is taken.

A page with a list of linked job headings ("cards") and no posting of its own is a
'listing_page'; a page with neither (a JavaScript shell that loads the job later) is 'no_posting'.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from indexer.model import Posting
from indexer.sources.boilerplate import is_noise
from indexer.sources.copyright_holder import copyright_holder
from indexer.sources.encoding import decode_html
from indexer.sources.html_text import Block, blocks_of, join_blocks, strip_invisible
from indexer.sources.labels import Field, fill_from_fields, find_fields
from indexer.sources.loading import Payload
from indexer.sources.page_chrome import MIN_CARDS, remove_cards, remove_chrome, remove_similar_jobs, remove_sidebars
from indexer.sources.reject import MissingTitle, Reject
from indexer.sources.schema_org import address_text, posting_from_schema, text
from indexer.sources.structured_data import find_typed, json_ld_objects, microdata_items

MIN_BODY_CHARS = 200
PROSE_MIN_CHARS = 60
PROSE_SHARE = 0.7  # the content element holds at least this share of the page's prose
MIN_EDGE_WORDS = 5  # shorter blocks at the start or end of the text are buttons and labels
COMPANY_META = ("og:site_name", "author", "dc.publisher", "dc.creator", "publisher", "creator")
TITLE_META = ("og:title", "dc.title", "title", "twitter:title")
FULL_TEXT_AT = re.compile(
    r"^(?:see|read) the (?:complete|full) (?:text|ad|advertisement|job ad|posting) (?:at|on) (.+)$", re.IGNORECASE
)
POSTAL_LINE = re.compile(r"^(?:[A-Z]{1,3}[- ])?\d{4,5}\s+(\D.*)$")
ORGANIZATION_TYPES = frozenset({"Organization", "Corporation", "EducationalOrganization", "CollegeOrUniversity",
                                "GovernmentOrganization", "NGO", "LocalBusiness"})


def read_html(payload: Payload) -> list[Posting | Reject]:
    soup = BeautifulSoup(decode_html(payload.data, payload.charset), "lxml")
    json_ld = json_ld_objects(soup)
    strip_invisible(soup)
    items = microdata_items(soup)
    page = _Page.of(soup, items, payload)
    structured = find_typed(json_ld, "JobPosting") or find_typed(items, "JobPosting")
    if not structured:
        return [page.posting_or_reject()]
    out: list[Posting | Reject] = []
    for index, obj in enumerate(structured):
        try:
            posting = posting_from_schema(obj, payload.source)
        except MissingTitle as error:
            out.append(Reject(f"{payload.source}#{index}", "missing_title", str(error)))
            continue
        # The page's own text and labels describe its one posting, not each of several.
        out.append(page.fill(posting) if len(structured) == 1 else posting)
    return out


@dataclass
class _Page:
    source: str
    soup: BeautifulSoup
    page_text: str  # all text, chrome included (the copyright line is in the footer)
    texts: list[str]  # the page's text blocks, chrome removed
    fields: dict[str, Field]
    cards: int
    title: str | None
    description: str
    prose_chars: int
    organization: dict | None
    url: str | None

    @classmethod
    def of(cls, soup: BeautifulSoup, items: list[dict], payload: Payload) -> _Page:
        body = soup.body or soup
        page_text = body.get_text("\n")
        remove_chrome(body)
        remove_similar_jobs(body)
        cards = remove_cards(body)
        blocks = blocks_of(body)
        fields = find_fields([b.text for b in blocks], [b.labelish for b in blocks])
        used = {(id(blocks[i].element), blocks[i].text) for f in fields.values() for i in f.used}
        title = _title(soup, body, fields)
        remove_sidebars(body)
        description, prose_chars = _description(body, title, used)
        organizations = find_typed(items, ORGANIZATION_TYPES)
        return cls(
            source=payload.source, soup=soup, page_text=page_text, texts=[b.text for b in blocks], fields=fields,
            cards=cards, title=title, description=description, prose_chars=prose_chars,
            organization=organizations[0] if organizations else None, url=_url(soup) or payload.url,
        )

    def posting_or_reject(self) -> Posting | Reject:
        if not self.title or self.prose_chars < MIN_BODY_CHARS:
            if self.cards >= MIN_CARDS:
                return Reject(self.source, "listing_page", f"a list of {self.cards} linked job headings, no posting")
            what = "no title" if not self.title else f"only {self.prose_chars} characters of text"
            return Reject(self.source, "no_posting", f"no job posting on the page ({what})")
        return self.fill(Posting(source=self.source, title=self.title))

    def fill(self, posting: Posting) -> Posting:
        """Complete a posting with what the page says where the posting says nothing."""
        fill_from_fields(posting, self.fields)
        posting.company = posting.company or self._company()
        posting.location_texts = posting.location_texts or self._locations()
        posting.raw_category = posting.raw_category or self._position_as_category(posting)
        posting.url = posting.url or self.url
        posting.description = posting.description or self.description
        return posting

    def _company(self) -> str | None:
        for block_text in self.texts:
            match = FULL_TEXT_AT.match(block_text)
            if match:
                return match[1].strip().rstrip(".")
        if self.organization and text(self.organization.get("name")):
            return text(self.organization.get("name"))
        for name in COMPANY_META:
            found = _meta(self.soup, name)
            if found:
                return found
        return copyright_holder(self.page_text)

    def _locations(self) -> list[str]:
        if "company" in self.fields:
            place = _postal_place(self.fields["company"].lines)
            if place:
                return [place]
        if self.organization:
            place = address_text(self.organization.get("address"))
            if place:
                return [place]
        return []

    def _position_as_category(self, posting: Posting) -> str | None:
        """"Position" repeats the title on some sites and names the occupation on others."""
        position = self.fields.get("position")
        if position and position.value.lower() != posting.title.lower():
            return position.value
        return None


def _title(soup: BeautifulSoup, body: Tag, fields: dict[str, Field]) -> str | None:
    if "title" in fields:
        return fields["title"].value
    for heading in body.find_all("h1"):
        found = " ".join(heading.get_text(" ").split())
        if found:
            return found
    for name in TITLE_META:
        found = _meta(soup, name)
        if found:
            return found
    return None


def _description(body: Tag, title: str | None, used: set[tuple[int, str]]) -> tuple[str, int]:
    """The main text and how much prose it holds."""
    root = _content_root(body, blocks_of(body))
    kept: list[Block] = []
    for block in blocks_of(root):
        if (id(block.element), block.text) in used or is_noise(block.text) or block.link_density > 0.5:
            continue
        if title and block.text.lower() == title.lower():
            continue
        if kept and kept[-1].text == block.text:
            continue
        kept.append(block)
    while kept and len(kept[0].text.split()) < MIN_EDGE_WORDS:
        kept.pop(0)
    while kept and len(kept[-1].text.split()) < MIN_EDGE_WORDS:
        kept.pop()
    return join_blocks(kept), sum(len(b.text) for b in kept if _is_prose(b))


def _is_prose(block: Block) -> bool:
    return len(block.text) >= PROSE_MIN_CHARS and block.link_density < 0.3 and not block.is_heading


def _content_root(body: Tag, blocks: list[Block]) -> Tag:
    """The deepest element holding at least PROSE_SHARE of the prose."""
    weight: Counter[int] = Counter()
    total = 0
    for block in blocks:
        if not _is_prose(block):
            continue
        total += len(block.text)
        for element in (block.element, *block.element.parents):
            weight[id(element)] += len(block.text)
            if element is body:
                break
    node = body
    while total:
        children = node.find_all(True, recursive=False)
        best = max(children, key=lambda child: weight[id(child)], default=None)
        if best is None or weight[id(best)] < PROSE_SHARE * total:
            break
        node = best
    return node


def _meta(soup: BeautifulSoup, name: str) -> str | None:
    for tag in soup.find_all("meta"):
        key = (tag.get("property") or tag.get("name") or "").lower()
        if key == name:
            found = " ".join((tag.get("content") or "").split())
            if found:
                return found
    return None


def _url(soup: BeautifulSoup) -> str | None:
    link = soup.find("link", rel="canonical", href=True)
    if link and link["href"].startswith(("http://", "https://")):
        return link["href"]
    found = _meta(soup, "og:url")
    return found if found and found.startswith(("http://", "https://")) else None


def _postal_place(lines: list[str]) -> str | None:
    """"DK 2730 Herlev" (+ "Denmark" on the next line) in an employer's address -> "Herlev, Denmark"."""
    for index, line in enumerate(lines):
        match = POSTAL_LINE.match(line)
        if match:
            after = lines[index + 1] if index + 1 < len(lines) else ""
            country = after if after.replace(" ", "").isalpha() and len(after) < 40 else ""
            return ", ".join(p for p in (match[1].strip(), country) if p)
    return None
