"""The skills vocabulary the project ships (`indexer/data/skills.tsv`): canonical names, their
group, and every written form the extractor looks for (which search can use as synonyms)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

VOCABULARY_PATH = Path(__file__).resolve().parents[1] / "data" / "skills.tsv"

GROUPS = (
    "engineering", "data", "science", "design", "product", "productivity", "sales", "marketing",
    "finance", "operations", "people", "legal", "healthcare", "languages", "linguistics",
)
ANY_CASE, EXACT_CASE, IN_CONTEXT = "any_case", "exact_case", "in_context"
_MARKERS = {"~": IN_CONTEXT, "=": EXACT_CASE}


@dataclass(frozen=True)
class Alias:
    """One written form of a skill. `mode`: ANY_CASE, EXACT_CASE, or IN_CONTEXT (exact case + context)."""

    text: str
    mode: str


@dataclass(frozen=True)
class Skill:
    name: str
    group: str
    forms: tuple[Alias, ...]  # every form the extractor matches (the name too, unless display-only)

    @property
    def aliases(self) -> tuple[str, ...]:
        """Other names for the skill. IN_CONTEXT ones ("Go", "Excel") are ordinary words elsewhere:
        a synonym list for search should leave them out."""
        return tuple(dict.fromkeys(f.text for f in self.forms if f.text != self.name))


def load_vocabulary(path: Path = VOCABULARY_PATH) -> tuple[Skill, ...]:
    """Read the skills TSV (name, group, "|"-separated aliases; markers explained in the file)."""
    skills: list[Skill] = []
    seen: set[str] = set()
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#") or line.startswith("name\t"):
                continue
            fields = line.split("\t")
            if len(fields) not in (2, 3):
                raise ValueError(f"{path}:{number}: expected name, group[, aliases]; got {line!r}")
            name, group, raw = (f.strip() for f in [*fields, ""][:3])
            if group not in GROUPS:
                raise ValueError(f"{path}:{number}: unknown group {group!r}")
            if name in seen:
                raise ValueError(f"{path}:{number}: duplicate skill {name!r}")
            seen.add(name)
            forms: dict[str, Alias] = {}
            name_is_marked = False
            for item in (a.strip() for a in raw.split("|")):
                if not item:
                    continue
                marker, text = (item[0], item[1:]) if item[0] in "~=!" else ("", item)
                name_is_marked |= text == name
                if marker != "!":
                    forms.setdefault(text, Alias(text, _MARKERS.get(marker, ANY_CASE)))
            if not name_is_marked:
                forms = {name: Alias(name, ANY_CASE), **forms}
            if not forms:
                raise ValueError(f"{path}:{number}: {name!r} has no form to match")
            skills.append(Skill(name, group, tuple(forms.values())))
    return tuple(skills)


SKILLS: tuple[Skill, ...] = load_vocabulary()
