"""HTML to plain text the way a reader sees it: one block per paragraph, heading, list item or cell.

Blocks keep the element they came from, so page parsers can tell where text sits (a heading,
a sidebar, a link list); `join_blocks` makes the plain-text description: paragraphs separated
by a blank line, list items as "- item".
"""
from __future__ import annotations

from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section "
    "summary table tbody td tfoot th thead tr ul".split()
)
HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6".split())
# Elements whose whole text reads as a label when it stands alone ("Placering", "Type of employment").
LABEL_TAGS = HEADING_TAGS | {"dt", "th", "label", "legend", "b", "strong"}
INVISIBLE_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas")
_SKIPPED_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction)


@dataclass
class Block:
    text: str
    element: Tag  # nearest block-level element holding the text
    labelish: bool  # the whole text is a heading, term, label or bold
    link_chars: int  # characters inside <a>
    continued: bool = False  # follows an earlier block of the same element (after a <br>)

    @property
    def is_heading(self) -> bool:
        return self.element.name in HEADING_TAGS

    @property
    def link_density(self) -> float:
        return self.link_chars / max(len(self.text), 1)


def strip_invisible(soup: Tag) -> None:
    """Drop what a browser does not show as text (scripts, styles, embedded objects)."""
    for tag in soup.find_all(INVISIBLE_TAGS):
        tag.decompose()


def blocks_of(root: Tag) -> list[Block]:
    out: list[Block] = []
    _walk(root, root, [], out, in_link=False, in_label=False)
    return out


def _walk(element: Tag, block: Tag, parts: list, out: list[Block], *, in_link: bool, in_label: bool) -> None:
    for child in element.children:
        if isinstance(child, NavigableString):
            if not isinstance(child, _SKIPPED_STRINGS):
                parts.append((str(child), in_link, in_label))
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name
        if name == "br":
            _flush(block, parts, out)
        elif name in BLOCK_TAGS:
            _flush(block, parts, out)
            _walk(child, child, [], out, in_link=False, in_label=name in LABEL_TAGS)
        else:
            _walk(child, block, parts, out, in_link=in_link or name == "a",
                  in_label=in_label or name in LABEL_TAGS)
    if element is block:
        _flush(block, parts, out)


def _flush(block: Tag, parts: list, out: list[Block]) -> None:
    if not parts:
        return
    text = " ".join("".join(part for part, _, _ in parts).split())
    if text:
        link_chars = sum(len(part.strip()) for part, linked, _ in parts if linked)
        labelish = block.name in LABEL_TAGS or all(label for part, _, label in parts if part.strip())
        continued = bool(out) and out[-1].element is block
        out.append(Block(text, block, labelish, link_chars, continued))
    parts.clear()


def join_blocks(blocks: list[Block]) -> str:
    return "\n\n".join(
        "- " + b.text if b.element.name == "li" and not b.continued else b.text for b in blocks
    )


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment (a feed's description), paragraphs separated by blank lines."""
    if not markup or "<" not in markup:
        return "\n\n".join(p.strip() for p in (markup or "").split("\n\n") if p.strip())
    soup = BeautifulSoup(markup, "lxml")
    strip_invisible(soup)
    return join_blocks(blocks_of(soup))
