"""Skills a posting asks for, as canonical names from the shipped vocabulary (`indexer/data/skills.tsv`).

Text is tokenised with an NLTK `RegexpTokenizer` that keeps C++, C#, .NET, Node.js and the
vocabulary's slash terms (CI/CD, UI/UX) whole; multi-word skills are joined by NLTK's
`MWETokenizer` over Snowball-stemmed keys, so "dashboards" or "dockerized" find their skill.
Names that are also ordinary words ("Go", "R", "Excel", "Spark", "English") only count when
written in their exact case AND backed by context: a cue word near them ("experience with",
"written in", "programming", "fluent") or a list with another accepted skill ("Go, Python").

Everything compiled is built once, on first use (`_matcher()`).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from nltk import redos
from nltk.stem.snowball import SnowballStemmer
from nltk.tokenize import MWETokenizer, RegexpTokenizer

from indexer.enrich.skill_vocabulary import (
    ANY_CASE, EXACT_CASE, GROUPS, IN_CONTEXT, SKILLS, Alias, Skill, load_vocabulary,
)

__all__ = [
    "extract_skills", "tokenize", "load_vocabulary", "SKILLS", "Skill", "Alias", "GROUPS",
    "ANY_CASE", "EXACT_CASE", "IN_CONTEXT",
]

# Groups whose skills may vouch for each other in a list ("Excel, SQL" yes; "Flutter/RN" is not a nurse).
_CLUSTERS = (
    frozenset({"engineering", "data", "science", "design", "product", "productivity"}),
    frozenset({"sales", "marketing", "finance", "operations", "people", "legal", "product",
               "productivity", "design"}),
    frozenset({"healthcare", "science"}),
    frozenset({"languages", "linguistics"}),
)


def extract_skills(title: str | None, description: str | None) -> list[str]:
    """Canonical skill names found in a posting's title and plain-text description, in order of
    first mention, each once. Legal/EEO paragraphs of the description are not read."""
    return _matcher().extract(f"{title or ''}\n{_without_boilerplate(description or '')}")


def _without_boilerplate(text: str) -> str:
    """The text without its equal-opportunity, accommodation and privacy paragraphs."""
    return "\n\n".join(p for p in _PARAGRAPH_BREAK.split(text) if not _BOILERPLATE.search(p.lower()))


def tokenize(text: str) -> list[str]:
    """The extractor's tokens (C++, C#, .NET, Node.js, CI/CD stay whole; newlines are tokens)."""
    return _matcher().tokenizer.tokenize(text)


# --- context rules -------------------------------------------------------------------------
_BREAKS = frozenset({"!", "?", ";"})
_ABBREVIATIONS = frozenset({"e.g", "i.e", "etc", "vs", "incl", "ca", "approx", "pref", "esp", "ex"})
_URL = re.compile(r"(?:https?://|www\.)\S+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# Legal and EEO paragraphs mention "recruiting", "privacy", "disability" ... but ask for no skill.
_BOILERPLATE = re.compile(  # matched against lower-cased paragraphs
    r"equal (?:employment )?opportunit|discriminat|accommodation|privacy (?:policy|notice)"
    r"|unsolicited|e-verify|fair chance|by submitting"
)
# Endings that make a different word, not an inflection: "designer" is not "design".
_DERIVED_ENDINGS = frozenset({
    "r", "rs", "er", "ers", "or", "ors", "ist", "ists", "ment", "ments", "ion", "ions", "able",
    "ably", "ability",
})
# A list of names after these is a list of companies: "customers like Figma, AWS and Red Hat".
_COMPANY_NOUNS = frozenset({
    "companies", "company", "organizations", "organisations", "customers", "clients", "brands",
    "businesses", "enterprises", "startups", "leaders", "firms", "institutions", "partners",
    "investors", "employers", "giants", "logos", "banks", "fintechs", "retailers",
})
# "At Clay, we ...", "About Lambda", "Beam's CEO": the word names the employer in this posting.
_EMPLOYER_BEFORE = frozenset({"At", "About", "ABOUT", "Join", "join", "Joining", "joining"})
_EMPLOYER_POSSESSIONS = frozenset({
    "mission", "ceo", "founder", "founders", "team", "culture", "customers", "clients", "client",
    "revenue", "growth", "employees", "office", "offices", "values", "leadership", "board",
    "investors", "success", "vision", "journey", "story", "future",
})
_LIST_INTRODUCERS = frozenset({"like", "including", "include", "includes", "e.g", "as"})
_NAME_LIST_GLUE = frozenset({",", "(", ")", "&", "and", "or", "the", "of", ".", "-", "'", "’", "s"})
_LIST_SEPARATORS = frozenset({
    ",", "/", "&", "+", "(", ")", "|", "·", "•", "-", ":", "and", "or", "as", "well", "e.g", "i.e",
    "etc", "und", "oder", "et", "ou", "y", "o",
})
_DEFAULT_CUES_BEFORE = frozenset({
    "experience", "experienced", "proficiency", "proficient", "expertise", "expert", "knowledge",
    "familiarity", "familiar", "skilled", "skills", "fluency", "fluent", "programming", "coding",
    "code", "written", "writing", "develop", "developing", "development", "languages", "language",
    "using", "use", "uses", "leverage", "leveraging", "advanced", "stack", "tools", "tooling",
    "frameworks", "framework", "technologies", "confident", "comfortable", "competent",
    "competency", "mastery",
})
_DEFAULT_CUES_AFTER = frozenset({
    "programming", "language", "languages", "code", "codebase", "developer", "developers",
    "engineer", "engineers", "engineering", "development", "backend", "services", "microservices",
    "libraries", "library", "framework", "frameworks", "apps", "applications", "jobs",
    "pipelines", "cluster", "clusters", "scripts", "scripting", "skills", "experience",
    "proficiency", "expertise", "knowledge", "spreadsheets", "spreadsheet", "models", "modeling",
    "modelling", "formulas", "macros", "pivot", "vlookup", "sdk", "sdks", "api", "apis",
    "ecosystem", "stack", "studio", "based", "certification", "certified", "runtime", "packages",
    "modules", "components", "license", "licensure", "workflows", "queries", "required",
    "plus",
})
# "Series C", "Plan B", "Vitamin C"; "Go above and beyond", "C suite", "spark joy".
_DEFAULT_BLOCK_BEFORE = frozenset({
    "series", "vitamin", "plan", "type", "grade", "class", "tier", "section", "part", "round",
    "phase", "level", "category", "option",
})
_DEFAULT_BLOCK_AFTER = frozenset({
    "at", "above", "beyond", "ahead", "live", "suite", "suites", "level", "levels", "corp",
    "funding", "round", "joy", "curiosity", "action",
})
_LANGUAGE_CUES_BEFORE = frozenset({
    "fluent", "fluency", "fluently", "native", "proficiency", "proficient", "speak", "speaks",
    "speaking", "spoken", "speaker", "written", "verbal", "oral", "bilingual", "trilingual",
    "multilingual", "command", "business", "conversational", "communicate", "communication",
    "read", "write", "knowledge", "language", "languages", "translate", "translating",
    "translation", "translator", "translators", "into", "c1", "c2", "b1", "b2",
    # de / fr / es / it / pt
    "fließend", "fliessend", "verhandlungssicher", "muttersprache", "muttersprachlich",
    "muttersprachler", "kenntnisse", "sprachkenntnisse", "sehr", "gute", "courant", "courante",
    "couramment", "parles", "parler", "parlé", "maîtrise", "bilingue", "nativo", "nativa",
    "fluido", "fluida", "dominio", "avanzado", "idioma", "idiomas", "langue", "langues", "lingua",
    "sprache", "sprachen", "habla", "hablar",
})
_LANGUAGE_CUES_AFTER = frozenset({
    "speaker", "speakers", "speaking", "language", "languages", "fluency", "proficiency",
    "skills", "level", "native", "fluent", "c1", "c2", "b1", "b2", "translator", "translators",
    "translation", "translations", "linguist", "linguists", "writer", "writers", "copywriter",
    "required", "mandatory", "essential", "must", "plus", "kenntnisse", "sprachkenntnisse",
    "muttersprache", "courant", "courante", "écrit", "écrite", "parlé", "parlée", "nativo", "fluido",
})


@dataclass(frozen=True)
class _Profile:
    """What counts as context for an ambiguous name: cue words around it, words that veto it."""

    cues_before: frozenset[str]
    cues_after: frozenset[str]
    block_before: frozenset[str] = frozenset()  # the word right before vetoes it
    block_after: frozenset[str] = frozenset()  # the word right after vetoes it
    negations: frozenset[str] = frozenset()  # any of these shortly before vetoes it


_DEFAULT_PROFILE = _Profile(
    _DEFAULT_CUES_BEFORE, _DEFAULT_CUES_AFTER, _DEFAULT_BLOCK_BEFORE, _DEFAULT_BLOCK_AFTER
)
_PROFILES = {
    "languages": _Profile(
        _LANGUAGE_CUES_BEFORE, _LANGUAGE_CUES_AFTER,
        negations=frozenset({"no", "not", "without", "nicht", "kein", "keine", "pas", "sans"}),
    ),
}
_CUE_WINDOW_BEFORE, _CUE_WINDOW_AFTER, _LIST_GAP = 5, 3, 3
_KEY_CACHE_LIMIT = 500_000


class _Tokenizer(RegexpTokenizer):
    """NLTK's RegexpTokenizer without its per-call 5-second regex timeout: our pattern is linear,
    and the timeout check costs 2.5x the matching time and would fail a very long posting."""

    def _check_regexp(self):
        if self._regexp is None:
            self._regexp = redos.compile(self._pattern, self._flags, timeout=None)


@dataclass(frozen=True)
class _Entry:
    """One alias of one skill compiled for matching: its tokens as written, how strictly to match."""

    tokens: tuple[str, ...]
    lowered: tuple[str, ...]
    mode: str
    skill: Skill

    def matches(self, surface: list[str]) -> bool:
        if self.mode != ANY_CASE:
            return tuple(surface) == self.tokens
        # Same stems already; allow inflections of the alias as written ("dashboards", "dockerized",
        # "strategies" for "strategy"), not other words ("markets" is not "marketing", "designer"
        # is not "design"). So aliases are written in their base form.
        for word, alias in zip(surface, self.lowered):
            word = word.lower()
            if word == alias:
                continue
            if word.startswith(alias) and word[len(alias):] not in _DERIVED_ENDINGS:
                continue
            if alias.endswith("y") and word == alias[:-1] + "ies":
                continue
            return False
        return True


@dataclass
class _Candidate:
    start: int
    end: int
    entry: _Entry
    accepted: bool = False
    blocked: bool = False


class _Matcher:
    def __init__(self, skills: tuple[Skill, ...]):
        self._stem = SnowballStemmer("english").stem
        self._keys: dict[str, str] = {}
        self.tokenizer = _Tokenizer(self._token_pattern(skills))
        by_key: dict[tuple[str, ...], dict[_Entry, None]] = {}
        for skill in skills:
            for form in skill.forms:
                for tokens in self._variants(self.tokenizer.tokenize(self._normalise(form.text)), form.mode):
                    entry = _Entry(tuple(tokens), tuple(t.lower() for t in tokens), form.mode, skill)
                    by_key.setdefault(tuple(self._key(t) for t in tokens), {})[entry] = None
        self._entries = {" ".join(key): list(entries) for key, entries in by_key.items()}
        self._mwe = MWETokenizer([key for key in by_key if len(key) > 1], separator=" ")

    @staticmethod
    def _token_pattern(skills: tuple[Skill, ...]) -> str:
        slash_terms = sorted(
            {word.lower() for s in skills for f in s.forms for word in f.text.split() if "/" in word},
            key=len, reverse=True,
        )
        parts = [r"\n\s*"]  # line breaks end a sentence for the context rules
        if slash_terms:  # CI/CD, UI/UX, A/B: the vocabulary's own slash terms
            parts.append(rf"(?<![\w/])(?i:{'|'.join(map(re.escape, slash_terms))})(?![\w/])")
        parts += [
            r"(?<![\w.])\.[A-Za-z]\w*",  # .NET
            r"\w+(?:[.&]\w+)*(?:\+\+|#)?",  # words, Node.js, R&D, C++, C#
            r"[^\w\s]",  # any other single symbol
        ]
        return "|".join(parts)

    @staticmethod
    def _normalise(text: str) -> str:
        # Unicode hyphens as "-" ("Go‑to‑market", "C‑suite"); URLs and e-mail addresses out.
        text = _URL.sub(" ", text.replace("\u2010", "-").replace("\u2011", "-"))
        return _EMAIL.sub(" ", text) if "@" in text else text

    @staticmethod
    def _variants(tokens: list[str], mode: str) -> list[list[str]]:
        """Spellings of an alias: "front-end" also as "front end", "machine learning" also as
        "machine-learning", and a plural phrase also in the singular ("unit tests", "unit test")."""
        if mode != ANY_CASE:
            return [tokens]
        variants = [tokens]
        last = tokens[-1]
        if len(tokens) > 1 and len(last) > 3 and last.isalpha() and last.endswith("s") and not last.endswith(
            ("ss", "us", "is")
        ):
            variants.append(tokens[:-1] + [last[:-3] + "y" if last.endswith("ies") else last[:-1]])
        for variant in list(variants):
            if "-" in variant:
                variants.append([t for t in variant if t != "-"])
            elif len(variant) > 1 and all(t.isalnum() for t in variant):
                variants.append([part for t in variant for part in (t, "-")][:-1])
        return [v for v in variants if v]

    def _key(self, token: str) -> str:
        key = self._keys.get(token)
        if key is None:
            if token[0] == "\n":
                key = "\n"
            else:
                key = token.lower()
                if len(key) > 3 and key.isalpha():
                    key = self._stem(key)
            if len(self._keys) >= _KEY_CACHE_LIMIT:
                self._keys.clear()
            self._keys[token] = key
        return key

    def extract(self, text: str) -> list[str]:
        tokens = self.tokenizer.tokenize(self._normalise(text))
        cached = self._keys.get
        merged = self._mwe.tokenize([cached(t) or self._key(t) for t in tokens])
        entries_of = self._entries.get
        candidates: list[_Candidate] = []
        position = 0
        for key in merged:
            width = key.count(" ") + 1 if " " in key else 1
            if width > 1 or entries_of(key):
                found = self._find(key, tokens, position, width)
                if not found and width > 1:  # the whole is not a skill; its shorter parts may be
                    found = self._rescan(tokens, position, position + width)
                candidates += found
            position += width
        _judge(candidates, tokens)
        names: dict[str, None] = {}
        for candidate in candidates:
            if candidate.accepted:
                names[candidate.entry.skill.name] = None
        return list(names)

    def _rescan(self, tokens: list[str], start: int, end: int) -> list[_Candidate]:
        """Longest matches inside tokens[start:end] ("test automation" in "test automation framework")."""
        found: list[_Candidate] = []
        i = start
        while i < end:
            for width in range(end - i, 0, -1):
                hits = self._find(" ".join(self._key(t) for t in tokens[i:i + width]), tokens, i, width)
                if hits:
                    found += hits
                    i += width
                    break
            else:
                i += 1
        return found

    def _find(self, key: str, tokens: list[str], start: int, width: int) -> list[_Candidate]:
        entries = self._entries.get(key)
        if not entries:
            return []
        surface = tokens[start:start + width]
        return [
            _Candidate(start, start + width, entry, accepted=entry.mode != IN_CONTEXT)
            for entry in entries if entry.matches(surface)
        ]


def _judge(candidates: list[_Candidate], tokens: list[str]) -> None:
    """Accept IN_CONTEXT candidates that have a cue, or sit in a list next to an accepted skill;
    drop any candidate that is one of a list of company names."""
    employer = {
        c.entry.tokens for c in candidates if c.entry.mode == IN_CONTEXT and _names_employer(c, tokens)
    }
    for c in candidates:
        if _in_company_list(c, tokens) or (c.entry.mode == IN_CONTEXT and c.entry.tokens in employer):
            c.accepted, c.blocked = False, True
        elif not c.accepted:
            _check_context(c, tokens)
    _spread(candidates, tokens)


def _spread(candidates: list[_Candidate], tokens: list[str]) -> None:
    """Acceptance spreads along a list ("Go, Rust (or C)") and to other mentions of an accepted
    skill; a worklist, so each candidate and each skill is handled once."""
    spans: dict[tuple[int, int], list[_Candidate]] = {}
    same_skill: dict[str, list[_Candidate]] = {}
    for c in candidates:
        spans.setdefault((c.start, c.end), []).append(c)
        same_skill.setdefault(c.entry.skill.name, []).append(c)
    beside: dict[tuple[int, int], list[tuple[int, int]]] = {span: [] for span in spans}
    ordered = list(spans)
    for a, b in zip(ordered, ordered[1:]):
        if _listed_together(a, b, tokens):
            beside[a].append(b)
            beside[b].append(a)
    queue = [c for c in candidates if c.accepted]
    spread_skills: set[str] = set()
    while queue:
        winner = queue.pop()
        reached = [
            d for span in beside[(winner.start, winner.end)] for d in spans[span] if _compatible(winner, d)
        ]
        if winner.entry.skill.name not in spread_skills:
            spread_skills.add(winner.entry.skill.name)
            reached += same_skill[winner.entry.skill.name]
        for other in reached:
            if not (other.accepted or other.blocked):
                other.accepted = True
                queue.append(other)


def _check_context(c: _Candidate, tokens: list[str]) -> None:
    profile = _PROFILES.get(c.entry.skill.group, _DEFAULT_PROFILE)
    before = tokens[c.start - 1].lower() if c.start > 0 else ""
    after = tokens[c.end].lower() if c.end < len(tokens) else ""
    beyond = tokens[c.end + 1].lower() if c.end + 1 < len(tokens) else ""
    if before in profile.block_before or after in profile.block_after:
        c.blocked = True
    elif before == "-" and c.start > 1 and tokens[c.start - 2].isalnum():
        c.blocked = True  # the tail of a compound: "Series-C"
    elif after == "-" and beyond.isalnum() and not (
        beyond in profile.cues_after or beyond in _LIST_SEPARATORS
    ):
        c.blocked = True  # the head of a compound: "Go-to-market", "C-level" (not "German-speaking")
    else:
        before_words = [t.lower() for t in _sentence_window(tokens, c.start, -1, _CUE_WINDOW_BEFORE, True)]
        after_words = [t.lower() for t in _sentence_window(tokens, c.end - 1, 1, _CUE_WINDOW_AFTER)]
        if profile.negations.intersection(before_words):
            c.blocked = True  # "no need to speak French"
        else:
            c.accepted = bool(profile.cues_before.intersection(before_words)) or bool(
                profile.cues_after.intersection(after_words)
            )


def _names_employer(c: _Candidate, tokens: list[str]) -> bool:
    before = tokens[c.start - 1] if c.start > 0 else "\n"
    after = [t.lower() for t in tokens[c.end:c.end + 3]] + ["", "", ""]
    if before in _EMPLOYER_BEFORE and (after[0] in (",", ":", "’", "'", "we", "") or after[0][0] == "\n"):
        return True
    if after[0] in ("’", "'") and after[1] == "s" and after[2] in _EMPLOYER_POSSESSIONS:
        return True
    return after[0] == "was" and after[1] == "founded"


def _in_company_list(c: _Candidate, tokens: list[str]) -> bool:
    """Is the match one of a list of names introduced as companies ("founders of Box, Airtable")?"""
    i = c.start - 1
    while i >= 0 and c.start - i <= 40:
        token = tokens[i]
        word = token.lower()
        if word in _LIST_INTRODUCERS or word in ("by", "of"):
            before = [t.lower() for t in tokens[max(0, i - 3):i]]
            if word == "by":
                return bool(before) and before[-1] in ("trusted", "backed", "used", "loved", "funded")
            if word == "of":
                return bool(before) and before[-1] in ("founders", "alumni", "alums")
            return bool(_COMPANY_NOUNS.intersection(before))
        if not (token[0].isupper() or token[0].isdigit() or word in _NAME_LIST_GLUE):
            return False
        i -= 1
    return False


def _listed_together(a: tuple[int, int], b: tuple[int, int], tokens: list[str]) -> bool:
    """Only separators between them, or one more name: "Asana, Linksquares, Ironclad"."""
    gap = tokens[a[1]:b[0]]
    if len(gap) > _LIST_GAP + 1:
        return False
    others = [t for i, t in enumerate(gap) if not _is_separator(gap, i)]
    if not others:
        return len(gap) <= _LIST_GAP
    return len(others) == 1 and others[0][0].isupper() and "," in gap and len(gap) <= _LIST_GAP + 1


def _is_separator(tokens: list[str], i: int) -> bool:
    """A list separator, counting the "." of "e.g." as part of it."""
    token = tokens[i]
    return token.lower() in _LIST_SEPARATORS or (
        token == "." and i > 0 and tokens[i - 1].lower() in _ABBREVIATIONS
    )


def _sentence_window(
    tokens: list[str], index: int, step: int, size: int, over_lists: bool = False
) -> list[str]:
    """Up to `size` tokens from `index` in direction `step`, stopping at a sentence break.
    `over_lists`: names and separators do not count, so a cue reaches along a list
    ("Experience with Ashby, LinkedIn Recruiter, and Notion")."""
    out: list[str] = []
    counted = 0
    i = index + step
    while counted < size and len(out) < 3 * size and 0 <= i < len(tokens):
        token = tokens[i]
        if token[0] == "\n" or token in _BREAKS or (
            token == "." and not (i > 0 and tokens[i - 1].lower() in _ABBREVIATIONS)
        ):
            break
        out.append(token)
        over_lists = over_lists and (token[0].isupper() or token.lower() in _LIST_SEPARATORS)
        if not over_lists:
            counted += 1
        i += step
    return out


def _compatible(winner: _Candidate, loser: _Candidate) -> bool:
    """May `winner` vouch for `loser`? Only within a family of groups (see _CLUSTERS)."""
    return any(
        winner.entry.skill.group in cluster and loser.entry.skill.group in cluster for cluster in _CLUSTERS
    )


@functools.lru_cache(maxsize=1)
def _matcher() -> _Matcher:
    return _Matcher(SKILLS)
